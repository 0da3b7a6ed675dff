import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contract } from '@spreekkamer/shared';
import { Pictogram } from '../../components/client/index.js';
import { formatDay } from '../../lib/format.js';
import { reviewPaths } from '../../features/reviews/paths.js';
import { call } from '../../api/client.js';

export const clientTalksKey = ['client', 'review-talks'] as const;

/** On the client's home page: a way to the talks with a reviewer, only when there is one. */
export function ClientTalksLink() {
  const { t, i18n } = useTranslation();
  const talks = useQuery({ queryKey: clientTalksKey, queryFn: () => call(contract.clientReviews.talks) });
  const list = talks.data?.talks ?? [];
  if (list.length === 0) return null;
  return (
    <>
      <h2>{t('reviews.client.homeTitle')}</h2>
      <ul className="sk-client-list">
        {list.map((talk) => (
          <li key={talk.shareId} className="sk-client-card">
            <div className="sk-client-card__status">
              <Pictogram name="personAndCoach" size={36} />
              <span>{t('reviews.client.talkTitle', { reviewer: talk.reviewerName, date: formatDay(talk.conversationHeldOn, i18n.language) })}</span>
            </div>
            <Link className="sk-client-button sk-client-button--primary" to={reviewPaths.clientTalks}>
              <Pictogram name="arrowRight" size={28} className="sk-flip-rtl" />
              <span>{t('reviews.client.homeAction')}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
