import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract } from '@spreekkamer/shared';
import { call } from '../../api/client.js';
import { OrganisationFilmPlayer } from './OrganisationFilmPlayer.js';
import { Heading } from '../../components/Heading.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import type { TranslationKey } from '../../i18n/keys.js';
import { storyPanels } from './story.js';
import { StoryPanel } from './StoryPanel.js';
import './explainer.css';

const sections = ['consent', 'who', 'never', 'safe', 'withdraw'] as const;
const linesOf = { consent: 3, who: 4, never: 3, safe: 3, withdraw: 3 } as const satisfies Record<(typeof sections)[number], number>;

/**
 * /uitleg/opname — for professionals: what happens to a recording, who sees what, what managers
 * and administrators can never see, and withdrawal; then the picture story their clients see.
 */
export function RecordingExplainerPage() {
  const { t } = useTranslation();
  const film = useQuery({ queryKey: ['explainer', 'film'], queryFn: () => call(contract.explainer.film) });
  return (
    <Page title={t('explainer.staff.title')} documentTitle={t('explainer.staff.documentTitle')} intro={t('explainer.staff.intro')}>
      {film.data?.film ? (
        <section aria-labelledby="explainer-film">
          <Heading level={2} id="explainer-film">
            {t('explainer.film.watch')}
          </Heading>
          <OrganisationFilmPlayer film={film.data.film} src="/api/explainer/film.mp4" title={t('explainer.film.watch')} />
        </section>
      ) : null}
      {sections.map((section) => (
        <section key={section} aria-labelledby={`explainer-${section}`}>
          <Heading level={2} id={`explainer-${section}`}>
            {t(`explainer.staff.sections.${section}.title`)}
          </Heading>
          <ul>
            {Array.from({ length: linesOf[section] }, (_, index) => (
              <li key={index}>{t(`explainer.staff.sections.${section}.lines.l${index + 1}` as TranslationKey)}</li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="explainer-story">
        <Heading level={2} id="explainer-story">
          {t('explainer.staff.clientStory')}
        </Heading>
        <Paragraph>{t('explainer.staff.clientStoryHelp')}</Paragraph>
        <ol className="sk-story-list">
          {storyPanels.map((panel) => (
            <li key={panel.id}>
              <StoryPanel panel={panel} headingLevel={3} />
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}
