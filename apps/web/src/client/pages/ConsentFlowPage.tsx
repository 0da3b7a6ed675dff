// Longer than 350 lines on purpose — the consent flow reads as one sequence of steps, in the order the client sees them.
import { useId, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  clientLocaleSchema,
  type ClientSessionResponse,
  type ConsentAudience,
  type ConsentCopy,
  type ConsentForm,
  type ConsentMedia,
  contract,
  type DeclineReasonId,
  type ReviewerFrom,
  type SessionResponse,
} from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { QueryStatus } from '../../components/QueryState.js';
import { sessionKey } from '../../features/auth/session.js';
import { changeLocale } from '../../i18n/index.js';
import { clientPageKeys, endClientSession } from '../../api/client-session.js';
import { ExplainerLink } from '../../features/explainer/ExplainerLink.js';
import { ChoiceButton, ChoiceGroup, ClientButton, ClientShell, consentDeclineReasons, DeclineReasonChoice, StepFlow } from '../../components/client/index.js';
import { consentTextFor, fill } from '../../lib/consent-text.js';
import { formatDay, formatNumber } from '../../lib/format.js';
import { Pictogram, type PictogramName } from '../../components/icons/Pictogram.js';
import { Agreements, audienceIcon, mediaIcon } from './Agreements.js';
import { clientHomeKey } from './ClientHomePage.js';
import { RequireClient } from './RequireClient.js';
import { call } from '../../api/client.js';
import { clientKeys } from '../../features/clients/api.js';

export function ConsentFlowPage() {
  const { conversationId = '' } = useParams();
  return <RequireClient>{(session) => <ConsentFlowLoader session={session} conversationId={conversationId} />}</RequireClient>;
}

function ConsentFlowLoader({ session, conversationId }: { session: ClientSessionResponse; conversationId: string }) {
  const { t } = useTranslation();
  const form = useQuery({
    queryKey: clientPageKeys.consentForm(conversationId),
    queryFn: () => call(contract.clientConsent.form, { params: { id: conversationId } }),
  });
  // Keep the form on a failed background refetch: the client may be half-way through it.
  if (form.data === undefined) {
    return (
      <ClientShell documentTitle={t('consent.flow.documentTitle')} organisationName={session.organisationName}>
        <QueryStatus query={form} loadingLabel={t('clientKit.busy')} />
      </ClientShell>
    );
  }
  if (form.data.answeredConsentId) {
    return (
      <ClientShell documentTitle={t('consent.flow.answeredTitle')} organisationName={session.organisationName}>
        <h1 tabIndex={-1}>{t('consent.flow.answeredTitle')}</h1>
        <p>{t('consent.flow.answeredText')}</p>
        <div className="sk-client-actions">
          <Link className="sk-client-button sk-client-button--primary" to={`/klant/kopie/${form.data.answeredConsentId}`}>
            <Pictogram name="paper" size={28} />
            <span>{t('consent.flow.toCopy')}</span>
          </Link>
        </div>
      </ClientShell>
    );
  }
  return <ConsentFlow session={session} form={form.data} />;
}

type StepId = 'what' | 'why' | 'who' | 'keep' | 'no' | 'media' | 'audience' | 'reviewerFrom' | 'watch' | 'feedback' | 'retention' | 'confirm' | 'decline';
type ExplainId = 'what' | 'why' | 'who' | 'keep' | 'no';

const explainSteps: readonly ExplainId[] = ['what', 'why', 'who', 'keep', 'no'];
const explainIcon: Record<ExplainId, PictogramName> = { what: 'video', why: 'heart', who: 'eye', keep: 'lock', no: 'shield' };

function stepsFor(media: ConsentMedia | null, audience: ConsentAudience | null, reviewerNamed: boolean): StepId[] {
  if (media === 'none') return [...explainSteps, 'media', 'decline'];
  const feedback: StepId[] = audience && audience !== 'professional' ? ['feedback'] : [];
  // Only a coach not named yet can still be chosen from inside or outside the municipality.
  const from: StepId[] = audience && audience !== 'professional' && !reviewerNamed ? ['reviewerFrom'] : [];
  return [...explainSteps, 'media', 'audience', ...from, 'watch', ...feedback, 'retention', 'confirm'];
}

const reviewerFromIcon = { any: 'personAndCoach', internal: 'home', external: 'globe' } as const satisfies Record<ReviewerFrom, PictogramName>;

function addDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/**
 * A few short screens of explanation, then one choice per screen, then the name. "No" is always
 * one tap away and needs no name: saying no must be as easy as saying yes.
 */
function ConsentFlow({ session, form }: { session: ClientSessionResponse; form: ConsentForm }) {
  const { t, i18n } = useTranslation();
  const text = consentTextFor(i18n.language, form.textVersion);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const headingId = useId();
  const [current, setCurrent] = useState<StepId>('what');
  const [media, setMedia] = useState<ConsentMedia | null>(null);
  const [audience, setAudience] = useState<ConsentAudience | null>(null);
  const [watch, setWatch] = useState<boolean | null>(null);
  const [feedback, setFeedback] = useState<boolean | null>(null);
  const [reviewerFrom, setReviewerFrom] = useState<ReviewerFrom | null>(null);
  // "Kijk met ons mee": off unless the client says yes, asked on the last screen beside their choices.
  const [policy, setPolicy] = useState(false);
  const policyHeadingId = useId();
  const [retention, setRetention] = useState<number>(form.retentionDaysDefault);
  const [signature, setSignature] = useState('');
  const [declineReason, setDeclineReason] = useState<DeclineReasonId | null>(null);
  const [done, setDone] = useState<ConsentCopy | null>(null);

  const steps = stepsFor(media, audience, form.reviewer !== null);
  const index = Math.max(steps.indexOf(current), 0);
  const go = (step: StepId | undefined) => step && setCurrent(step);
  const next = () => go(steps[index + 1]);
  const back = index > 0 ? () => go(steps[index - 1]) : undefined;
  const sayNo = () => {
    setMedia('none');
    setCurrent('decline');
  };

  const send = useMutation({
    mutationFn: () => {
      const declined = media === 'none';
      return call(contract.clientConsent.give, { params: { id: form.conversationId }, body: {
          media: media ?? 'none',
          audience: declined ? 'professional' : (audience ?? 'professional'),
          watchWithClient: !declined && watch === true,
          feedbackViaReviewer: !declined && audience !== 'professional' && feedback === true,
          policyViewing: !declined && policy,
          reviewerFrom: reviewerFrom ?? 'any',
          retentionDays: retention,
          ...(declined ? {} : { signature: signature.trim() }),
          ...(declined && declineReason ? { declineReason } : {}),
          textVersion: form.textVersion,
          locale: clientLocaleSchema.catch('nl').parse(i18n.language),
        } });
    },
    onSuccess: async (copy) => {
      setDone(copy);
      // Not the form itself right now: refetched, it would replace this "thank you" with "already answered".
      await queryClient.invalidateQueries({ queryKey: clientPageKeys.consentForm(form.conversationId), refetchType: 'none' });
      await queryClient.invalidateQueries({ queryKey: clientHomeKey });
    },
  });

  const values = { professional: form.professionalName, reviewer: form.reviewer?.name ?? '', organisation: form.reviewer?.independentFrom ?? '' };
  const namedReviewer = form.reviewer ? `${fill(text.audience.reviewerNamed, values)}${form.reviewer.independentFrom ? ` ${fill(text.audience.reviewerIndependent, values)}` : ''}` : text.audience.reviewerOpen;
  const shell = (children: ReactNode, progress = true) => (
    <ClientShell documentTitle={t('consent.flow.documentTitle')} organisationName={form.organisationName} progress={progress ? { step: index + 1, total: steps.length } : undefined}>
      {children}
    </ClientShell>
  );

  if (done) {
    const handBack = async () => {
      await endClientSession(queryClient);
      // The device is the professional's again, in their own language.
      const staff = queryClient.getQueryData<SessionResponse | null>(sessionKey);
      if (staff) await changeLocale(staff.user.locale);
      // The professional's pages knew this conversation without the client's answer.
      await queryClient.invalidateQueries({ queryKey: clientKeys.conversation(form.conversationId) });
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      await navigate(`/gesprekken/${encodeURIComponent(form.conversationId)}?terug=1`, { replace: true });
    };
    return shell(
      <>
        <div className="sk-step__heading">
          <Pictogram name={done.status === 'given' ? 'check' : 'shield'} size={56} className="sk-step__icon" />
          <h1 tabIndex={-1} ref={(element) => element?.focus()}>
            {t('consent.flow.thanksTitle')}
          </h1>
        </div>
        <p>{done.status === 'given' ? t('consent.flow.thanksYes') : t('consent.flow.thanksNo')}</p>
        {session.via === 'tablet' ? (
          <>
            <div className="sk-client-note">
              <Pictogram name="tablet" />
              <p>{t('consent.flow.handBack')}</p>
            </div>
            <ClientButton icon="check" onClick={() => void handBack()}>
              {t('consent.flow.handBackButton')}
            </ClientButton>
          </>
        ) : (
          <div className="sk-client-actions">
            <Link className="sk-client-button sk-client-button--primary" to={`/klant/kopie/${done.id}`}>
              <Pictogram name="paper" size={28} />
              <span>{t('consent.flow.toCopy')}</span>
            </Link>
            <Link className="sk-client-button sk-client-button--secondary" to="/klant">
              <Pictogram name="home" size={28} />
              <span>{t('consent.flow.toHome')}</span>
            </Link>
          </div>
        )}
      </>,
      false,
    );
  }

  const error = send.error ? errorText(send.error) : null;
  const common = { stepKey: current, onBack: back, headingId };

  switch (current) {
    case 'what':
    case 'why':
    case 'who':
    case 'keep':
    case 'no': {
      const screen = text.explain[current];
      return shell(
        <StepFlow {...common} title={fill(screen.title, values)} icon={explainIcon[current]} onNext={next}>
          {current === 'what' ? <p className="sk-client-hint">{t('consent.flow.conversation', { date: formatDay(form.heldOn, i18n.language) })}</p> : null}
          {current === 'what' ? <ExplainerLink returnTo={`/klant/toestemming/${form.conversationId}`} /> : null}
          {screen.lines.map((line) => (
            <p key={line}>{fill(line, values)}</p>
          ))}
          <button type="button" className="sk-client-button sk-client-button--quiet" onClick={sayNo}>
            {t('consent.flow.noRecording')}
          </button>
        </StepFlow>,
      );
    }
    case 'media':
      return shell(
        <StepFlow {...common} title={text.media.question} onNext={next} ready={media !== null}>
          <ChoiceGroup labelledBy={headingId}>
            {(['video', 'audio', 'none'] as const).map((value) => (
              <ChoiceButton key={value} icon={mediaIcon[value]} label={text.media[value].label} description={text.media[value].description} pressed={media === value} onPress={() => setMedia(value)} />
            ))}
          </ChoiceGroup>
        </StepFlow>,
      );
    case 'audience':
      return shell(
        <StepFlow {...common} title={text.audience.question} onNext={next} ready={audience !== null}>
          <ChoiceGroup labelledBy={headingId}>
            {(['professional', 'reviewer', 'peer_group'] as const).map((value) => (
              <ChoiceButton
                key={value}
                icon={audienceIcon[value]}
                label={text.audience[value].label}
                description={value === 'reviewer' ? `${text.audience.reviewer.description} ${namedReviewer}` : text.audience[value].description}
                pressed={audience === value}
                onPress={() => setAudience(value)}
              />
            ))}
          </ChoiceGroup>
        </StepFlow>,
      );
    case 'reviewerFrom':
      return shell(
        <StepFlow {...common} title={text.reviewerFrom.question} onNext={next} ready={reviewerFrom !== null}>
          <p>{text.reviewerFrom.hint}</p>
          <ChoiceGroup labelledBy={headingId}>
            {(['external', 'internal', 'any'] as const).map((value) => (
              <ChoiceButton
                key={value}
                icon={reviewerFromIcon[value]}
                label={text.reviewerFrom[value].label}
                description={text.reviewerFrom[value].description}
                pressed={reviewerFrom === value}
                onPress={() => setReviewerFrom(value)}
              />
            ))}
          </ChoiceGroup>
        </StepFlow>,
      );
    case 'watch':
      return shell(
        <StepFlow {...common} title={text.watchWithClient.question} onNext={next} ready={watch !== null}>
          <p>{text.watchWithClient.hint}</p>
          <ChoiceGroup labelledBy={headingId}>
            <ChoiceButton icon="watchTogether" label={text.watchWithClient.yes} pressed={watch === true} onPress={() => setWatch(true)} />
            <ChoiceButton icon="cross" label={text.watchWithClient.no} pressed={watch === false} onPress={() => setWatch(false)} />
          </ChoiceGroup>
        </StepFlow>,
      );
    case 'feedback':
      return shell(
        <StepFlow {...common} title={text.feedbackViaReviewer.question} onNext={next} ready={feedback !== null}>
          <p>{text.feedbackViaReviewer.hint}</p>
          <ChoiceGroup labelledBy={headingId}>
            <ChoiceButton icon="speechBubble" label={text.feedbackViaReviewer.yes} pressed={feedback === true} onPress={() => setFeedback(true)} />
            <ChoiceButton icon="cross" label={text.feedbackViaReviewer.no} pressed={feedback === false} onPress={() => setFeedback(false)} />
          </ChoiceGroup>
        </StepFlow>,
      );
    case 'retention':
      return shell(
        <StepFlow {...common} title={text.retention.question} onNext={next}>
          <p>{text.retention.hint}</p>
          <ChoiceGroup labelledBy={headingId}>
            {form.retentionDaysOptions.map((days) => (
              <ChoiceButton
                key={days}
                icon="calendar"
                label={fill(text.retention.option, { count: formatNumber(days, i18n.language) })}
                description={fill(text.retention.until, { date: formatDay(addDays(days), i18n.language) })}
                pressed={retention === days}
                onPress={() => setRetention(days)}
              />
            ))}
          </ChoiceGroup>
        </StepFlow>,
      );
    case 'confirm':
      return shell(
        <StepFlow
          {...common}
          title={text.confirm.title}
          icon="pen"
          onNext={() => send.mutate()}
          nextLabel={t('consent.flow.agree')}
          nextIcon="check"
          ready={signature.trim().length >= 2}
          notReadyMessage={t('consent.flow.nameMissing')}
          busy={send.isPending}
          error={error}
        >
          {text.confirm.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <h2 id={policyHeadingId}>{text.policyViewing.question}</h2>
          <p>{text.policyViewing.hint}</p>
          <ChoiceGroup labelledBy={policyHeadingId}>
            <ChoiceButton icon="group" label={text.policyViewing.yes} pressed={policy} onPress={() => setPolicy(true)} />
            <ChoiceButton icon="cross" label={text.policyViewing.no} pressed={!policy} onPress={() => setPolicy(false)} />
          </ChoiceGroup>
          <h2>{t('consent.flow.summaryTitle')}</h2>
          <Agreements
            policyViewing={policy}
            media={media ?? 'none'}
            audience={audience ?? 'professional'}
            reviewerName={form.reviewer?.name ?? null}
            watchWithClient={watch === true}
            feedbackViaReviewer={feedback === true}
            retentionDays={retention}
            textVersion={form.textVersion}
          />
          <label htmlFor="consent-signature" className="sk-client-label">
            {text.confirm.nameLabel}
          </label>
          <span id="consent-signature-hint" className="sk-client-hint">
            {t('consent.flow.nameHint')}
          </span>
          <input
            id="consent-signature"
            className="sk-client-input"
            autoComplete="name"
            maxLength={120}
            value={signature}
            aria-describedby="consent-signature-hint"
            onChange={(event) => setSignature(event.target.value)}
          />
        </StepFlow>,
      );
    case 'decline':
      return shell(
        <StepFlow {...common} title={text.declineConfirm.title} icon="shield" onNext={() => send.mutate()} nextLabel={t('consent.flow.send')} nextIcon="check" busy={send.isPending} error={error}>
          {text.declineConfirm.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <DeclineReasonChoice reasons={consentDeclineReasons} value={declineReason} onChange={setDeclineReason} />
        </StepFlow>,
      );
  }
}
