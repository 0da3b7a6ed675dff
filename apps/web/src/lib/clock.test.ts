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
  it('refuses more than two digits or 60 and over after a colon, as the feedback moments did', () => {
    expect(parseClock('90')).toBe(90);
    expect(parseClock('0:59')).toBe(59);
    expect(parseClock('1:005')).toBeNull();
    expect(parseClock('1:60')).toBeNull();
    expect(parseClock('1:60:00')).toBeNull();
    expect(parseClock('1:')).toBeNull();
    expect(parseClock(':30')).toBeNull();
    expect(parseClock('-5')).toBeNull();
  });
  it('writes times with tenths only when needed', () => {
    expect(formatPreciseClock(65)).toBe('1:05');
    expect(formatPreciseClock(65.46)).toBe('1:05.5');
    expect(formatPreciseClock(3723)).toBe('1:02:03');
    expect(parseClock(formatPreciseClock(125.3))).toBe(125.3);
  });
});
