import { useId, type ReactNode } from 'react';
import { percent } from './format.js';

export interface ProgressBarProps {
  label: ReactNode;
  /** 0..1, or null while the amount is not known yet. */
  value: number | null;
  /** Extra detail under the bar ("12 MB of 45 MB"). */
  detail?: ReactNode;
}

/** A native <progress> (screen readers know it) with its label and the percentage written out. */
export function ProgressBar({ label, value, detail }: ProgressBarProps) {
  const id = useId();
  const pct = value === null ? null : percent(value);
  return (
    <div className="sk-progress">
      <div className="sk-progress__head">
        <label htmlFor={id} className="utrecht-form-label sk-progress__label">
          {label}
        </label>
        {pct === null ? null : (
          <span className="sk-progress__value" aria-hidden="true">
            {pct}%
          </span>
        )}
      </div>
      {pct === null ? (
        <progress id={id} className="sk-progress__bar" />
      ) : (
        <progress id={id} className="sk-progress__bar" max={100} value={pct}>
          {pct}%
        </progress>
      )}
      {detail ? <p className="utrecht-paragraph utrecht-paragraph--small sk-progress__detail">{detail}</p> : null}
    </div>
  );
}
