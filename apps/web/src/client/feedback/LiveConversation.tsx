import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  contract,
  groundRules,
  localize,
  maxMoments,
  ownSubtopicMaxLength,
  stepTexts,
  themeCards,
  type ClientFeedback,
  type ClientSessionResponse,
  type SubtopicId,
  type ThemeId,
} from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { call } from '../../api/client.js';
import { ChoiceButton, ChoiceGroup, ClientButton, ClientShell } from '../../components/client/index.js';
import { Pictogram, pictogramOf } from '../../components/icons/Pictogram.js';
import { setClientFeedback } from './api.js';
import { SheetView } from './SheetView.js';

const stepIcon = { 1: 'themeCollaboration', 2: 'sheetWhat', 3: 'sheetNext' } as const;

/**
 * During the conversation, on the client's own device: what the professional writes appears here
 * within a few seconds, step by step, and every part can be questioned ("this is not right").
 * The lead is shared: the client reads the agreements, chooses cards and moments themselves and
 * can move the conversation on to the next step.
 */
export function LiveConversation({ session, feedback }: { session: ClientSessionResponse; feedback: ClientFeedback }) {
  const { t, i18n } = useTranslation();
  const step = feedback.step;
  const open = feedback.status !== 'completed';
  return (
    <ClientShell documentTitle={t('feedback.live.documentTitle')} organisationName={session.organisationName} progress={{ step, total: 3 }}>
      <div className="sk-step__heading">
        <Pictogram name={stepIcon[step]} size={56} className="sk-step__icon" />
        <h1 tabIndex={-1}>{localize(stepTexts[step].question, i18n.language)}</h1>
      </div>
      <GroundRules open={step === 1} />
      <div className="sk-client-note">
        <Pictogram name="eye" />
        <p>{t('feedback.live.intro', { name: feedback.professionalName })}</p>
      </div>
      {open && step === 1 && feedback.moments.length < maxMoments ? <ChooseMoment feedback={feedback} /> : null}
      <SheetView feedback={feedback} canAsk step={step} />
      {open ? <StepButtons feedback={feedback} /> : null}
    </ClientShell>
  );
}

/** The agreements of the conversation, on the client's screen as on the professional's. */
function GroundRules({ open }: { open: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="sk-client-card sk-feedback-rules" open={open}>
      <summary>{t('feedback.live.rulesTitle')}</summary>
      <ul className="sk-feedback-rules__list">
        {groundRules.map((rule) => (
          <li key={rule.text.nl}>
            <Pictogram name={pictogramOf(rule.pictogram)} size={32} />
            <span>{localize(rule.text, i18n.language)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One change by the client (a `call` of a contract.clientFeedback endpoint); the answer is the whole conversation. */
function useClientChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: () => Promise<ClientFeedback>) => change(),
    onSuccess: (saved) => setClientFeedback(queryClient, saved),
  });
}

/** Step 1 on the client's own device: pick a card, a sub-topic or one of their own, and propose it. */
function ChooseMoment({ feedback }: { feedback: ClientFeedback }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const headingId = useId();
  const ownId = useId();
  const errorText = useErrorText();
  const change = useClientChange();
  const [theme, setTheme] = useState<ThemeId | null>(null);
  const [subtopic, setSubtopic] = useState<SubtopicId | null>(null);
  const [own, setOwn] = useState('');
  const card = themeCards.find((c) => c.id === theme);
  const propose = () => {
    if (theme === null) return;
    change.mutate(
      () => call(contract.clientFeedback.addMoment, { params: { id: feedback.id }, body: { theme, subtopic, ownSubtopic: own.trim() === '' ? null : own.trim() } }),
      {
        onSuccess: () => {
          setTheme(null);
          setSubtopic(null);
          setOwn('');
        },
      },
    );
  };
  return (
    <section className="sk-client-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('feedback.live.chooseTitle')}</h2>
      <p>{t('feedback.live.chooseHint')}</p>
      <ChoiceGroup labelledBy={headingId}>
        {themeCards.map((c) => (
          <ChoiceButton
            key={c.id}
            icon={pictogramOf(c.pictogram)}
            label={localize(c.title, language)}
            description={localize(c.question, language)}
            pressed={theme === c.id}
            onPress={() => {
              setTheme(theme === c.id ? null : c.id);
              setSubtopic(null);
            }}
          />
        ))}
      </ChoiceGroup>
      {card ? (
        <>
          {card.subtopics.length > 0 ? (
            <div role="group" aria-label={t('feedback.live.subtopicsLabel', { card: localize(card.title, language) })} className="sk-choice-group">
              {card.subtopics.map((s) => (
                <ChoiceButton
                  key={s.id}
                  icon={pictogramOf(s.pictogram)}
                  label={localize(s.title, language)}
                  description={localize(s.question, language)}
                  pressed={subtopic === s.id}
                  onPress={() => setSubtopic(subtopic === s.id ? null : s.id)}
                />
              ))}
            </div>
          ) : null}
          <label htmlFor={ownId} className="sk-client-label">
            {t('feedback.live.ownSubtopic')}
          </label>
          <input id={ownId} className="sk-client-input" maxLength={ownSubtopicMaxLength} value={own} onChange={(event) => setOwn(event.target.value)} />
          {change.error ? (
            <div role="alert" className="sk-client-alert">
              <Pictogram name="question" size={32} />
              <p>{errorText(change.error)}</p>
            </div>
          ) : null}
          <ClientButton icon="check" onClick={propose} disabled={change.isPending}>
            {t('feedback.live.propose')}
          </ClientButton>
        </>
      ) : null}
    </section>
  );
}

/** Either person may move the conversation on: the client's screen has the same step buttons. */
function StepButtons({ feedback }: { feedback: ClientFeedback }) {
  const { t } = useTranslation();
  const change = useClientChange();
  const step = feedback.step;
  const moveTo = (next: number) => {
    if (next === 1 || next === 2 || next === 3) change.mutate(() => call(contract.clientFeedback.setStep, { params: { id: feedback.id }, body: { step: next } }));
  };
  return (
    <div className="sk-client-actions">
      {step > 1 ? (
        <ClientButton appearance="secondary" icon="arrowLeft" disabled={change.isPending} onClick={() => moveTo(step - 1)}>
          {t('feedback.live.previousStep')}
        </ClientButton>
      ) : null}
      {step < 3 ? (
        <ClientButton icon="arrowRight" disabled={change.isPending} onClick={() => moveTo(step + 1)}>
          {t('feedback.live.nextStep', { step: step + 1 })}
        </ClientButton>
      ) : null}
    </div>
  );
}
