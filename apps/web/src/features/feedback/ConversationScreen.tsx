import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import {
  clientLanguageOf,
  contract,
  conversationSheet,
  type FeedbackDetail,
  feedbackDetailSchema,
  type FeedbackEntrySection,
  type FeedbackParticipant,
  groundRules,
  localize,
  maxMoments,
  openingQuestion,
  ownSubtopicMaxLength,
  professionalTips,
  stepTexts,
  type SubtopicId,
  themeCard,
  themeCards,
  type ThemeId,
} from '@spreekkamer/shared';
import { call, type RequestOptions } from '../../api/client.js';
import { pictogramOf } from '../../client/feedback/api.js';
import { formatDay } from '../../client/format.js';
import { Pictogram } from '../../client/icons/Pictogram.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { CheckboxField, RadioGroup, TextField, SelectField, TextAreaField } from '../../components/fields.js';
import { PlainLanguageHints } from '../../components/PlainLanguageHints.js';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useErrorText } from '../../components/errors.js';
import { SubmitActions } from '../../components/FormActions.js';
import { feedbackPaths, storeFeedback, useFeedback } from './api.js';
import { participantNames, Preparation } from './FeedbackPage.js';
import './feedback.css';

type Step = 1 | 2 | 3;

/**
 * /samenleergesprekken/:id/gesprek — the conversation itself, on one screen between professional
 * and client (large text, theme pictograms), or beside the client's own device, which shows the
 * same within seconds. The professional writes; both voices have their own place; every open
 * "please change this" from the client is at the top until it is handled.
 */
export function ConversationScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const feedback = useFeedback(id, true);
  if (!feedback.data) {
    return (
      <Page title={t('feedback.talk.documentTitle')} breadcrumbs={[{ to: '/samenleergesprekken', label: t('breadcrumbs.feedback') }]}>
        <QueryStatus query={feedback} />
      </Page>
    );
  }
  return <Conversation feedback={feedback.data} />;
}

function useFeedbackChange(feedbackId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, options }: { path: string; options: RequestOptions }) => api(`/feedback/${encodeURIComponent(feedbackId)}${path}`, feedbackDetailSchema, options),
    onSuccess: (detail) => storeFeedback(queryClient, detail),
  });
}

/** How a participant is named on the shared screen: by pseudonym alone, in a group only as they chose. */
export function participantLabel(feedback: FeedbackDetail, participant: FeedbackParticipant, t: TFunction): string {
  if (!feedback.group) return participant.pseudonym;
  return participant.anonymous || !participant.displayName ? t('feedback.talk.voiceParticipant', { n: feedback.participants.indexOf(participant) + 1 }) : participant.displayName;
}

export function voiceLabel(feedback: FeedbackDetail, participant: FeedbackParticipant, t: TFunction): string {
  // On a shared screen in a group, nobody is named who chose not to be.
  return feedback.group ? participantLabel(feedback, participant, t) : t('feedback.talk.voiceClient', { name: participant.pseudonym });
}

function Conversation({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const change = useFeedbackChange(feedback.id);
  const errorText = useErrorText();
  const closed = feedback.status === 'completed';
  const step = feedback.step as Step;
  const stepsId = useId();
  const setStep = (next: Step) => change.mutate({ path: '', options: { method: 'PATCH', body: { step: next } } });

  return (
    <Page title={t('feedback.talk.title', { names: participantNames(feedback) })} documentTitle={t('feedback.talk.documentTitle')} breadcrumbs={[{ to: '/samenleergesprekken', label: t('breadcrumbs.feedback') }]}>
      <Paragraph>
        <Link to={feedbackPaths.one(feedback.id)}>{t('feedback.talk.back')}</Link>
      </Paragraph>
      {closed ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('feedback.talk.closed', { date: formatDay(feedback.completedAt ?? feedback.createdAt, language) })}</Paragraph>
        </Alert>
      ) : null}
      {change.error ? (
        <Alert type="error" role="alert">
          <Paragraph>{errorText(change.error)}</Paragraph>
        </Alert>
      ) : null}
      <ChangeRequests feedback={feedback} />
      <GroundRules open={step === 1 && !closed} />
      <nav aria-labelledby={stepsId} className="sk-feedback-steps">
        <h2 id={stepsId} className="sk-visually-hidden">
          {t('feedback.talk.steps')}
        </h2>
        <ol>
          {([1, 2, 3] as const).map((n) => (
            <li key={n}>
              <button type="button" className="sk-feedback-step" aria-current={step === n ? 'step' : undefined} onClick={() => setStep(n)} disabled={closed}>
                <Pictogram name={n === 1 ? 'themeCollaboration' : n === 2 ? 'sheetWhat' : 'sheetNext'} size={32} />
                <span>{localize(stepTexts[n].title, language)}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="talk-step-title" className="sk-feedback-stage">
        <Heading level={2} id="talk-step-title">
          {localize(stepTexts[step].title, language)}
        </Heading>
        <Paragraph>{localize(stepTexts[step].prompt, language)}</Paragraph>
        {step === 1 ? (
          <Paragraph>
            {t('feedback.talk.openingQuestionLead')} <q className="sk-feedback-text">{localize(openingQuestion, language)}</q>
          </Paragraph>
        ) : null}
        {closed ? null : <Tips />}
        {step === 1 ? <StepOne feedback={feedback} /> : null}
        {step === 2 ? <StepTwo feedback={feedback} /> : null}
        {step === 3 ? <StepThree feedback={feedback} /> : null}
      </section>
      {closed ? null : (
        <div className="sk-actions sk-feedback-nav">
          {step > 1 ? (
            <Button appearance="secondary-action-button" onClick={() => setStep((step - 1) as Step)}>
              {t('feedback.talk.previous')}
            </Button>
          ) : null}
          {step < 3 ? (
            <Button appearance="primary-action-button" busy={change.isPending} onClick={() => setStep((step + 1) as Step)}>
              {t('feedback.talk.next')}
            </Button>
          ) : (
            <Finish feedback={feedback} />
          )}
        </div>
      )}
    </Page>
  );
}

/** The agreements of the method, read together at the start of every conversation. */
function GroundRules({ open }: { open: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="sk-feedback-rules" open={open}>
      <summary>{t('feedback.talk.rulesTitle')}</summary>
      <Paragraph small>{t('feedback.talk.rulesIntro')}</Paragraph>
      <ul className="sk-feedback-subs">
        {groundRules.map((rule) => (
          <li key={rule.text.nl}>
            <Pictogram name={pictogramOf(rule.pictogram)} size={24} />
            <span>{localize(rule.text, i18n.language)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** For the professional only: how to take feedback in, while it is happening. */
function Tips() {
  const { t, i18n } = useTranslation();
  return (
    <details className="sk-feedback-tips">
      <summary>{t('feedback.talk.tipsTitle')}</summary>
      <ul>
        {professionalTips.map((tip) => (
          <li key={tip.nl}>{localize(tip, i18n.language)}</li>
        ))}
      </ul>
    </details>
  );
}

function Finish({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const change = useFeedbackChange(feedback.id);
  const [sure, setSure] = useState(false);
  if (!sure) {
    return (
      <Button appearance="primary-action-button" onClick={() => setSure(true)}>
        {t('feedback.talk.finish')}
      </Button>
    );
  }
  return (
    <div className="sk-stack">
      <Paragraph>{t('feedback.talk.finishConfirm')}</Paragraph>
      <div className="sk-actions">
        <Button appearance="primary-action-button" busy={change.isPending} onClick={() => change.mutate({ path: '', options: { method: 'PATCH', body: { status: 'completed' } } })}>
          {t('feedback.talk.finishNow')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setSure(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

function targetText(feedback: FeedbackDetail, target: string, targetId: string | null, t: TFunction): string {
  if (target === 'summary') return t('feedback.talk.targetSummary');
  if (target === 'moment') return t('feedback.talk.targetMoment', { title: feedback.moments.find((m) => m.id === targetId)?.title ?? '' });
  if (target === 'action') return t('feedback.talk.targetAction', { what: feedback.actions.find((a) => a.id === targetId)?.what ?? '' });
  const entry = feedback.entries.find((e) => e.id === targetId);
  return t('feedback.talk.targetEntry', { text: entry ? (entry.text.length > 80 ? `${entry.text.slice(0, 80)}…` : entry.text) : '' });
}

function ChangeRequests({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const change = useFeedbackChange(feedback.id);
  const open = feedback.changeRequests.filter((c) => c.status === 'open');
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="talk-changes" className="sk-feedback-changes">
      <Heading level={2} id="talk-changes">
        {t('feedback.talk.changesTitle', { count: open.length })}
      </Heading>
      <ul>
        {open.map((request) => {
          const participant = feedback.participants.find((p) => p.id === request.participantId);
          const who = participant ? participantLabel(feedback, participant, t) : t('feedback.talk.someone');
          return (
            <li key={request.id}>
              <Paragraph>
                <strong>{who}</strong> {targetText(feedback, request.target, request.targetId, t)}
                {request.erased ? <em className="sk-feedback-erased"> {t('feedback.erasedByClient')}</em> : request.note ? <q className="sk-feedback-text"> {request.note}</q> : null}
              </Paragraph>
              <Button appearance="secondary-action-button" onClick={() => change.mutate({ path: `/change-requests/${encodeURIComponent(request.id)}/resolve`, options: { method: 'POST' } })}>
                {t('feedback.talk.resolve')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Step 1: the theme cards help choose one to three moments; what the client picked comes first. */
function StepOne({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const change = useFeedbackChange(feedback.id);
  const closed = feedback.status === 'completed';
  // People, not picks: a card and one of its topics chosen by one person count once.
  const picked = (theme: ThemeId) => feedback.participants.filter((p) => p.picks.some((pick) => pick.theme === theme)).length;
  const cards = [...themeCards].sort((a, b) => picked(b.id) - picked(a.id));
  const [theme, setTheme] = useState<ThemeId | null>(null);
  const [subtopic, setSubtopic] = useState<SubtopicId | ''>('');

  return (
    <div className="sk-stack">
      <Heading level={3}>{feedback.group ? t('feedback.talk.preparedGroup') : t('feedback.talk.prepared')}</Heading>
      {feedback.group ? (
        <GroupPicks feedback={feedback} />
      ) : (
        feedback.participants.map((participant) => <Preparation key={participant.id} feedback={feedback} participant={participant} headingLevel={4} />)
      )}
      <Heading level={3}>{t('feedback.talk.cardsTitle')}</Heading>
      <ul className="sk-feedback-cards">
        {cards.map((card) => (
          <li key={card.id} className="sk-feedback-card">
            <div className="sk-feedback-card__head">
              <Pictogram name={pictogramOf(card.pictogram)} size={40} />
              <Heading level={4}>{localize(card.title, language)}</Heading>
            </div>
            <Paragraph small>{localize(card.description, language)}</Paragraph>
            {picked(card.id) > 0 ? <Paragraph small className="sk-feedback-badge">{t('feedback.talk.pickedBy', { count: picked(card.id) })}</Paragraph> : null}
            {card.subtopics.length > 0 ? (
              <ul className="sk-feedback-subs">
                {card.subtopics.map((sub) => (
                  <li key={sub.id}>
                    <Pictogram name={pictogramOf(sub.pictogram)} size={24} />
                    <span>
                      <strong>{localize(sub.title, language)}</strong> {localize(sub.question, language)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {closed || feedback.moments.length >= maxMoments ? null : (
              <Button
                appearance="subtle-button"
                onClick={() => {
                  setTheme(card.id);
                  setSubtopic('');
                  document.getElementById('moment-title')?.focus();
                }}
              >
                {t('feedback.talk.useCard', { card: localize(card.title, language) })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Heading level={3}>{t('feedback.talk.momentsTitle', { count: feedback.moments.length, max: maxMoments })}</Heading>
      {feedback.moments.length === 0 ? <Paragraph>{t('feedback.talk.noMoments')}</Paragraph> : null}
      <ol className="sk-feedback-moments">
        {feedback.moments.map((moment) => {
          const card = themeCard(moment.theme);
          const sub = card.subtopics.find((s) => s.id === moment.subtopic);
          return (
            <li key={moment.id}>
              <Pictogram name={pictogramOf(sub?.pictogram ?? card.pictogram)} size={32} />
              <span className="sk-feedback-moments__text">
                <strong>{moment.erased ? t('feedback.erasedByClient') : moment.title}</strong> <span>({[localize(card.title, language), sub ? localize(sub.title, language) : null, moment.ownSubtopic].filter(Boolean).join(': ')})</span>
                {moment.recording?.watchTogether ? (
                  <Link to={`/opnames/${encodeURIComponent(moment.recording.recordingId)}${moment.recording.startSeconds !== null ? `?t=${moment.recording.startSeconds}` : ''}`}> {t('feedback.talk.watchTogether')}</Link>
                ) : null}
              </span>
              {closed ? null : (
                <Button appearance="subtle-button" onClick={() => change.mutate({ path: `/moments/${encodeURIComponent(moment.id)}`, options: { method: 'DELETE' } })}>
                  {t('feedback.talk.removeMoment', { title: moment.title })}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {closed ? null : feedback.moments.length >= maxMoments ? (
        <Paragraph>{t('feedback.talk.maxMoments')}</Paragraph>
      ) : (
        <AddMoment feedback={feedback} theme={theme} setTheme={setTheme} subtopic={subtopic} setSubtopic={setSubtopic} />
      )}
    </div>
  );
}

function GroupPicks({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const counts = new Map<string, number>();
  for (const p of feedback.participants) for (const pick of p.picks) counts.set(`${pick.theme}:${pick.subtopic ?? ''}`, (counts.get(`${pick.theme}:${pick.subtopic ?? ''}`) ?? 0) + 1);
  const words = feedback.participants.filter((p) => p.ownWords || p.erased);
  return (
    <>
      {counts.size === 0 ? <Paragraph>{t('feedback.talk.nothingPicked')}</Paragraph> : null}
      <ul className="sk-feedback-pro-picks">
        {[...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([key, count]) => {
            const [themeId, subId] = key.split(':') as [ThemeId, string];
            const card = themeCard(themeId);
            const sub = card.subtopics.find((s) => s.id === subId);
            return (
              <li key={key}>
                <Pictogram name={pictogramOf(sub?.pictogram ?? card.pictogram)} size={28} />
                <span>
                  {sub ? `${localize(card.title, language)}: ${localize(sub.title, language)}` : localize(card.title, language)} — {t('feedback.talk.pickedBy', { count })}
                </span>
              </li>
            );
          })}
      </ul>
      {words.map((p) => (
        <blockquote key={p.id} className="sk-feedback-quote">
          <strong>{participantLabel(feedback, p, t)}:</strong> {p.erased ? <em className="sk-feedback-erased">{t('feedback.erasedByClient')}</em> : p.ownWords}
        </blockquote>
      ))}
    </>
  );
}

function AddMoment({
  feedback,
  theme,
  setTheme,
  subtopic,
  setSubtopic,
}: {
  feedback: FeedbackDetail;
  theme: ThemeId | null;
  setTheme: (theme: ThemeId) => void;
  subtopic: SubtopicId | '';
  setSubtopic: (subtopic: SubtopicId | '') => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [ownSubtopic, setOwnSubtopic] = useState('');
  const [recordingId, setRecordingId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const { errors, showError, check, clear } = useFormErrors();
  const fields = {
    theme: { id: 'moment-theme', label: t('feedback.talk.themeLegend') },
    subtopic: { id: 'moment-subtopic', label: t('feedback.talk.subtopic') },
    ownSubtopic: { id: 'moment-own-subtopic', label: t('feedback.talk.ownSubtopic') },
    title: { id: 'moment-title', label: t('feedback.talk.momentTitle') },
    recordingId: { id: 'moment-recording', label: t('feedback.talk.recording') },
    startSeconds: { id: 'moment-start', label: t('feedback.talk.start') },
    endSeconds: { id: 'moment-end', label: t('feedback.talk.end') },
  };
  // Fragments can come from the professional's own ready recordings of these clients; the server
  // checks ownership again, and "watch together" needs the client's consent for that.
  const recordings = useQuery({ queryKey: ['recordings', 'list'], queryFn: () => call(contract.recordings.list, { query: {} }) });
  const pseudonyms = new Set(feedback.participants.map((p) => p.pseudonym));
  const usable = (recordings.data?.recordings ?? []).filter((r) => r.status === 'ready' && pseudonyms.has(r.clientPseudonym));
  const startSeconds = parseClock(start);
  const endSeconds = parseClock(end);
  const add = useMutation({
    mutationFn: () =>
      call(contract.feedback.addMoment, { params: { id: feedback.id }, body: {
          theme,
          subtopic: subtopic === '' ? null : subtopic,
          ownSubtopic: ownSubtopic.trim() === '' ? null : ownSubtopic,
          title,
          recordingId: recordingId === '' ? null : recordingId,
          startSeconds: recordingId === '' ? null : startSeconds,
          endSeconds: recordingId === '' ? null : endSeconds,
        } }),
    onSuccess: (detail) => {
      storeFeedback(queryClient, detail);
      clear();
      setTitle('');
      setSubtopic('');
      setOwnSubtopic('');
      setRecordingId('');
      setStart('');
      setEnd('');
    },
    onError: showError,
  });
  const card = theme ? themeCard(theme) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fragment = recordingId !== '';
    if (
      check({
        theme: theme === null && t('feedback.talk.themeMissing'),
        title: title.trim() === '' && t('feedback.talk.titleMissing'),
        startSeconds: fragment && start !== '' && startSeconds === null && t('feedback.talk.clockInvalid'),
        endSeconds: fragment && end !== '' && (endSeconds === null || (startSeconds !== null && endSeconds <= startSeconds)) && t('feedback.talk.clockInvalid'),
      })
    )
      add.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit} aria-labelledby="add-moment-title">
      <Heading level={3} id="add-moment-title">
        {t('feedback.talk.addMoment')}
      </Heading>
      <ErrorSummary errors={errors} fields={fields} />
      <RadioGroup
        id={fields.theme.id}
        legend={fields.theme.label}
        value={theme}
        error={errors.fields.theme}
        onChange={(value) => {
          setTheme(value);
          setSubtopic('');
        }}
        options={themeCards.map((c) => ({ value: c.id, label: localize(c.title, language) }))}
      />
      {card && card.subtopics.length > 0 ? (
        <SelectField
          id={fields.subtopic.id}
          label={fields.subtopic.label}
          value={subtopic}
          error={errors.fields.subtopic}
          onChange={(value) => setSubtopic(value as SubtopicId | '')}
          options={[{ value: '', label: t('feedback.talk.noSubtopic') }, ...card.subtopics.map((s) => ({ value: s.id, label: localize(s.title, language) }))]}
        />
      ) : null}
      {card ? (
        <TextField
          id={fields.ownSubtopic.id}
          label={fields.ownSubtopic.label}
          description={t('feedback.talk.ownSubtopicHelp', { max: ownSubtopicMaxLength })}
          maxLength={ownSubtopicMaxLength}
          value={ownSubtopic}
          error={errors.fields.ownSubtopic}
          onChange={setOwnSubtopic}
        />
      ) : null}
      <TextField id={fields.title.id} label={fields.title.label} description={t('feedback.talk.momentTitleHelp')} maxLength={200} value={title} error={errors.fields.title} onChange={setTitle} />
      {usable.length > 0 ? (
        <>
          <SelectField
            id={fields.recordingId.id}
            label={fields.recordingId.label}
            value={recordingId}
            error={errors.fields.recordingId}
            onChange={setRecordingId}
            options={[{ value: '', label: t('feedback.talk.noRecording') }, ...usable.map((r) => ({ value: r.id, label: t('feedback.talk.recordingOf', { date: formatDay(r.conversationHeldOn, i18n.language), name: r.clientPseudonym }) }))]}
          />
          {recordingId !== '' ? (
            <>
              <TextField id={fields.startSeconds.id} label={fields.startSeconds.label} description={t('feedback.talk.clockHelp')} inputMode="numeric" className="sk-field--short" value={start} error={errors.fields.startSeconds} onChange={setStart} />
              <TextField id={fields.endSeconds.id} label={fields.endSeconds.label} description={t('feedback.talk.clockHelp')} inputMode="numeric" className="sk-field--short" value={end} error={errors.fields.endSeconds} onChange={setEnd} />
            </>
          ) : null}
        </>
      ) : null}
      <SubmitActions label={t('feedback.talk.addMoment')} busy={add.isPending} />
    </form>
  );
}

/** "m:ss" or plain seconds; null when empty or not a time. */
function parseClock(text: string): number | null {
  const value = text.trim();
  const match = /^(?:(\d+):)?(\d{1,2}|\d+)$/.exec(value);
  if (!match) return null;
  const minutes = match[1] ? Number(match[1]) : 0;
  const seconds = Number(match[2]);
  if (match[1] && seconds >= 60) return null;
  return minutes * 60 + seconds;
}

/** Step 2: for every moment, A, B and C, each with room for both voices. */
function StepTwo({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (feedback.moments.length === 0) return <Paragraph>{t('feedback.talk.noMomentsYet')}</Paragraph>;
  return (
    <div className="sk-stack">
      {feedback.moments.map((moment) => {
        const card = themeCard(moment.theme);
        return (
          <article key={moment.id} className="sk-feedback-sheet-pro" aria-labelledby={`sheet-${moment.id}`}>
            <div className="sk-feedback-card__head">
              <Pictogram name={pictogramOf(card.pictogram)} size={40} />
              <Heading level={3} id={`sheet-${moment.id}`}>
                {t('feedback.talk.momentHeading', { n: moment.position, title: moment.erased ? t('feedback.erasedByClient') : moment.title })}
              </Heading>
            </div>
            {conversationSheet.map((part) => (
              <fieldset key={part.section} className="sk-feedback-part-pro">
                <legend>
                  <Pictogram name={pictogramOf(part.pictogram)} size={28} />
                  <span>{localize(part.title, language)}</span>
                </legend>
                <Paragraph small>{localize(part.prompt, language)}</Paragraph>
                <Voices feedback={feedback} momentId={moment.id} section={part.section} label={localize(part.title, language)} />
              </fieldset>
            ))}
          </article>
        );
      })}
    </div>
  );
}

function Voices({ feedback, momentId, section, label }: { feedback: FeedbackDetail; momentId: string | null; section: FeedbackEntrySection; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="sk-feedback-voices">
      <EntryField feedback={feedback} momentId={momentId} section={section} participantId={null} label={`${label} — ${t('feedback.talk.voiceYou')}`} />
      {feedback.participants.map((p) => (
        <EntryField key={p.id} feedback={feedback} momentId={momentId} section={section} participantId={p.id} label={`${label} — ${voiceLabel(feedback, p, t)}`} />
      ))}
    </div>
  );
}

/**
 * One voice's text. Saved when the field is left; text from the server replaces what is shown
 * only while nobody is typing in it, so polling never overwrites someone's words.
 */
function EntryField({ feedback, momentId, section, participantId, label }: { feedback: FeedbackDetail; momentId: string | null; section: FeedbackEntrySection; participantId: string | null; label: string }) {
  const { t } = useTranslation();
  const entry = feedback.entries.find((e) => e.momentId === momentId && e.section === section && e.participantId === participantId);
  const serverText = entry?.text ?? '';
  const [text, setText] = useState(serverText);
  const focused = useRef(false);
  const change = useFeedbackChange(feedback.id);
  const errorText = useErrorText();
  const id = `entry-${momentId ?? 'learned'}-${section}-${participantId ?? 'professional'}`;
  const closed = feedback.status === 'completed';

  useEffect(() => {
    if (!focused.current) setText(serverText);
  }, [serverText]);

  if (closed) {
    return (
      <div className="sk-feedback-readonly">
        <p className="sk-feedback-readonly__label">{label}</p>
        <p className="sk-feedback-text">{entry?.erased ? <em className="sk-feedback-erased">{t('feedback.erasedByClient')}</em> : serverText || t('feedback.talk.empty')}</p>
      </div>
    );
  }
  return (
    <div>
      {entry?.erased ? <p className="sk-feedback-erased">{t('feedback.erasedByClient')}</p> : null}
      <TextAreaField
        inputClassName="sk-feedback-area"
        id={id}
        label={label}
        rows={3}
        maxLength={2000}
        value={text}
        error={change.error ? errorText(change.error) : undefined}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          if (text.trim() !== serverText) change.mutate({ path: '/entries', options: { method: 'PUT', body: { momentId, section, participantId, text } } });
        }}
        onChange={setText}
      />
      <p className="sk-feedback-saved" role="status">
        {change.isPending ? t('feedback.talk.saving') : change.isSuccess ? t('feedback.talk.saved') : ''}
      </p>
      {entry && participantId !== null ? <RoomChange feedback={feedback} target="entry" targetId={entry.id} participantId={participantId} /> : null}
    </div>
  );
}

/** On the shared screen: the client taps "this is not right"; it is recorded as their request. */
function RoomChange({ feedback, target, targetId, participantId }: { feedback: FeedbackDetail; target: 'entry' | 'summary' | 'action' | 'moment'; targetId: string | null; participantId: string | null }) {
  const { t } = useTranslation();
  const change = useFeedbackChange(feedback.id);
  const open = feedback.changeRequests.some((c) => c.status === 'open' && c.target === target && c.targetId === targetId);
  if (open) return <Paragraph small>{t('feedback.talk.changeAsked')}</Paragraph>;
  return (
    <Button appearance="subtle-button" onClick={() => change.mutate({ path: '/change-requests', options: { method: 'POST', body: { target, targetId, participantId, note: '' } } })}>
      {t('feedback.talk.askInRoom')}
    </Button>
  );
}

/** Step 3: the summary, what each learned, and actions (who does what by when). */
function StepThree({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const closed = feedback.status === 'completed';
  return (
    <div className="sk-stack">
      <Heading level={3}>{t('feedback.talk.summaryTitle')}</Heading>
      {feedback.summaryErased ? <p className="sk-feedback-erased">{t('feedback.erasedByClient')}</p> : null}
      <SummaryField feedback={feedback} />
      {feedback.summary && feedback.participants.length === 1 && !closed ? <RoomChange feedback={feedback} target="summary" targetId={null} participantId={feedback.participants[0]?.id ?? null} /> : null}
      <fieldset className="sk-feedback-part-pro">
        <legend>
          <Pictogram name="heart" size={28} />
          <span>{t('feedback.talk.learnedTitle')}</span>
        </legend>
        <Voices feedback={feedback} momentId={null} section="learned" label={t('feedback.talk.learnedTitle')} />
      </fieldset>
      <Heading level={3}>{t('feedback.talk.actionsTitle')}</Heading>
      <Actions feedback={feedback} />
      {closed ? null : <AddAction feedback={feedback} />}
      {feedback.participants
        .filter((participant) => participant.locale !== 'nl')
        .map((participant) => (
          <ShortVersionForm key={participant.id} feedback={feedback} participant={participant} />
        ))}
    </div>
  );
}

/**
 * For a client who reads another language: a few sentences of the summary and the agreements,
 * written by hand in their language. Also after the conversation is completed, when the summary
 * is finished. In a group, each client gets their own.
 */
function ShortVersionForm({ feedback, participant }: { feedback: FeedbackDetail; participant: FeedbackParticipant }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState(participant.shortVersion?.summary ?? '');
  const [agreements, setAgreements] = useState(participant.shortVersion?.agreements ?? '');
  const change = useFeedbackChange(feedback.id);
  const errorText = useErrorText();
  const prefix = `short-${participant.id}`;
  const language = clientLanguageOf(participant.locale).name;
  return (
    <form
      className="sk-stack"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        change.mutate({ path: `/participants/${encodeURIComponent(participant.id)}/short-version`, options: { method: 'PUT', body: { summary, agreements } } });
      }}
    >
      <Heading level={3}>{t('languages.plain.shortConversationTitle', { name: participantLabel(feedback, participant, t), language })}</Heading>
      <Paragraph small>{t('languages.plain.shortConversationHelp')}</Paragraph>
      <TextAreaField inputClassName="sk-feedback-area" id={`${prefix}-summary`} label={t('languages.plain.shortSummary', { language })} rows={3} maxLength={1000} value={summary} lang={participant.locale} onChange={setSummary} />
      <TextAreaField inputClassName="sk-feedback-area" id={`${prefix}-agreements`} label={t('languages.plain.shortAgreements', { language })} rows={3} maxLength={1000} value={agreements} lang={participant.locale} onChange={setAgreements} />
      {change.error ? <Alert type="error">{errorText(change.error)}</Alert> : null}
      <SubmitActions label={t('languages.plain.shortSave')} busy={change.isPending} />
      <p className="sk-feedback-saved" role="status">
        {change.isSuccess ? t('feedback.talk.saved') : ''}
      </p>
    </form>
  );
}

function SummaryField({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const [text, setText] = useState(feedback.summary);
  const focused = useRef(false);
  const change = useFeedbackChange(feedback.id);
  const errorText = useErrorText();
  useEffect(() => {
    if (!focused.current) setText(feedback.summary);
  }, [feedback.summary]);
  if (feedback.status === 'completed') return <p className="sk-feedback-text">{feedback.summary || t('feedback.talk.empty')}</p>;
  return (
    <>
      <TextAreaField
        inputClassName="sk-feedback-area"
        id="feedback-summary"
        label={t('feedback.talk.summaryLabel')}
        description={t('feedback.talk.summaryHelp')}
        rows={4}
        maxLength={4000}
        value={text}
        error={change.error ? errorText(change.error) : undefined}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          if (text.trim() !== feedback.summary) change.mutate({ path: '', options: { method: 'PATCH', body: { summary: text } } });
        }}
        onChange={setText}
      />
      <PlainLanguageHints text={text} />
      <p className="sk-feedback-saved" role="status">
        {change.isPending ? t('feedback.talk.saving') : change.isSuccess ? t('feedback.talk.saved') : ''}
      </p>
    </>
  );
}

function ownerText(feedback: FeedbackDetail, owner: string, participantId: string | null, t: TFunction): string {
  if (owner === 'professional') return t('feedback.talk.ownerProfessional');
  if (owner === 'together') return t('feedback.talk.ownerTogether');
  const participant = feedback.participants.find((p) => p.id === participantId);
  return participant ? participantLabel(feedback, participant, t) : t('feedback.talk.ownerClient');
}

function Actions({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const change = useFeedbackChange(feedback.id);
  const closed = feedback.status === 'completed';
  if (feedback.actions.length === 0) return <Paragraph>{t('feedback.talk.noActions')}</Paragraph>;
  return (
    <ul className="sk-feedback-actions">
      {feedback.actions.map((action) => (
        <li key={action.id}>
          <Paragraph>
            <strong>{ownerText(feedback, action.owner, action.participantId, t)}</strong>: {action.erased ? <em className="sk-feedback-erased">{t('feedback.erasedByClient')}</em> : action.what} — {t('feedback.talk.dueOn', { date: formatDay(action.dueOn, i18n.language) })}
          </Paragraph>
          <CheckboxField
            id={`action-done-${action.id}`}
            label={t('feedback.talk.actionDone')}
            checked={action.done}
            onChange={(done) => change.mutate({ path: `/actions/${encodeURIComponent(action.id)}`, options: { method: 'PATCH', body: { done } } })}
          />
          {closed ? null : (
            <Button appearance="subtle-button" onClick={() => change.mutate({ path: `/actions/${encodeURIComponent(action.id)}`, options: { method: 'DELETE' } })}>
              {t('feedback.talk.removeAction', { what: action.what })}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

function inAWeek(): string {
  const date = new Date(Date.now() + 7 * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function AddAction({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState<string>('together');
  const [what, setWhat] = useState('');
  const [dueOn, setDueOn] = useState(inAWeek);
  const { errors, showError, check, clear } = useFormErrors();
  const fields = {
    owner: { id: 'action-owner', label: t('feedback.talk.actionWho') },
    what: { id: 'action-what', label: t('feedback.talk.actionWhat') },
    dueOn: { id: 'action-due', label: t('feedback.talk.actionDue') },
  };
  const ownerOptions = [
    { value: 'professional', label: t('feedback.talk.ownerProfessional') },
    ...feedback.participants.map((p) => ({ value: `client:${p.id}`, label: participantLabel(feedback, p, t) })),
    { value: 'together', label: t('feedback.talk.ownerTogether') },
  ];
  const add = useMutation({
    mutationFn: () => {
      const [kind, participantId] = owner.split(':');
      return call(contract.feedback.addAction, { params: { id: feedback.id }, body: { owner: kind === 'client' ? 'client' : kind, participantId: participantId ?? null, what, dueOn } });
    },
    onSuccess: (detail) => {
      storeFeedback(queryClient, detail);
      clear();
      setWhat('');
    },
    onError: showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check({ what: what.trim() === '' && t('feedback.talk.whatMissing'), dueOn: dueOn === '' && t('feedback.talk.dueMissing') })) add.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit} aria-labelledby="add-action-title">
      <Heading level={4} id="add-action-title">
        {t('feedback.talk.addAction')}
      </Heading>
      <ErrorSummary errors={errors} fields={fields} />
      <SelectField id={fields.owner.id} label={fields.owner.label} value={owner} onChange={setOwner} options={ownerOptions} />
      <TextField id={fields.what.id} label={fields.what.label} maxLength={300} value={what} error={errors.fields.what} onChange={setWhat} />
      <PlainLanguageHints text={what} />
      <TextField id={fields.dueOn.id} label={fields.dueOn.label} type="date" value={dueOn} error={errors.fields.dueOn} onChange={setDueOn} />
      <SubmitActions label={t('feedback.talk.addAction')} busy={add.isPending} />
    </form>
  );
}
