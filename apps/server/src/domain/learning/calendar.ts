import type { LearningRhythm, ReminderKind } from '@spreekkamer/shared';

export interface RoundDates {
  key: string;
  startsOn: string;
  endsOn: string;
}

const dayMs = 24 * 3600_000;

function roundsOfYear(rhythm: LearningRhythm, year: number): RoundDates[] {
  return rhythm.rounds.map((round, index) => ({ key: `${year}-${index + 1}`, startsOn: `${year}-${round.starts}`, endsOn: `${year}-${round.ends}` }));
}

/** The round open on this (UTC) day, and else the next one to start. Rounds repeat every year. */
export function roundAt(rhythm: LearningRhythm, now: Date): { current: RoundDates | null; next: RoundDates | null } {
  const today = now.toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const candidates = [...roundsOfYear(rhythm, year), ...roundsOfYear(rhythm, year + 1)];
  const current = candidates.find((round) => round.startsOn <= today && today <= round.endsOn) ?? null;
  const next = current ? null : (candidates.find((round) => round.startsOn > today) ?? null);
  return { current, next };
}

/** The dates of a round by its key under the rhythm in force, or null when the key does not fit it. */
export function roundByKey(rhythm: LearningRhythm, key: string): RoundDates | null {
  const [yearText, indexText] = key.split('-');
  const round = rhythm.rounds[Number(indexText) - 1];
  if (!round) return null;
  return { key, startsOn: `${yearText}-${round.starts}`, endsOn: `${yearText}-${round.ends}` };
}

export function previousRoundKey(rhythm: LearningRhythm, key: string): string {
  const [yearText, indexText] = key.split('-');
  const index = Number(indexText);
  return index > 1 ? `${yearText}-${index - 1}` : `${Number(yearText) - 1}-${rhythm.rounds.length}`;
}

/** [from, to) as ISO times: the whole of the first and the last day. */
export function roundSpan(round: RoundDates): { from: string; to: string } {
  return { from: `${round.startsOn}T00:00:00.000Z`, to: new Date(Date.parse(`${round.endsOn}T00:00:00.000Z`) + dayMs).toISOString() };
}

/**
 * Which gentle reminder applies today: the first week of the round, the week from its middle, and
 * the last seven days. Later ones win, so a short round still gets the one before its end.
 */
export function reminderAt(round: RoundDates, now: Date): ReminderKind | null {
  const start = Date.parse(`${round.startsOn}T00:00:00.000Z`);
  const end = Date.parse(`${round.endsOn}T00:00:00.000Z`) + dayMs;
  const t = now.getTime();
  if (t < start || t >= end) return null;
  if (t >= end - 7 * dayMs) return 'week_before_end';
  const middle = start + Math.floor((end - start) / 2 / dayMs) * dayMs;
  if (t >= middle && t < middle + 7 * dayMs) return 'halfway';
  if (t < start + 7 * dayMs) return 'start';
  return null;
}
