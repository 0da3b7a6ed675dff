import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface PlayerMedia {
  media: HTMLMediaElement | null;
  /** Position in seconds on the recording's clock, updated as it plays. */
  time: number;
  playing: boolean;
  rate: number;
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  setRate(rate: number): void;
}

/**
 * Where the element's time 0 lies on the recording's clock: the player marks an exact cut of a
 * shared span with `data-starts-at`; the review tools always speak the recording's clock.
 */
function offsetOf(media: HTMLMediaElement): number {
  const value = Number(media.dataset.startsAt ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function isStarted(media: HTMLMediaElement): boolean {
  return Boolean(media.currentSrc) || media.readyState > 0;
}

/**
 * Reaches the media element inside the recordings feature's <Player> (a <video> or <audio> in
 * the box we wrap it in). The player keeps its own state in step with the element's events, so
 * the review tools can drive the element directly. Before the first play the player has not
 * loaded anything yet; then "play" and "seek" start it through its own screen first.
 */
export function usePlayerMedia(container: RefObject<HTMLElement | null>): PlayerMedia {
  const [media, setMedia] = useState<HTMLMediaElement | null>(null);
  const mediaRef = useRef<HTMLMediaElement | null>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);
  const pendingSeek = useRef<number | null>(null);

  // The player renders its media element once its descriptor is there; watch for it.
  useEffect(() => {
    const box = container.current;
    if (!box) return;
    const find = () => {
      const found = box.querySelector<HTMLMediaElement>('video, audio');
      mediaRef.current = found;
      setMedia(found);
    };
    find();
    const observer = new MutationObserver(find);
    observer.observe(box, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);

  useEffect(() => {
    if (!media) return;
    const sync = () => {
      setTime(media.currentTime + offsetOf(media));
      setPlaying(!media.paused && !media.ended);
      setRateState(media.playbackRate);
    };
    const applyPending = () => {
      const element = mediaRef.current;
      if (!element || pendingSeek.current === null || element.readyState < 1) return;
      element.currentTime = pendingSeek.current;
      pendingSeek.current = null;
    };
    const events = ['timeupdate', 'play', 'pause', 'seeked', 'ratechange', 'ended'];
    events.forEach((name) => media.addEventListener(name, sync));
    media.addEventListener('loadedmetadata', applyPending);
    media.addEventListener('canplay', applyPending);
    return () => {
      events.forEach((name) => media.removeEventListener(name, sync));
      media.removeEventListener('loadedmetadata', applyPending);
      media.removeEventListener('canplay', applyPending);
    };
  }, [media]);

  const start = useCallback(() => {
    mediaRef.current?.closest('.sk-player')?.querySelector<HTMLElement>('.sk-player__screen')?.click();
  }, []);

  const play = useCallback(() => {
    const element = mediaRef.current;
    if (!element) return;
    if (!isStarted(element)) start();
    else void element.play().catch(() => undefined);
  }, [start]);

  const pause = useCallback(() => mediaRef.current?.pause(), []);

  const seek = useCallback(
    (seconds: number) => {
      const element = mediaRef.current;
      if (!element) return;
      const target = Math.max(0, seconds);
      setTime(target);
      // Stored and applied as the element's own time.
      const mediaTarget = Math.max(0, target - offsetOf(element));
      if (!isStarted(element)) {
        pendingSeek.current = mediaTarget;
        start();
        return;
      }
      if (element.readyState < 1) pendingSeek.current = mediaTarget;
      else element.currentTime = mediaTarget;
    },
    [start],
  );

  const setRate = useCallback((value: number) => {
    const element = mediaRef.current;
    if (element) element.playbackRate = value;
  }, []);

  return { media, time, playing, rate, play, pause, seek, setRate };
}
