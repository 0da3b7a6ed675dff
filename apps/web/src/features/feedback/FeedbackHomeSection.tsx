import { useTranslation } from 'react-i18next';
import { formatDay } from '../../lib/format.js';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { DueReminders } from './FeedbackRoutine.js';
import { QueryStatus } from '../../components/QueryState.js';
import { feedbackPaths, useFeedbackHome } from './api.js';
import { SignalNote } from './SignalNote.js';
import './feedback.css';

/**
 * On the professional's home page: follow-ups still to send, follow-ups sent but not yet read by
 * the client (they clear when the client opens them), overdue actions, open change requests, quiet signals.
 */
export function FeedbackHomeSection() {
  const { t, i18n } = useTranslation();
  const home = useFeedbackHome();
  if (home.isPending || home.error) return <QueryStatus query={home} />;
  const { openFollowUps, sentUnread, overdueActions, openChangeRequests, signals } = home.data;
  const nothing = openFollowUps.length + sentUnread.length + overdueActions.length + openChangeRequests.length + signals.length === 0;
  return (
    <div className="sk-feedback-home">
      <DueReminders />
      {nothing ? <Paragraph>{t('feedback.home.nothing')}</Paragraph> : null}
      {signals.map((signal) => (
        <SignalNote key={`${signal.clientId ?? 'anonymous'}-${signal.kind}`} signal={signal} />
      ))}
      {openChangeRequests.length > 0 ? (
        <>
          <Heading level={3}>{t('feedback.home.changes')}</Heading>
          <ul>
            {openChangeRequests.map((item) => (
              <li key={item.feedbackId}>
                <Link to={feedbackPaths.talk(item.feedbackId)}>{t('feedback.home.changesItem', { count: item.count, names: item.pseudonyms.join(', ') })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {openFollowUps.length > 0 ? (
        <>
          <Heading level={3}>{t('feedback.home.openFollowUps')}</Heading>
          <ul data-testid="follow-ups-to-send">
            {openFollowUps.map((item) => (
              <li key={`${item.feedbackId}-${item.clientId}`}>
                <Link to={`${feedbackPaths.one(item.feedbackId)}#feedback-after`}>
                  {t(item.draftId ? 'feedback.home.followUpDraft' : 'feedback.home.followUpItem', { name: item.pseudonym, date: formatDay(item.completedAt, i18n.language) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sentUnread.length > 0 ? (
        <>
          <Heading level={3}>{t('feedback.home.sentUnread')}</Heading>
          <ul data-testid="follow-ups-sent-unread">
            {sentUnread.map((item) => (
              <li key={item.followUpId}>
                <Link to={item.feedbackId ? `${feedbackPaths.one(item.feedbackId)}#feedback-after` : `/clienten/${encodeURIComponent(item.clientId)}#client-feedback`}>
                  {t('feedback.home.sentUnreadItem', { name: item.pseudonym, date: formatDay(item.sentAt, i18n.language) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {overdueActions.length > 0 ? (
        <>
          <Heading level={3}>{t('feedback.home.overdue')}</Heading>
          <ul>
            {overdueActions.map((item) => (
              <li key={item.actionId}>
                <Link to={feedbackPaths.talk(item.feedbackId)}>
                  {t('feedback.home.overdueItem', { what: item.what, names: item.pseudonyms.join(', '), date: formatDay(item.dueOn, i18n.language) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Paragraph>
        <Link to={feedbackPaths.list}>{t('feedback.home.toList')}</Link> · <Link to={feedbackPaths.allianceOverview}>{t('feedback.home.toOverview')}</Link> · <Link to="/clienten">{t('feedback.home.toClients')}</Link>
      </Paragraph>
    </div>
  );
}

