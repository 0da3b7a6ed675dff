import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Hls from 'hls.js';
import { contract, type PlaybackDescriptor } from '@spreekkamer/shared';
import { ApiError, call } from '../../api/client.js';
import { ClientButton } from '../../components/client/index.js';
import { formatClock } from '../../features/recordings/format.js';
import { withToken } from '../../features/recordings/player/playback-math.js';

export interface ClientFragmentPlayerProps {
  shareId: string;
  kind: 'video' | 'audio';
  number: number;
  range: readonly [number, number];
}

type State = 'idle' | 'loading' | 'ready' | 'needsReviewer' | 'failed';

/**
 * One fragment for the client: sound first, with one large play/pause button and the time in
 * words; the picture only when the client asks for it. It plays only inside the fragment. The
 * server lets it play only with the reviewer logged in on the same device.
 */
export function ClientFragmentPlayer({ shareId, kind, number, range }: ClientFragmentPlayerProps) {
  const { t } = useTranslation();
  const mediaRef = useRef<HTMLVideoElement | null>(null);
  const hlsRef = useRef<Hls | null>(null);
  const descriptorRef = useRef<PlaybackDescriptor | null>(null);
  const [state, setState] = useState<State>('idle');
  const [playing, setPlaying] = useState(false);
  // Stays true once sound has really played, so a test (or a person) can see it did without catching a moment.
  const [played, setPlayed] = useState(false);
  const [time, setTime] = useState(range[0]);
  const [showPicture, setShowPicture] = useState(false);
  const length = Math.max(0, range[1] - range[0]);
  // The fragment is its own exact cut: its media starts at 0, which is range[0] on the recording's clock.
  const offsetRef = useRef(0);

  useEffect(
    () => () => {
      hlsRef.current?.destroy();
    },
    [],
  );

  useEffect(() => {
    const media = mediaRef.current;
    if (!media) return;
    const onTime = () => {
      const off = offsetRef.current;
      const clock = media.currentTime + off;
      setTime(clock);
      if (clock >= range[1] - 0.05) {
        media.pause();
        media.currentTime = Math.max(0, range[0] - off);
      } else if (clock < range[0] - 0.5) media.currentTime = Math.max(0, range[0] - off);
    };
    const onState = () => setPlaying(!media.paused && !media.ended);
    const onPlaying = () => {
      setPlayed(true);
      onState();
    };
    media.addEventListener('playing', onPlaying);
    media.addEventListener('timeupdate', onTime);
    media.addEventListener('play', onState);
    media.addEventListener('pause', onState);
    return () => {
      media.removeEventListener('playing', onPlaying);
      media.removeEventListener('timeupdate', onTime);
      media.removeEventListener('play', onState);
      media.removeEventListener('pause', onState);
    };
  }, [range]);

  async function descriptor(): Promise<PlaybackDescriptor> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const fresh = await call(contract.clientReviews.talkPlayback, { params: { shareId }, query: { fragment: number } });
        descriptorRef.current = fresh;
        offsetRef.current = fresh.startsAtSeconds;
        return fresh;
      } catch (error) {
        // Still being prepared: the button stays busy and we ask again shortly.
        if (!(error instanceof ApiError && error.code === 'span_preparing') || attempt >= 90) throw error;
        await new Promise((resolve) => window.setTimeout(resolve, 2_000));
      }
    }
  }

  async function start() {
    const media = mediaRef.current;
    if (!media) return;
    setState('loading');
    try {
      const source = await descriptor();
      if (Hls.isSupported()) {
        const hls = new Hls({
          startPosition: Math.max(0, range[0] - source.startsAtSeconds),
          xhrSetup: (xhr, url) => xhr.open('GET', withToken(url, descriptorRef.current?.token ?? '', window.location.href), true),
        });
        hlsRef.current = hls;
        hls.on(Hls.Events.MANIFEST_PARSED, () => {
          setState('ready');
          void media.play().catch(() => undefined);
        });
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) setState('failed');
        });
        hls.loadSource(source.playlistUrl);
        hls.attachMedia(media);
      } else if (media.canPlayType('application/vnd.apple.mpegurl')) {
        media.src = source.playlistUrl;
        media.addEventListener('loadedmetadata', () => (media.currentTime = Math.max(0, range[0] - source.startsAtSeconds)), { once: true });
        setState('ready');
        void media.play().catch(() => undefined);
      } else setState('failed');
    } catch (error) {
      setState(error instanceof ApiError && error.code === 'unauthenticated' ? 'needsReviewer' : 'failed');
    }
  }

  function toggle() {
    const media = mediaRef.current;
    if (!media) return;
    if (state === 'idle' || state === 'failed') {
      void start();
      return;
    }
    if (media.paused) void media.play().catch(() => undefined);
    else media.pause();
  }

  const position = Math.min(Math.max(time - range[0], 0), length);
  return (
    <div
      className="sk-client-fragment"
      data-state={state === 'ready' ? (playing ? 'playing' : 'paused') : state}
      data-played={played ? 'true' : 'false'}
      aria-busy={state === 'loading'}
      onContextMenu={(event) => event.preventDefault()}
    >
      <h4 className="sk-client-card__title">{t('reviews.client.fragment', { number, length: formatClock(length) })}</h4>
      {/* Always a <video> element: it plays sound alone until the client asks for the picture. */}
      <video ref={mediaRef} className={showPicture && kind === 'video' ? 'sk-client-fragment__video' : 'sk-visually-hidden'} playsInline preload="none" controlsList="nodownload" disablePictureInPicture tabIndex={-1} aria-hidden={!showPicture} />
      <div className="sk-client-fragment__controls">
        <ClientButton icon={playing ? 'speakerOff' : 'speaker'} aria-pressed={playing} onClick={toggle} disabled={state === 'loading'}>
          {playing ? t('reviews.client.pause', { number }) : t('reviews.client.play', { number })}
        </ClientButton>
        {kind === 'video' ? (
          <ClientButton appearance="secondary" icon="eye" aria-pressed={showPicture} onClick={() => setShowPicture((on) => !on)}>
            {showPicture ? t('reviews.client.hidePicture') : t('reviews.client.showPicture')}
          </ClientButton>
        ) : null}
      </div>
      <p className="sk-client-hint" aria-live="off">
        {t('reviews.client.position', { position: formatClock(position), length: formatClock(length) })}
      </p>
      {state === 'needsReviewer' ? (
        <div role="alert" className="sk-client-alert">
          <p>{t('reviews.client.needsReviewer')}</p>
        </div>
      ) : null}
      {state === 'failed' ? (
        <div role="alert" className="sk-client-alert">
          <p>{t('reviews.client.playFailed')}</p>
        </div>
      ) : null}
    </div>
  );
}
