import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ClientFeedback, contract, conversationSheet, type FeedbackChangeRequest, localize, themeCard } from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { ClientButton, directionOf } from '../../components/client/index.js';
import { formatDay } from '../../lib/format.js';
import { Pictogram, pictogramOf, type PictogramName } from '../../components/icons/Pictogram.js';
import { setClientFeedback } from './api.js';
import { call } from '../../api/client.js';

type Entry = ClientFeedback['entries'][number];
type Action = ClientFeedback['actions'][number];
type Target = { target: FeedbackChangeRequest['target']; targetId: string | null };

export function useVoiceLabel(feedback: ClientFeedback): (voice: Entry['voice']) => string {
  const { t } = useTranslation();
  return (voice) =>
    voice.kind === 'professional'
      ? t('feedback.live.voiceOf', { name: feedback.professionalName })
      : voice.kind === 'me'
        ? t('feedback.live.voiceMe')
        : voice.name
          ? t('feedback.live.voiceOf', { name: voice.name })
          : t('feedback.live.voiceSomeone');
}

const voiceIcon: Record<Entry['voice']['kind'], PictogramName> = { professional: 'personAndCoach', me: 'person', other: 'group' };

/** What the professional wrote by hand in my own language, above the Dutch text. */
function ShortVersion({ feedback, part }: { feedback: ClientFeedback; part: 'summary' | 'agreements' }) {
  const short = feedback.me.shortVersion;
  if (!short || !short[part]) return null;
  return (
    <p className="sk-feedback-text sk-client-note" lang={short.locale} dir={directionOf(short.locale)} data-testid={`short-${part}`}>
      {short[part]}
    </p>
  );
}

/**
 * What is written in the conversation, as the client sees it: each moment with its theme
 * pictogram and A/B/C in every voice; then the summary, what each learned and the actions. When
 * `canAsk`, every part has a "this is not right" button that sends a change request.
 */
export function SheetView({ feedback, canAsk, step, summaryFirst = false }: { feedback: ClientFeedback; canAsk: boolean; step?: 1 | 2 | 3; summaryFirst?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const voiceLabel = useVoiceLabel(feedback);
  const show = (n: 1 | 2 | 3) => step === undefined || step >= n;
  const entriesOf = (momentId: string | null, section: Entry['section']) => feedback.entries.filter((e) => e.momentId === momentId && e.section === section);
  // What was agreed: at the end while talking, first on the client's copy.
  const closingPart = show(3) ? (
        <>
          <section aria-labelledby="sheet-summary">
            <h2 id="sheet-summary">{t('feedback.live.summary')}</h2>
            <ShortVersion feedback={feedback} part="summary" />
            {feedback.summary ? <p className="sk-feedback-text">{feedback.summary}</p> : <p className="sk-client-hint">{t('feedback.live.nothingYet')}</p>}
            {canAsk && feedback.summary ? <AskChange feedback={feedback} target={{ target: 'summary', targetId: null }} /> : null}
          </section>
          <section aria-labelledby="sheet-learned">
            <h2 id="sheet-learned">{t('feedback.live.learned')}</h2>
            {entriesOf(null, 'learned').length === 0 ? <p className="sk-client-hint">{t('feedback.live.nothingYet')}</p> : null}
            <EntryList entries={entriesOf(null, 'learned')} voiceLabel={voiceLabel} feedback={feedback} canAsk={canAsk} />
          </section>
          <section aria-labelledby="sheet-actions">
            <h2 id="sheet-actions">{t('feedback.live.actions')}</h2>
            <ShortVersion feedback={feedback} part="agreements" />
            <ActionList feedback={feedback} canAsk={canAsk} />
          </section>
        </>
      ) : null;

  return (
    <div className="sk-feedback-sheet">
      {summaryFirst ? closingPart : null}
      {show(1) ? (
        <section aria-labelledby="sheet-moments">
          <h2 id="sheet-moments">{t('feedback.summary.moments')}</h2>
          {feedback.moments.length === 0 ? <p>{t('feedback.live.noMoments')}</p> : null}
          {feedback.moments.map((moment) => {
            const card = themeCard(moment.theme);
            const sub = card.subtopics.find((s) => s.id === moment.subtopic);
            return (
              <article key={moment.id} className="sk-client-card sk-feedback-moment" aria-labelledby={`moment-${moment.id}`}>
                <div className="sk-feedback-moment__head">
                  <Pictogram name={pictogramOf(sub?.pictogram ?? card.pictogram)} size={44} />
                  <div>
                    <h3 id={`moment-${moment.id}`}>{t('feedback.live.moment', { n: moment.position, title: moment.title })}</h3>
                    <p className="sk-client-hint">{[localize(card.title, language), sub ? localize(sub.title, language) : null, moment.ownSubtopic].filter(Boolean).join(' · ')}</p>
                  </div>
                </div>
                {canAsk ? <AskChange feedback={feedback} target={{ target: 'moment', targetId: moment.id }} /> : null}
                {show(2)
                  ? conversationSheet.map((part) => {
                      const entries = entriesOf(moment.id, part.section);
                      return (
                        <div key={part.section} className="sk-feedback-part">
                          <h4>
                            <Pictogram name={pictogramOf(part.pictogram)} size={32} />
                            <span>{localize(part.question, language)}</span>
                          </h4>
                          {entries.length === 0 ? <p className="sk-client-hint">{t('feedback.live.nothingYet')}</p> : null}
                          <EntryList entries={entries} voiceLabel={voiceLabel} feedback={feedback} canAsk={canAsk} />
                        </div>
                      );
                    })
                  : null}
              </article>
            );
          })}
        </section>
      ) : null}
      {summaryFirst ? null : closingPart}
    </div>
  );
}

function EntryList({ entries, voiceLabel, feedback, canAsk }: { entries: Entry[]; voiceLabel: (voice: Entry['voice']) => string; feedback: ClientFeedback; canAsk: boolean }) {
  if (entries.length === 0) return null;
  return (
    <ul className="sk-feedback-entries">
      {entries.map((entry) => (
        <li key={entry.id} className="sk-feedback-entry">
          <p className="sk-feedback-entry__voice">
            <Pictogram name={voiceIcon[entry.voice.kind]} size={28} />
            <span>{voiceLabel(entry.voice)}</span>
          </p>
          <p className="sk-feedback-text">{entry.text}</p>
          {canAsk ? <AskChange feedback={feedback} target={{ target: 'entry', targetId: entry.id }} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function ownerLabel(feedback: ClientFeedback, action: Action, t: TFunction): string {
  switch (action.owner) {
    case 'me':
      return t('feedback.summary.ownerMe');
    case 'professional':
      return feedback.professionalName;
    case 'together':
      return t('feedback.summary.ownerTogether');
    case 'other':
      return action.ownerName ?? t('feedback.summary.ownerSomeone');
  }
}

const ownerIcon: Record<Action['owner'], PictogramName> = { me: 'person', professional: 'personAndCoach', together: 'group', other: 'group' };

export function ActionList({ feedback, canAsk }: { feedback: ClientFeedback; canAsk: boolean }) {
  const { t, i18n } = useTranslation();
  if (feedback.actions.length === 0) return <p className="sk-client-hint">{t('feedback.summary.noActions')}</p>;
  return (
    <ul className="sk-client-list">
      {feedback.actions.map((action) => (
        <li key={action.id} className="sk-client-card sk-feedback-action">
          <p className="sk-feedback-entry__voice">
            <Pictogram name={ownerIcon[action.owner]} size={32} />
            <strong>{ownerLabel(feedback, action, t)}</strong>
          </p>
          <p className="sk-feedback-text">{action.what}</p>
          <p className="sk-feedback-entry__voice">
            <Pictogram name={action.done ? 'check' : 'calendar'} size={28} />
            <span>{action.done ? t('feedback.summary.actionDone') : t('feedback.summary.due', { date: formatDay(action.dueOn, i18n.language) })}</span>
          </p>
          {canAsk ? <AskChange feedback={feedback} target={{ target: 'action', targetId: action.id }} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** "This is not right": one tap opens a short, optional note; sending it shows the professional. */
function AskChange({ feedback, target }: { feedback: ClientFeedback; target: Target }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () => call(contract.clientFeedback.addChangeRequest, { params: { id: feedback.id }, body: { ...target, note } }),
    onSuccess: (saved) => {
      setClientFeedback(queryClient, saved);
      setOpen(false);
      setNote('');
    },
  });
  const asked = feedback.myChangeRequests.filter((r) => r.target === target.target && r.targetId === target.targetId);
  const status: ReactNode = asked.length > 0 ? (
    <p className="sk-feedback-asked" role="status">
      <Pictogram name={asked.some((r) => r.status === 'open') ? 'clock' : 'check'} size={24} />
      <span>{asked.some((r) => r.status === 'open') ? t('feedback.live.changeOpen', { name: feedback.professionalName }) : t('feedback.live.changeDone')}</span>
    </p>
  ) : null;
  const noteId = `change-note-${target.target}-${target.targetId ?? 'summary'}`;
  if (!open) {
    return (
      <div className="sk-feedback-ask">
        {status}
        <ClientButton appearance="quiet" icon="pen" onClick={() => setOpen(true)}>
          {t('feedback.live.askChange')}
        </ClientButton>
      </div>
    );
  }
  return (
    <div className="sk-feedback-ask sk-feedback-ask--open">
      <label htmlFor={noteId} className="sk-client-label">
        {t('feedback.live.noteLabel')}
      </label>
      <textarea id={noteId} className="sk-client-input sk-feedback-textarea" rows={2} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
      {send.error ? (
        <div role="alert" className="sk-client-alert">
          <Pictogram name="question" size={32} />
          <p>{errorText(send.error)}</p>
        </div>
      ) : null}
      <div className="sk-client-actions">
        <ClientButton icon="check" aria-disabled={send.isPending ? true : undefined} onClick={() => !send.isPending && send.mutate()}>
          {t('feedback.live.sendChange')}
        </ClientButton>
        <ClientButton appearance="secondary" icon="cross" onClick={() => setOpen(false)}>
          {t('feedback.live.cancel')}
        </ClientButton>
      </div>
    </div>
  );
}
