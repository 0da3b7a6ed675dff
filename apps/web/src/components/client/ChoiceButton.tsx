import type { ReactNode } from 'react';
import { Pictogram, type PictogramName } from '../icons/Pictogram.js';

export interface ChoiceButtonProps {
  icon: PictogramName;
  label: string;
  /** One short line under the label. */
  description?: string | undefined;
  pressed: boolean;
  onPress: () => void;
  lang?: string;
  /** One of several that may all be chosen: a square mark like a checkbox, not a round one like a radio button. */
  multiple?: boolean;
}

/**
 * One answer as a large button with a pictogram: at least 48 px high (far more in practice), the
 * chosen state shown by border, background and a check mark, never by colour alone, and announced
 * through aria-pressed.
 */
export function ChoiceButton({ icon, label, description, pressed, onPress, lang, multiple = false }: ChoiceButtonProps) {
  return (
    <button type="button" className={multiple ? 'sk-choice-button sk-choice-button--multiple' : 'sk-choice-button'} aria-pressed={pressed} onClick={onPress} lang={lang}>
      <Pictogram name={icon} size={44} className="sk-choice-button__icon" />
      <span className="sk-choice-button__text">
        <span className="sk-choice-button__label">{label}</span>
        {description ? <span className="sk-choice-button__description">{description}</span> : null}
      </span>
      <span className="sk-choice-button__mark" aria-hidden="true">
        {pressed ? <Pictogram name="check" size={28} /> : null}
      </span>
    </button>
  );
}

/** The answers to one question, labelled by that question (usually the step's h1). */
export function ChoiceGroup({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div role="group" aria-labelledby={labelledBy} className="sk-choice-group">
      {children}
    </div>
  );
}
