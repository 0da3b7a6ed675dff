import { useTranslation } from 'react-i18next';
import { contract, conversationSheet, type FeedbackDetail, type FeedbackEntrySection, localize, themeCard } from '@spreekkamer/shared';
import { Heading } from '../../../components/Heading.js';
import { Pictogram, pictogramOf } from '../../../components/icons/Pictogram.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { AutosaveTextArea } from './AutosaveTextArea.js';
import { RoomChange } from './ChangeRequests.js';
import { voiceLabel } from './change.js';
import { call } from '../../../api/client.js';

/** Step 2: for every moment, A, B and C, each with room for both voices. */
export function StepTwo({ feedback }: { feedback: FeedbackDetail }) {
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

export function Voices({ feedback, momentId, section, label }: { feedback: FeedbackDetail; momentId: string | null; section: FeedbackEntrySection; label: string }) {
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

/** One voice's text, saved on leaving the field; read-only once the conversation is completed. */
function EntryField({ feedback, momentId, section, participantId, label }: { feedback: FeedbackDetail; momentId: string | null; section: FeedbackEntrySection; participantId: string | null; label: string }) {
  const { t } = useTranslation();
  const entry = feedback.entries.find((e) => e.momentId === momentId && e.section === section && e.participantId === participantId);
  const serverText = entry?.text ?? '';
  if (feedback.status === 'completed') {
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
      <AutosaveTextArea
        id={`entry-${momentId ?? 'learned'}-${section}-${participantId ?? 'professional'}`}
        label={label}
        rows={3}
        maxLength={2000}
        serverText={serverText}
        save={(text) => () => call(contract.feedback.putEntry, { params: { id: feedback.id }, body: { momentId, section, participantId, text } })}
      />
      {entry && participantId !== null ? <RoomChange feedback={feedback} target="entry" targetId={entry.id} participantId={participantId} /> : null}
    </div>
  );
}
