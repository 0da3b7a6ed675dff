import { useTranslation } from 'react-i18next';
import type { Client } from '@spreekkamer/shared';
import { formatDay } from '../../lib/format.js';
import { Heading } from '../../components/Heading.js';
import { ButtonLink, Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { AllianceHandOut } from './AllianceHandOut.js';
import { AllianceTrendView } from './AllianceTrend.js';
import { feedbackPaths, useFeedbackHome, useFeedbackList, useFollowUps } from './api.js';
import { SentFollowUp } from './FollowUpEditor.js';
import { QueryStatus } from '../../components/QueryState.js';
import { EarlyHint, FeedbackReminder } from './FeedbackRoutine.js';
import './feedback.css';

/**
 * On the client's page (professional only): feedback conversations with this client, the alliance
 * check with its trend, and follow-ups. Everything here is the professional's own.
 */
export function ClientFeedbackSection({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const list = useFeedbackList();
  const mine = (list.data?.conversations ?? []).filter((c) => c.pseudonyms.includes(client.pseudonym));
  return (
    <div className="sk-stack">
      <Heading level={3}>{t('feedback.list.title')}</Heading>
      {mine.length === 0 ? <Paragraph>{t('feedback.clientSection.none')}</Paragraph> : null}
      <ul className="sk-feedback-links">
        {mine.map((item) => (
          <li key={item.id}>
            <Link to={feedbackPaths.one(item.id)}>{t('feedback.clientSection.item', { date: formatDay(item.createdAt, i18n.language), status: t(`feedback.status.${item.status}`) })}</Link>
          </li>
        ))}
      </ul>
      <EarlyHint clients={[client]} />
      <div className="sk-actions">
        <ButtonLink to={`${feedbackPaths.list}?client=${encodeURIComponent(client.id)}#feedback-new`}>{t('feedback.clientSection.start')}</ButtonLink>
      </div>
      <FeedbackReminder client={client} />
      <Heading level={3}>{t('feedback.alliance.title')}</Heading>
      <Paragraph>{t('feedback.alliance.intro')}</Paragraph>
      <AllianceHandOut clientId={client.id} pseudonym={client.pseudonym} />
      <AllianceTrendView clientId={client.id} />
      <Heading level={3}>{t('feedback.followUp.title')}</Heading>
      <ClientFollowUps client={client} />
    </div>
  );
}

/**
 * One follow-up flow: it is written on the feedback conversation's page, where the home page
 * points too. Here: what is still to send (the home page's own list) and what was sent and read.
 */
function ClientFollowUps({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const home = useFeedbackHome();
  const followUps = useFollowUps(client.id);
  if (home.isPending || home.error) return <QueryStatus query={home} />;
  if (followUps.isPending || followUps.error) return <QueryStatus query={followUps} />;
  const open = home.data.openFollowUps.filter((item) => item.clientId === client.id);
  const sent = followUps.data.followUps.filter((f) => f.status === 'sent');
  return (
    <>
      {open.length === 0 && sent.length === 0 ? <Paragraph>{t('feedback.followUp.none')}</Paragraph> : null}
      {open.length > 0 ? (
        <ul className="sk-feedback-links">
          {open.map((item) => (
            <li key={item.feedbackId}>
              <Link to={`${feedbackPaths.one(item.feedbackId)}#feedback-after`}>
                {t(item.draftId ? 'feedback.home.followUpDraft' : 'feedback.home.followUpItem', { name: item.pseudonym, date: formatDay(item.completedAt, i18n.language) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {sent.map((followUp) => (
        <SentFollowUp key={followUp.id} followUp={followUp} />
      ))}
    </>
  );
}
