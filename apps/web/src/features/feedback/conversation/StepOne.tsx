import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, type FeedbackDetail, localize, maxMoments, type SubtopicId, themeCard, themeCards, type ThemeId } from '@spreekkamer/shared';
import { Heading } from '../../../components/Heading.js';
import { Pictogram, pictogramOf } from '../../../components/icons/Pictogram.js';
import { Link } from '../../../components/Links.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { Preparation } from '../FeedbackPage.js';
import { AddMoment } from './AddMoment.js';
import { participantLabel, useFeedbackChange } from './change.js';
import { call } from '../../../api/client.js';

/** Step 1: the theme cards help choose one to three moments; what the client picked comes first. */
export function StepOne({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const change = useFeedbackChange();
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
                <Button appearance="subtle-button" onClick={() => change.mutate(() => call(contract.feedback.removeMoment, { params: { id: feedback.id, itemId: moment.id } }))}>
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
