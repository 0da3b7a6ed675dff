import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clientLanguageOf, contract, type FeedbackDetail, type FeedbackParticipant } from '@spreekkamer/shared';
import { Alert } from '../../../components/Alert.js';
import { TextAreaField } from '../../../components/fields.js';
import { SubmitActions } from '../../../components/FormActions.js';
import { Heading } from '../../../components/Heading.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { useErrorText } from '../../../components/errors.js';
import { participantLabel, useFeedbackChange } from './change.js';
import { call } from '../../../api/client.js';
import { preloadTexts, useTexts } from '../../../i18n/index.js';

// Fetched as this module loads (with its page), so the components rarely wait.
preloadTexts('languages');

/**
 * For a client who reads another language: a few sentences of the summary and the agreements,
 * written by hand in their language. Also after the conversation is completed, when the summary
 * is finished. In a group, each client gets their own.
 */
export function ShortVersionForm({ feedback, participant }: { feedback: FeedbackDetail; participant: FeedbackParticipant }) {
  useTexts('languages');
  const { t } = useTranslation();
  const [summary, setSummary] = useState(participant.shortVersion?.summary ?? '');
  const [agreements, setAgreements] = useState(participant.shortVersion?.agreements ?? '');
  const change = useFeedbackChange();
  const errorText = useErrorText();
  const prefix = `short-${participant.id}`;
  const language = clientLanguageOf(participant.locale).name;
  return (
    <form
      className="sk-stack"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        change.mutate(() => call(contract.feedback.putShortVersion, { params: { id: feedback.id, participantId: participant.id }, body: { summary, agreements } }));
      }}
    >
      <Heading level={3}>{t('languages.plain.shortConversationTitle', { name: participantLabel(feedback, participant, t), language })}</Heading>
      <Paragraph small>{t('languages.plain.shortConversationHelp')}</Paragraph>
      <TextAreaField inputClassName="sk-feedback-area" id={`${prefix}-summary`} label={t('languages.plain.shortSummary', { language })} rows={3} maxLength={1000} value={summary} lang={participant.locale} onChange={setSummary} />
      <TextAreaField inputClassName="sk-feedback-area" id={`${prefix}-agreements`} label={t('languages.plain.shortAgreements', { language })} rows={3} maxLength={1000} value={agreements} lang={participant.locale} onChange={setAgreements} />
      {change.error ? <Alert type="error">{errorText(change.error)}</Alert> : null}
      <SubmitActions label={t('languages.plain.shortSave')} busy={change.isPending} />
      <p className="sk-feedback-saved" role="status">
        {change.isSuccess ? t('feedback.talk.saved') : ''}
      </p>
    </form>
  );
}
