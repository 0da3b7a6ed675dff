import { describe, expect, it } from 'vitest';
import { isWithinRanges, unionOfRanges } from './time-ranges.js';

describe('unionOfRanges', () => {
  it('merges overlapping and touching spans and sorts them', () => {
    expect(unionOfRanges([[30, 40], [5, 10], [8, 12], [12, 15], [50, 50]])).toEqual([[5, 15], [30, 40]]);
  });
  it('keeps separate spans apart', () => {
    expect(unionOfRanges([[0, 1], [2, 3]])).toEqual([[0, 1], [2, 3]]);
  });
  it('is empty for nothing', () => {
    expect(unionOfRanges([])).toEqual([]);
  });
});

describe('isWithinRanges', () => {
  const ranges = unionOfRanges([[10, 20], [30, 40]]);
  it('accepts a span inside one range', () => expect(isWithinRanges(ranges, 12, 18)).toBe(true));
  it('refuses a span that crosses a gap', () => expect(isWithinRanges(ranges, 18, 32)).toBe(false));
  it('refuses a span outside', () => expect(isWithinRanges(ranges, 0, 5)).toBe(false));
});
