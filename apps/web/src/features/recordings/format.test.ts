import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, percent } from './format.js';
import { formatDay } from '../../lib/format.js';

describe('recording formats', () => {
  it('writes media clocks', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(5.9)).toBe('0:05');
    expect(formatClock(247)).toBe('4:07');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-3)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('never says 100% before the end', () => {
    expect(percent(0.999)).toBe(99);
    expect(percent(1)).toBe(100);
    expect(percent(0.5)).toBe(50);
    expect(percent(-1)).toBe(0);
  });

  it('reads a calendar date as that day in any time zone', () => {
    expect(formatDay('2026-03-03', 'nl')).toBe('3 maart 2026');
    expect(formatDay('2026-03-03', 'en')).toBe('3 March 2026');
  });

  it('writes sizes in Dutch notation', () => {
    expect(formatBytes(1_234_567, 'nl')).toBe('1,2 MB');
    expect(formatBytes(45_000_000, 'nl')).toBe('45 MB');
    expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
  });
});
