import { defaultLearningRhythm } from '@spreekkamer/shared';
import { describe, expect, it } from 'vitest';
import { previousRoundKey, reminderAt, roundAt } from './calendar.js';

describe('learning calendar', () => {
  it('finds the open round, and the next one between rounds and across the year end', () => {
    expect(roundAt(defaultLearningRhythm, new Date('2026-03-01T00:00:00Z')).current?.key).toBe('2026-1');
    expect(roundAt(defaultLearningRhythm, new Date('2026-05-31T23:59:00Z')).current?.key).toBe('2026-1');
    const between = roundAt(defaultLearningRhythm, new Date('2026-06-01T00:00:00Z'));
    expect(between.current).toBeNull();
    expect(between.next).toMatchObject({ key: '2026-2', startsOn: '2026-09-15' });
    expect(roundAt(defaultLearningRhythm, new Date('2026-12-24T12:00:00Z')).next?.key).toBe('2027-1');
  });

  it('names the previous round, also in the year before', () => {
    expect(previousRoundKey(defaultLearningRhythm, '2026-2')).toBe('2026-1');
    expect(previousRoundKey(defaultLearningRhythm, '2026-1')).toBe('2025-2');
  });

  it('reminds at the start, halfway and in the last week only', () => {
    const round = { key: '2026-1', startsOn: '2026-03-01', endsOn: '2026-05-31' };
    expect(reminderAt(round, new Date('2026-02-28T12:00:00Z'))).toBeNull();
    expect(reminderAt(round, new Date('2026-03-02T12:00:00Z'))).toBe('start');
    expect(reminderAt(round, new Date('2026-03-20T12:00:00Z'))).toBeNull();
    expect(reminderAt(round, new Date('2026-04-16T12:00:00Z'))).toBe('halfway');
    expect(reminderAt(round, new Date('2026-05-26T12:00:00Z'))).toBe('week_before_end');
    expect(reminderAt(round, new Date('2026-06-01T00:00:00Z'))).toBeNull();
  });
});
