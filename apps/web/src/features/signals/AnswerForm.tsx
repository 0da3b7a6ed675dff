import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract, signalAnswerMaxLength, signalAnswerStatuses, type SignalAnswerRequest } from '@spreekkamer/shared';
import { call } from '../../api/client.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { SubmitActions } from '../../components/FormActions.js';
import { RadioGroup, TextAreaField } from '../../components/fields.js';
import { Paragraph } from '../../components/Paragraph.js';
import { signalKeys } from './api.js';

type AnswerStatus = SignalAnswerRequest['status'];

/** An answer to one signal or to a whole group; it reaches every sender with a notification. */
export function AnswerForm({ target, idPrefix, initial }: { target: { type: 'signal' | 'group'; id: string }; idPrefix: string; initial?: { answer: string | null; status: string } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState(initial?.answer ?? '');
  const [status, setStatus] = useState<AnswerStatus | null>(signalAnswerStatuses.find((s) => s === initial?.status) ?? null);
  const [done, setDone] = useState(false);
  const { errors, showError, check, clear } = useFormErrors();
  const fields = {
    answer: { id: `${idPrefix}-answer`, label: t('signals.detail.answer') },
    status: { id: `${idPrefix}-status`, label: t('signals.detail.newStatus') },
  };

  const save = useMutation({
    mutationFn: async (body: SignalAnswerRequest): Promise<void> => {
      if (target.type === 'signal') await call(contract.signals.answer, { params: { id: target.id }, body });
      else await call(contract.signals.answerGroup, { params: { id: target.id }, body });
    },
    onSuccess: async () => {
      clear();
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: signalKeys.all });
    },
    onError: showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const trimmed = answer.trim();
    const ok = check({
      answer: trimmed === '' ? t('signals.detail.answerRequired') : trimmed.length > signalAnswerMaxLength && t('signals.detail.answerTooLong', { max: signalAnswerMaxLength }),
      status: !status && t('signals.new.choose'),
    });
    if (ok && status) save.mutate({ answer: trimmed, status });
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <TextAreaField id={fields.answer.id} label={fields.answer.label} value={answer} onChange={setAnswer} error={errors.fields.answer} rows={5} />
      <RadioGroup
        id={fields.status.id}
        legend={fields.status.label}
        value={status}
        onChange={setStatus}
        error={errors.fields.status}
        options={signalAnswerStatuses.map((value) => ({ value, label: t(`signals.status.${value}`) }))}
      />
      <SubmitActions label={t('signals.detail.send')} busy={save.isPending} />
      {done ? (
        <Paragraph role="status" className="sk-saved">
          {t('signals.detail.answered')}
        </Paragraph>
      ) : null}
    </form>
  );
}
