import type { Turn } from './turns.js';

export interface Interval {
  start: number;
  end: number;
}

type PerSpeaker<T> = Record<'A' | 'B', T>;

/**
 * Timing figures of a conversation. They describe when sound came from whom; they say nothing
 * about what was said, how, or whether that was good.
 */
export interface RhythmMetrics {
  durationSeconds: number;
  speechSeconds: PerSpeaker<number>;
  /** Share of all speaking time, 0..1 (overlap counts for both). */
  talkShare: PerSpeaker<number>;
  turnSwitches: number;
  switchesPerMinute: number;
  longestTurn: PerSpeaker<Interval | null>;
  /** Silences longer than 3 s, between or inside turns. */
  longPauses: Interval[];
  /** Median silence before this speaker starts after the other one stopped (null: never). */
  pauseBeforeAnswer: PerSpeaker<{ medianSeconds: number; count: number } | null>;
  overlaps: { count: number; totalSeconds: number; intervals: Interval[] };
}

export const LONG_PAUSE_SECONDS = 3;

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

const total = (xs: Interval[]): number => xs.reduce((s, x) => s + x.end - x.start, 0);

export function rhythmMetrics(turns: Turn[], durationSeconds: number): RhythmMetrics {
  const by = { A: union(turns.filter((t) => t.speaker === 'A')), B: union(turns.filter((t) => t.speaker === 'B')) };
  const speech = { A: total(by.A), B: total(by.B) };
  const all = speech.A + speech.B;
  const sorted = [...turns].sort((a, b) => a.start - b.start);

  let switches = 0;
  const gaps: PerSpeaker<number[]> = { A: [], B: [] };
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.speaker === cur.speaker) continue;
    switches++;
    if (cur.start >= prev.end) gaps[cur.speaker].push(cur.start - prev.end);
  }

  const anyone = union(turns);
  const longPauses: Interval[] = [];
  let cursor = 0;
  for (const s of anyone) {
    if (s.start - cursor > LONG_PAUSE_SECONDS && cursor > 0) longPauses.push({ start: r3(cursor), end: r3(s.start) });
    cursor = Math.max(cursor, s.end);
  }

  const longest = (xs: Interval[]): Interval | null =>
    xs.reduce<Interval | null>((best, x) => (!best || x.end - x.start > best.end - best.start ? { start: r3(x.start), end: r3(x.end) } : best), null);
  const median = (xs: number[]): { medianSeconds: number; count: number } | null => {
    if (xs.length === 0) return null;
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return { medianSeconds: r3(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2), count: s.length };
  };
  const overlaps = intersect(by.A, by.B);

  return {
    durationSeconds: r3(durationSeconds),
    speechSeconds: { A: r3(speech.A), B: r3(speech.B) },
    talkShare: { A: all ? r3(speech.A / all) : 0, B: all ? r3(speech.B / all) : 0 },
    turnSwitches: switches,
    switchesPerMinute: durationSeconds > 0 ? Math.round((switches / (durationSeconds / 60)) * 10) / 10 : 0,
    longestTurn: { A: longest(by.A), B: longest(by.B) },
    longPauses,
    pauseBeforeAnswer: { A: median(gaps.A), B: median(gaps.B) },
    overlaps: { count: overlaps.length, totalSeconds: r3(total(overlaps)), intervals: overlaps.map((o) => ({ start: r3(o.start), end: r3(o.end) })) },
  };
}
