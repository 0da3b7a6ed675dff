import { contract } from '@spreekkamer/shared';
import { useTranslation } from 'react-i18next';
import type { FeedbackDetail } from '@spreekkamer/shared';
import { Heading } from '../../../components/Heading.js';
import { Pictogram } from '../../../components/icons/Pictogram.js';
import { Actions, AddAction } from './Actions.js';
import { AutosaveTextArea } from './AutosaveTextArea.js';
import { RoomChange } from './ChangeRequests.js';
import { ShortVersionForm } from './ShortVersionForm.js';
import { Voices } from './StepTwo.js';
import { call } from '../../../api/client.js';

/** Step 3: the summary, what each learned, and actions (who does what by when). */
export function StepThree({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const closed = feedback.status === 'completed';
  return (
    <div className="sk-stack">
      <Heading level={3}>{t('feedback.talk.summaryTitle')}</Heading>
      {feedback.summaryErased ? <p className="sk-feedback-erased">{t('feedback.erasedByClient')}</p> : null}
      <SummaryField feedback={feedback} />
      {feedback.summary && feedback.participants.length === 1 && !closed ? <RoomChange feedback={feedback} target="summary" targetId={null} participantId={feedback.participants[0]?.id ?? null} /> : null}
      <fieldset className="sk-feedback-part-pro">
        <legend>
          <Pictogram name="heart" size={28} />
          <span>{t('feedback.talk.learnedTitle')}</span>
        </legend>
        <Voices feedback={feedback} momentId={null} section="learned" label={t('feedback.talk.learnedTitle')} />
      </fieldset>
      <Heading level={3}>{t('feedback.talk.actionsTitle')}</Heading>
      <Actions feedback={feedback} />
      {closed ? null : <AddAction feedback={feedback} />}
      {feedback.participants
        .filter((participant) => participant.locale !== 'nl')
        .map((participant) => (
          <ShortVersionForm key={participant.id} feedback={feedback} participant={participant} />
        ))}
    </div>
  );
}

/** The summary, written together and saved on leaving the field; plain text once the conversation is completed. */
function SummaryField({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  if (feedback.status === 'completed') return <p className="sk-feedback-text">{feedback.summary || t('feedback.talk.empty')}</p>;
  return (
    <AutosaveTextArea
      id="feedback-summary"
      label={t('feedback.talk.summaryLabel')}
      description={t('feedback.talk.summaryHelp')}
      rows={4}
      maxLength={4000}
      serverText={feedback.summary}
      save={(text) => () => call(contract.feedback.update, { params: { id: feedback.id }, body: { summary: text } })}
      plainLanguageHints
    />
  );
}
