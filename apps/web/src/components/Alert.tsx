import type { HTMLAttributes, Ref } from 'react';
import { cx } from './Heading.js';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export interface AlertProps extends HTMLAttributes<HTMLDivElement> {
  type?: AlertType;
  ref?: Ref<HTMLDivElement>;
}

/** NLDS alert box. Callers choose the live-region role, because not every alert should interrupt. */
export function Alert({ type = 'info', className, children, ...rest }: AlertProps) {
  return (
    <div {...rest} className={cx('utrecht-alert', `utrecht-alert--${type}`, 'sk-alert', className)}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
