// Longer than 350 lines on purpose — one component: hls.js, the media element and the custom controls share one lifecycle of refs and effects; its pure parts are in playback-math.ts, Controls.tsx and usePlayback.ts.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Hls, { ErrorTypes, Events } from 'hls.js';
import type { PlaybackDescriptor } from '@spreekkamer/shared';
import { ApiError } from '../../../api/client.js';
import { Alert } from '../../../components/Alert.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { useErrorText } from '../../../components/errors.js';
import { fetchPlayback } from '../api.js';
import { formatClock } from '../format.js';
import { Controls } from './Controls.js';
import { NameOverlay } from './NameOverlay.js';
import { clampTime, commandForKey, effectiveSpan, seekStepSeconds, withToken, type Span } from './playback-math.js';
import { usePlayback, type LoadDescriptor } from './usePlayback.js';
import { Waveform } from './Waveform.js';
import '../recordings.css';

export interface PlayerProps {
  recordingId: string;
  /** Accessible name of the player, e.g. "Opname van 3 maart 2026". */
  label: string;
  /** Play only this span [from, to) in seconds, e.g. a shared moment; seeking stays inside it. */
  range?: Span | null;
  /**
   * Where the playback descriptor comes from. Defaults to the owner's POST /recordings/:id/playback;
   * the sharing feature passes its own. Must be stable (a module function or a useCallback).
   */
  loadDescriptor?: LoadDescriptor;
  /** Called once the playlist was fetched, i.e. once a view was logged. */
  onViewLogged?: () => void;
}

type Problem = { kind: 'gone' } | { kind: 'failed'; error: unknown } | { kind: 'unsupported' };

/**
 * Plays an encrypted HLS recording: the viewer's name on the picture, no download, custom
 * controls that work with the keyboard, the waveform for sound-only recordings. Nothing is
 * fetched from the playlist until the viewer presses play, so opening a page is not a view.
 */
export function Player({ recordingId, label, range = null, loadDescriptor = fetchPlayback, onViewLogged }: PlayerProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const helpId = useId();
  const { descriptor, error: descriptorError, preparing, currentToken, refresh } = usePlayback(recordingId, loadDescriptor);

  const boxRef = useRef<HTMLDivElement | null>(null);
  const mediaRef = useRef<HTMLVideoElement | HTMLAudioElement | null>(null);
  const playButtonRef = useRef<HTMLButtonElement | null>(null);
  const hlsRef = useRef<Hls | null>(null);
  const waveformReady = useRef<Promise<void>>(Promise.resolve());
  const recoveries = useRef({ network: 0, media: 0 });

  const [started, setStarted] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [currentTime, setCurrentTime] = useState(0);
  const [mediaDuration, setMediaDuration] = useState(0);
  const [muted, setMuted] = useState(false);
  const [rate, setRate] = useState(1);
  const [fullscreen, setFullscreen] = useState(false);
  const [playbackProblem, setProblem] = useState<Problem | null>(null);

  // An exact cut of a shared span starts at 0; everything shown and every seek stays on the
  // recording's own clock: clock time = media time + offset.
  const isCut = descriptor ? descriptor.allowedRanges !== 'all' : false;
  const offset = descriptor?.startsAtSeconds ?? 0;
  const duration = isCut ? (descriptor?.durationSeconds ?? 0) : mediaDuration > 0 ? mediaDuration : (descriptor?.durationSeconds ?? 0);
  const span = descriptor ? effectiveSpan(range, descriptor.allowedRanges, duration) : null;
  const spanRef = useRef(span);
  const offsetRef = useRef(offset);
  useEffect(() => {
    spanRef.current = span;
    offsetRef.current = offset;
  });

  const problem = useMemo<Problem | null>(
    () =>
      playbackProblem ??
      (descriptorError ? (isGone(descriptorError) ? { kind: 'gone' } : { kind: 'failed', error: descriptorError }) : null),
    [playbackProblem, descriptorError],
  );

  useEffect(
    () => () => {
      hlsRef.current?.destroy();
      hlsRef.current = null;
    },
    [recordingId],
  );

  // Follow the media element, whoever moved it (our controls, the waveform, the end of the span).
  useEffect(() => {
    const media = mediaRef.current;
    if (!media) return;
    const sync = () => {
      setPlaying(!media.paused && !media.ended);
      setCurrentTime(media.currentTime + offsetRef.current);
      setMuted(media.muted);
      setRate(media.playbackRate);
      if (Number.isFinite(media.duration)) setMediaDuration(media.duration);
    };
    const keepInSpan = () => {
      const current = spanRef.current;
      if (!current) return;
      const off = offsetRef.current;
      const time = media.currentTime + off;
      if (time >= current[1] - 0.05 && !media.paused) {
        media.pause();
        media.currentTime = current[1] - off;
      } else if (time < current[0] - 0.05 || time > current[1] + 0.05) {
        media.currentTime = clampTime(time, current, media.duration + off) - off;
      }
    };
    const events = ['play', 'pause', 'timeupdate', 'durationchange', 'volumechange', 'ratechange', 'ended', 'seeked', 'loadedmetadata'];
    events.forEach((name) => media.addEventListener(name, sync));
    media.addEventListener('timeupdate', keepInSpan);
    media.addEventListener('seeking', keepInSpan);
    return () => {
      events.forEach((name) => media.removeEventListener(name, sync));
      media.removeEventListener('timeupdate', keepInSpan);
      media.removeEventListener('seeking', keepInSpan);
    };
  }, [descriptor]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === boxRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const attach = useCallback(
    async (media: HTMLMediaElement, source: PlaybackDescriptor): Promise<void> => {
      // The waveform must claim the element before hls.js gives it a source (see Waveform).
      await waveformReady.current;
      const start = Math.max(0, (spanRef.current?.[0] ?? 0) - offsetRef.current);
      if (Hls.isSupported()) {
        const hls = new Hls({
          startPosition: start,
          enableWorker: true,
          // Each request carries the newest token; hls.js knows only the URLs of the first playlist.
          xhrSetup: async (xhr, url) => {
            const token = await currentToken();
            xhr.open('GET', withToken(url, token, window.location.href), true);
          },
        });
        hlsRef.current = hls;
        hls.on(Events.MANIFEST_PARSED, () => {
          onViewLogged?.();
          void media.play().catch(() => undefined);
        });
        hls.on(Events.ERROR, (_event, data) => {
          if (!data.fatal) return;
          const status = data.response?.code ?? 0;
          if (status === 404 || status === 410) {
            hls.destroy();
            hlsRef.current = null;
            setProblem({ kind: 'gone' });
            return;
          }
          if (data.type === ErrorTypes.NETWORK_ERROR && recoveries.current.network < 3) {
            recoveries.current.network += 1;
            // An expired token is the usual cause after a long pause: fetch a new one, then go on.
            void refresh().then(
              () => hls.startLoad(Math.max(media.currentTime, start)),
              (reason: unknown) => setProblem(isGone(reason) ? { kind: 'gone' } : { kind: 'failed', error: reason }),
            );
            return;
          }
          if (data.type === ErrorTypes.MEDIA_ERROR && recoveries.current.media < 2) {
            recoveries.current.media += 1;
            hls.recoverMediaError();
            return;
          }
          hls.destroy();
          hlsRef.current = null;
          setProblem({ kind: 'failed', error: new ApiError(status, status >= 500 ? 'internal' : 'playback_token_invalid', '') });
        });
        hls.loadSource(withToken(source.playlistUrl, await currentToken(), window.location.href));
        hls.attachMedia(media);
        return;
      }
      if (media.canPlayType('application/vnd.apple.mpegurl')) {
        // Safari plays HLS itself; it cannot swap tokens mid-way, so it starts with a fresh one.
        media.src = withToken(source.playlistUrl, await refresh(), window.location.href);
        media.addEventListener('loadedmetadata', () => {
          onViewLogged?.();
          media.currentTime = start;
        }, { once: true });
        void media.play().catch(() => undefined);
        return;
      }
      setProblem({ kind: 'unsupported' });
    },
    [currentToken, refresh, onViewLogged],
  );

  const togglePlay = useCallback(() => {
    const media = mediaRef.current;
    if (!media || !descriptor || problem) return;
    if (!started) {
      setStarted(true);
      void attach(media, descriptor);
      return;
    }
    if (media.paused || media.ended) {
      const current = spanRef.current;
      // At the end of a moment, play means "play it again".
      if (current && media.currentTime + offsetRef.current >= current[1] - 0.1) media.currentTime = current[0] - offsetRef.current;
      void media.play().catch(() => undefined);
    } else {
      media.pause();
    }
  }, [attach, descriptor, problem, started]);

  const seekTo = useCallback(
    (time: number) => {
      const media = mediaRef.current;
      if (!media) return;
      const target = clampTime(time, spanRef.current, duration);
      media.currentTime = Math.max(0, target - offsetRef.current);
      setCurrentTime(target);
    },
    [duration],
  );

  const seekBy = useCallback((delta: number) => seekTo((mediaRef.current?.currentTime ?? 0) + offsetRef.current + delta), [seekTo]);

  const toggleMute = useCallback(() => {
    const media = mediaRef.current;
    if (media) media.muted = !media.muted;
  }, []);

  const changeRate = useCallback((value: number) => {
    const media = mediaRef.current;
    if (media) media.playbackRate = value;
  }, []);

  const toggleFullscreen = useCallback(() => {
    const box = boxRef.current;
    if (!box) return;
    // The whole box goes full screen, not the <video>: the name overlay must stay on the picture.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void box.requestFullscreen?.().catch(() => undefined);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement & { type?: string };
    const command = commandForKey(event.key, { tagName: target.tagName, type: target.type });
    if (!command) return;
    event.preventDefault();
    if (command === 'toggle') togglePlay();
    else if (command === 'back') seekBy(-seekStepSeconds);
    else if (command === 'forward') seekBy(seekStepSeconds);
    else if (command === 'mute') toggleMute();
    else if (descriptor?.kind === 'video') toggleFullscreen();
  }

  function onScreenClick() {
    togglePlay();
    // Keys work from here on, as they would after clicking any media player.
    playButtonRef.current?.focus({ preventScroll: true });
  }

  if (problem?.kind === 'gone') {
    return (
      <Alert type="info" role="status" className="sk-player-problem">
        <Paragraph>{t('recordings.player.gone')}</Paragraph>
      </Alert>
    );
  }

  if (!descriptor && preparing && !problem) {
    return (
      <div className="sk-player sk-player--loading" aria-busy="true">
        <div className="sk-player__screen sk-player__screen--video" />
        <Paragraph role="status">{t('recordings.player.preparing')}</Paragraph>
      </div>
    );
  }

  if (!descriptor) {
    if (problem?.kind === 'failed') {
      return (
        <Alert type="error" role="alert">
          <Paragraph>{errorText(problem.error)}</Paragraph>
        </Alert>
      );
    }
    return (
      <div className="sk-player sk-player--loading" aria-busy="true">
        <div className="sk-player__screen sk-player__screen--video" />
        <Paragraph role="status">{t('recordings.player.loading')}</Paragraph>
      </div>
    );
  }

  const isVideo = descriptor.kind === 'video';

  return (
    <div
      ref={boxRef}
      className={`sk-player sk-player--${descriptor.kind}${fullscreen ? ' sk-player--fullscreen' : ''}`}
      role="group"
      aria-label={label}
      aria-describedby={helpId}
      onKeyDown={onKeyDown}
      // No "save video as" or "copy video address" on any part of the player.
      onContextMenu={(event) => event.preventDefault()}
    >
      <div className={`sk-player__screen sk-player__screen--${descriptor.kind}`} onClick={onScreenClick}>
        {isVideo ? (
          <video
            ref={(element) => {
              mediaRef.current = element;
            }}
            className="sk-player__video"
            data-starts-at={offset}
            poster={descriptor.posterUrl ?? undefined}
            playsInline
            preload="none"
            controlsList="nodownload noremoteplayback noplaybackrate"
            disablePictureInPicture
            disableRemotePlayback
            tabIndex={-1}
          />
        ) : (
          <>
            <audio
              ref={(element) => {
                mediaRef.current = element;
              }}
              data-starts-at={offset}
              preload="none"
              controlsList="nodownload noremoteplayback"
              tabIndex={-1}
            />
            <Waveform
              media={mediaRef}
              peaksUrl={descriptor.peaksUrl}
              span={span}
              duration={duration}
              cut={isCut}
              onReady={(ready) => {
                waveformReady.current = ready;
              }}
            />
          </>
        )}
        {isVideo && !descriptor.posterUrl && !started ? (
          // A shared fragment has no still from the whole recording (that could show what was not
          // shared); instead of a black screen, say what pressing play will show.
          <span className="sk-player__placeholder">{span ? t('recordings.player.placeholderSpan', { from: formatClock(span[0]), to: formatClock(span[1]) }) : t('recordings.player.placeholder')}</span>
        ) : null}
        <NameOverlay name={descriptor.viewerName} tone={isVideo ? 'light' : 'dark'} />
        {!playing ? (
          <span className="sk-player__big-play" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="36" height="36">
              <path d="M8 5.5v13l11-6.5z" fill="currentColor" />
            </svg>
          </span>
        ) : null}
      </div>
      <Controls
        playing={playing}
        currentTime={currentTime}
        duration={duration}
        span={span}
        muted={muted}
        rate={rate}
        fullscreen={fullscreen}
        canFullscreen={isVideo && typeof document !== 'undefined' && document.fullscreenEnabled}
        playButtonRef={playButtonRef}
        onTogglePlay={togglePlay}
        onSeek={seekTo}
        onSeekBy={seekBy}
        onToggleMute={toggleMute}
        onRate={changeRate}
        onToggleFullscreen={toggleFullscreen}
      />
      {problem?.kind === 'failed' ? (
        <Alert type="error" role="alert">
          <Paragraph>{errorText(problem.error)}</Paragraph>
        </Alert>
      ) : null}
      {problem?.kind === 'unsupported' ? (
        <Alert type="error" role="alert">
          <Paragraph>{t('recordings.player.unsupported')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph small id={helpId} className="sk-player__help">
        {t('recordings.player.watchingAs', { name: descriptor.viewerName })} {t('recordings.player.keys')}
      </Paragraph>
    </div>
  );
}

/** Withdrawn, deleted or never ours: the recording cannot be played any more. */
function isGone(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 410);
}
