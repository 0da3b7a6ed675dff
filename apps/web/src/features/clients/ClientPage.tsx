import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Client, contract, type ConversationKind } from '@spreekkamer/shared';
import { formatDay } from '../../lib/format.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { conversationPath } from '../recordings/paths.js';
import { ClientRecordings } from '../recordings/RecordingsOverview.js';
import { clientKeys, useClient, useConversations, useReviewers } from './api.js';
import { ClientAccess } from './ClientAccess.js';
import { ClientForm, type ClientFormValues } from './ClientForm.js';
import { ConsentStatus } from './ConsentStatus.js';
import { LazyClientFeedbackSection } from '../feedback/routes.js';
import './clients.css';
import { call } from '../../api/client.js';

export function ClientPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useClient(id);
  if (!client.data) {
    return (
      <Page title={t('clients.client.documentTitle')} breadcrumbs={[{ to: '/clienten', label: t('breadcrumbs.clients') }]}>
        <QueryStatus query={client} />
      </Page>
    );
  }
  return <ClientDetails client={client.data} />;
}

function ClientDetails({ client }: { client: Client }) {
  const { t } = useTranslation();
  return (
    <Page title={client.pseudonym} documentTitle={`${t('clients.client.documentTitle')}: ${client.pseudonym}`} intro={t('clients.client.intro')} breadcrumbs={[{ to: '/clienten', label: t('breadcrumbs.clients') }]}>
      <Section id="client-conversations" title={t('clients.conversations.title')}>
        <ConversationList clientId={client.id} />
      </Section>
      <Section id="client-recordings" title={t('recordings.overview.clientTitle')}>
        <ClientRecordings clientId={client.id} />
      </Section>
      <Section id="client-plan" title={t('clients.conversations.planTitle')}>
        <PlanConversation clientId={client.id} />
      </Section>
      <Section id="client-feedback" title={t('feedback.home.title')}>
        <LazyClientFeedbackSection client={client} />
      </Section>
      <Section id="client-access" title={t('clients.access.title')}>
        <ClientAccess client={client} />
      </Section>
      <Section id="client-details" title={t('clients.form.editTitle')}>
        <EditClient client={client} />
      </Section>
    </Page>
  );
}

function ConversationList({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const conversations = useConversations(clientId);
  const columns = { date: t('clients.conversations.date'), kind: t('clients.conversations.kind'), consent: t('clients.conversations.consent') };
  if (conversations.isPending || conversations.error) return <QueryStatus query={conversations} />;
  if (conversations.data.conversations.length === 0) return <Paragraph>{t('clients.conversations.empty')}</Paragraph>;
  return (
    <Table>
      <TableCaption className="sk-visually-hidden">{t('clients.conversations.caption')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{columns.date}</TableHeaderCell>
          <TableHeaderCell>{columns.kind}</TableHeaderCell>
          <TableHeaderCell>{columns.consent}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {conversations.data.conversations.map((conversation) => (
          <TableRow key={conversation.id}>
            <TableCell label={columns.date}>
              <Link to={conversationPath(conversation.id)}>{formatDay(conversation.heldOn, i18n.language)}</Link>
            </TableCell>
            <TableCell label={columns.kind}>{t(`clients.kind.${conversation.kind}`)}</TableCell>
            <TableCell label={columns.consent}>
              <ConsentStatus consent={conversation.consent} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function PlanConversation({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reviewers = useReviewers();
  const [heldOn, setHeldOn] = useState(today);
  const [kind, setKind] = useState<ConversationKind | null>('in_person');
  const [reviewer, setReviewer] = useState<string>('open');
  const [saved, setSaved] = useState(false);
  const { errors, showError, check, clear } = useFormErrors();
  const plan = useMutation({
    mutationFn: () => {
      if (kind === null) throw new Error('the kind is checked before saving');
      return call(contract.clients.createConversation, { params: { id: clientId }, body: { heldOn, kind, reviewerUserId: reviewer === 'open' ? null : reviewer } });
    },
    onSuccess: async () => {
      clear();
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
    onError: showError,
  });
  const fields = {
    heldOn: { id: 'conversation-date', label: t('clients.conversations.heldOn') },
    kind: { id: 'conversation-kind', label: t('clients.conversations.kindLegend') },
    reviewerUserId: { id: 'conversation-reviewer', label: t('clients.conversations.reviewer') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (check({ heldOn: heldOn === '' && t('clients.conversations.heldOnRequired'), kind: kind === null && t('clients.conversations.kindRequired') })) plan.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <TextField id={fields.heldOn.id} label={fields.heldOn.label} type="date" required value={heldOn} error={errors.fields.heldOn} onChange={setHeldOn} />
      <RadioGroup
        id={fields.kind.id}
        legend={fields.kind.label}
        value={kind}
        onChange={setKind}
        error={errors.fields.kind}
        options={(['in_person', 'phone', 'video_call'] as const).map((value) => ({ value, label: t(`clients.kind.${value}`) }))}
      />
      {reviewers.data && reviewers.data.reviewers.length > 0 ? (
        <RadioGroup
          id={fields.reviewerUserId.id}
          legend={fields.reviewerUserId.label}
          value={reviewer}
          onChange={setReviewer}
          error={errors.fields.reviewerUserId}
          options={[{ value: 'open', label: t('clients.conversations.reviewerOpen') }, ...reviewers.data.reviewers.map((r) => ({ value: r.id, label: r.name }))]}
        />
      ) : null}
      <Paragraph small>{t('clients.conversations.reviewerHint')}</Paragraph>
      <SubmitActions label={t('clients.conversations.plan')} busy={plan.isPending} />
      {saved ? (
        <Paragraph role="status" className="sk-saved">
          {t('clients.conversations.planned')}
        </Paragraph>
      ) : null}
    </form>
  );
}

function EditClient({ client }: { client: Client }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { errors, showError, check, clear } = useFormErrors();
  const save = useMutation({
    mutationFn: (values: ClientFormValues) =>
      call(contract.clients.update, { params: { id: client.id }, body: { pseudonym: values.pseudonym, contact: values.contact || null, locale: values.locale } }),
    onSuccess: async (updated) => {
      clear();
      setSaved(true);
      queryClient.setQueryData(clientKeys.one(client.id), updated);
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
    onError: (error) => {
      setSaved(false);
      showError(error);
    },
  });
  return (
    <>
      <ClientForm initial={client} errors={errors} check={check} busy={save.isPending} submitLabel={t('clients.form.save')} onSubmit={(values) => save.mutate(values)} />
      {saved ? (
        <Paragraph role="status" className="sk-saved">
          {t('clients.form.saved')}
        </Paragraph>
      ) : null}
    </>
  );
}
