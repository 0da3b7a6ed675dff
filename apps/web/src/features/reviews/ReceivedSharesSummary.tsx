import { useTranslation } from 'react-i18next';
import { ButtonLink, Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { useReceivedShares } from './api.js';
import { reviewPaths } from './paths.js';

/** The reviewer's home: the same list as "Gedeeld met mij", in short, so both always agree. */
export function ReceivedSharesSummary() {
  const { t, i18n } = useTranslation();
  const shares = useReceivedShares();
  if (shares.isPending || shares.error) return <QueryStatus query={shares} />;
  const list = shares.data.shares;
  if (list.length === 0) return <Paragraph>{t('home.reviewer.empty')}</Paragraph>;
  return (
    <>
      <Paragraph>{t('home.reviewer.count', { count: list.length })}</Paragraph>
      <ul>
        {list.map((share) => (
          <li key={share.id}>
            <Link to={reviewPaths.shared(share.id)}>
              {share.via === 'peer_group' ? t('reviews.received.fromGroup', { owner: share.ownerName, group: share.groupName ?? '' }) : t('reviews.received.fromOwner', { owner: share.ownerName })}
            </Link>{' '}
            <span className="sk-muted">{t('reviews.received.until', { date: formatDay(share.expiresAt, i18n.language) })}</span>
          </li>
        ))}
      </ul>
      <Paragraph>
        <ButtonLink to={reviewPaths.received}>{t('home.reviewer.toList')}</ButtonLink>
      </Paragraph>
    </>
  );
}
