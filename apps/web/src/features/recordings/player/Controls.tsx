import { useId, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../format.js';
import { intlLocale } from '../../../lib/format.js';
import { playbackRates, seekStepSeconds, type Span } from './playback-math.js';

export interface ControlsProps {
  playing: boolean;
  currentTime: number;
  duration: number;
  span: Span | null;
  muted: boolean;
  rate: number;
  fullscreen: boolean;
  canFullscreen: boolean;
  playButtonRef: Ref<HTMLButtonElement>;
  onTogglePlay: () => void;
  onSeek: (time: number) => void;
  onSeekBy: (delta: number) => void;
  onToggleMute: () => void;
  onRate: (rate: number) => void;
  onToggleFullscreen: () => void;
}

function ControlButton({
  label,
  onClick,
  pressed,
  children,
  ref,
}: {
  label: string;
  onClick: () => void;
  pressed?: boolean;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button ref={ref} type="button" className="sk-player__button" aria-pressed={pressed} onClick={onClick} title={label}>
      {children}
      <span className="sk-visually-hidden">{label}</span>
    </button>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" className="sk-icon">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

const icons = {
  play: 'M8 5.5v13l11-6.5z',
  pause: 'M7 5h3.5v14H7zM13.5 5H17v14h-3.5z',
  back: 'M12.5 6V3L7 7.5l5.5 4.5V9a5 5 0 1 1-5 5H5.5a7 7 0 1 0 7-8z',
  forward: 'M11.5 6V3L17 7.5 11.5 12V9a5 5 0 1 0 5 5h2a7 7 0 1 1-7-8z',
  volume: 'M4 9.5h4L13 5v14l-5-4.5H4zM15.5 8.5a4.5 4.5 0 0 1 0 7l-1.2-1.3a2.7 2.7 0 0 0 0-4.4zM17.6 5.7a8.3 8.3 0 0 1 0 12.6l-1.2-1.3a6.5 6.5 0 0 0 0-10z',
  muted: 'M4 9.5h4L13 5v14l-5-4.5H4zM15.3 9.4l1.3-1.3 2.2 2.2 2.2-2.2 1.3 1.3-2.2 2.2 2.2 2.2-1.3 1.3-2.2-2.2-2.2 2.2-1.3-1.3 2.2-2.2z',
  fullscreen: 'M4 4h6v2H6v4H4zM14 4h6v6h-2V6h-4zM4 14h2v4h4v2H4zM18 14h2v6h-6v-2h4z',
  exitFullscreen: 'M8 4h2v6H4V8h4zM14 4h2v4h4v2h-6zM4 14h6v6H8v-4H4zM14 14h6v2h-4v4h-2z',
} as const;

/** Real buttons with names, a labelled position slider and a speed choice; all usable by keyboard. */
export function Controls({ playButtonRef, ...props }: ControlsProps) {
  const { t, i18n } = useTranslation();
  const speedId = useId();
  const { span, duration, currentTime } = props;
  const min = span ? span[0] : 0;
  const max = Math.max(min, span ? span[1] : duration);
  // The recording's own clock, never a time outside the fragment (before play the media is still at 0).
  const shown = Math.min(Math.max(currentTime, min), max);
  const number = new Intl.NumberFormat(intlLocale(i18n.language));

  return (
    <div className="sk-player__controls">
      <ControlButton
        ref={playButtonRef}
        label={props.playing ? t('recordings.player.pause') : t('recordings.player.play')}
        onClick={props.onTogglePlay}
      >
        <Icon d={props.playing ? icons.pause : icons.play} />
      </ControlButton>
      <ControlButton label={t('recordings.player.back', { seconds: seekStepSeconds })} onClick={() => props.onSeekBy(-seekStepSeconds)}>
        <Icon d={icons.back} />
      </ControlButton>
      <ControlButton label={t('recordings.player.forward', { seconds: seekStepSeconds })} onClick={() => props.onSeekBy(seekStepSeconds)}>
        <Icon d={icons.forward} />
      </ControlButton>
      <span className="sk-player__time">
        <span>{formatClock(shown)}</span>
        <span aria-hidden="true"> / </span>
        <span className="sk-visually-hidden"> {t('recordings.player.of')} </span>
        <span>{formatClock(max)}</span>
      </span>
      <input
        type="range"
        className="sk-player__seek"
        min={min}
        max={max}
        step={1}
        value={Math.min(Math.max(currentTime, min), max)}
        aria-label={t('recordings.player.position')}
        aria-valuetext={t('recordings.player.positionText', { current: formatClock(shown), total: formatClock(max) })}
        onChange={(event) => props.onSeek(Number(event.target.value))}
      />
      <ControlButton
        label={t('recordings.player.mute')}
        pressed={props.muted}
        onClick={props.onToggleMute}
      >
        <Icon d={props.muted ? icons.muted : icons.volume} />
      </ControlButton>
      <span className="sk-player__speed">
        <label htmlFor={speedId} className="sk-player__speed-label">
          {t('recordings.player.speed')}
        </label>
        <select
          id={speedId}
          className="utrecht-select utrecht-select--html-select sk-player__select"
          value={props.rate}
          onChange={(event) => props.onRate(Number(event.target.value))}
        >
          {playbackRates.map((rate) => (
            <option key={rate} value={rate}>
              {number.format(rate)}×
            </option>
          ))}
        </select>
      </span>
      {props.canFullscreen ? (
        <ControlButton
          label={props.fullscreen ? t('recordings.player.exitFullscreen') : t('recordings.player.fullscreen')}
          onClick={props.onToggleFullscreen}
        >
          <Icon d={props.fullscreen ? icons.exitFullscreen : icons.fullscreen} />
        </ControlButton>
      ) : null}
    </div>
  );
}
