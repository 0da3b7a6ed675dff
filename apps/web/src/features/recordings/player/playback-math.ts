import type { PlaybackDescriptor } from '@spreekkamer/shared';

export type Span = readonly [from: number, to: number];

/** Step of the arrow keys and the ±5 s buttons. */
export const seekStepSeconds = 5;

export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/**
 * The span the viewer may watch: the caller's range (a shared moment) or the descriptor's
 * allowed spans taken together; null = the whole recording.
 */
export function effectiveSpan(range: Span | null | undefined, allowed: PlaybackDescriptor['allowedRanges'], duration: number): Span | null {
  if (range) return [Math.max(0, range[0]), Math.min(range[1], duration > 0 ? duration : range[1])];
  if (allowed === 'all' || allowed.length === 0) return null;
  const from = Math.min(...allowed.map((span) => span[0]));
  const to = Math.max(...allowed.map((span) => span[1]));
  return [from, to];
}

/** Keeps a position inside the span (or the recording). */
export function clampTime(time: number, span: Span | null, duration: number): number {
  const from = span ? span[0] : 0;
  const to = span ? span[1] : duration > 0 ? duration : Number.POSITIVE_INFINITY;
  if (!Number.isFinite(time)) return from;
  return Math.min(Math.max(time, from), to);
}

/** Puts the newest token into a media URL hls.js already knows (playlist, key, segments). */
export function withToken(url: string, token: string, base: string): string {
  const parsed = new URL(url, base);
  if (!token) return parsed.href;
  parsed.searchParams.set('t', token);
  return parsed.href;
}

/** Milliseconds until the descriptor should be refreshed: never in the past, never hammering. */
export function refreshDelayMs(refreshAt: string, now: number): number {
  const at = Date.parse(refreshAt);
  if (Number.isNaN(at)) return 60_000;
  return Math.max(5_000, at - now);
}

export type PlayerCommand = 'toggle' | 'back' | 'forward' | 'mute' | 'fullscreen';

/**
 * The player's keyboard shortcuts. Fields keep their own keys (a select's letters, Space on a
 * button presses that button); the position slider gets the same ±5 s arrows as everywhere else.
 */
export function commandForKey(key: string, target: { tagName: string; type?: string }): PlayerCommand | null {
  const tag = target.tagName.toUpperCase();
  const isRange = tag === 'INPUT' && target.type === 'range';
  const isField = (tag === 'INPUT' && !isRange) || tag === 'SELECT' || tag === 'TEXTAREA';
  if (isField) return null;
  switch (key) {
    case ' ':
      return tag === 'BUTTON' ? null : 'toggle';
    case 'k':
    case 'K':
      return 'toggle';
    case 'ArrowLeft':
      return 'back';
    case 'ArrowRight':
      return 'forward';
    case 'm':
    case 'M':
      return 'mute';
    case 'f':
    case 'F':
      return 'fullscreen';
    default:
      return null;
  }
}
