import { describe, expect, it } from 'vitest';
import { allianceDeclineSchema } from './api/feedback.js';
import { noShareStretchInputSchema, overlapsAny, partsOutside } from './api/no-share.js';

describe('niet delen: spans', () => {
  const stretches = [[30, 45], [80, 95]] as const;

  it('overlap means sharing more than a point', () => {
    expect(overlapsAny(10, 30, stretches)).toBe(false);
    expect(overlapsAny(45, 60, stretches)).toBe(false);
    expect(overlapsAny(29, 31, stretches)).toBe(true);
    expect(overlapsAny(0, 200, stretches)).toBe(true);
    expect(overlapsAny(35, 40, stretches)).toBe(true);
    expect(overlapsAny(0, 10, [])).toBe(false);
  });

  it('the parts outside every stretch, in order, short crumbs left out', () => {
    expect(partsOutside(20, 60, stretches)).toEqual([
      [20, 30],
      [45, 60],
    ]);
    expect(partsOutside(0, 100, stretches)).toEqual([
      [0, 30],
      [45, 80],
      [95, 100],
    ]);
    expect(partsOutside(35, 40, stretches)).toEqual([]);
    expect(partsOutside(29.8, 50, stretches)).toEqual([[45, 50]]);
    expect(partsOutside(50, 60, stretches)).toEqual([[50, 60]]);
  });

  it('a stretch must end after it starts; reasons come from the fixed list only', () => {
    expect(noShareStretchInputSchema.safeParse({ startSeconds: 5, endSeconds: 5 }).success).toBe(false);
    expect(noShareStretchInputSchema.safeParse({ startSeconds: 5, endSeconds: 6 }).success).toBe(true);
    expect(allianceDeclineSchema.safeParse({ reason: 'time' }).success).toBe(true);
    expect(allianceDeclineSchema.safeParse(undefined).success).toBe(true);
    expect(allianceDeclineSchema.safeParse({ reason: 'mijn klantmanager' }).success).toBe(false);
  });
});
