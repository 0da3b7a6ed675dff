import { PreparationHelper } from './PreparationHelper.js';
import { LinkToQuestion } from '../learning/LinkToQuestion.js';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { contract, type FeedbackDetail, type FeedbackParticipant, localize, themeCard } from '@spreekkamer/shared';
import { formatDay } from '../../lib/format.js';
import { Pictogram, pictogramOf } from '../../components/icons/Pictogram.js';
import { Alert } from '../../components/Alert.js';
import { Heading } from '../../components/Heading.js';
import { ButtonLink, Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { clientPath } from '../clients/api.js';
import { AllianceHandOut } from './AllianceHandOut.js';
import { feedbackKeys, feedbackPaths, storeFeedback, useFeedback } from './api.js';
import { FollowUpEditor } from './FollowUpEditor.js';
import './feedback.css';
import { call, hrefOf } from '../../api/client.js';

/** /samenleergesprekken/:id — invitation, the client's preparation, the conversation, and what comes after. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const feedback = useFeedback(id, true);
  if (!feedback.data) {
    return (
      <Page title={t('feedback.detail.documentTitle')} breadcrumbs={[{ to: '/samenleergesprekken', label: t('breadcrumbs.feedback') }]}>
        <QueryStatus query={feedback} />
      </Page>
    );
  }
  return <FeedbackDetails feedback={feedback.data} />;
}

export function participantNames(feedback: FeedbackDetail): string {
  return feedback.participants.map((p) => p.pseudonym).join(', ');
}

function FeedbackDetails({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const names = participantNames(feedback);
  const [openedAt] = useState(() => Date.now());
  const expired = feedback.status === 'invited' && new Date(feedback.invitationExpiresAt).getTime() < openedAt;
  return (
    <Page title={t('feedback.detail.title', { names })} documentTitle={t('feedback.detail.documentTitle')} intro={t(`feedback.detail.status.${feedback.status}`)} breadcrumbs={[{ to: '/samenleergesprekken', label: t('breadcrumbs.feedback') }]}>
      <Paragraph>
        <Link to={feedbackPaths.list}>{t('feedback.detail.back')}</Link>
      </Paragraph>
      {feedback.changeRequests.some((c) => c.status === 'open') ? (
        <Alert type="warning" role="status">
          <Paragraph>{t('feedback.detail.openChanges', { count: feedback.changeRequests.filter((c) => c.status === 'open').length })}</Paragraph>
        </Alert>
      ) : null}
      {feedback.status !== 'completed' ? (
        <Section id="feedback-invitation" title={t('feedback.detail.invitationTitle')}>
          <Paragraph>{t('feedback.detail.invitationText')}</Paragraph>
          <Paragraph>{expired ? t('feedback.detail.expired') : t('feedback.detail.expires', { date: formatDay(feedback.invitationExpiresAt, i18n.language) })}</Paragraph>
          <RenewInvitation feedback={feedback} />
          <ul className="sk-feedback-links">
            {feedback.participants.map((p) => (
              <li key={p.id}>
                <Link to={`${clientPath(p.clientId)}#client-access`}>{t('feedback.detail.toClient', { name: p.pseudonym })}</Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="feedback-preparation" title={t('feedback.detail.preparationTitle')}>
        {feedback.participants.map((participant) => (
          <div key={participant.id}>
            <Preparation feedback={feedback} participant={participant} />
            <PreparationHelper feedback={feedback} participant={participant} />
          </div>
        ))}
      </Section>
      <Section id="feedback-talk" title={t('feedback.detail.talkTitle')}>
        <Paragraph>{feedback.status === 'completed' ? t('feedback.detail.talkDone') : t('feedback.detail.talkText')}</Paragraph>
        <div className="sk-actions">
          <ButtonLink appearance="primary-action" to={feedbackPaths.talk(feedback.id)}>
            {feedback.status === 'completed' ? t('feedback.detail.showTalk') : t('feedback.detail.openTalk')}
          </ButtonLink>
        </div>
      </Section>
      {feedback.status === 'completed' ? (
        <Section id="feedback-after" title={t('feedback.detail.afterTitle')}>
          {feedback.participants.map((p) => (
            <div key={p.id} className="sk-feedback-after">
              <Heading level={3}>{p.pseudonym}</Heading>
              <Heading level={4}>{t('feedback.alliance.title')}</Heading>
              <Paragraph>{t('feedback.detail.checkText')}</Paragraph>
              <AllianceHandOut clientId={p.clientId} pseudonym={p.pseudonym} feedbackId={feedback.id} />
              <Heading level={4}>{t('feedback.followUp.title')}</Heading>
              <FollowUpEditor clientId={p.clientId} pseudonym={p.pseudonym} feedbackId={feedback.id} />
            </div>
          ))}
        </Section>
      ) : null}
      <Section id="feedback-learning" title={t('learning.link.feedbackTitle')}>
        <Paragraph>{t('learning.link.feedbackText')}</Paragraph>
        <LinkToQuestion kind="feedback" targetId={feedback.id} />
        {feedback.actions.length > 0 ? (
          <ul className="sk-feedback-links">
            {feedback.actions.map((action) => (
              <li key={action.id}>
                <Paragraph>{action.what}</Paragraph>
                <LinkToQuestion kind="feedback_action" targetId={action.id} />
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
      <Section id="feedback-delete" title={t('feedback.detail.deleteTitle')}>
        <DeleteFeedback feedback={feedback} />
      </Section>
    </Page>
  );
}

function RenewInvitation({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const renew = useMutation({
    mutationFn: () => call(contract.feedback.update, { params: { id: feedback.id }, body: { inviteDays: 14 } }),
    onSuccess: (detail) => storeFeedback(queryClient, detail),
  });
  return (
    <>
      <MutationError error={renew.error} />
      <div className="sk-actions">
        <Button appearance="secondary-action-button" busy={renew.isPending} onClick={() => renew.mutate()}>
          {t('feedback.detail.renew')}
        </Button>
      </div>
    </>
  );
}

/** What one client prepared: their theme cards first, in their own words, or as a voice note. */
export function Preparation({ feedback, participant, headingLevel = 3 }: { feedback: FeedbackDetail; participant: FeedbackParticipant; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const nothing = participant.picks.length === 0 && !participant.ownWords && !participant.hasVoiceNote;
  return (
    <div className="sk-feedback-prep">
      <Heading level={headingLevel}>{participant.pseudonym}</Heading>
      {feedback.group ? (
        <Paragraph small>{participant.anonymous ? t('feedback.detail.anonymous') : t('feedback.detail.named', { name: participant.displayName ?? '' })}</Paragraph>
      ) : null}
      {nothing ? <Paragraph>{t('feedback.detail.notPrepared', { name: participant.pseudonym })}</Paragraph> : null}
      {participant.picks.length > 0 ? (
        <ul className="sk-feedback-pro-picks" aria-label={t('feedback.detail.picks', { name: participant.pseudonym })}>
          {participant.picks.map((pick) => {
            const card = themeCard(pick.theme);
            const sub = card.subtopics.find((s) => s.id === pick.subtopic);
            return (
              <li key={`${pick.theme}-${pick.subtopic ?? ''}`}>
                <Pictogram name={pictogramOf(sub?.pictogram ?? card.pictogram)} size={28} />
                <span>{sub ? `${localize(card.title, language)}: ${localize(sub.title, language)}` : localize(card.title, language)}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {participant.ownWords ? (
        <blockquote className="sk-feedback-quote" aria-label={t('feedback.detail.ownWords', { name: participant.pseudonym })}>
          {participant.ownWords}
        </blockquote>
      ) : null}
      {participant.hasVoiceNote ? (
        <figure className="sk-feedback-audio">
          <figcaption>{t('feedback.detail.voiceNote', { name: participant.pseudonym })}</figcaption>
          <audio controls preload="none" src={hrefOf(contract.feedback.voiceNote, { params: { id: feedback.id, participantId: participant.id } })} />
        </figure>
      ) : null}
    </div>
  );
}

function DeleteFeedback({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sure, setSure] = useState(false);
  const remove = useMutation({
    mutationFn: () => call(contract.feedback.remove, { params: { id: feedback.id } }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: feedbackKeys.one(feedback.id) });
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
      await navigate(feedbackPaths.list);
    },
  });
  return (
    <div className="sk-stack">
      <Paragraph>{t('feedback.detail.deleteText')}</Paragraph>
      <MutationError error={remove.error} />
      <div className="sk-actions">
        {sure ? (
          <>
            <Button appearance="primary-action-button" busy={remove.isPending} onClick={() => remove.mutate()}>
              {t('feedback.detail.deleteConfirm')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setSure(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button appearance="secondary-action-button" onClick={() => setSure(true)}>
            {t('feedback.detail.delete')}
          </Button>
        )}
      </div>
    </div>
  );
}
