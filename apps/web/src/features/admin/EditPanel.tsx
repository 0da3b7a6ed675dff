import { useEffect, useRef, type ReactNode } from 'react';
import { TextField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';

export interface EditPanelProps {
  /** Id of the heading, which names the panel. */
  titleId: string;
  title: string;
  children?: ReactNode;
}

/**
 * A panel above a list for changing one of its rows. Its heading takes focus when it opens, so
 * keyboard and screen reader users land in it.
 */
export function EditPanel({ titleId, title, children }: EditPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="sk-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * After an edit panel closes: focus goes back to the button that opened it, once it is rendered,
 * so keyboard users do not start over at the top.
 */
export function focusWhenRendered(elementId: string): void {
  requestAnimationFrame(() => document.getElementById(elementId)?.focus());
}

export interface NameFieldProps {
  field: { id: string; label: string };
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The required name of a person or team; not the administrator's own, so no autocomplete. */
export function NameField({ field, value, onChange, error }: NameFieldProps) {
  return (
    <TextField id={field.id} label={field.label} autoComplete="off" required value={value} error={error} onChange={onChange} />
  );
}
