import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { localize, momentThemeLabels } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatClock } from '../recordings/format.js';
import { formatDay } from '../../lib/format.js';
import { exportUrl, useReviewExport } from './api.js';
import { reviewPaths } from './paths.js';
import './reviews.css';

/** /opnames/:id/verslag — the professional's own moments, notes and takeaways as a printable page, with text downloads. Never media. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const data = useReviewExport(id);
  if (data.isPending || data.error) {
    return (
      <Page title={t('reviews.report.title')} breadcrumbs={[{ to: reviewPaths.room(id), label: t('breadcrumbs.room') }]}>
        <QueryStatus query={data} />
      </Page>
    );
  }
  const report = data.data;
  const kinds = (kind: string) => t(`reviews.kinds.${kind as 'observation'}`);
  return (
    <Page title={t('reviews.report.titleWithDate', { date: formatDay(report.conversationHeldOn, i18n.language) })} intro={t('reviews.report.intro')} crumbLabel={t('breadcrumbs.report')} breadcrumbs={[{ to: reviewPaths.room(id), label: t('breadcrumbs.room') }]}>
      <div className="sk-actions sk-no-print">
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          {t('reviews.report.print')}
        </Button>
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={exportUrl(id, 'md')} download>
          {t('reviews.report.markdown')}
        </a>
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={exportUrl(id, 'csv')} download>
          {t('reviews.report.csv')}
        </a>
        <Link to={reviewPaths.room(id)}>{t('reviews.report.back')}</Link>
      </div>
      <Heading level={2}>{t('reviews.report.moments')}</Heading>
      {report.moments.length === 0 ? <Paragraph>{t('reviews.report.noMoments')}</Paragraph> : null}
      {report.moments.map((moment) => (
        <article key={moment.id} className="sk-report-moment">
          <Heading level={3}>
            {formatClock(moment.startSeconds)}–{formatClock(moment.endSeconds)} {moment.title}
          </Heading>
          {moment.themes.length > 0 ? <Paragraph small>{moment.themes.map((theme) => localize(momentThemeLabels[theme], i18n.language)).join(', ')}</Paragraph> : null}
          {moment.notes ? <p className="sk-preformatted">{moment.notes}</p> : null}
          {moment.takeaways.length > 0 ? (
            <ul>
              {moment.takeaways.map((takeaway, index) => (
                <li key={index}>
                  <strong>{kinds(takeaway.kind)}</strong> ({takeaway.authorName}): {takeaway.body}
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
      <Heading level={2}>{t('reviews.outcomes.takeaways')}</Heading>
      <ul>
        {report.outcomes
          .filter((o) => o.kind === 'takeaway')
          .map((o, index) => (
            <li key={index}>
              {o.text} <span className="sk-muted">({o.authorName})</span>
            </li>
          ))}
      </ul>
      <Heading level={2}>{t('reviews.outcomes.agreements')}</Heading>
      <ul>
        {report.outcomes
          .filter((o) => o.kind === 'agreement')
          .map((o, index) => (
            <li key={index}>
              {o.text} <span className="sk-muted">({o.authorName})</span>
            </li>
          ))}
      </ul>
    </Page>
  );
}
