import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract, type SignalGroup } from '@spreekkamer/shared';
import { ApiError, call } from '../../api/client.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { SubmitActions } from '../../components/FormActions.js';
import { TextField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { AnswerForm } from './AnswerForm.js';
import { signalKeys, useSignalAccess, useSignalInbox } from './api.js';
import { SignalCard } from './SignalCard.js';
import './signals.css';

/** The signals a policy advisor or management team member receives, and their groups. */
export function InboxPage() {
  const { t } = useTranslation();
  // A manager outside the management team sees the menu entry (the menu knows roles only); ask first, so the inbox is only fetched by a reader.
  const access = useSignalAccess();
  const reader = access.data ? access.data.policy || access.data.management : false;
  const inbox = useSignalInbox(reader);
  const notMember = (access.data !== undefined && !reader) || (inbox.error instanceof ApiError && inbox.error.status === 404);
  return (
    <Page title={t('signals.inbox.title')} intro={t('signals.inbox.intro')}>
      {access.data === undefined ? <QueryStatus query={access} loadingLabel={t('signals.inbox.loading')} /> : null}
      {notMember ? <Paragraph>{t('signals.inbox.notMember')}</Paragraph> : reader ? <QueryStatus query={inbox} loadingLabel={t('signals.inbox.loading')} /> : null}
      {inbox.data ? (
        <>
          <Paragraph>{inbox.data.open > 0 ? t('signals.inbox.open', { count: inbox.data.open }) : t('signals.inbox.noneOpen')}</Paragraph>
          <Section id="signals-list" title={t('signals.inbox.signalsTitle')}>
            {inbox.data.signals.length === 0 ? <Paragraph>{t('signals.inbox.empty')}</Paragraph> : null}
            {inbox.data.signals.length > 0 ? (
              <ul className="sk-signal-list">
                {inbox.data.signals.map((signal) => (
                  <li key={signal.id}>
                    <SignalCard signal={signal} link />
                  </li>
                ))}
              </ul>
            ) : null}
          </Section>
          <Section id="signal-groups" title={t('signals.inbox.groupsTitle')}>
            <Paragraph>{t('signals.inbox.groupsIntro')}</Paragraph>
            <NewGroupForm />
            {inbox.data.groups.length === 0 ? <Paragraph>{t('signals.inbox.groupsEmpty')}</Paragraph> : null}
            <ul className="sk-signal-list">
              {inbox.data.groups.map((group) => (
                <li key={group.id}>
                  <GroupCard group={group} />
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </Page>
  );
}

function GroupCard({ group }: { group: SignalGroup }) {
  const { t } = useTranslation();
  return (
    <article className="sk-signal" aria-labelledby={`groep-${group.id}-title`}>
      <Heading level={3} id={`groep-${group.id}-title`} className="sk-signal__title">
        {group.name}
      </Heading>
      <p className="sk-signal__meta">
        <StatusBadge>{t(`signals.status.${group.status}`)}</StatusBadge> {t('signals.inbox.groupCount', { count: group.signalCount })}
      </p>
      {group.signalCount > 0 ? (
        <details>
          <summary>{t('signals.inbox.answerGroup', { name: group.name })}</summary>
          <AnswerForm target={{ type: 'group', id: group.id }} idPrefix={`group-${group.id}`} initial={{ answer: group.answer, status: group.status }} />
        </details>
      ) : null}
    </article>
  );
}

function NewGroupForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const { errors, showError, check, clear } = useFormErrors();
  const fields = { name: { id: 'signal-group-name', label: t('signals.inbox.groupName') } };
  const create = useMutation({
    mutationFn: () => call(contract.signals.createGroup, { body: { name: name.trim() } }),
    onSuccess: async (group) => {
      clear();
      setName('');
      setCreated(group.name);
      await queryClient.invalidateQueries({ queryKey: signalKeys.all });
    },
    onError: showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    if (check({ name: name.trim() === '' && t('signals.inbox.groupNameRequired') })) create.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit} aria-labelledby="signal-group-new-title">
      <Heading level={3} id="signal-group-new-title">
        {t('signals.inbox.newGroup')}
      </Heading>
      <ErrorSummary errors={errors} fields={fields} />
      <TextField id={fields.name.id} label={fields.name.label} value={name} onChange={setName} error={errors.fields.name} maxLength={120} />
      <SubmitActions label={t('signals.inbox.createGroup')} busy={create.isPending} />
      {created ? (
        <Paragraph role="status" className="sk-saved">
          {t('signals.inbox.groupCreated', { name: created })}
        </Paragraph>
      ) : null}
    </form>
  );
}
