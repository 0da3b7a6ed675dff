import { useTranslation } from 'react-i18next';
import { Heading } from '../../components/Heading.js';
import { ButtonLink, Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { usePolicyShares } from './api.js';
import { reviewPaths } from './paths.js';

/**
 * "Kijk met ons mee" on the home page of a policy advisor or manager: the same query as the list
 * page, in short. A manager outside the management team never receives one, so for a manager the
 * section stays away while there is nothing (`quietWhenEmpty`).
 */
export function PolicySharesSummary({ quietWhenEmpty = false }: { quietWhenEmpty?: boolean }) {
  const { t, i18n } = useTranslation();
  const shares = usePolicyShares();
  if (shares.isPending || shares.error) return quietWhenEmpty && shares.isPending ? null : <QueryStatus query={shares} />;
  const list = shares.data.shares;
  if (list.length === 0) return quietWhenEmpty ? null : <Paragraph>{t('reviews.policy.empty')}</Paragraph>;
  return (
    <section aria-labelledby="home-policy-shares">
      <Heading level={3} id="home-policy-shares">
        {t('reviews.policy.title')}
      </Heading>
      <Paragraph>{t('reviews.policy.homeCount', { count: list.length })}</Paragraph>
      <ul>
        {list.map((share) => (
          <li key={share.id}>
            <Link to={reviewPaths.policyShare(share.id)}>{t('reviews.policy.from', { owner: share.ownerName })}</Link>{' '}
            <span className="sk-muted">{t('reviews.received.until', { date: formatDay(share.expiresAt, i18n.language) })}</span>
          </li>
        ))}
      </ul>
      <Paragraph>
        <ButtonLink to={reviewPaths.policy}>{t('reviews.policy.toList')}</ButtonLink>
      </Paragraph>
    </section>
  );
}
