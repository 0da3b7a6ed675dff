import { contract } from '@spreekkamer/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { FeedbackDetail } from '@spreekkamer/shared';
import { Heading } from '../../../components/Heading.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { participantLabel, useFeedbackChange } from './change.js';
import { call } from '../../../api/client.js';

function targetText(feedback: FeedbackDetail, target: string, targetId: string | null, t: TFunction): string {
  if (target === 'summary') return t('feedback.talk.targetSummary');
  if (target === 'moment') return t('feedback.talk.targetMoment', { title: feedback.moments.find((m) => m.id === targetId)?.title ?? '' });
  if (target === 'action') return t('feedback.talk.targetAction', { what: feedback.actions.find((a) => a.id === targetId)?.what ?? '' });
  const entry = feedback.entries.find((e) => e.id === targetId);
  return t('feedback.talk.targetEntry', { text: entry ? (entry.text.length > 80 ? `${entry.text.slice(0, 80)}…` : entry.text) : '' });
}

export function ChangeRequests({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const change = useFeedbackChange();
  const open = feedback.changeRequests.filter((c) => c.status === 'open');
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="talk-changes" className="sk-feedback-changes">
      <Heading level={2} id="talk-changes">
        {t('feedback.talk.changesTitle', { count: open.length })}
      </Heading>
      <ul>
        {open.map((request) => {
          const participant = feedback.participants.find((p) => p.id === request.participantId);
          const who = participant ? participantLabel(feedback, participant, t) : t('feedback.talk.someone');
          return (
            <li key={request.id}>
              <Paragraph>
                <strong>{who}</strong> {targetText(feedback, request.target, request.targetId, t)}
                {request.erased ? <em className="sk-feedback-erased"> {t('feedback.erasedByClient')}</em> : request.note ? <q className="sk-feedback-text"> {request.note}</q> : null}
              </Paragraph>
              <Button appearance="secondary-action-button" onClick={() => change.mutate(() => call(contract.feedback.resolveChangeRequest, { params: { id: feedback.id, itemId: request.id } }))}>
                {t('feedback.talk.resolve')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** On the shared screen: the client taps "this is not right"; it is recorded as their request. */
export function RoomChange({ feedback, target, targetId, participantId }: { feedback: FeedbackDetail; target: 'entry' | 'summary' | 'action' | 'moment'; targetId: string | null; participantId: string | null }) {
  const { t } = useTranslation();
  const change = useFeedbackChange();
  const open = feedback.changeRequests.some((c) => c.status === 'open' && c.target === target && c.targetId === targetId);
  if (open) return <Paragraph small>{t('feedback.talk.changeAsked')}</Paragraph>;
  return (
    <Button appearance="subtle-button" onClick={() => change.mutate(() => call(contract.feedback.addChangeRequest, { params: { id: feedback.id }, body: { target, targetId, participantId, note: '' } }))}>
      {t('feedback.talk.askInRoom')}
    </Button>
  );
}
