import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/QueryState.js';
import { formatDay } from '../format.js';
import { Pictogram, type PictogramName } from '../../components/icons/Pictogram.js';
import { useClientFeedbackOverview } from './api.js';
import { clientFeedbackPaths } from '../../lib/client-paths.js';
import './feedback-client.css';

function CardLink({ to, icon, children }: { to: string; icon: PictogramName; children: string }) {
  return (
    <Link className="sk-client-button sk-client-button--primary" to={to}>
      <Pictogram name={icon} size={28} />
      <span>{children}</span>
    </Link>
  );
}

/**
 * On the client's own page: an invitation to a feedback conversation, a short check waiting to be
 * answered, and follow-ups from the professional. Nothing shows when there is nothing.
 */
export function ClientFeedbackTasks() {
  const { t, i18n } = useTranslation();
  const overview = useClientFeedbackOverview();
  if (overview.error) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  if (!data || (data.conversations.length === 0 && data.allianceChecks.length === 0 && data.followUps.length === 0)) return null;
  return (
    <section aria-labelledby="sk-feedback-tasks" className="sk-feedback-tasks">
      <h2 id="sk-feedback-tasks">{t('feedback.client.tasksTitle')}</h2>
      <ul className="sk-client-list">
        {data.allianceChecks.map((check) => (
          <li key={check.id} className="sk-client-card">
            <div className="sk-client-card__status">
              <Pictogram name="face4" size={36} />
              <span>{t('feedback.client.checkText')}</span>
            </div>
            <CardLink to={clientFeedbackPaths.check(check.id)} icon="arrowRight">
              {t('feedback.client.checkAction')}
            </CardLink>
          </li>
        ))}
        {data.conversations.map((conversation) => (
          <li key={conversation.id} className="sk-client-card">
            <div className="sk-client-card__status">
              <Pictogram name={conversation.group ? 'group' : 'themeCollaboration'} size={36} />
              <span>
                {conversation.status === 'completed'
                  ? t('feedback.client.done')
                  : conversation.status === 'in_progress'
                    ? t('feedback.client.live')
                    : t(conversation.group ? 'feedback.client.invitedGroup' : 'feedback.client.invited', { name: conversation.professionalName })}
              </span>
            </div>
            {conversation.status === 'invited' && conversation.prepared ? <p>{t('feedback.client.preparedNote')}</p> : null}
            {conversation.canPrepare && conversation.status !== 'completed' ? <p>{t('feedback.client.until', { date: formatDay(conversation.invitationExpiresAt, i18n.language) })}</p> : null}
            <CardLink
              to={clientFeedbackPaths.conversation(conversation.id)}
              icon={conversation.status === 'completed' ? 'paper' : conversation.status === 'in_progress' ? 'eye' : 'pen'}
            >
              {conversation.status === 'completed'
                ? t('feedback.client.showSummary')
                : conversation.status === 'in_progress'
                  ? t('feedback.client.follow')
                  : conversation.prepared
                    ? t('feedback.client.prepareAgain')
                    : t('feedback.client.prepare')}
            </CardLink>
          </li>
        ))}
        {data.followUps.map((followUp) => (
          <li key={followUp.id} className="sk-client-card">
            <div className="sk-client-card__status">
              <Pictogram name="speechBubble" size={36} />
              <span>
                {t('feedback.client.followUpText', { name: followUp.professionalName })}
                {followUp.read ? null : <strong className="sk-feedback-new"> {t('feedback.client.new')}</strong>}
              </span>
            </div>
            <CardLink to={clientFeedbackPaths.followUp(followUp.id)} icon="paper">
              {t('feedback.client.followUpAction')}
            </CardLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
