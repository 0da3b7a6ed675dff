import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { overlapsAny, partsOutside, type Moment, type Share } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { CheckboxField, Fieldset, FieldsetLegend, RadioGroup, TextField, TextAreaField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCell, TableHeaderRow, TableRow } from '../../components/Table.js';
import { formatClock } from '../recordings/format.js';
import { formatDay } from '../../lib/format.js';
import { createMoment, createShare, reviewKeys, revokeShare, useNoShareStretches, useShareOptions, useShares } from './api.js';
import { setShareLane } from './rhythm-api.js';
import { reviewPaths } from './paths.js';
import { preloadTexts, useTexts } from '../../i18n/index.js';

// Fetched as this module loads (with its page), so the components rarely wait.
preloadTexts('rhythm');

/** yyyy-mm-dd of a day from now, in local time (the date field's own format). */
function dayFromNow(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The end of the chosen day in local time, as an instant for the server. */
function endOfDay(day: string): string {
  return new Date(`${day}T23:59:00`).toISOString();
}

export function ShareSection({ recordingId, moments, mayShare }: { recordingId: string; moments: readonly Moment[]; mayShare: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shares = useShares(recordingId);
  // Say why before the click, not after: the consent decides first, then whether there is a moment.
  const reason = !mayShare ? t('reviews.share.consentOnlyYou') : moments.length === 0 ? t('reviews.share.needMoment') : null;
  return (
    <div className="sk-stack">
      <Paragraph>{t('reviews.share.intro')}</Paragraph>
      {open && !reason ? (
        <ShareForm recordingId={recordingId} moments={moments} onDone={() => setOpen(false)} />
      ) : (
        <Button appearance="primary-action-button" onClick={() => setOpen(true)} disabled={reason !== null} aria-describedby={reason ? 'share-why-not' : undefined}>
          {t('reviews.share.open')}
        </Button>
      )}
      {reason ? (
        <Paragraph small id="share-why-not">
          {reason}
        </Paragraph>
      ) : null}
      <QueryStatus query={shares} />
      {shares.data && shares.data.shares.length > 0 ? <SharesTable recordingId={recordingId} shares={shares.data.shares} moments={moments} /> : null}
    </div>
  );
}

function ShareForm({ recordingId, moments, onDone }: { recordingId: string; moments: readonly Moment[]; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const options = useShareOptions(recordingId, true);
  const { errors, showError, check } = useFormErrors();
  const [chosen, setChosen] = useState<string[]>([]);
  const [recipient, setRecipient] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [viewerContext, setViewerContext] = useState('');
  const [until, setUntil] = useState(dayFromNow(14));
  const [clientTalk, setClientTalk] = useState(false);
  const [done, setDone] = useState<Share | null>(null);

  const send = useMutation({
    mutationFn: () => {
      const [type, target] = (recipient ?? '').split(':');
      return createShare(recordingId, {
        momentIds: chosen,
        recipient: type === 'group' ? { type: 'peer_group', groupId: target ?? '' } : type === 'policy' ? { type: 'policy', userId: target ?? '' } : { type: 'reviewer', userId: target ?? '' },
        question,
        viewerContext,
        expiresAt: endOfDay(until),
        clientTalk: type === 'reviewer' && clientTalk,
      });
    },
    onSuccess: async (share) => {
      setDone(share);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.shares(recordingId) });
    },
    onError: showError,
  });

  const fields = {
    momentIds: { id: `${id}-moments`, label: t('reviews.share.moments') },
    recipient: { id: `${id}-recipient`, label: t('reviews.share.recipient') },
    expiresAt: { id: `${id}-until`, label: t('reviews.share.until') },
    question: { id: `${id}-question`, label: t('reviews.share.question') },
    viewerContext: { id: `${id}-context`, label: t('reviews.share.viewerContext') },
  };
  const stretchQuery = useNoShareStretches(recordingId);
  const stretches = (stretchQuery.data?.stretches ?? []).map((s) => [s.startSeconds, s.endSeconds] as const);
  const blocked = (m: Moment) => overlapsAny(m.startSeconds, m.endSeconds, stretches);
  // Sharing around a "niet delen" stretch: the parts of the moment before and after it become moments of their own.
  const around = useMutation({
    mutationFn: async (moment: Moment) => {
      const parts = partsOutside(moment.startSeconds, moment.endSeconds, stretches);
      const created: Moment[] = [];
      for (const [index, [start, end]] of parts.entries()) {
        created.push(await createMoment(recordingId, { startSeconds: start, endSeconds: end, title: t('reviews.noShare.partTitle', { title: moment.title, n: index + 1 }), themes: moment.themes, notes: '' }));
      }
      return created;
    },
    onSuccess: async (created) => {
      setChosen((current) => [...current, ...created.map((m) => m.id)]);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.moments(recordingId) });
    },
    onError: showError,
  });

  if (options.isPending || options.error) return <QueryStatus query={options} />;
  const data = options.data;
  if (done) {
    return (
      <Alert type="ok" role="status">
        <Paragraph>{t('reviews.share.done', { name: done.recipient.name, date: formatDay(done.expiresAt, i18n.language) })}</Paragraph>
        <Button appearance="secondary-action-button" onClick={onDone}>
          {t('reviews.share.close')}
        </Button>
      </Alert>
    );
  }
  if (!data.consent || (data.reviewers.length === 0 && data.groups.length === 0 && data.policyViewers.length === 0)) {
    return (
      <Alert type="info" role="status">
        <Paragraph>{(data.consent?.audience === 'professional' && !data.consent.policyViewing) || !data.consent ? t('reviews.share.consentOnlyYou') : t('reviews.share.nobodyAvailable')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={onDone}>
          {t('reviews.share.close')}
        </Button>
      </Alert>
    );
  }
  const recipientOptions = [
    ...data.reviewers.map((p) => ({
      value: `reviewer:${p.id}`,
      label: p.independentFrom ? t('reviews.share.reviewerOptionIndependent', { name: p.name, organisation: p.independentFrom }) : t('reviews.share.reviewerOption', { name: p.name }),
    })),
    ...data.groups.map((g) => ({ value: `group:${g.id}`, label: t('reviews.share.groupOption', { name: g.name }) })),
    // "Kijk met ons mee": only with the client's policy choice; the server lists who may receive.
    ...data.policyViewers.map((p) => ({ value: `policy:${p.id}`, label: p.kind === 'management_team' ? t('reviews.share.policyOptionMt', { name: p.name }) : t('reviews.share.policyOption', { name: p.name }) })),
  ];
  const maxDay = data.maxExpiresAt ? data.maxExpiresAt.slice(0, 10) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = check({
      momentIds: chosen.length === 0 && t('reviews.share.chooseMoment'),
      recipient: !recipient && t('reviews.share.chooseRecipient'),
      expiresAt: (!until || until < dayFromNow(0)) && t('reviews.share.untilInvalid'),
    });
    if (ok) send.mutate();
  }

  return (
    <form className="sk-form sk-share-form" onSubmit={submit} noValidate aria-label={t('reviews.share.formLabel')}>
      <ErrorSummary errors={errors} fields={fields} />
      {data.consent.audience !== 'professional' ? <Paragraph small>{data.consent.audience === 'peer_group' ? t('reviews.share.consentGroup') : t('reviews.share.consentReviewer')}</Paragraph> : null}
      {data.consent.policyViewing ? <Paragraph small>{t('reviews.share.consentPolicy')}</Paragraph> : null}
      <Fieldset id={fields.momentIds.id} invalid={Boolean(errors.fields.momentIds)}>
        <FieldsetLegend>{fields.momentIds.label}</FieldsetLegend>
        {errors.fields.momentIds ? <p className="utrecht-form-field-error-message">{errors.fields.momentIds}</p> : null}
        {moments.map((m) =>
          blocked(m) ? (
            <div key={m.id} className="sk-share-blocked">
              <CheckboxField
                id={`${id}-moment-${m.id}`}
                label={`${formatClock(m.startSeconds)}–${formatClock(m.endSeconds)} ${m.title}`}
                description={t('reviews.noShare.momentBlocked')}
                checked={false}
                disabled
                onChange={() => undefined}
              />
              {partsOutside(m.startSeconds, m.endSeconds, stretches).length > 0 ? (
                <Button appearance="secondary-action-button" type="button" busy={around.isPending && around.variables?.id === m.id} onClick={() => around.mutate(m)}>
                  {t('reviews.noShare.shareAround', { title: m.title })}
                </Button>
              ) : null}
            </div>
          ) : (
            <CheckboxField
              key={m.id}
              id={`${id}-moment-${m.id}`}
              label={`${formatClock(m.startSeconds)}–${formatClock(m.endSeconds)} ${m.title}`}
              checked={chosen.includes(m.id)}
              onChange={(on) => setChosen((current) => (on ? [...current, m.id] : current.filter((x) => x !== m.id)))}
            />
          ),
        )}
      </Fieldset>
      <RadioGroup id={fields.recipient.id} legend={fields.recipient.label} options={recipientOptions} value={recipient} onChange={setRecipient} error={errors.fields.recipient} />
      {recipient?.startsWith('policy:') ? <Paragraph small>{t('reviews.share.policyHint')}</Paragraph> : null}
      {data.consent.feedbackViaReviewer && recipient?.startsWith('reviewer:') ? (
        <CheckboxField id={`${id}-client-talk`} label={t('reviews.share.clientTalk')} description={t('reviews.share.clientTalkHint')} checked={clientTalk} onChange={setClientTalk} />
      ) : null}
      <TextAreaField id={fields.question.id} label={fields.question.label} description={t('reviews.share.questionHint')} value={question} onChange={setQuestion} maxLength={500} rows={3} error={errors.fields.question} />
      <TextAreaField
        id={fields.viewerContext.id}
        label={fields.viewerContext.label}
        description={t('reviews.share.viewerContextHint')}
        value={viewerContext}
        onChange={setViewerContext}
        maxLength={1000}
        rows={3}
        error={errors.fields.viewerContext}
      />
      <TextField id={fields.expiresAt.id} type="date" label={fields.expiresAt.label} description={t('reviews.share.untilHint')} value={until} onChange={setUntil} min={dayFromNow(0)} max={maxDay} error={errors.fields.expiresAt} />
      <SubmitActions label={t('reviews.share.submit')} busy={send.isPending}>
        <Button appearance="subtle-button" type="button" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </SubmitActions>
    </form>
  );
}

function SharesTable({ recordingId, shares, moments }: { recordingId: string; shares: readonly Share[]; moments: readonly Moment[] }) {
  useTexts('rhythm');
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: revokeShare,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.shares(recordingId) }),
  });
  const lane = useMutation({
    mutationFn: ({ shareId, include }: { shareId: string; include: boolean }) => setShareLane(shareId, include),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.shares(recordingId) }),
  });
  const columns = { who: t('reviews.share.columns.who'), moments: t('reviews.share.columns.moments'), until: t('reviews.share.columns.until'), state: t('reviews.share.columns.state'), actions: t('reviews.share.columns.actions') };
  const titleOf = (id: string) => moments.find((m) => m.id === id)?.title ?? t('reviews.share.removedMoment');
  return (
    <>
      <MutationError error={revoke.error ?? lane.error} />
      <Table>
        <TableHeaderRow columns={[columns.who, columns.moments, columns.until, columns.state]} actions={columns.actions} />
        <TableBody>
          {shares.map((share) => (
            <TableRow key={share.id}>
              <TableCell label={columns.who}>
                {share.recipient.type === 'peer_group'
                  ? t('reviews.share.groupOption', { name: share.recipient.name })
                  : share.recipient.type === 'policy'
                    ? t('reviews.share.policyRecipient', { name: share.recipient.name })
                    : share.recipient.name}
                {share.question ? <span className="sk-share-question">{share.question}</span> : null}
                {share.policyNote ? (
                  <span className="sk-share-question">
                    <strong>{t('reviews.share.policyNote', { name: share.recipient.name })}</strong> {share.policyNote}
                  </span>
                ) : null}
              </TableCell>
              <TableCell label={columns.moments}>{share.momentIds.map(titleOf).join(', ')}</TableCell>
              <TableCell label={columns.until}>{formatDay(share.expiresAt, i18n.language)}</TableCell>
              <TableCell label={columns.state}>{t(`reviews.share.state.${share.state}`)}</TableCell>
              <TableCell label={columns.actions} className="sk-cell--actions">
                {share.recipient.type === 'policy' ? null : <Link to={reviewPaths.meeting(share.id)}>{t('reviews.share.meetingLink')}</Link>}
                {share.state === 'active' && share.recipient.type !== 'policy' ? (
                  <CheckboxField
                    id={`rhythm-lane-${share.id}`}
                    label={t('rhythm.shareLane')}
                    description={t('rhythm.shareLaneHint')}
                    checked={share.rhythmLane}
                    disabled={lane.isPending}
                    onChange={(include) => lane.mutate({ shareId: share.id, include })}
                  />
                ) : null}
                {share.state === 'active' ? (
                  <Button appearance="secondary-action-button" busy={revoke.isPending && revoke.variables === share.id} onClick={() => revoke.mutate(share.id)}>
                    {t('reviews.share.revoke', { name: share.recipient.name })}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
