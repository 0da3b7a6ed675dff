import { ClientHelperSection } from './ClientHelperSection.js';
import { ExplainerLink } from '../../features/explainer/ExplainerLink.js';
import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ClientFeedback,
  type ClientSessionResponse,
  contract,
  localize,
  type PreparationInput,
  themeCards,
  type ThemeId,
  type ThemePick,
} from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { ChoiceButton, ChoiceGroup, ClientShell, StepFlow } from '../../components/client/index.js';
import { Pictogram, pictogramOf, type PictogramName } from '../../components/icons/Pictogram.js';
import { clientFeedbackKeys, setClientFeedback } from './api.js';
import { VoiceNote } from './VoiceNote.js';
import { call } from '../../api/client.js';

type Intro = 'why' | 'equal' | 'safe' | 'nothing';
type StepId = Intro | 'themes' | `sub:${ThemeId}` | 'words' | 'anonymous' | 'check' | 'done';

const intros: readonly Intro[] = ['why', 'equal', 'safe', 'nothing'];
const introIcon: Record<Intro, PictogramName> = { why: 'heart', equal: 'personAndCoach', safe: 'lock', nothing: 'shield' };
type WordsMode = 'type' | 'speak' | 'none' | null;

/**
 * Preparing on the client's own phone: a few short screens on why, equal voices, confidentiality
 * and that saying nothing is fine; then the theme cards, own words (typed or spoken) and, in a
 * group, whether the others may know who said what. Each screen saves what was chosen.
 */
export function PrepareFlow({ session, feedback }: { session: ClientSessionResponse; feedback: ClientFeedback }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const headingId = useId();
  const name = feedback.professionalName;
  const [picks, setPicks] = useState<ThemePick[]>(feedback.me.picks);
  const [words, setWords] = useState(feedback.me.ownWords);
  const [mode, setMode] = useState<WordsMode>(feedback.me.ownWords ? 'type' : feedback.me.hasVoiceNote ? 'speak' : null);
  const [anonymous, setAnonymous] = useState<boolean | null>(feedback.group ? feedback.me.anonymous : null);
  const [displayName, setDisplayName] = useState(feedback.me.displayName ?? '');
  const [current, setCurrent] = useState<StepId>(feedback.me.introSeen ? 'themes' : 'why');

  const chosenThemes = themeCards.filter((card) => card.subtopics.length > 0 && picks.some((p) => p.theme === card.id));
  const steps: StepId[] = [
    ...intros,
    'themes',
    ...chosenThemes.map((card) => `sub:${card.id}` as const),
    'words',
    ...(feedback.group ? (['anonymous'] as const) : []),
    'check',
  ];
  const index = Math.max(steps.indexOf(current), 0);
  // The counter counts stages, not screens: all sub-topic screens are one stage, so choosing a
  // card never changes "of N" half-way.
  const stages: string[] = [...intros, 'themes', 'sub', 'words', ...(feedback.group ? ['anonymous'] : []), 'check'];
  const stageIndex = Math.max(stages.indexOf(current.startsWith('sub:') ? 'sub' : current), 0);

  const save = useMutation({
    mutationFn: (input: PreparationInput) => call(contract.clientFeedback.prepare, { params: { id: feedback.id }, body: input }),
    onSuccess: (saved) => {
      setClientFeedback(queryClient, saved);
      void queryClient.invalidateQueries({ queryKey: clientFeedbackKeys.overview, exact: true });
    },
  });

  async function goTo(step: StepId | undefined, input?: PreparationInput) {
    if (!step) return;
    if (input) {
      try {
        await save.mutateAsync(input);
      } catch {
        return;
      }
    }
    save.reset();
    setCurrent(step);
  }
  const next = (input?: PreparationInput) => void goTo(steps[index + 1], input);
  const back = index > 0 ? () => void goTo(steps[index - 1]) : undefined;

  const togglePick = (pick: ThemePick) =>
    setPicks((all) => (all.some((p) => p.theme === pick.theme && p.subtopic === pick.subtopic) ? all.filter((p) => !(p.theme === pick.theme && p.subtopic === pick.subtopic)) : [...all, pick]));
  const hasPick = (pick: ThemePick) => picks.some((p) => p.theme === pick.theme && p.subtopic === pick.subtopic);
  // Removing a card also removes its sub-topics.
  const toggleTheme = (theme: ThemeId) => setPicks((all) => (all.some((p) => p.theme === theme) ? all.filter((p) => p.theme !== theme) : [...all, { theme, subtopic: null }]));

  const shell = (content: React.ReactNode, progress = true) => (
    <ClientShell
      documentTitle={t('feedback.prepare.documentTitle')}
      organisationName={session.organisationName}
      progress={progress ? { step: stageIndex + 1, total: stages.length } : undefined}
      headerAction={<HomeLink />}
    >
      {content}
    </ClientShell>
  );
  const error = save.error ? errorText(save.error) : null;
  const common = { stepKey: current, onBack: back, headingId, busy: save.isPending, error };

  if (current === 'done') {
    return shell(
      <>
        <div className="sk-step__heading">
          <Pictogram name="check" size={56} className="sk-step__icon" />
          <h1 tabIndex={-1} ref={(element) => element?.focus()}>
            {t('feedback.prepare.doneTitle')}
          </h1>
        </div>
        <p>{t('feedback.prepare.doneText', { name })}</p>
        <p>{t('feedback.prepare.doneChange')}</p>
        <ClientHelperSection feedback={queryClient.getQueryData<ClientFeedback>(clientFeedbackKeys.one(feedback.id)) ?? feedback} />
        <div className="sk-client-actions">
          <Link className="sk-client-button sk-client-button--primary" to="/klant">
            <Pictogram name="home" size={28} />
            <span>{t('feedback.prepare.toHome')}</span>
          </Link>
        </div>
      </>,
      false,
    );
  }

  if (current === 'why' || current === 'equal' || current === 'safe' || current === 'nothing') {
    return shell(
      <StepFlow {...common} title={t(`feedback.prepare.${current}Title`)} icon={introIcon[current]} onNext={() => next(current === 'nothing' ? { introSeen: true } : undefined)}>
        <p>{t(`feedback.prepare.${current}Text1`, { name })}</p>
        <p>{t(`feedback.prepare.${current}Text2`, { name })}</p>
        {current === 'why' ? <ExplainerLink returnTo={`/klant/samenleergesprek/${feedback.id}`} /> : null}
        {current === 'nothing' ? (
          <button type="button" className="sk-client-button sk-client-button--secondary" onClick={() => void goTo('done', { introSeen: true, picks: [], ownWords: '', done: true })}>
            <Pictogram name="cross" size={28} />
            <span>{t('feedback.prepare.skip')}</span>
          </button>
        ) : null}
      </StepFlow>,
    );
  }

  if (current === 'themes') {
    return shell(
      <StepFlow {...common} title={t('feedback.prepare.themesTitle')} icon="themeCollaboration" onNext={() => next({ picks })}>
        <p>{t('feedback.prepare.themesHint')}</p>
        <ChoiceGroup labelledBy={headingId}>
          {themeCards.map((card) => (
            <ChoiceButton
              key={card.id}
              icon={pictogramOf(card.pictogram)}
              label={localize(card.title, language)}
              description={localize(card.question, language)}
              pressed={picks.some((p) => p.theme === card.id)}
              onPress={() => toggleTheme(card.id)}
              multiple
            />
          ))}
        </ChoiceGroup>
      </StepFlow>,
    );
  }

  if (current.startsWith('sub:')) {
    const card = themeCards.find((c) => `sub:${c.id}` === current);
    if (!card) return null;
    return shell(
      <StepFlow {...common} title={localize(card.title, language)} icon={pictogramOf(card.pictogram)} onNext={() => next({ picks })}>
        <p>{t('feedback.prepare.subtopicsHint')}</p>
        <ChoiceGroup labelledBy={headingId}>
          {card.subtopics.map((sub) => (
            <ChoiceButton
              key={sub.id}
              icon={pictogramOf(sub.pictogram)}
              label={localize(sub.title, language)}
              description={localize(sub.question, language)}
              pressed={hasPick({ theme: card.id, subtopic: sub.id })}
              onPress={() => togglePick({ theme: card.id, subtopic: sub.id })}
              multiple
            />
          ))}
        </ChoiceGroup>
      </StepFlow>,
    );
  }

  if (current === 'words') {
    return shell(
      <StepFlow
        {...common}
        title={t('feedback.prepare.wordsTitle')}
        icon="speechBubble"
        onNext={() => next({ ownWords: mode === 'type' ? words : mode === 'none' ? '' : feedback.me.ownWords })}
      >
        <ChoiceGroup labelledBy={headingId}>
          <ChoiceButton icon="keyboard" label={t('feedback.prepare.wordsType')} pressed={mode === 'type'} onPress={() => setMode('type')} />
          <ChoiceButton icon="microphone" label={t('feedback.prepare.wordsSpeak')} pressed={mode === 'speak'} onPress={() => setMode('speak')} />
          <ChoiceButton icon="cross" label={t('feedback.prepare.wordsNo')} pressed={mode === 'none'} onPress={() => setMode('none')} />
        </ChoiceGroup>
        {mode === 'type' ? (
          <>
            <label htmlFor="feedback-words" className="sk-client-label">
              {t('feedback.prepare.wordsLabel')}
            </label>
            <span id="feedback-words-hint" className="sk-client-hint">
              {t('feedback.prepare.wordsHint')}
            </span>
            <textarea
              id="feedback-words"
              className="sk-client-input sk-feedback-textarea"
              rows={4}
              maxLength={1000}
              value={words}
              aria-describedby="feedback-words-hint"
              onChange={(event) => setWords(event.target.value)}
            />
          </>
        ) : null}
        {mode === 'speak' ? <VoiceNote feedbackId={feedback.id} hasNote={feedback.me.hasVoiceNote} onChanged={() => void queryClient.invalidateQueries({ queryKey: clientFeedbackKeys.one(feedback.id), exact: true })} /> : null}
      </StepFlow>,
    );
  }

  if (current === 'anonymous') {
    return shell(
      <StepFlow
        {...common}
        title={t('feedback.prepare.anonymousTitle')}
        icon="group"
        ready={anonymous === true || (anonymous === false && displayName.trim().length > 0)}
        notReadyMessage={anonymous === false ? t('feedback.prepare.nameMissing') : undefined}
        onNext={() => next({ anonymous: anonymous ?? true, ...(anonymous === false ? { displayName: displayName.trim() } : { displayName: '' }) })}
      >
        <ChoiceGroup labelledBy={headingId}>
          <ChoiceButton icon="shield" label={t('feedback.prepare.anonymousYes')} description={t('feedback.prepare.anonymousYesText')} pressed={anonymous === true} onPress={() => setAnonymous(true)} />
          <ChoiceButton icon="person" label={t('feedback.prepare.anonymousNo')} description={t('feedback.prepare.anonymousNoText')} pressed={anonymous === false} onPress={() => setAnonymous(false)} />
        </ChoiceGroup>
        {anonymous === false ? (
          <>
            <label htmlFor="feedback-name" className="sk-client-label">
              {t('feedback.prepare.nameLabel')}
            </label>
            <span id="feedback-name-hint" className="sk-client-hint">
              {t('feedback.prepare.nameHint')}
            </span>
            <input id="feedback-name" className="sk-client-input" maxLength={40} autoComplete="given-name" value={displayName} aria-describedby="feedback-name-hint" onChange={(event) => setDisplayName(event.target.value)} />
          </>
        ) : null}
      </StepFlow>,
    );
  }

  // check
  const themesChosen = themeCards.filter((card) => picks.some((p) => p.theme === card.id));
  const saved = queryClient.getQueryData<ClientFeedback>(clientFeedbackKeys.one(feedback.id)) ?? feedback;
  return shell(
    <StepFlow {...common} title={t('feedback.prepare.checkTitle')} icon="check" nextLabel={t('feedback.prepare.send')} nextIcon="check" onNext={() => void goTo('done', { done: true })}>
      {themesChosen.length === 0 ? <p>{t('feedback.prepare.choseNothing')}</p> : <p>{t('feedback.prepare.youChose')}</p>}
      <ul className="sk-feedback-picks">
        {themesChosen.map((card) => (
          <li key={card.id}>
            <Pictogram name={pictogramOf(card.pictogram)} size={36} />
            <span>
              <strong>{localize(card.title, language)}</strong>
              {card.subtopics
                .filter((sub) => hasPick({ theme: card.id, subtopic: sub.id }))
                .map((sub) => (
                  <span key={sub.id} className="sk-feedback-picks__sub">
                    {localize(sub.title, language)}
                  </span>
                ))}
            </span>
          </li>
        ))}
      </ul>
      {saved.me.ownWords ? (
        <>
          <p>{t('feedback.prepare.yourWords')}</p>
          <blockquote className="sk-feedback-quote">{saved.me.ownWords}</blockquote>
        </>
      ) : null}
      {saved.me.hasVoiceNote ? <p>{t('feedback.prepare.yourVoice')}</p> : null}
    </StepFlow>,
  );
}

function HomeLink() {
  const { t } = useTranslation();
  return (
    <Link className="sk-client-button sk-client-button--quiet" to="/klant">
      <Pictogram name="home" size={28} />
      <span>{t('feedback.prepare.toHome')}</span>
    </Link>
  );
}
