import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, type FollowUp } from '@spreekkamer/shared';
import { formatDay } from '../../lib/format.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { feedbackKeys, useFollowUps } from './api.js';
import { TextAreaField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { PlainLanguageHints } from '../../components/PlainLanguageHints.js';
import { call } from '../../api/client.js';
import { preloadTexts, useTexts } from '../../i18n/index.js';

// Fetched as this module loads (with its page), so the components rarely wait.
preloadTexts('languages');

/**
 * Follow-up (terugkoppeling) for one client: what the professional learned from the feedback and
 * what they changed. A draft can be saved and changed; once sent the client reads it on their page.
 */
export function FollowUpEditor({ clientId, pseudonym, feedbackId = null }: { clientId: string; pseudonym: string; feedbackId?: string | null }) {
  const { t } = useTranslation();
  const followUps = useFollowUps(clientId);
  if (followUps.isPending || followUps.error) return <QueryStatus query={followUps} />;
  const mine = followUps.data.followUps.filter((f) => feedbackId === null || f.feedbackId === feedbackId);
  const draft = mine.find((f) => f.status === 'draft') ?? null;
  const sent = mine.filter((f) => f.status === 'sent');
  return (
    <div className="sk-stack">
      <Paragraph>{t('feedback.followUp.intro')}</Paragraph>
      {sent.map((followUp) => (
        <SentFollowUp key={followUp.id} followUp={followUp} />
      ))}
      <FollowUpForm key={draft?.id ?? 'new'} clientId={clientId} pseudonym={pseudonym} feedbackId={feedbackId} draft={draft} />
    </div>
  );
}

export function SentFollowUp({ followUp }: { followUp: FollowUp }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="sk-feedback-sent" aria-label={t('feedback.followUp.sentOn', { date: formatDay(followUp.sentAt ?? followUp.createdAt, i18n.language) })}>
      <Heading level={4}>{t('feedback.followUp.sentOn', { date: formatDay(followUp.sentAt ?? followUp.createdAt, i18n.language) })}</Heading>
      <Paragraph small>{followUp.readAt ? t('feedback.followUp.readOn', { date: formatDay(followUp.readAt, i18n.language) }) : t('feedback.followUp.notRead')}</Paragraph>
      {followUp.erased ? <p className="sk-feedback-erased">{t('feedback.erasedByClient')}</p> : null}
      <dl className="sk-feedback-dl">
        <dt>{t('feedback.followUp.learned')}</dt>
        <dd className="sk-feedback-text">{followUp.learned}</dd>
        <dt>{t('feedback.followUp.changed')}</dt>
        <dd className="sk-feedback-text">{followUp.changed}</dd>
      </dl>
    </article>
  );
}

function FollowUpForm({ clientId, pseudonym, feedbackId, draft }: { clientId: string; pseudonym: string; feedbackId: string | null; draft: FollowUp | null }) {
  useTexts('languages');
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [learned, setLearned] = useState(draft?.learned ?? '');
  const [changed, setChanged] = useState(draft?.changed ?? '');
  const [shortVersion, setShortVersion] = useState(draft?.shortVersion?.text ?? '');
  const [done, setDone] = useState<'saved' | 'sent' | null>(null);
  const { errors, showError, check, clear } = useFormErrors();
  const prefix = `follow-up-${feedbackId ?? clientId}`;
  const fields = {
    learned: { id: `${prefix}-learned`, label: t('feedback.followUp.learned') },
    changed: { id: `${prefix}-changed`, label: t('feedback.followUp.changed') },
  };
  const save = useMutation({
    mutationFn: async (send: boolean) => {
      const body = { learned, changed, shortVersion };
      if (!draft) return call(contract.followUps.create, { body: { clientId, feedbackId, ...body, send } });
      const updated = await call(contract.followUps.update, { params: { id: draft.id }, body });
      return send ? call(contract.followUps.send, { params: { id: updated.id } }) : updated;
    },
    onSuccess: async (result) => {
      clear();
      setDone(result.status === 'sent' ? 'sent' : 'saved');
      if (result.status === 'sent') {
        setLearned('');
        setChanged('');
        setShortVersion('');
      }
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.followUps(clientId) });
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.home });
    },
    onError: showError,
  });

  function submit(send: boolean) {
    return (event?: FormEvent) => {
      event?.preventDefault();
      setDone(null);
      const valid = check({
        learned: learned.trim() === '' && t('feedback.followUp.learnedMissing'),
        changed: changed.trim() === '' && t('feedback.followUp.changedMissing'),
      });
      if (valid) save.mutate(send);
    };
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit(true)}>
      <ErrorSummary errors={errors} fields={fields} />
      {done ? (
        <Alert type="ok" role="status">
          <Paragraph>{done === 'sent' ? t('feedback.followUp.sentNow', { name: pseudonym }) : t('feedback.followUp.savedNow')}</Paragraph>
        </Alert>
      ) : null}
      {draft ? <Paragraph small>{t('feedback.followUp.draft')}</Paragraph> : null}
      <TextAreaField inputClassName="sk-feedback-area" id={fields.learned.id} label={fields.learned.label} description={t('feedback.followUp.learnedHelp')} rows={4} maxLength={2000} value={learned} error={errors.fields.learned} onChange={setLearned} />
      <TextAreaField inputClassName="sk-feedback-area" id={fields.changed.id} label={fields.changed.label} description={t('feedback.followUp.changedHelp')} rows={4} maxLength={2000} value={changed} error={errors.fields.changed} onChange={setChanged} />
      <PlainLanguageHints text={`${learned}\n${changed}`} />
      <TextAreaField inputClassName="sk-feedback-area" id={`${prefix}-short`} label={t('languages.plain.shortVersion')} description={t('languages.plain.shortVersionHelp')} rows={3} maxLength={1000} value={shortVersion} onChange={setShortVersion} />
      <SubmitActions label={t('feedback.followUp.send', { name: pseudonym })} busy={save.isPending}>
        <Button appearance="secondary-action-button" onClick={() => submit(false)()}>
          {t('feedback.followUp.saveDraft')}
        </Button>
      </SubmitActions>
    </form>
  );
}
