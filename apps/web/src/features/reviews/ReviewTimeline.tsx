import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import { peaksSchema } from '@spreekkamer/shared';
import { formatClock } from '../recordings/format.js';
import { waveStyle } from '../recordings/player/wave-style.js';

export interface TimelineMoment {
  id: string;
  startSeconds: number;
  endSeconds: number;
  title: string;
}

export interface ReviewTimelineProps {
  peaksUrl: string;
  duration: number;
  moments: readonly TimelineMoment[];
  selectedId: string | null;
  /** The start and end marks set with [ and ], shown as thin lines. */
  marks: { start: number | null; end: number | null };
  time: number;
  onSeek(seconds: number): void;
  /** The person dragged out a new span on the waveform. */
  onDraw(start: number, end: number): void;
  /** A moment's region was moved or resized. */
  onChange(id: string, start: number, end: number): void;
  onSelect(id: string): void;
}

const regionColor = 'rgba(23, 96, 122, 0.22)';
const selectedColor = 'rgba(196, 98, 16, 0.32)';
const drawColor = 'rgba(196, 98, 16, 0.25)';

/**
 * The waveform of the whole recording with the moments as regions: drag on empty waveform to draw
 * a new moment, drag a region to move it, its edges to resize it, click to seek. Drawn from the
 * server's peaks, with its own silent media, so it never touches the player's element; the player
 * and this timeline stay in step through `time` and `onSeek`. Everything here can also be done with
 * the keyboard and the moment fields, so the drawing is hidden from screen readers.
 */
export function ReviewTimeline({ peaksUrl, duration, moments, selectedId, marks, time, onSeek, onDraw, onChange, onSelect }: ReviewTimelineProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement | null>(null);
  const waveRef = useRef<WaveSurfer | null>(null);
  const regionsRef = useRef<RegionsPlugin | null>(null);
  const programmatic = useRef(false);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const handlers = useRef({ onSeek, onDraw, onChange, onSelect });
  useEffect(() => {
    handlers.current = { onSeek, onDraw, onChange, onSelect };
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let wave: WaveSurfer | null = null;
    void (async () => {
      try {
        const response = await fetch(peaksUrl, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`peaks: HTTP ${response.status}`);
        const peaks = peaksSchema.parse(await response.json());
        if (cancelled) return;
        const regions = RegionsPlugin.create();
        wave = WaveSurfer.create({
          container,
          peaks: [peaks.peaks.length > 0 ? peaks.peaks : [0, 0]],
          duration: peaks.durationSeconds || duration,
          height: 96,
          ...waveStyle,
          plugins: [regions],
        });
        wave.on('interaction', (seconds) => handlers.current.onSeek(seconds));
        regions.enableDragSelection({ color: drawColor });
        regions.on('region-created', (region: Region) => {
          if (programmatic.current) return;
          // A drawn span becomes a draft moment; the saved moment comes back as its own region.
          const { start, end } = region;
          region.remove();
          handlers.current.onDraw(start, end);
        });
        regions.on('region-updated', (region: Region) => handlers.current.onChange(region.id, region.start, region.end));
        regions.on('region-clicked', (region: Region, event: MouseEvent) => {
          event.stopPropagation();
          handlers.current.onSelect(region.id);
        });
        waveRef.current = wave;
        regionsRef.current = regions;
        setReady(true);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      wave?.destroy();
      waveRef.current = null;
      regionsRef.current = null;
      setReady(false);
    };
  }, [peaksUrl, duration]);

  // Regions follow the saved moments.
  useEffect(() => {
    const regions = regionsRef.current;
    if (!ready || !regions) return;
    programmatic.current = true;
    regions.clearRegions();
    for (const moment of moments) {
      regions.addRegion({
        id: moment.id,
        start: moment.startSeconds,
        end: moment.endSeconds,
        color: moment.id === selectedId ? selectedColor : regionColor,
        content: moment.title,
        drag: true,
        resize: true,
        minLength: 0.5,
      });
    }
    programmatic.current = false;
  }, [ready, moments, selectedId]);

  useEffect(() => {
    if (ready) waveRef.current?.setTime(time);
  }, [ready, time]);

  const markStyle = (seconds: number | null) => (seconds !== null && duration > 0 ? { left: `${(seconds / duration) * 100}%` } : null);
  const startMark = markStyle(marks.start);
  const endMark = markStyle(marks.end);

  return (
    <div className="sk-review-timeline">
      <div className="sk-review-timeline__wave" aria-hidden="true">
        <div ref={containerRef} />
        {startMark ? <span className="sk-review-timeline__mark sk-review-timeline__mark--start" style={startMark} /> : null}
        {endMark ? <span className="sk-review-timeline__mark sk-review-timeline__mark--end" style={endMark} /> : null}
      </div>
      {failed ? <p className="sk-review-timeline__failed">{t('reviews.room.noWaveform')}</p> : null}
      <p className="sk-review-timeline__marks" aria-live="polite">
        {marks.start !== null ? t('reviews.room.markStart', { time: formatClock(marks.start) }) : t('reviews.room.noMarks')}
        {marks.end !== null ? ` ${t('reviews.room.markEnd', { time: formatClock(marks.end) })}` : ''}
      </p>
    </div>
  );
}
