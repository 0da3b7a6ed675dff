import { useTranslation } from 'react-i18next';
import { localize, momentThemeLabels } from '@spreekkamer/shared';
import { ButtonLink, Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatClock } from '../recordings/format.js';
import { formatDay } from '../../lib/format.js';
import { useReceivedShares } from './api.js';
import { reviewPaths } from './paths.js';
import './reviews.css';
import { PreparationHelpList } from '../feedback/PreparationHelpPages.js';

/** /gedeeld — what colleagues shared with me (as reviewer or in a peer group), while it lasts. */
export function SharedWithMePage() {
  const { t, i18n } = useTranslation();
  const shares = useReceivedShares();
  return (
    <Page title={t('reviews.received.title')} intro={t('reviews.received.intro')}>
      <Paragraph>
        <Link to={reviewPaths.feedbackGuide}>{t('reviews.feedbackGuide.menu')}</Link>
      </Paragraph>
      <QueryStatus query={shares} />
      {shares.data && shares.data.shares.length === 0 ? <Paragraph>{t('reviews.received.empty')}</Paragraph> : null}
      <ul className="sk-card-list">
        {shares.data?.shares.map((share) => (
          <li key={share.id} className="sk-card">
            <h2 className="utrecht-heading-3">{share.via === 'peer_group' ? t('reviews.received.fromGroup', { owner: share.ownerName, group: share.groupName ?? '' }) : t('reviews.received.fromOwner', { owner: share.ownerName })}</h2>
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
            <ButtonLink appearance="primary-action" to={reviewPaths.shared(share.id)}>
              {t('reviews.received.open', { owner: share.ownerName })}
            </ButtonLink>
          </li>
        ))}
      </ul>
      <PreparationHelpList />
    </Page>
  );
}
