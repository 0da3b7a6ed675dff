/**
 * Keyboard tools of the review room, on top of the player's own keys (Space/K play, arrows ±5 s,
 * M mute, F full screen). These are caught before the player sees them, so they never clash.
 */
export type ReviewCommand = 'markStart' | 'markEnd' | 'addMoment' | 'slow' | 'frameBack' | 'frameForward' | 'loop' | 'previousMoment' | 'nextMoment';

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: { tagName: string; type?: string; isContentEditable?: boolean };
}

/** One frame at 25 frames per second: the smallest step that still shows a change in the picture. */
export const frameSeconds = 1 / 25;

export function reviewCommandForKey(input: KeyInput): ReviewCommand | null {
  if (input.altKey || input.ctrlKey || input.metaKey) return null;
  const tag = input.target.tagName.toUpperCase();
  const typing = tag === 'TEXTAREA' || tag === 'SELECT' || input.target.isContentEditable === true || (tag === 'INPUT' && !['range', 'checkbox', 'radio', 'button'].includes(input.target.type ?? 'text'));
  if (typing) return null;
  if (input.shiftKey && input.key === 'ArrowLeft') return 'previousMoment';
  if (input.shiftKey && input.key === 'ArrowRight') return 'nextMoment';
  switch (input.key) {
    case '[':
      return 'markStart';
    case ']':
      return 'markEnd';
    case 'n':
    case 'N':
      return 'addMoment';
    case 's':
    case 'S':
      return 'slow';
    case ',':
      return 'frameBack';
    case '.':
      return 'frameForward';
    case 'l':
    case 'L':
      return 'loop';
    default:
      return null;
  }
}

export interface MomentSpan {
  id: string;
  startSeconds: number;
  endSeconds: number;
}

/** The moment to jump to from `time`: the next one starting after it, or the previous one starting before it. */
export function neighbourMoment<T extends MomentSpan>(moments: readonly T[], time: number, direction: 'previous' | 'next'): T | null {
  const sorted = [...moments].sort((a, b) => a.startSeconds - b.startSeconds);
  if (direction === 'next') return sorted.find((m) => m.startSeconds > time + 0.05) ?? null;
  // "Previous" from inside a moment a little after its start means the one before it, as in a music player.
  return [...sorted].reverse().find((m) => m.startSeconds < time - 1) ?? null;
}

/** The span for a new moment from the marks: both marks, or from the start mark to now, or 5 s around now. */
export function draftSpan(marks: { start: number | null; end: number | null }, now: number, duration: number): [number, number] {
  const clamp = (t: number) => Math.min(Math.max(t, 0), duration);
  let start = marks.start;
  let end = marks.end;
  if (start === null && end === null) {
    start = now - 2.5;
    end = now + 2.5;
  } else if (start === null) {
    start = (end ?? now) - 5;
  } else if (end === null || end <= start) {
    end = now > start ? now : start + 5;
  }
  const from = clamp(Math.min(start, end ?? start));
  const to = clamp(Math.max(start, end ?? start));
  return to - from < 0.5 ? [clamp(Math.min(from, duration - 0.5)), clamp(Math.min(from, duration - 0.5) + 0.5)] : [from, to];
}
