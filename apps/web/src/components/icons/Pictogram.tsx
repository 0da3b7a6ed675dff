// Longer than 350 lines on purpose — drawing data: every pictogram's shapes in one table, so the kit stays consistent.
import type { ReactElement, SVGAttributes } from 'react';

/**
 * Our own pictograms (see LICENSE.md): drawn on a 48×48 grid with round 3-unit strokes in
 * currentColor, so they follow the text colour and stay legible on a cheap phone screen.
 * Keep shapes simple and literal; a pictogram must be understandable without reading.
 */
const shapes = {
  video: (
    <>
      <rect x="5" y="13" width="27" height="22" rx="4" />
      <path d="M32 21l11-6v18l-11-6z" />
    </>
  ),
  microphone: (
    <>
      <rect x="18" y="5" width="12" height="22" rx="6" />
      <path d="M11 22v2a13 13 0 0 0 26 0v-2M24 37v6M16 43h16" />
    </>
  ),
  noRecording: (
    <>
      <circle cx="24" cy="24" r="18" />
      <circle cx="24" cy="24" r="6" fill="currentColor" />
      <path d="M11 11l26 26" />
    </>
  ),
  eye: (
    <>
      <path d="M4 24s8-13 20-13 20 13 20 13-8 13-20 13S4 24 4 24z" />
      <circle cx="24" cy="24" r="6" />
    </>
  ),
  person: (
    <>
      <circle cx="24" cy="15" r="8" />
      <path d="M9 43c0-9 6.5-15 15-15s15 6 15 15" />
    </>
  ),
  personAndCoach: (
    <>
      <circle cx="16" cy="15" r="6" />
      <path d="M5 40c0-7 4.5-12 11-12s11 5 11 12" />
      <circle cx="34" cy="17" r="5" />
      <path d="M27 40c.5-6 3-9.5 7-9.5s7.5 3.5 8 9.5" />
      <path d="M38 6l2 2 4-4" />
    </>
  ),
  group: (
    <>
      <circle cx="24" cy="13" r="6" />
      <path d="M13 38c0-7 4.5-12 11-12s11 5 11 12" />
      <circle cx="10" cy="19" r="4.5" />
      <path d="M3 40c0-5.5 3-9 7-9" />
      <circle cx="38" cy="19" r="4.5" />
      <path d="M45 40c0-5.5-3-9-7-9" />
    </>
  ),
  watchTogether: (
    <>
      <rect x="6" y="6" width="36" height="22" rx="3" />
      <path d="M21 12l8 5-8 5z" fill="currentColor" />
      <circle cx="16" cy="35" r="4" />
      <circle cx="32" cy="35" r="4" />
      <path d="M9 45c0-3.5 3-6 7-6s7 2.5 7 6M25 45c0-3.5 3-6 7-6s7 2.5 7 6" />
    </>
  ),
  speechBubble: (
    <>
      <path d="M6 11a5 5 0 0 1 5-5h26a5 5 0 0 1 5 5v16a5 5 0 0 1-5 5H20l-9 9v-9a5 5 0 0 1-5-5z" />
      <path d="M15 16h18M15 23h12" />
    </>
  ),
  calendar: (
    <>
      <rect x="6" y="9" width="36" height="33" rx="4" />
      <path d="M6 19h36M16 5v8M32 5v8" />
      <path d="M14 27h4M22 27h4M30 27h4M14 34h4M22 34h4" />
    </>
  ),
  clock: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M24 13v11l7 5" />
    </>
  ),
  check: <path d="M9 25l10 10 20-21" />,
  cross: <path d="M13 13l22 22M35 13L13 35" />,
  pen: (
    <>
      <path d="M9 39l3-11L32 8l8 8-20 20z" />
      <path d="M27 13l8 8M6 44h36" />
    </>
  ),
  trash: (
    <>
      <path d="M8 13h32M19 13V7h10v6" />
      <path d="M12 13l2.5 29h19L36 13" />
      <path d="M20 20v15M28 20v15" />
    </>
  ),
  shield: (
    <>
      <path d="M24 4l17 6v12c0 10.5-7 18-17 22C14 40 7 32.5 7 22V10z" />
      <path d="M16 24l6 6 11-12" />
    </>
  ),
  lock: (
    <>
      <rect x="9" y="21" width="30" height="22" rx="4" />
      <path d="M15 21v-6a9 9 0 0 1 18 0v6" />
      <path d="M24 29v6" />
    </>
  ),
  key: (
    <>
      <circle cx="15" cy="24" r="9" />
      <path d="M24 24h19M37 24v7M31 24v5" />
    </>
  ),
  paper: (
    <>
      <path d="M11 4h18l9 9v31H11z" />
      <path d="M29 4v9h9M17 22h14M17 29h14M17 36h9" />
    </>
  ),
  printer: (
    <>
      <path d="M13 17V5h22v12" />
      <rect x="5" y="17" width="38" height="17" rx="3" />
      <path d="M13 28h22v15H13z" />
    </>
  ),
  phone: (
    <>
      <rect x="14" y="4" width="20" height="40" rx="4" />
      <path d="M21 37h6" />
    </>
  ),
  tablet: (
    <>
      <rect x="6" y="8" width="36" height="32" rx="4" />
      <path d="M21 34h6" />
    </>
  ),
  speaker: (
    <>
      <path d="M7 18h8l10-9v30l-10-9H7z" />
      <path d="M32 17a9 9 0 0 1 0 14M37 12a16 16 0 0 1 0 24" />
    </>
  ),
  speakerOff: (
    <>
      <path d="M7 18h8l10-9v30l-10-9H7z" />
      <path d="M32 19l10 10M42 19L32 29" />
    </>
  ),
  globe: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M6 24h36M24 6c5 5 7.5 11 7.5 18S29 37 24 42c-5-5-7.5-11-7.5-18S19 11 24 6z" />
    </>
  ),
  arrowLeft: <path d="M40 24H9M20 13L9 24l11 11" />,
  arrowRight: <path d="M8 24h31M28 13l11 11-11 11" />,
  question: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M18 19a6 6 0 1 1 8.5 5.5c-1.7.8-2.5 2-2.5 3.5v2" />
      <circle cx="24" cy="35" r="1.5" fill="currentColor" />
    </>
  ),
  heart: <path d="M24 41S6 30 6 17a9 9 0 0 1 18-3 9 9 0 0 1 18 3c0 13-18 24-18 24z" />,
  home: (
    <>
      <path d="M6 22L24 7l18 15" />
      <path d="M11 19v23h26V19M20 42V30h8v12" />
    </>
  ),
  // Client feedback: theme cards, sub-topics, the conversation sheet and the five faces.
  themeCollaboration: (
    <>
      <path d="M5 9h22a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3H14l-6 5v-5H5a3 3 0 0 1-3-3V12a3 3 0 0 1 3-3z" />
      <path d="M34 17h9a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3h-2v5l-6-5h-9a3 3 0 0 1-3-3v-1" />
    </>
  ),
  themeAchievement: (
    <>
      <path d="M12 43V6" />
      <path d="M12 8h24l-6 7 6 7H12" />
      <path d="M5 43h16" />
    </>
  ),
  themeFit: (
    <path d="M8 14h9a4.5 4.5 0 1 1 9 0h9v9a4.5 4.5 0 1 1 0 9v9H26a4.5 4.5 0 1 0-9 0H8v-9a4.5 4.5 0 1 0 0-9z" />
  ),
  themeOther: (
    <>
      <path d="M7 8h34a3 3 0 0 1 3 3v19a3 3 0 0 1-3 3H20l-9 8v-8H7a3 3 0 0 1-3-3V11a3 3 0 0 1 3-3z" />
      <path d="M24 14v13M17.5 20.5h13" />
    </>
  ),
  subConnection: (
    <>
      <circle cx="18" cy="24" r="10" />
      <circle cx="30" cy="24" r="10" />
    </>
  ),
  subOpenness: (
    <>
      <path d="M10 43V6h22v37" />
      <path d="M10 6l14 5v35l-14-3" />
      <path d="M5 43h34" />
      <circle cx="19" cy="27" r="1.5" fill="currentColor" />
    </>
  ),
  subListening: (
    <path d="M16 34c0 5 3 8 7 8s6-3 6-6c0-5 9-8 9-18a13 13 0 0 0-26 0M19 19a6 6 0 0 1 12 0c0 4-4 5-4 8" />
  ),
  subGoal: (
    <>
      <circle cx="24" cy="24" r="18" />
      <circle cx="24" cy="24" r="11" />
      <circle cx="24" cy="24" r="3.5" fill="currentColor" />
    </>
  ),
  subTopics: (
    <>
      <path d="M19 12h22M19 24h22M19 36h22" />
      <circle cx="9" cy="12" r="2.5" fill="currentColor" />
      <circle cx="9" cy="24" r="2.5" fill="currentColor" />
      <circle cx="9" cy="36" r="2.5" fill="currentColor" />
    </>
  ),
  subAgreements: (
    <>
      <rect x="9" y="5" width="30" height="38" rx="3" />
      <path d="M15 16l3 3 6-6M28 16h5M15 29l3 3 6-6M28 29h5" />
    </>
  ),
  subResult: <path d="M24 5l5.6 12 13 1.5-9.7 8.8 2.7 12.9L24 33.6l-11.6 6.6 2.7-12.9-9.7-8.8 13-1.5z" />,
  subSituation: (
    <>
      <path d="M5 22L24 7l19 15" />
      <path d="M10 18v25h28V18" />
      <circle cx="24" cy="25" r="4.5" />
      <path d="M16 43c0-5 3.5-9 8-9s8 4 8 9" />
    </>
  ),
  subSupport: (
    <>
      <circle cx="26" cy="13" r="7" />
      <path d="M4 32h8l9 5h10a3 3 0 0 0 0-6h-8M12 32v10M31 34l10-6a3 3 0 0 1 3 5l-13 9H12" />
    </>
  ),
  subTrust: (
    <>
      <path d="M24 5l16 6v11c0 10-7 17-16 21C15 39 8 32 8 22V11z" />
      <path d="M24 33s-8-5-8-10.5a4 4 0 0 1 8-1.5 4 4 0 0 1 8 1.5C32 28 24 33 24 33z" />
    </>
  ),
  sheetWhat: (
    <>
      <path d="M7 8h34a3 3 0 0 1 3 3v19a3 3 0 0 1-3 3H20l-9 8v-8H7a3 3 0 0 1-3-3V11a3 3 0 0 1 3-3z" />
      <path d="M12 16h24M12 24h16" />
    </>
  ),
  sheetFeeling: (
    <>
      <path d="M24 41S6 30 6 17a9 9 0 0 1 18-3 9 9 0 0 1 18 3c0 13-18 24-18 24z" />
      <path d="M15 20h.01M33 20h.01" />
    </>
  ),
  sheetNext: (
    <>
      <path d="M24 43V25" />
      <path d="M24 25V7h14l5 5-5 5H24" />
      <path d="M24 29H10l-5-5 5-5h14" />
    </>
  ),
  overall: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M14 25l7 7 13-14" />
    </>
  ),
  face1: (
    <>
      <circle cx="24" cy="24" r="19" />
      <path d="M15 17l5 3M33 17l-5 3" />
      <path d="M15 36c3-5 6-7 9-7s6 2 9 7" />
    </>
  ),
  face2: (
    <>
      <circle cx="24" cy="24" r="19" />
      <circle cx="17" cy="19" r="1.5" fill="currentColor" />
      <circle cx="31" cy="19" r="1.5" fill="currentColor" />
      <path d="M16 34c2.5-3 5-4 8-4s5.5 1 8 4" />
    </>
  ),
  face3: (
    <>
      <circle cx="24" cy="24" r="19" />
      <circle cx="17" cy="19" r="1.5" fill="currentColor" />
      <circle cx="31" cy="19" r="1.5" fill="currentColor" />
      <path d="M16 32h16" />
    </>
  ),
  face4: (
    <>
      <circle cx="24" cy="24" r="19" />
      <circle cx="17" cy="19" r="1.5" fill="currentColor" />
      <circle cx="31" cy="19" r="1.5" fill="currentColor" />
      <path d="M16 29c2.5 3 5 4 8 4s5.5-1 8-4" />
    </>
  ),
  face5: (
    <>
      <circle cx="24" cy="24" r="19" />
      <path d="M14 19c1.5-2.5 4.5-2.5 6 0M28 19c1.5-2.5 4.5-2.5 6 0" />
      <path d="M14 27h20c0 6-4.5 9-10 9s-10-3-10-9z" />
    </>
  ),
  keyboard: (
    <>
      <rect x="3" y="12" width="42" height="24" rx="3" />
      <path d="M10 19h.01M17 19h.01M24 19h.01M31 19h.01M38 19h.01M10 25h.01M17 25h.01M24 25h.01M31 25h.01M38 25h.01M15 30h18" />
    </>
  ),
  play: <path d="M15 9l24 15-24 15z" />,
  stop: <rect x="12" y="12" width="24" height="24" rx="2" />,
} as const satisfies Record<string, ReactElement>;

export type PictogramName = keyof typeof shapes;
export const pictogramNames = Object.keys(shapes) as PictogramName[];

export interface PictogramProps extends Omit<SVGAttributes<SVGSVGElement>, 'children'> {
  name: PictogramName;
  /** Rendered size in CSS pixels; the drawing scales. */
  size?: number;
  /** When set, the pictogram is announced; leave out when a visible label says the same. */
  title?: string;
}

/** Pictograms that point along the reading direction; they mirror in right-to-left languages. */
const directional: ReadonlySet<PictogramName> = new Set<PictogramName>(['arrowLeft', 'arrowRight']);

export function Pictogram({ name, size = 48, title, className, ...rest }: PictogramProps) {
  const classes = new Set(['sk-pictogram', ...(className ?? '').split(' ').filter(Boolean), ...(directional.has(name) ? ['sk-flip-rtl'] : [])]);
  return (
    <svg
      viewBox="0 0 48 48"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={3}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      className={[...classes].join(' ')}
      {...(title ? { role: 'img', 'aria-label': title } : { 'aria-hidden': true })}
      {...rest}
    >
      {shapes[name]}
    </svg>
  );
}

/** Method content names its pictograms by string; only names the kit knows are drawn. */
export function pictogramOf(name: string, fallback: PictogramName = 'question'): PictogramName {
  return (pictogramNames as readonly string[]).includes(name) ? (name as PictogramName) : fallback;
}
