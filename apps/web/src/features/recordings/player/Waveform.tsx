import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import { peaksSchema } from '@spreekkamer/shared';
import type { Span } from './playback-math.js';

export interface WaveformProps {
  media: RefObject<HTMLVideoElement | HTMLAudioElement | null>;
  peaksUrl: string;
  span: Span | null;
  duration: number;
  /** Receives a promise that settles once the waveform holds the media element (or gave up). */
  onReady: (ready: Promise<void>) => void;
}

/**
 * The waveform of a sound-only recording, drawn from the server's peaks (nothing is decoded in
 * the browser) against the player's own media element, so clicking it seeks the same playback.
 * It must be created before hls.js gives the element its source: wavesurfer resets a source it
 * finds when it loads peaks. Decorative for screen readers; the position slider does the same.
 */
export function Waveform({ media, peaksUrl, span, duration, onReady }: WaveformProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [failed, setFailed] = useState(false);
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
        wavesurfer = WaveSurfer.create({
          container,
          media: element,
          peaks: [peaks.peaks],
          duration: peaks.durationSeconds,
          height: 112,
          waveColor: '#8fb0bb',
          progressColor: '#17607a',
          cursorColor: '#0d3a4a',
          cursorWidth: 2,
          barWidth: 2,
          barGap: 1,
          barRadius: 2,
          normalize: true,
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
  }, [media, peaksUrl]);

  const shade =
    span && duration > 0
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
