import type { ButtonHTMLAttributes } from 'react';
import { Pictogram, type PictogramName } from '../icons/Pictogram.js';

export interface ClientButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: 'primary' | 'secondary' | 'quiet';
  icon?: PictogramName | undefined;
}

/** A large button (≥ 56 px high) for client pages, with an optional pictogram before the text. */
export function ClientButton({ appearance = 'primary', icon, className, children, type = 'button', ...rest }: ClientButtonProps) {
  return (
    <button {...rest} type={type} className={['sk-client-button', `sk-client-button--${appearance}`, className].filter(Boolean).join(' ')}>
      {icon ? <Pictogram name={icon} size={28} /> : null}
      <span>{children}</span>
    </button>
  );
}
