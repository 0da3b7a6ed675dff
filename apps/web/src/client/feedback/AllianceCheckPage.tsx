import { useId, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  allianceAnswerLabel,
  allianceAnswerScales,
  allianceItems,
  type AllianceScores,
  type ClientSessionResponse,
  contract,
  type DeclineReasonId,
  type FaceScore,
  faceScores,
  localize,
  type SessionResponse,
  yesNoAnswers,
} from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { QueryStatus } from '../../components/QueryState.js';
import { sessionKey } from '../../features/auth/session.js';
import { changeLocale } from '../../i18n/index.js';
import { endClientSession } from '../../api/client-session.js';
import { checkDeclineReasons, ChoiceButton, ChoiceGroup, ClientButton, ClientShell, DeclineReasonChoice, StepFlow } from '../../components/client/index.js';
import { Pictogram, pictogramOf, type PictogramName } from '../../components/icons/Pictogram.js';
import { RequireClient } from '../pages/RequireClient.js';
import { clientFeedbackKeys, useClientFeedbackOverview } from './api.js';
import './feedback-client.css';
import { call } from '../../api/client.js';

const faceIcon: Record<FaceScore, PictogramName> = { 1: 'face1', 2: 'face2', 3: 'face3', 4: 'face4', 5: 'face5' };
/** yes / a bit / no get their own signs, so a yes-no question never shows happy or sad faces. */
const yesNoIcon: Partial<Record<FaceScore, PictogramName>> = { 5: 'check', 3: 'question', 1: 'cross' };
const emptyScores: AllianceScores = { collaboration: null, achievement: null, fit: null, own_topics: null, overall: null };

/** /klant/check/:id — the alliance check: five faces per question, one question per screen. */
export function AllianceCheckPage() {
  const { id = '' } = useParams();
  return <RequireClient>{(session) => <AllianceCheckLoader session={session} id={id} />}</RequireClient>;
}

function AllianceCheckLoader({ session, id }: { session: ClientSessionResponse; id: string }) {
  const { t } = useTranslation();
  const overview = useClientFeedbackOverview();
  if (!overview.data) {
    return (
      <ClientShell documentTitle={t('feedback.check.documentTitle')} organisationName={session.organisationName}>
        <QueryStatus query={overview} loadingLabel={t('clientKit.busy')} />
      </ClientShell>
    );
  }
  const check = overview.data.allianceChecks.find((c) => c.id === id);
  return <AllianceCheck session={session} id={id} anonymous={check?.anonymous ?? false} available={check !== undefined} />;
}

type Step = 'intro' | (typeof allianceItems)[number]['id'] | 'send' | 'thanks' | 'declined' | 'gone';

function AllianceCheck({ session, id, anonymous, available }: { session: ClientSessionResponse; id: string; anonymous: boolean; available: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const headingId = useId();
  const [current, setCurrent] = useState<Step>(available ? 'intro' : 'gone');
  const [scores, setScores] = useState<AllianceScores>(emptyScores);
  const steps: Step[] = ['intro', ...allianceItems.map((item) => item.id), 'send'];
  const index = Math.max(steps.indexOf(current), 0);
  const next = () => setCurrent(steps[index + 1] ?? 'send');
  const back = index > 0 ? () => setCurrent(steps[index - 1] ?? 'intro') : undefined;
  const answered = Object.values(scores).filter((v) => v !== null).length;

  const send = useMutation({
    mutationFn: () => call(contract.clientFeedback.answerAlliance, { params: { id }, body: { scores } }),
    onSuccess: async () => {
      setCurrent('thanks');
      await queryClient.invalidateQueries({ queryKey: clientFeedbackKeys.overview });
    },
  });
  // Saying no is one step more: an optional reason, counted without a name.
  const [sayingNo, setSayingNo] = useState(false);
  const [reason, setReason] = useState<DeclineReasonId | null>(null);
  const decline = useMutation({
    mutationFn: () => call(contract.clientFeedback.declineAlliance, { params: { id }, body: reason ? { reason } : {} }),
    onSuccess: async () => {
      setCurrent('declined');
      await queryClient.invalidateQueries({ queryKey: clientFeedbackKeys.overview });
    },
  });

  const inQuestions = current !== 'thanks' && current !== 'declined' && current !== 'gone';
  const shell = (children: ReactNode) => (
    <ClientShell documentTitle={t('feedback.check.documentTitle')} organisationName={session.organisationName} progress={inQuestions ? { step: index + 1, total: steps.length } : undefined}>
      {children}
    </ClientShell>
  );

  if (current === 'thanks' || current === 'declined' || current === 'gone') {
    const handBack = async () => {
      await endClientSession(queryClient);
      const staff = queryClient.getQueryData<SessionResponse | null>(sessionKey);
      if (staff) await changeLocale(staff.user.locale);
      await navigate('/', { replace: true });
    };
    return shell(
      <>
        <div className="sk-step__heading">
          <Pictogram name={current === 'gone' ? 'clock' : 'check'} size={56} className="sk-step__icon" />
          <h1 tabIndex={-1} ref={(element) => element?.focus()}>
            {t(current === 'thanks' ? 'feedback.check.thanksTitle' : current === 'declined' ? 'feedback.check.declinedTitle' : 'feedback.check.goneTitle')}
          </h1>
        </div>
        <p>{t(current === 'thanks' ? 'feedback.check.thanksText' : current === 'declined' ? 'feedback.check.declinedText' : 'feedback.check.goneText')}</p>
        {session.via === 'tablet' ? (
          <>
            <div className="sk-client-note">
              <Pictogram name="tablet" />
              <p>{t('feedback.check.handBack')}</p>
            </div>
            <ClientButton icon="check" onClick={() => void handBack()}>
              {t('feedback.check.handBackButton')}
            </ClientButton>
          </>
        ) : (
          <div className="sk-client-actions">
            <Link className="sk-client-button sk-client-button--primary" to="/klant">
              <Pictogram name="home" size={28} />
              <span>{t('feedback.prepare.toHome')}</span>
            </Link>
          </div>
        )}
      </>,
    );
  }

  if (sayingNo) {
    return shell(
      <StepFlow
        stepKey="no"
        title={t('feedback.check.decline')}
        icon="cross"
        onBack={() => setSayingNo(false)}
        onNext={() => decline.mutate()}
        nextLabel={t('feedback.check.decline')}
        nextIcon="check"
        busy={decline.isPending}
        error={decline.error ? errorText(decline.error) : null}
      >
        <DeclineReasonChoice reasons={checkDeclineReasons} value={reason} onChange={setReason} />
      </StepFlow>,
    );
  }

  if (current === 'intro') {
    return shell(
      <StepFlow stepKey={current} headingId={headingId} title={t('feedback.check.introTitle')} icon="face4" nextLabel={t('feedback.check.start')} onNext={next} error={decline.error ? errorText(decline.error) : null}>
        <p>{t('feedback.check.introText1')}</p>
        <p>{t('feedback.check.introText2')}</p>
        <div className="sk-client-note">
          <Pictogram name={anonymous ? 'shield' : 'eye'} />
          <p>{anonymous ? t('feedback.check.anonymous') : t('feedback.check.named')}</p>
        </div>
        <p>{t('feedback.check.noConsequence')}</p>
        <button type="button" className="sk-client-button sk-client-button--secondary" onClick={() => decline.mutate()}>
          <Pictogram name="cross" size={28} />
          <span>{t('feedback.check.decline')}</span>
        </button>
        {/* Saying no stays one tap; a reason is a choice one tap further. */}
        <button type="button" className="sk-client-button sk-client-button--quiet" onClick={() => setSayingNo(true)}>
          <Pictogram name="question" size={28} />
          <span>{t('feedback.check.declineWithReason')}</span>
        </button>
      </StepFlow>,
    );
  }

  if (current === 'send') {
    return shell(
      <StepFlow
        stepKey={current}
        headingId={headingId}
        onBack={back}
        title={t('feedback.check.sendTitle')}
        icon="check"
        nextLabel={t('feedback.check.send')}
        nextIcon="check"
        ready={answered > 0}
        notReadyMessage={t('feedback.check.noneChosen')}
        busy={send.isPending}
        error={send.error ? errorText(send.error) : null}
        onNext={() => send.mutate()}
      >
        <p>{t('feedback.check.sendText', { count: answered })}</p>
        <ul className="sk-feedback-picks">
          {allianceItems.map((item) => {
            const score = scores[item.id];
            return (
              <li key={item.id}>
                <Pictogram name={score ? answerIcon(item.id, score as FaceScore) : 'cross'} size={36} />
                <span>
                  {localize(item.question, language)} <strong>{score ? localize(allianceAnswerLabel(item.id, score as FaceScore), language) : t('feedback.check.skipped')}</strong>
                </span>
              </li>
            );
          })}
        </ul>
        {answered === 0 ? (
          <button type="button" className="sk-client-button sk-client-button--secondary" onClick={() => decline.mutate()}>
            <Pictogram name="cross" size={28} />
            <span>{t('feedback.check.decline')}</span>
          </button>
        ) : null}
      </StepFlow>,
    );
  }

  const item = allianceItems.find((i) => i.id === current);
  if (!item) return null;
  const value = scores[item.id];
  return shell(
    <StepFlow stepKey={current} headingId={headingId} onBack={back} title={localize(item.question, language)} icon={pictogramOf(item.pictogram)} onNext={next}>
      <ChoiceGroup labelledBy={headingId}>
        {(allianceAnswerScales[item.id] === 'yes_no' ? yesNoAnswers.map((a) => a.score) : [...faceScores].reverse()).map((score) => (
          <ChoiceButton
            key={score}
            icon={answerIcon(item.id, score)}
            label={localize(allianceAnswerLabel(item.id, score), language)}
            pressed={value === score}
            onPress={() => {
              setScores((all) => ({ ...all, [item.id]: score }));
            }}
          />
        ))}
      </ChoiceGroup>
      <button
        type="button"
        className="sk-client-button sk-client-button--quiet"
        onClick={() => {
          setScores((all) => ({ ...all, [item.id]: null }));
          next();
        }}
      >
        <Pictogram name="arrowRight" size={28} className="sk-flip-rtl" />
        <span>{t('feedback.check.skipQuestion')}</span>
      </button>
    </StepFlow>,
  );
}

function answerIcon(item: AllianceScoresKey, score: FaceScore): PictogramName {
  return allianceAnswerScales[item] === 'yes_no' ? (yesNoIcon[score] ?? faceIcon[score]) : faceIcon[score];
}

type AllianceScoresKey = keyof AllianceScores;
