import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import { peaksSchema } from '@spreekkamer/shared';
import type { Span } from './playback-math.js';
import { waveStyle } from './wave-style.js';

export interface WaveformProps {
  media: RefObject<HTMLVideoElement | HTMLAudioElement | null>;
  peaksUrl: string;
  span: Span | null;
  duration: number;
  /** Receives a promise that settles once the waveform holds the media element (or gave up). */
  onReady: (ready: Promise<void>) => void;
  /**
   * The media is an exact cut of `span` (its time 0 is span[0]): only the span's part of the
   * waveform is drawn, so the cursor follows the cut's own clock.
   */
  cut?: boolean;
}

/**
 * The waveform of a sound-only recording, drawn from the server's peaks (nothing is decoded in
 * the browser) against the player's own media element, so clicking it seeks the same playback.
 * It must be created before hls.js gives the element its source: wavesurfer resets a source it
 * finds when it loads peaks. Decorative for screen readers; the position slider does the same.
 */
export function Waveform({ media, peaksUrl, span, duration, onReady, cut = false }: WaveformProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [failed, setFailed] = useState(false);
  const cutFrom = cut && span ? span[0] : null;
  const cutTo = cut && span ? span[1] : null;
  const onReadyRef = useRef(onReady);

  useEffect(() => {
    onReadyRef.current = onReady;
  }, [onReady]);

  useEffect(() => {
    const container = containerRef.current;
    const element = media.current;
    if (!container || !element) return;
    let wavesurfer: WaveSurfer | null = null;
    let cancelled = false;
    const ready = (async () => {
      try {
        const response = await fetch(peaksUrl, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`peaks: HTTP ${response.status}`);
        const peaks = peaksSchema.parse(await response.json());
        if (cancelled) return;
        const drawn = cutFrom !== null && cutTo !== null ? spanOfPeaks(peaks.peaks, peaks.durationSeconds, [cutFrom, cutTo]) : { peaks: peaks.peaks, duration: peaks.durationSeconds };
        wavesurfer = WaveSurfer.create({
          container,
          media: element,
          peaks: [drawn.peaks],
          duration: drawn.duration,
          height: 112,
          ...waveStyle,
          dragToSeek: true,
        });
      } catch {
        // Playing works without the picture of the sound.
        if (!cancelled) setFailed(true);
      }
    })();
    onReadyRef.current(ready);
    return () => {
      cancelled = true;
      wavesurfer?.destroy();
    };
  }, [media, peaksUrl, cutFrom, cutTo]);

  const shade =
    span && duration > 0 && !cut
      ? { left: `${(span[0] / duration) * 100}%`, width: `${((span[1] - span[0]) / duration) * 100}%` }
      : null;

  return (
    <div className="sk-waveform" aria-hidden="true">
      <div ref={containerRef} className="sk-waveform__canvas" />
      {shade ? <div className="sk-waveform__span" style={shade} /> : null}
      {failed ? <p className="sk-waveform__failed">{t('recordings.player.noWaveform')}</p> : null}
    </div>
  );
}

/** The peaks of [from, to) only, for a cut that holds exactly that span. */
function spanOfPeaks(peaks: readonly number[], durationSeconds: number, span: Span): { peaks: number[]; duration: number } {
  const step = peaks.length > 0 ? durationSeconds / peaks.length : 0;
  if (step <= 0) return { peaks: [...peaks], duration: Math.max(0, span[1] - span[0]) };
  return { peaks: peaks.slice(Math.floor(span[0] / step), Math.ceil(span[1] / step)), duration: Math.max(0, span[1] - span[0]) };
}
