import type { HTMLAttributes, Ref } from 'react';

type Level = 1 | 2 | 3 | 4;

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: Level;
  ref?: Ref<HTMLHeadingElement>;
}

/** NLDS heading: the level sets both the element and the style. */
export function Heading({ level, className, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag {...rest} className={cx(`utrecht-heading-${level}`, className)} />;
}

export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
