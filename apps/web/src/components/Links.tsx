import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';
import { cx } from './Heading.js';

/** In-app link with NLDS link styling. */
export function Link({ className, ...rest }: RouterLinkProps) {
  return <RouterLink {...rest} className={cx('utrecht-link', 'utrecht-link--html-a', className)} />;
}

export interface ButtonLinkProps extends RouterLinkProps {
  appearance?: 'primary-action' | 'secondary-action' | 'subtle';
}

/** A link that looks like a button: for navigation that reads as an action ("Invite someone"). */
export function ButtonLink({ appearance = 'secondary-action', className, ...rest }: ButtonLinkProps) {
  return (
    <RouterLink
      {...rest}
      className={cx('utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance}`, className)}
    />
  );
}
