import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { usePolicyShares } from './api.js';
import { reviewPaths } from './paths.js';
import { ReceivedShareCards } from './ReceivedShareCards.js';
import './reviews.css';

/** /kijk-met-ons-mee — fragments professionals chose to show policy or the management team, while they last. */
export function PolicySharesPage() {
  const { t } = useTranslation();
  const shares = usePolicyShares();
  return (
    <Page title={t('reviews.policy.title')} intro={t('reviews.policy.intro')}>
      <QueryStatus query={shares} />
      {shares.data && shares.data.shares.length === 0 ? <Paragraph>{t('reviews.policy.empty')}</Paragraph> : null}
      <ReceivedShareCards
        shares={shares.data?.shares ?? []}
        heading={(share) => t('reviews.policy.from', { owner: share.ownerName })}
        open={(share) => ({ to: reviewPaths.policyShare(share.id), label: t('reviews.policy.open', { owner: share.ownerName }) })}
      />
    </Page>
  );
}
