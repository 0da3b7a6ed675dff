import type { ReactNode } from 'react';
import { Button } from '@utrecht/button-react';

export interface SubmitActionsProps {
  label: string;
  busy: boolean;
  /** Secondary where submitting switches something off and should not draw the eye. */
  appearance?: 'primary-action-button' | 'secondary-action-button';
  /** More buttons after the submit button (cancel, close). */
  children?: ReactNode;
}

/** A form's row of actions: its submit button first, then any others. */
export function SubmitActions({ label, busy, appearance = 'primary-action-button', children }: SubmitActionsProps) {
  return (
    <div className="sk-actions">
      <Button type="submit" appearance={appearance} busy={busy}>
        {label}
      </Button>
      {children}
    </div>
  );
}
