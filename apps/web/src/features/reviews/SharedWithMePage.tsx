import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useReceivedShares } from './api.js';
import { reviewPaths } from './paths.js';
import { ReceivedShareCards } from './ReceivedShareCards.js';
import './reviews.css';
import { PreparationHelpList } from '../feedback/PreparationHelpPages.js';

/** /gedeeld — what colleagues shared with me (as reviewer or in a peer group), while it lasts. */
export function SharedWithMePage() {
  const { t } = useTranslation();
  const shares = useReceivedShares();
  return (
    <Page title={t('reviews.received.title')} intro={t('reviews.received.intro')}>
      <Paragraph>
        <Link to={reviewPaths.feedbackGuide}>{t('reviews.feedbackGuide.menu')}</Link>
      </Paragraph>
      <QueryStatus query={shares} />
      {shares.data && shares.data.shares.length === 0 ? <Paragraph>{t('reviews.received.empty')}</Paragraph> : null}
      <ReceivedShareCards
        shares={shares.data?.shares ?? []}
        heading={(share) => (share.via === 'peer_group' ? t('reviews.received.fromGroup', { owner: share.ownerName, group: share.groupName ?? '' }) : t('reviews.received.fromOwner', { owner: share.ownerName }))}
        open={(share) => ({ to: reviewPaths.shared(share.id), label: t('reviews.received.open', { owner: share.ownerName }) })}
      />
      <PreparationHelpList />
    </Page>
  );
}
