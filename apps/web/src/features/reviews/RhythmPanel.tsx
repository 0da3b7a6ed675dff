import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { RhythmSpeaker, RhythmTurn, RhythmView } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { formatClock } from '../recordings/format.js';
import { confirmSpeaker, moveBoundary, rhythmKeys, saveTurns, swapTurn, useRhythm, useSharedLane } from './rhythm-api.js';
import { MutationError } from '../../components/QueryState.js';
import { preloadTexts, useTexts } from '../../i18n/index.js';

// Fetched as this module loads (with its page), so the components rarely wait.
preloadTexts('rhythm');

type Who = 'professional' | 'client' | 'A' | 'B';

function whoOf(speaker: RhythmSpeaker, professional: RhythmSpeaker | null): Who {
  if (!professional) return speaker;
  return speaker === professional ? 'professional' : 'client';
}

/**
 * The rhythm lane under the waveform (who speaks when) and a few timing figures. A mirror, not a
 * score: neutral shades plus patterns and labels, no targets, nothing about tone or emotion.
 */
export function RhythmPanel({ recordingId, duration, time, onSeek }: { recordingId: string; duration: number; time: number; onSeek: (seconds: number) => void }) {
  useTexts('rhythm');
  const { t } = useTranslation();
  const rhythm = useRhythm(recordingId);
  if (rhythm.isPending) return <Paragraph className="sk-muted">{t('rhythm.loading')}</Paragraph>;
  if (rhythm.error) return null;
  if (rhythm.data.status === 'pending') return <Paragraph className="sk-muted">{t('rhythm.pending')}</Paragraph>;
  if (rhythm.data.status === 'failed') return <Paragraph className="sk-muted">{t('rhythm.failed')}</Paragraph>;
  return <RhythmReady recordingId={recordingId} view={rhythm.data} duration={duration || (rhythm.data.durationSeconds ?? 0)} time={time} onSeek={onSeek} />;
}

export function RhythmLane({ turns, duration, label }: { turns: { who: Who; start: number; end: number }[]; duration: number; label: string }) {
  useTexts('rhythm');
  const { t } = useTranslation();
  if (duration <= 0) return null;
  return (
    <div className="sk-rhythm-lane" role="img" aria-label={label}>
      {turns.map((turn, i) => (
        <span
          key={i}
          className={`sk-rhythm-lane__turn sk-rhythm-lane__turn--${turn.who}`}
          style={{ left: `${(turn.start / duration) * 100}%`, width: `${Math.max(0.2, ((turn.end - turn.start) / duration) * 100)}%` }}
          title={`${t(`rhythm.who.${turn.who}`)} ${formatClock(turn.start)}–${formatClock(turn.end)}`}
        />
      ))}
    </div>
  );
}

function RhythmLegend({ confirmed }: { confirmed: boolean }) {
  useTexts('rhythm');
  const { t } = useTranslation();
  const whos: Who[] = confirmed ? ['professional', 'client'] : ['A', 'B'];
  return (
    <ul className="sk-rhythm-legend">
      {whos.map((who) => (
        <li key={who}>
          <span className={`sk-rhythm-legend__swatch sk-rhythm-lane__turn--${who}`} aria-hidden="true" /> {t(`rhythm.who.${who}`)}
        </li>
      ))}
      <li>
        <span className="sk-rhythm-legend__swatch sk-rhythm-legend__swatch--silence" aria-hidden="true" /> {t('rhythm.who.silence')}
      </li>
    </ul>
  );
}

function RhythmReady({ recordingId, view, duration, time, onSeek }: { recordingId: string; view: RhythmView; duration: number; time: number; onSeek: (seconds: number) => void }) {
  useTexts('rhythm');
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const update = (next: RhythmView) => queryClient.setQueryData(rhythmKeys.recording(recordingId), next);
  const confirm = useMutation({
    mutationFn: (speaker: RhythmSpeaker) => confirmSpeaker(recordingId, speaker),
    onSuccess: (next) => {
      update(next);
      setAnnouncement(t('rhythm.confirmed'));
    },
  });
  const correct = useMutation({
    mutationFn: (turns: RhythmTurn[]) => saveTurns(recordingId, turns),
    onSuccess: (next) => {
      update(next);
      setAnnouncement(t('rhythm.corrected'));
    },
  });

  const professional = view.professionalSpeaker;
  const metrics = view.metrics;
  const lane = view.turns.map((turn) => ({ who: whoOf(turn.speaker, professional), start: turn.start, end: turn.end }));
  const currentIndex = view.turns.findIndex((turn) => time >= turn.start && time < turn.end);
  const current = currentIndex >= 0 ? view.turns[currentIndex] : undefined;
  const name = (speaker: RhythmSpeaker) => t(`rhythm.who.${whoOf(speaker, professional)}`);
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  const seconds = (x: number) => t('rhythm.seconds', { value: Math.round(x * 10) / 10 });
  const suggested = view.suggestion?.speaker ?? 'A';
  const other: RhythmSpeaker = suggested === 'A' ? 'B' : 'A';

  return (
    <section className="sk-rhythm" aria-labelledby="rhythm-title">
      <Heading level={2} id="rhythm-title">
        {t('rhythm.title')}
      </Heading>
      <RhythmLane turns={lane} duration={duration} label={t('rhythm.laneLabel', { count: view.turns.length })} />
      <RhythmLegend confirmed={professional !== null} />
      <p className="sk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {professional === null ? (
        <div className="sk-rhythm-confirm">
          <Paragraph>{view.suggestion?.basis === 'own_voice' ? t('rhythm.suggestOwnVoice', { voice: suggested }) : t('rhythm.suggestFirst', { voice: suggested })}</Paragraph>
          <Button appearance="primary-action-button" onClick={() => confirm.mutate(suggested)} busy={confirm.isPending}>
            {t('rhythm.thisIsMe')}
          </Button>{' '}
          <Button appearance="secondary-action-button" onClick={() => confirm.mutate(other)} busy={confirm.isPending}>
            {t('rhythm.otherIsMe', { voice: other })}
          </Button>
          <Paragraph small>{t('rhythm.voicePrintNote')}</Paragraph>
        </div>
      ) : (
        <Paragraph small>
          {t('rhythm.confirmedText')}{' '}
          <Button appearance="subtle-button" onClick={() => confirm.mutate(professional === 'A' ? 'B' : 'A')}>
            {t('rhythm.swapWhoIsWho')}
          </Button>
        </Paragraph>
      )}
      <MutationError error={confirm.error ?? correct.error} />

      {metrics ? (
        <>
          <Heading level={3}>{t('rhythm.figuresTitle')}</Heading>
          <dl className="sk-rhythm-figures">
            <dt>{t('rhythm.talkShare')}</dt>
            <dd>
              {name('A')}: {percent(metrics.talkShare.A)} · {name('B')}: {percent(metrics.talkShare.B)}
            </dd>
            <dt>{t('rhythm.switches')}</dt>
            <dd>{t('rhythm.perMinute', { value: metrics.switchesPerMinute })}</dd>
            <dt>{t('rhythm.longest')}</dt>
            <dd>
              <ul className="sk-rhythm-list">
                {(['A', 'B'] as const).map((s) => {
                  const longest = metrics.longestTurn[s];
                  return longest ? (
                    <li key={s}>
                      {name(s)}:{' '}
                      <Button appearance="subtle-button" onClick={() => onSeek(longest.start)}>
                        {seconds(longest.end - longest.start)} {t('rhythm.at', { time: formatClock(longest.start) })}
                      </Button>
                    </li>
                  ) : null;
                })}
              </ul>
            </dd>
            <dt>{t('rhythm.longPauses')}</dt>
            <dd>
              {metrics.longPauses.length === 0 ? (
                t('rhythm.none')
              ) : (
                <ul className="sk-rhythm-list">
                  {metrics.longPauses.map((pause) => (
                    <li key={pause.start}>
                      <Button appearance="subtle-button" onClick={() => onSeek(pause.start)}>
                        {t('rhythm.pauseItem', { time: formatClock(pause.start), length: seconds(pause.end - pause.start) })}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{t('rhythm.answerPause')}</dt>
            <dd>
              {(['A', 'B'] as const).map((s) => {
                const pause = metrics.pauseBeforeAnswer[s];
                return (
                  <span key={s} className="sk-rhythm-inline">
                    {name(s)}: {pause ? t('rhythm.median', { value: seconds(pause.medianSeconds), count: pause.count }) : t('rhythm.none')}
                  </span>
                );
              })}
            </dd>
            <dt>{t('rhythm.overlaps')}</dt>
            <dd>{t('rhythm.overlapValue', { count: metrics.overlaps.count, total: seconds(metrics.overlaps.totalSeconds) })}</dd>
          </dl>
        </>
      ) : null}

      <Heading level={3}>{t('rhythm.correctTitle')}</Heading>
      {current ? (
        <div className="sk-rhythm-correct">
          <Paragraph>{t('rhythm.currentTurn', { who: name(current.speaker), from: formatClock(current.start), to: formatClock(current.end) })}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => correct.mutate(swapTurn(view.turns, currentIndex))} busy={correct.isPending}>
            {t('rhythm.swapTurn')}
          </Button>{' '}
          <Button appearance="secondary-action-button" onClick={() => correct.mutate(moveBoundary(view.turns, currentIndex, 'start', time))}>
            {t('rhythm.startHere')}
          </Button>{' '}
          <Button appearance="secondary-action-button" onClick={() => correct.mutate(moveBoundary(view.turns, currentIndex, 'end', time))}>
            {t('rhythm.endHere')}
          </Button>
        </div>
      ) : (
        <Paragraph small>{t('rhythm.noCurrentTurn')}</Paragraph>
      )}
      {view.edited ? <Paragraph small>{t('rhythm.editedNote')}</Paragraph> : null}

      <details className="sk-rhythm-explain">
        <summary>{t('rhythm.explainTitle')}</summary>
        <Paragraph small>{t('rhythm.explainWhat')}</Paragraph>
        <Paragraph small>{t('rhythm.explainCannot')}</Paragraph>
        <Paragraph small>{t('rhythm.explainMirror')}</Paragraph>
        <Paragraph small>{view.method === 'channels' ? t('rhythm.methodChannels') : t('rhythm.methodVoice')}</Paragraph>
      </details>
    </section>
  );
}

/** For a recipient: the lane of one shared moment, when the professional ticked it for this share. */
export function SharedRhythmLane({ shareId, span }: { shareId: string; span: [number, number] }) {
  useTexts('rhythm');
  const { t } = useTranslation();
  const lane = useSharedLane(shareId);
  if (!lane.data) return null;
  const [from, to] = span;
  const turns = lane.data.turns.filter((turn) => turn.end > from && turn.start < to).map((turn) => ({ who: turn.who, start: Math.max(turn.start, from) - from, end: Math.min(turn.end, to) - from }));
  return (
    <section className="sk-rhythm" aria-label={t('rhythm.title')}>
      <RhythmLane turns={turns} duration={to - from} label={t('rhythm.laneLabel', { count: turns.length })} />
      <RhythmLegend confirmed={turns.some((turn) => turn.who === 'professional' || turn.who === 'client')} />
    </section>
  );
}
