import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import type { Moment, PlaybackDescriptor, RecordingDetail } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { ButtonLink, Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError, LoadErrorPage, Loading, LoadingPage, MutationError, QueryStatus } from '../../components/QueryState.js';
import { fetchPlayback, useRecording } from '../recordings/api.js';
import { formatClock } from '../recordings/format.js';
import { formatDay } from '../../lib/format.js';
import { conversationPath, recordingPath } from '../recordings/paths.js';
import { ProcessingView } from '../recordings/ProcessingStatus.js';
import { Player } from '../recordings/player/Player.js';
import { learningPaths } from '../learning/api.js';
import { createMoment, reviewKeys, updateMoment, useMoments, useOutcomes, useRelayedPoints } from './api.js';
import { Comments } from './Comments.js';
import { MomentList } from './MomentList.js';
import { MomentEditor } from './MomentEditor.js';
import { Outcomes } from './Outcomes.js';
import { reviewPaths } from './paths.js';
import { draftSpan, frameSeconds, neighbourMoment, reviewCommandForKey, type ReviewCommand } from './review-keys.js';
import { ReviewGuidePanel } from './ReviewGuidePanel.js';
import { ReviewTimeline } from './ReviewTimeline.js';
import { RhythmPanel } from './RhythmPanel.js';
import { ShareSection } from './ShareSection.js';
import { NoShareSection } from './NoShareSection.js';
import { usePlayerMedia } from './usePlayerMedia.js';
import './reviews.css';

/** /opnames/:id/bekijken — the review room: mark moments, tag and annotate them, share them, keep what you learned. */
export function ReviewRoomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const recording = useRecording(id);
  if (recording.isPending) return <LoadingPage title={t('reviews.room.loadingTitle')} />;
  if (recording.error) {
    return (
      <LoadErrorPage error={recording.error} onRetry={() => void recording.refetch()} goneTitle={t('reviews.room.goneTitle')} goneText={t('reviews.room.goneText')}>
        <Paragraph>
          <Link to="/">{t('common.toHome')}</Link>
        </Paragraph>
      </LoadErrorPage>
    );
  }
  if (recording.data.status === 'deleted') {
    // After a withdrawal or the end of retention there is nothing to get ready: say it is gone.
    return (
      <Page title={t('recordings.page.deletedTitle')} breadcrumbs={[{ to: conversationPath(recording.data.conversationId), label: t('breadcrumbs.conversation') }]}>
        <ProcessingView recording={recording.data} />
        <Paragraph>
          <Link to={conversationPath(recording.data.conversationId)}>{t('recordings.page.toConversation')}</Link>
        </Paragraph>
      </Page>
    );
  }
  if (recording.data.status !== 'ready') {
    return (
      <Page title={t('reviews.room.notReadyTitle')} breadcrumbs={[{ to: recordingPath(recording.data.id), label: t('breadcrumbs.recording') }]}>
        <Paragraph>{t('reviews.room.notReadyText')}</Paragraph>
        <Paragraph>
          <Link to={recordingPath(recording.data.id)}>{t('reviews.room.toRecording')}</Link>
        </Paragraph>
      </Page>
    );
  }
  return <ReviewRoom recording={recording.data} />;
}

function ReviewRoom({ recording }: { recording: RecordingDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const moments = useMoments(recording.id);
  const outcomes = useOutcomes(recording.id);
  const relayed = useRelayedPoints(recording.id);
  const list = useMemo(() => moments.data?.moments ?? [], [moments.data]);
  const [descriptor, setDescriptor] = useState<PlaybackDescriptor | null>(null);
  const playerBox = useRef<HTMLDivElement>(null);
  const player = usePlayerMedia(playerBox);
  // A notification about a comment opens the room at its moment (?moment=<id>) until another is chosen.
  const [params] = useSearchParams();
  const [chosenId, setSelectedId] = useState<string | null>(null);
  const selectedId = chosenId ?? params.get('moment');
  const [marks, setMarks] = useState<{ start: number | null; end: number | null }>({ start: null, end: null });
  const [loop, setLoop] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const duration = recording.durationSeconds ?? descriptor?.durationSeconds ?? 0;
  const selected = list.find((m) => m.id === selectedId) ?? null;
  const date = formatDay(recording.conversationHeldOn, i18n.language);

  // The player fetches its own descriptor; we keep the first one for the waveform's peaks.
  const loadDescriptor = useCallback(async (recordingId: string) => {
    const fresh = await fetchPlayback(recordingId);
    setDescriptor((current) => current ?? fresh);
    return fresh;
  }, []);

  const invalidateMoments = useCallback(() => queryClient.invalidateQueries({ queryKey: reviewKeys.moments(recording.id) }), [queryClient, recording.id]);

  const create = useMutation({
    mutationFn: (span: [number, number]) =>
      createMoment(recording.id, { startSeconds: span[0], endSeconds: span[1], title: t('reviews.room.defaultTitle', { number: list.length + 1, time: formatClock(span[0]) }), themes: [], notes: '' }),
    onSuccess: async (moment) => {
      setSelectedId(moment.id);
      setMarks({ start: null, end: null });
      setAnnouncement(t('reviews.room.added', { from: formatClock(moment.startSeconds), to: formatClock(moment.endSeconds) }));
      await invalidateMoments();
    },
  });
  const move = useMutation({
    mutationFn: ({ id, start, end }: { id: string; start: number; end: number }) => updateMoment(id, { startSeconds: start, endSeconds: end }),
    onSettled: invalidateMoments,
  });

  const select = useCallback(
    (moment: Moment, seek = true) => {
      setSelectedId(moment.id);
      if (seek) player.seek(moment.startSeconds);
    },
    [player],
  );

  const run = useCallback(
    (command: ReviewCommand) => {
      const now = player.time;
      switch (command) {
        case 'markStart':
          setMarks((m) => ({ start: now, end: m.end !== null && m.end > now ? m.end : null }));
          setAnnouncement(t('reviews.room.markStart', { time: formatClock(now) }));
          return;
        case 'markEnd':
          setMarks((m) => ({ start: m.start, end: now }));
          setAnnouncement(t('reviews.room.markEnd', { time: formatClock(now) }));
          return;
        case 'addMoment':
          if (duration > 0) create.mutate(draftSpan(marks, now, duration));
          return;
        case 'slow': {
          const next = player.rate === 0.5 ? 1 : 0.5;
          player.setRate(next);
          setAnnouncement(next === 0.5 ? t('reviews.room.slowOn') : t('reviews.room.slowOff'));
          return;
        }
        case 'frameBack':
        case 'frameForward':
          player.pause();
          player.seek(now + (command === 'frameBack' ? -frameSeconds : frameSeconds));
          return;
        case 'loop': {
          const target = selected ?? list.find((m) => now >= m.startSeconds && now <= m.endSeconds) ?? null;
          if (!target) {
            setAnnouncement(t('reviews.room.loopNeedsMoment'));
            return;
          }
          setSelectedId(target.id);
          setLoop((on) => {
            setAnnouncement(on ? t('reviews.room.loopOff') : t('reviews.room.loopOn', { title: target.title }));
            return !on;
          });
          return;
        }
        case 'previousMoment':
        case 'nextMoment': {
          const target = neighbourMoment(list, now, command === 'nextMoment' ? 'next' : 'previous');
          if (target) {
            select(target);
            setAnnouncement(t('reviews.room.jumped', { title: target.title, time: formatClock(target.startSeconds) }));
          } else setAnnouncement(command === 'nextMoment' ? t('reviews.room.noNext') : t('reviews.room.noPrevious'));
          return;
        }
      }
    },
    [player, duration, create, marks, selected, list, select, t],
  );

  // The review keys work wherever focus is on this page, except while typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      const command = reviewCommandForKey({
        key: event.key,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        target: { tagName: target.tagName, type: (target as HTMLInputElement).type, isContentEditable: target.isContentEditable },
      });
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      run(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run]);

  // Looping: back to the start of the moment whenever playback reaches its end.
  useEffect(() => {
    const media = player.media;
    if (!loop || !selected || !media) return;
    const onTime = () => {
      if (media.currentTime >= selected.endSeconds - 0.05 || media.currentTime < selected.startSeconds - 0.5) {
        media.currentTime = selected.startSeconds;
        void media.play().catch(() => undefined);
      }
    };
    media.addEventListener('timeupdate', onTime);
    return () => media.removeEventListener('timeupdate', onTime);
  }, [loop, selected, player.media]);

  const tools: { command: ReviewCommand; label: string; keys: string; pressed?: boolean }[] = [
    { command: 'markStart', label: t('reviews.tools.markStart'), keys: '[' },
    { command: 'markEnd', label: t('reviews.tools.markEnd'), keys: ']' },
    { command: 'addMoment', label: t('reviews.tools.addMoment'), keys: 'N' },
    { command: 'slow', label: t('reviews.tools.slow'), keys: 'S', pressed: player.rate === 0.5 },
    { command: 'frameBack', label: t('reviews.tools.frameBack'), keys: ',' },
    { command: 'frameForward', label: t('reviews.tools.frameForward'), keys: '.' },
    { command: 'loop', label: t('reviews.tools.loop'), keys: 'L', pressed: loop },
    { command: 'previousMoment', label: t('reviews.tools.previous'), keys: 'Shift+←' },
    { command: 'nextMoment', label: t('reviews.tools.next'), keys: 'Shift+→' },
  ];

  return (
    <Page
      title={t('reviews.room.title', { client: recording.clientPseudonym, date })}
      intro={t('reviews.room.intro')}
      crumbLabel={t('breadcrumbs.room')}
      breadcrumbs={[
        { to: conversationPath(recording.conversationId), label: t('breadcrumbs.conversationOf', { client: recording.clientPseudonym, date }) },
        { to: recordingPath(recording.id), label: t('breadcrumbs.recording') },
      ]}
    >
      <Paragraph>
        <Link to={recordingPath(recording.id)}>{t('reviews.room.toRecording')}</Link>
      </Paragraph>
      <div className="sk-review-room">
        <div className="sk-review-room__main">
          <div ref={playerBox}>
            <Player key={recording.id} recordingId={recording.id} label={t('reviews.room.playerLabel', { date })} loadDescriptor={loadDescriptor} />
          </div>
          <div className="sk-review-tools" role="toolbar" aria-label={t('reviews.tools.label')}>
            {tools.map((tool) => (
              <Button key={tool.command} appearance="secondary-action-button" aria-pressed={tool.pressed} aria-keyshortcuts={tool.keys.replace('←', 'ArrowLeft').replace('→', 'ArrowRight')} onClick={() => run(tool.command)} busy={tool.command === 'addMoment' && create.isPending}>
                {tool.label} <kbd>{tool.keys}</kbd>
              </Button>
            ))}
          </div>
          <p className="sk-visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          <MutationError error={create.error} />
          {descriptor ? (
            <ReviewTimeline
              peaksUrl={descriptor.peaksUrl}
              duration={duration}
              moments={list}
              selectedId={selectedId}
              marks={marks}
              time={player.time}
              onSeek={player.seek}
              onDraw={(start, end) => create.mutate([start, Math.max(end, start + 0.5)])}
              onChange={(id, start, end) => move.mutate({ id, start, end })}
              onSelect={(id) => {
                const moment = list.find((m) => m.id === id);
                if (moment) select(moment);
              }}
            />
          ) : null}
          <RhythmPanel recordingId={recording.id} duration={duration} time={player.time} onSeek={player.seek} />
          <details className="sk-keys-help">
            <summary>{t('reviews.tools.helpTitle')}</summary>
            <Paragraph small>{t('reviews.tools.help')}</Paragraph>
          </details>
          <Heading level={2}>{t('reviews.room.momentsTitle')}</Heading>
          <QueryStatus query={moments} />
          {moments.data && list.length === 0 ? <Paragraph>{t('reviews.room.noMoments')}</Paragraph> : null}
          {moments.data && duration > 0 && !list.some((m) => m.startSeconds <= 0.05 && m.endSeconds >= duration - 0.05) ? (
            <Paragraph small>
              <Button appearance="subtle-button" onClick={() => create.mutate([0, duration])}>
                {t('reviews.room.wholeRecording')}
              </Button>
            </Paragraph>
          ) : null}
          <MomentList moments={list} selectedId={selectedId} onSelect={select} />
        </div>
        <aside className="sk-review-room__side" aria-label={t('reviews.room.sideLabel')}>
          {selected ? (
            <>
              <Heading level={2}>{t('reviews.room.selectedTitle', { title: selected.title })}</Heading>
              <MomentEditor key={selected.id} moment={selected} duration={duration} onDeleted={() => setSelectedId(null)} />
              <Paragraph>
                <Link to={learningPaths.newQuestion(selected.id)}>{t('learning.questions.makeFromMoment')}</Link>
              </Paragraph>
              <ReviewGuidePanel />
              <Comments momentId={selected.id} momentSpan={[selected.startSeconds, selected.endSeconds]} shareId={null} isOwner currentTime={player.time} onSeek={player.seek} />
            </>
          ) : (
            <>
              <Paragraph>{t('reviews.room.chooseMoment')}</Paragraph>
              <ReviewGuidePanel />
            </>
          )}
        </aside>
      </div>
      <Section id="review-no-share" title={t('reviews.noShare.title')}>
        <NoShareSection recordingId={recording.id} duration={duration} currentTime={player.time} />
      </Section>
      <Section id="review-share" title={t('reviews.share.title')}>
        <ShareSection recordingId={recording.id} moments={list} mayShare={recording.mayShare} />
      </Section>
      <Section id="review-outcomes" title={t('reviews.outcomes.title')}>
        {outcomes.data ? (
          <Outcomes recordingId={recording.id} shareId={null} data={outcomes.data} canAdd onChanged={() => queryClient.invalidateQueries({ queryKey: reviewKeys.outcomes(recording.id) })} />
        ) : outcomes.error ? (
          <LoadError error={outcomes.error} onRetry={() => void outcomes.refetch()} />
        ) : (
          <Loading />
        )}
      </Section>
      <Section id="review-client-points" title={t('reviews.relayed.title')}>
        <Paragraph>{t('reviews.relayed.intro')}</Paragraph>
        {relayed.data && relayed.data.points.length === 0 ? <Paragraph className="sk-muted">{t('reviews.relayed.empty')}</Paragraph> : null}
        <ul className="sk-outcomes">
          {relayed.data?.points.map((point) => (
            <li key={point.id}>
              <span className="sk-outcomes__text">{point.text}</span>{' '}
              <span className="sk-muted">{t('reviews.relayed.fromClient', { reviewer: point.reviewerName })}</span>
            </li>
          ))}
        </ul>
        <Paragraph small>
          {t('reviews.relayed.anonymousElsewhere')} <Link to={reviewPaths.anonymousPoints}>{t('reviews.anonymousPoints.title')}</Link>
        </Paragraph>
      </Section>
      <Section id="review-report" title={t('reviews.report.sectionTitle')}>
        <Paragraph>{t('reviews.report.sectionIntro')}</Paragraph>
        <ButtonLink to={reviewPaths.report(recording.id)}>{t('reviews.report.open')}</ButtonLink>
      </Section>
    </Page>
  );
}
