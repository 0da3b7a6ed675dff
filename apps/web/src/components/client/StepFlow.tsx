import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram, type PictogramName } from '../icons/Pictogram.js';
import { stopReadingAloud } from './ReadAloud.js';

export interface StepFlowProps {
  /** Changes with every step: moves focus to the new heading and stops reading aloud. */
  stepKey: string | number;
  title: string;
  /** A large pictogram next to the heading. */
  icon?: PictogramName | undefined;
  children?: ReactNode;
  /** Leave out on the first step. */
  onBack?: (() => void) | undefined;
  onNext: () => void;
  nextLabel?: string | undefined;
  nextIcon?: PictogramName | undefined;
  backLabel?: string | undefined;
  /** When false, "next" explains what is missing instead of moving on (no disabled buttons). */
  ready?: boolean | undefined;
  notReadyMessage?: string | undefined;
  busy?: boolean | undefined;
  /** An error from the last attempt, e.g. the server refused. */
  error?: string | null | undefined;
  /** Gives the heading's id to the caller, e.g. to label a ChoiceGroup. */
  headingId?: string | undefined;
}

/**
 * One screen of a flow: heading, content, then "back" and "next" as real buttons in reading order.
 * It is a form, so Enter in a text field goes on. Focus moves to the heading on every step, so
 * screen reader and keyboard users start at the top of each new question.
 */
export function StepFlow({ stepKey, title, icon, children, onBack, onNext, nextLabel, nextIcon, backLabel, ready = true, notReadyMessage, busy, error, headingId }: StepFlowProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const titleId = headingId ?? `${generatedId}-title`;
  const heading = useRef<HTMLHeadingElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  // Remembers on which step "next" was pressed too early; the hint disappears once that is fixed.
  const [notReadyAt, setNotReadyAt] = useState<string | number | null>(null);
  const showNotReady = notReadyAt === stepKey && !ready;

  useEffect(() => {
    stopReadingAloud();
    heading.current?.focus();
  }, [stepKey]);

  const message = showNotReady ? (notReadyMessage ?? t('clientKit.chooseFirst')) : (error ?? null);

  useEffect(() => {
    if (message) problem.current?.focus();
  }, [message]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!ready) {
      setNotReadyAt(stepKey);
      return;
    }
    onNext();
  }

  return (
    <form className="sk-step" onSubmit={submit} noValidate>
      <div className="sk-step__heading">
        {icon ? <Pictogram name={icon} size={56} className="sk-step__icon" /> : null}
        <h1 id={titleId} ref={heading} tabIndex={-1}>
          {title}
        </h1>
      </div>
      <div className="sk-step__body">{children}</div>
      {message ? (
        <div ref={problem} tabIndex={-1} role="alert" className="sk-client-alert">
          <Pictogram name="question" size={32} />
          <p>{message}</p>
        </div>
      ) : null}
      <div className="sk-step__nav">
        {onBack ? (
          <button type="button" className="sk-client-button sk-client-button--secondary" onClick={onBack}>
            <Pictogram name="arrowLeft" size={28} className="sk-flip-rtl" />
            <span>{backLabel ?? t('clientKit.back')}</span>
          </button>
        ) : null}
        <button type="submit" className="sk-client-button sk-client-button--primary" aria-disabled={busy ? true : undefined}>
          <span>{busy ? t('clientKit.busy') : (nextLabel ?? t('clientKit.next'))}</span>
          <Pictogram name={nextIcon ?? 'arrowRight'} size={28} className={nextIcon ? undefined : 'sk-flip-rtl'} />
        </button>
      </div>
    </form>
  );
}
