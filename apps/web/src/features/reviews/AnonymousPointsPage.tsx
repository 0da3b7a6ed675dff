import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { useAnonymousPoints } from './api.js';
import './reviews.css';

/**
 * /punten-zonder-naam — what clients passed on without their name. Only whole batches from at
 * least k clients, as bare texts: no recording, no date of a conversation, no reviewer.
 */
export function AnonymousPointsPage() {
  const { t, i18n } = useTranslation();
  const points = useAnonymousPoints();
  return (
    <Page title={t('reviews.anonymousPoints.title')} intro={t('reviews.anonymousPoints.intro', { count: points.data?.minimumClients ?? 5 })}>
      <QueryStatus query={points} />
      {points.data && points.data.batches.length === 0 ? <Paragraph>{t('reviews.anonymousPoints.empty')}</Paragraph> : null}
      {points.data?.batches.map((batch) => (
        <section key={batch.releasedOn + batch.texts.join('|')} className="sk-card" aria-label={t('reviews.anonymousPoints.batch', { date: formatDay(batch.releasedOn, i18n.language) })}>
          <h2 className="utrecht-heading-3">{t('reviews.anonymousPoints.batch', { date: formatDay(batch.releasedOn, i18n.language) })}</h2>
          <ul className="sk-outcomes">
            {batch.texts.map((text, index) => (
              <li key={index}>
                <span className="sk-outcomes__text">{text}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
