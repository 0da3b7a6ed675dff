import { feedbackPaths } from '../feedback/api.js';
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { type ConsentCopy, contract, type Conversation } from '@spreekkamer/shared';
import { applyClientSession } from '../../api/client-session.js';
import { formatDay } from '../../lib/format.js';
import { consentTextFor } from '../../lib/consent-text.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { CheckboxField, RadioGroup } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError, Loading, MutationError, QueryStatus } from '../../components/QueryState.js';
import { clientKeys, clientPath, useConsent, useConversation, useReviewers } from '../clients/api.js';
import { ConsentStatus } from '../clients/ConsentStatus.js';
import '../clients/clients.css';
import { ConversationRecordings } from '../recordings/ConversationRecordings.js';
import { call } from '../../api/client.js';

export function ConversationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const conversation = useConversation(id);
  if (!conversation.data) {
    return (
      <Page title={t('clients.conversation.documentTitle')} breadcrumbs={[{ to: '/clienten', label: t('breadcrumbs.clients') }]}>
        <QueryStatus query={conversation} />
      </Page>
    );
  }
  return <ConversationDetails conversation={conversation.data} />;
}

function ConversationDetails({ conversation }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const backFromClient = params.get('terug') === '1';
  const date = formatDay(conversation.heldOn, i18n.language);
  return (
    <Page
      title={t('clients.conversation.title', { date })}
      documentTitle={`${t('clients.conversation.documentTitle')}: ${conversation.clientPseudonym}, ${date}`}
      crumbLabel={t('breadcrumbs.conversation')}
      breadcrumbs={[
        { to: '/clienten', label: t('breadcrumbs.clients') },
        { to: clientPath(conversation.clientId), label: conversation.clientPseudonym },
      ]}
    >
      <dl className="sk-consent-details">
        <dt>{t('clients.conversation.client')}</dt>
        <dd>
          <Link to={clientPath(conversation.clientId)}>{conversation.clientPseudonym}</Link>
        </dd>
        <dt>{t('clients.conversation.kind')}</dt>
        <dd>{t(`clients.kind.${conversation.kind}`)}</dd>
        <dt>{t('clients.conversations.consent')}</dt>
        <dd>
          <ConsentStatus consent={conversation.consent} />
        </dd>
      </dl>
      {backFromClient ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('clients.conversation.backFromClient')}</Paragraph>
        </Alert>
      ) : null}
      <Section id="conversation-consent" title={t('clients.conversation.consentTitle')}>
        <ConsentPart conversation={conversation} />
      </Section>
      <ConversationRecordings conversationId={conversation.id} consent={conversation.consent} consentHref="#conversation-consent" />
      <Section id="conversation-feedback" title={t('feedback.routine.fromConversation')}>
        <Paragraph>{t('feedback.routine.fromConversationHint')}</Paragraph>
        <Paragraph>
          <Link to={`${feedbackPaths.list}?client=${encodeURIComponent(conversation.clientId)}&conversation=${encodeURIComponent(conversation.id)}#feedback-new`}>{t('feedback.routine.fromConversation')}</Link>
        </Paragraph>
      </Section>
    </Page>
  );
}

function ConsentPart({ conversation }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation();
  const consent = conversation.consent;
  const copy = useConsent(consent?.id ?? null);
  if (!consent) {
    return (
      <>
        <Paragraph>{t('clients.conversation.none')}</Paragraph>
        <ReviewerChoice conversation={conversation} />
        <HandOver conversation={conversation} />
      </>
    );
  }
  if (consent.status === 'withdrawn') {
    return (
      <>
        <Alert type="info">
          <Paragraph>{t('clients.conversation.withdrawn', { date: formatDay(consent.withdrawnAt ?? consent.givenAt, i18n.language) })}</Paragraph>
          {copy.data?.withdrawalPending ? <Paragraph>{t('clients.conversation.withdrawalPending')}</Paragraph> : null}
        </Alert>
      </>
    );
  }
  if (consent.status === 'declined') {
    return (
      <>
        <Paragraph>{t('clients.conversation.declined')}</Paragraph>
        <Paragraph>{t('clients.conversation.askAgain')}</Paragraph>
        <HandOver conversation={conversation} />
      </>
    );
  }
  return (
    <>
      {copy.error ? <LoadError error={copy.error} onRetry={() => void copy.refetch()} /> : null}
      {copy.data ? <OwnConsent copy={copy.data} conversationId={conversation.id} /> : <Loading />}
      {copy.data ? <ConsentDetails copy={copy.data} /> : null}
    </>
  );
}

/** The professional proposes a reviewer before the client decides; the client sees the name. */
function ReviewerChoice({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reviewers = useReviewers();
  const [value, setValue] = useState(conversation.reviewer?.id ?? 'open');
  const [saved, setSaved] = useState(false);
  const { errors, showError, clear } = useFormErrors();
  const save = useMutation({
    mutationFn: () => call(contract.clients.updateConversation, { params: { id: conversation.id }, body: { reviewerUserId: value === 'open' ? null : value } }),
    onSuccess: (updated) => {
      clear();
      setSaved(true);
      queryClient.setQueryData(clientKeys.conversation(conversation.id), updated);
    },
    onError: showError,
  });
  if (!reviewers.data || reviewers.data.reviewers.length === 0) return null;
  const fields = { reviewerUserId: { id: 'conversation-reviewer', label: t('clients.conversation.reviewer') } };
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }
  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <RadioGroup
        id={fields.reviewerUserId.id}
        legend={fields.reviewerUserId.label}
        value={value}
        onChange={setValue}
        error={errors.fields.reviewerUserId}
        options={[{ value: 'open', label: t('clients.conversations.reviewerOpen') }, ...reviewers.data.reviewers.map((r) => ({ value: r.id, label: r.name }))]}
      />
      <SubmitActions label={t('clients.conversation.reviewerSave')} busy={save.isPending} appearance="secondary-action-button" />
      {saved ? (
        <Paragraph role="status" className="sk-saved">
          {t('clients.conversation.reviewerSaved')}
        </Paragraph>
      ) : null}
    </form>
  );
}

/** Hands this device to the client: a client session for this client only, then the consent flow. */
function HandOver({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handOver = useMutation({
    mutationFn: () => call(contract.clientAccess.handOver, { params: { id: conversation.clientId } }),
    onSuccess: async (session) => {
      applyClientSession(queryClient, session);
      await navigate(`/klant/toestemming/${encodeURIComponent(conversation.id)}`);
    },
  });
  return (
    <div className="sk-stack">
      <Paragraph>{t('clients.conversation.handOverHint')}</Paragraph>
      <MutationError error={handOver.error} />
      <div className="sk-actions">
        <Button appearance="primary-action-button" className="sk-hand-over" busy={handOver.isPending} onClick={() => handOver.mutate()}>
          {t('clients.conversation.handOver')}
        </Button>
      </div>
      <Paragraph small>
        {t('clients.conversation.ownDevice')} <Link to={`${clientPath(conversation.clientId)}#client-access`}>{t('clients.conversation.toClient')}</Link>
      </Paragraph>
    </div>
  );
}

/** The professional is recorded too: their own consent, on the client's terms. */
function OwnConsent({ copy, conversationId }: { copy: ConsentCopy; conversationId: string }) {
  const { t, i18n } = useTranslation();
  const text = consentTextFor(i18n.language, copy.textVersion).professional;
  const queryClient = useQueryClient();
  const [agreed, setAgreed] = useState(false);
  const { errors, showError, check } = useFormErrors();
  const confirm = useMutation({
    mutationFn: () => call(contract.consent.confirmAsProfessional, { params: { id: copy.id }, body: { confirm: true } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(clientKeys.consent(copy.id), updated);
      await queryClient.invalidateQueries({ queryKey: clientKeys.conversation(conversationId) });
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
    onError: showError,
  });
  if (copy.professionalConsentedAt) {
    return <Paragraph>{t('clients.conversation.ownDone', { date: formatDay(copy.professionalConsentedAt, i18n.language) })}</Paragraph>;
  }
  const fields = { confirm: { id: 'own-consent', label: text.confirm } };
  function submit(event: FormEvent) {
    event.preventDefault();
    if (check({ confirm: !agreed && t('clients.conversation.ownRequired') })) confirm.mutate();
  }
  return (
    <section className="sk-panel" aria-labelledby="own-consent-title">
      <h3 id="own-consent-title" className="utrecht-heading-3">
        {text.title}
      </h3>
      {text.lines.map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      <form className="sk-form" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} fields={fields} />
        <CheckboxField id={fields.confirm.id} label={text.confirm} checked={agreed} onChange={setAgreed} />
        <SubmitActions label={t('clients.conversation.ownConfirm')} busy={confirm.isPending} />
      </form>
    </section>
  );
}

function ConsentDetails({ copy }: { copy: ConsentCopy }) {
  const { t, i18n } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('clients.details.yes') : t('clients.details.no'));
  return (
    <>
      <h3 className="utrecht-heading-3">{t('clients.conversation.detailsTitle')}</h3>
      <dl className="sk-consent-details">
        <dt>{t('clients.details.media')}</dt>
        <dd>{t(`clients.media.${copy.media}`)}</dd>
        <dt>{t('clients.details.audience')}</dt>
        <dd>{t(`clients.audience.${copy.audience}`)}</dd>
        {copy.audience !== 'professional' ? (
          <>
            <dt>{t('clients.details.reviewer')}</dt>
            <dd>{copy.reviewer?.name ?? t('clients.details.reviewerOpen')}</dd>
            <dt>{t('clients.details.feedback')}</dt>
            <dd>{yesNo(copy.feedbackViaReviewer)}</dd>
          </>
        ) : null}
        <dt>{t('clients.details.watch')}</dt>
        <dd>{yesNo(copy.watchWithClient)}</dd>
        <dt>{t('clients.details.retention')}</dt>
        <dd>{t('clients.details.days', { count: copy.retentionDays })}</dd>
        <dt>{t('clients.details.givenAt')}</dt>
        <dd>
          {formatDay(copy.givenAt, i18n.language)} ({copy.signedVia === 'tablet' ? t('clients.details.viaTablet') : t('clients.details.viaOwnDevice')})
        </dd>
        <dt>{t('clients.details.signature')}</dt>
        <dd>{copy.signature}</dd>
        <dt>{t('clients.details.version')}</dt>
        <dd>{copy.textVersion}</dd>
      </dl>
    </>
  );
}
