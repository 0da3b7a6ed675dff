import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { contract, type Signal } from '@spreekkamer/shared';
import { call } from '../../api/client.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { SubmitActions } from '../../components/FormActions.js';
import { SelectField } from '../../components/fields.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage } from '../../components/QueryState.js';
import { AnswerForm } from './AnswerForm.js';
import { signalKeys, signalPaths, useSignal, useSignalInbox } from './api.js';
import { SignalCard } from './SignalCard.js';
import './signals.css';

/** One received signal: put it in a group, and answer it. */
export function SignalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const signal = useSignal(id);
  const crumbs = [{ to: signalPaths.inbox, label: t('signals.inbox.title') }];
  if (signal.isPending) return <LoadingPage title={t('signals.detail.loading')} />;
  if (signal.isError) return <LoadErrorPage error={signal.error} onRetry={() => void signal.refetch()} goneTitle={t('signals.detail.title')} goneText={t('signals.detail.gone')} />;
  return (
    <Page title={t('signals.detail.title')} breadcrumbs={crumbs}>
      <SignalCard signal={signal.data} headingLevel={2} />
      <Section id="signal-group" title={t('signals.detail.groupTitle')}>
        <GroupChoice signal={signal.data} />
      </Section>
      <Section id="signal-answer" title={t('signals.detail.answerTitle')}>
        <Paragraph>{t('signals.detail.answerIntro')}</Paragraph>
        <AnswerForm target={{ type: 'signal', id: signal.data.id }} idPrefix="signal-reply" initial={{ answer: signal.data.answer, status: signal.data.status }} />
      </Section>
    </Page>
  );
}

function GroupChoice({ signal }: { signal: Signal }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inbox = useSignalInbox();
  const [groupId, setGroupId] = useState(signal.groupId ?? '');
  const [saved, setSaved] = useState(false);
  const { errors, showError, clear } = useFormErrors();
  const fields = { groupId: { id: 'signal-group-choice', label: t('signals.detail.group') } };
  const save = useMutation({
    mutationFn: () => call(contract.signals.setGroup, { params: { id: signal.id }, body: { groupId: groupId === '' ? null : groupId } }),
    onSuccess: async () => {
      clear();
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: signalKeys.all });
    },
    onError: showError,
  });
  const options = [{ value: '', label: t('signals.detail.noGroup') }, ...(inbox.data?.groups ?? []).map((group) => ({ value: group.id, label: group.name }))];

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <SelectField id={fields.groupId.id} label={fields.groupId.label} value={groupId} onChange={setGroupId} options={options} error={errors.fields.groupId} />
      <SubmitActions label={t('signals.detail.saveGroup')} busy={save.isPending} />
      {saved ? (
        <Paragraph role="status" className="sk-saved">
          {t('signals.detail.groupSaved')}
        </Paragraph>
      ) : null}
    </form>
  );
}
