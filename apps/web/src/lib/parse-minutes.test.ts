import { describe, expect, it } from 'vitest';
import { parseMinutes } from './clock.js';

describe('parseMinutes', () => {
  it.each([
    ['5', 300],
    [' 12 ', 720],
    ['5:30', 330],
    ['0:07', 7],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseMinutes(text)).toBe(seconds);
  });

  it.each(['', 'vijf', '5:3', '5:75', '1:02:03', '5.5', '-1'])('refuses %j', (text) => {
    expect(parseMinutes(text)).toBeNull();
  });
});
