import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, type FeedbackDetail } from '@spreekkamer/shared';
import { formatDay } from '../../../lib/format.js';
import { ErrorSummary, useFormErrors } from '../../../components/ErrorSummary.js';
import { CheckboxField, SelectField, TextField } from '../../../components/fields.js';
import { SubmitActions } from '../../../components/FormActions.js';
import { Heading } from '../../../components/Heading.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { PlainLanguageHints } from '../../../components/PlainLanguageHints.js';
import { storeFeedback } from '../api.js';
import { participantLabel, useFeedbackChange } from './change.js';
import { call } from '../../../api/client.js';

function ownerText(feedback: FeedbackDetail, owner: string, participantId: string | null, t: TFunction): string {
  if (owner === 'professional') return t('feedback.talk.ownerProfessional');
  if (owner === 'together') return t('feedback.talk.ownerTogether');
  const participant = feedback.participants.find((p) => p.id === participantId);
  return participant ? participantLabel(feedback, participant, t) : t('feedback.talk.ownerClient');
}

export function Actions({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const change = useFeedbackChange();
  const closed = feedback.status === 'completed';
  if (feedback.actions.length === 0) return <Paragraph>{t('feedback.talk.noActions')}</Paragraph>;
  return (
    <ul className="sk-feedback-actions">
      {feedback.actions.map((action) => (
        <li key={action.id}>
          <Paragraph>
            <strong>{ownerText(feedback, action.owner, action.participantId, t)}</strong>: {action.erased ? <em className="sk-feedback-erased">{t('feedback.erasedByClient')}</em> : action.what} — {t('feedback.talk.dueOn', { date: formatDay(action.dueOn, i18n.language) })}
          </Paragraph>
          <CheckboxField
            id={`action-done-${action.id}`}
            label={t('feedback.talk.actionDone')}
            checked={action.done}
            onChange={(done) => change.mutate(() => call(contract.feedback.updateAction, { params: { id: feedback.id, itemId: action.id }, body: { done } }))}
          />
          {closed ? null : (
            <Button appearance="subtle-button" onClick={() => change.mutate(() => call(contract.feedback.removeAction, { params: { id: feedback.id, itemId: action.id } }))}>
              {t('feedback.talk.removeAction', { what: action.what })}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

function inAWeek(): string {
  const date = new Date(Date.now() + 7 * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function AddAction({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState<string>('together');
  const [what, setWhat] = useState('');
  const [dueOn, setDueOn] = useState(inAWeek);
  const { errors, showError, check, clear } = useFormErrors();
  const fields = {
    owner: { id: 'action-owner', label: t('feedback.talk.actionWho') },
    what: { id: 'action-what', label: t('feedback.talk.actionWhat') },
    dueOn: { id: 'action-due', label: t('feedback.talk.actionDue') },
  };
  const ownerOptions = [
    { value: 'professional', label: t('feedback.talk.ownerProfessional') },
    ...feedback.participants.map((p) => ({ value: `client:${p.id}`, label: participantLabel(feedback, p, t) })),
    { value: 'together', label: t('feedback.talk.ownerTogether') },
  ];
  const add = useMutation({
    mutationFn: () => {
      const [kind, participantId] = owner.split(':');
      return call(contract.feedback.addAction, { params: { id: feedback.id }, body: { owner: kind === 'client' || kind === 'professional' ? kind : 'together', participantId: participantId ?? null, what, dueOn } });
    },
    onSuccess: (detail) => {
      storeFeedback(queryClient, detail);
      clear();
      setWhat('');
    },
    onError: showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check({ what: what.trim() === '' && t('feedback.talk.whatMissing'), dueOn: dueOn === '' && t('feedback.talk.dueMissing') })) add.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit} aria-labelledby="add-action-title">
      <Heading level={4} id="add-action-title">
        {t('feedback.talk.addAction')}
      </Heading>
      <ErrorSummary errors={errors} fields={fields} />
      <SelectField id={fields.owner.id} label={fields.owner.label} value={owner} onChange={setOwner} options={ownerOptions} />
      <TextField id={fields.what.id} label={fields.what.label} maxLength={300} value={what} error={errors.fields.what} onChange={setWhat} />
      <PlainLanguageHints text={what} />
      <TextField id={fields.dueOn.id} label={fields.dueOn.label} type="date" value={dueOn} error={errors.fields.dueOn} onChange={setDueOn} />
      <SubmitActions label={t('feedback.talk.addAction')} busy={add.isPending} />
    </form>
  );
}
