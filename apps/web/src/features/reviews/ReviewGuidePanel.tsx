import { useTranslation } from 'react-i18next';
import { localize } from '@spreekkamer/shared';
import { Paragraph } from '../../components/Paragraph.js';
import { useReviewGuide } from './api.js';

/**
 * The review guide beside a moment: strengths first, then describe, then what it does, then what
 * else could be tried. Folded with a native <details>, so it works without script and with any
 * keyboard or screen reader; the browser remembers nothing, each moment starts open.
 */
export function ReviewGuidePanel({ defaultOpen = true }: { defaultOpen?: boolean }) {
  const { t, i18n } = useTranslation();
  const guide = useReviewGuide();
  if (!guide.data) return null;
  return (
    <details className="sk-guide" open={defaultOpen}>
      <summary className="sk-guide__summary">{t('reviews.guide.title')}</summary>
      <Paragraph small>{t('reviews.guide.intro')}</Paragraph>
      <ol className="sk-guide__steps">
        {guide.data.steps.map((step) => (
          <li key={step.id} className="sk-guide__step">
            <strong>{localize(step.title, i18n.language)}</strong>
            <ul>
              {step.prompts.map((prompt, index) => (
                <li key={index}>{localize(prompt, i18n.language)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
