import { useTranslation } from 'react-i18next';
import { localize, momentThemeLabels } from '@spreekkamer/shared';
import { ButtonLink } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatClock } from '../recordings/format.js';
import { formatDay } from '../../lib/format.js';
import { usePolicyShares } from './api.js';
import { reviewPaths } from './paths.js';
import './reviews.css';

/** /kijk-met-ons-mee — fragments professionals chose to show policy or the management team, while they last. */
export function PolicySharesPage() {
  const { t, i18n } = useTranslation();
  const shares = usePolicyShares();
  return (
    <Page title={t('reviews.policy.title')} intro={t('reviews.policy.intro')}>
      <QueryStatus query={shares} />
      {shares.data && shares.data.shares.length === 0 ? <Paragraph>{t('reviews.policy.empty')}</Paragraph> : null}
      <ul className="sk-card-list">
        {shares.data?.shares.map((share) => (
          <li key={share.id} className="sk-card">
            <h2 className="utrecht-heading-3">{t('reviews.policy.from', { owner: share.ownerName })}</h2>
            {share.question ? (
              <Paragraph>
                <strong>{t('reviews.received.question')}</strong> <span className="sk-share-question">{share.question}</span>
              </Paragraph>
            ) : null}
            <ul>
              {share.moments.map((m) => (
                <li key={m.id}>
                  {formatClock(m.startSeconds)}–{formatClock(m.endSeconds)} {m.title}
                  {m.themes.length > 0 ? <span className="sk-muted"> ({m.themes.map((theme) => localize(momentThemeLabels[theme], i18n.language)).join(', ')})</span> : null}
                </li>
              ))}
            </ul>
            <Paragraph small>{t('reviews.received.until', { date: formatDay(share.expiresAt, i18n.language) })}</Paragraph>
            <ButtonLink appearance="primary-action" to={reviewPaths.policyShare(share.id)}>
              {t('reviews.policy.open', { owner: share.ownerName })}
            </ButtonLink>
          </li>
        ))}
      </ul>
    </Page>
  );
}
