import { useTranslation } from 'react-i18next';
import { Pictogram } from '../../components/icons/Pictogram.js';
import type { storyPanels } from './story.js';

/** One panel: its pictograms large, side by side, with a title and a caption to read or hear. */
export function StoryPanel({ panel, headingLevel }: { panel: (typeof storyPanels)[number]; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <figure className="sk-story-panel" data-panel={panel.id}>
      <div className="sk-story-panel__pictures" aria-hidden="true">
        {panel.pictograms.map((name) => (
          <Pictogram key={name} name={name} size={72} />
        ))}
      </div>
      <figcaption>
        <Heading className="sk-story-panel__title" tabIndex={-1}>{t(`explainer.client.panels.${panel.id}.title`)}</Heading>
        <p className="sk-story-panel__text">{t(`explainer.client.panels.${panel.id}.text`)}</p>
      </figcaption>
    </figure>
  );
}
