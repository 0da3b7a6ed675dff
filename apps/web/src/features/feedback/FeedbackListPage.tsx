import { EarlyHint } from './FeedbackRoutine.js';
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { contract } from '@spreekkamer/shared';
import { formatDay } from '../../lib/format.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { CheckboxField, Fieldset, FieldsetLegend, TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { useClients } from '../clients/api.js';
import { feedbackKeys, feedbackPaths, storeFeedback, useFeedbackList } from './api.js';
import './feedback.css';
import { call } from '../../api/client.js';

/** /samenleergesprekken — the professional's own feedback conversations, and a new invitation. */
export function FeedbackListPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('feedback.list.title')} intro={t('feedback.list.intro')}>
      <Section id="feedback-list" title={t('feedback.list.listTitle')}>
        <FeedbackTable />
      </Section>
      <Section id="feedback-new" title={t('feedback.list.newTitle')}>
        <NewFeedback />
      </Section>
    </Page>
  );
}

function FeedbackTable() {
  const { t, i18n } = useTranslation();
  const list = useFeedbackList();
  if (list.isPending || list.error) return <QueryStatus query={list} />;
  if (list.data.conversations.length === 0) return <Paragraph>{t('feedback.list.empty')}</Paragraph>;
  const columns = {
    clients: t('feedback.list.clients'),
    status: t('feedback.list.status'),
    created: t('feedback.list.created'),
    prepared: t('feedback.list.prepared'),
    changes: t('feedback.list.changes'),
  };
  return (
    <Table>
      <TableCaption className="sk-visually-hidden">{t('feedback.list.caption')}</TableCaption>
      <TableHeader>
        <TableRow>
          {Object.values(columns).map((label) => (
            <TableHeaderCell key={label}>{label}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.data.conversations.map((item) => (
          <TableRow key={item.id}>
            <TableCell label={columns.clients}>
              <Link to={feedbackPaths.one(item.id)}>{item.pseudonyms.join(', ')}</Link>
            </TableCell>
            <TableCell label={columns.status}>{t(`feedback.status.${item.status}`)}</TableCell>
            <TableCell label={columns.created}>{formatDay(item.createdAt, i18n.language)}</TableCell>
            <TableCell label={columns.prepared}>{t('feedback.list.preparedCount', { count: item.preparedCount, total: item.pseudonyms.length })}</TableCell>
            <TableCell label={columns.changes}>{item.openChangeRequests}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function NewFeedback() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const clients = useClients();
  const [chosen, setChosen] = useState<string[]>(() => (search.get('client') ? [search.get('client') ?? ''] : []));
  // "Start from this conversation": the conversation goes along while its one client is chosen.
  const fromConversation = search.get('conversation');
  const [days, setDays] = useState('14');
  const { errors, showError, check } = useFormErrors();
  const fields = {
    clientIds: { id: 'feedback-clients', label: t('feedback.list.clientsLegend') },
    inviteDays: { id: 'feedback-days', label: t('feedback.list.inviteDays') },
  };
  const create = useMutation({
    mutationFn: () => call(contract.feedback.create, { body: { clientIds: chosen, inviteDays: Number(days), ...(fromConversation && chosen.length === 1 && chosen[0] === search.get('client') ? { conversationId: fromConversation } : {}) } }),
    onSuccess: async (detail) => {
      storeFeedback(queryClient, detail);
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.list });
      await navigate(feedbackPaths.one(detail.id));
    },
    onError: showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(days);
    if (
      check({
        clientIds: chosen.length === 0 && t('feedback.list.chooseClient'),
        inviteDays: (!Number.isInteger(n) || n < 1 || n > 60) && t('feedback.list.daysInvalid'),
      })
    ) {
      create.mutate();
    }
  }

  if (clients.isPending || clients.error) return <QueryStatus query={clients} />;
  if (clients.data.clients.length === 0) {
    return (
      <Paragraph>
        {t('feedback.list.noClients')} <Link to="/clienten/nieuw">{t('feedback.list.addClient')}</Link>
      </Paragraph>
    );
  }
  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <Fieldset id={fields.clientIds.id} invalid={Boolean(errors.fields.clientIds)}>
        <FieldsetLegend>{fields.clientIds.label}</FieldsetLegend>
        <Paragraph small>{t('feedback.list.clientsHelp')}</Paragraph>
        {errors.fields.clientIds ? <Paragraph className="sk-field-error">{errors.fields.clientIds}</Paragraph> : null}
        {clients.data.clients.map((client) => (
          <CheckboxField
            key={client.id}
            id={`feedback-client-${client.id}`}
            label={client.pseudonym}
            checked={chosen.includes(client.id)}
            onChange={(checked) => setChosen((all) => (checked ? [...all, client.id] : all.filter((id) => id !== client.id)))}
          />
        ))}
      </Fieldset>
      <EarlyHint clients={clients.data.clients.filter((c) => chosen.includes(c.id))} />
      <TextField id={fields.inviteDays.id} label={fields.inviteDays.label} inputMode="numeric" value={days} error={errors.fields.inviteDays} onChange={setDays} />
      <SubmitActions label={chosen.length > 1 ? t('feedback.list.createGroup') : t('feedback.list.create')} busy={create.isPending} />
    </form>
  );
}
