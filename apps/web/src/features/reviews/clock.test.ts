import { describe, expect, it } from 'vitest';
import { formatPreciseClock, parseClock } from './clock.js';

describe('clock', () => {
  it('reads times people type', () => {
    expect(parseClock('1:05')).toBe(65);
    expect(parseClock(' 1:05,5 ')).toBe(65.5);
    expect(parseClock('65')).toBe(65);
    expect(parseClock('1:02:03')).toBe(3723);
    expect(parseClock('1:75')).toBeNull();
    expect(parseClock('een minuut')).toBeNull();
    expect(parseClock('')).toBeNull();
  });
  it('writes times with tenths only when needed', () => {
    expect(formatPreciseClock(65)).toBe('1:05');
    expect(formatPreciseClock(65.46)).toBe('1:05.5');
    expect(formatPreciseClock(3723)).toBe('1:02:03');
    expect(parseClock(formatPreciseClock(125.3))).toBe(125.3);
  });
});
