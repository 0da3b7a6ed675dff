import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacHex, randomDigits, randomToken, sha256Hex, timingSafeEqualText } from './random.js';

describe('randomToken', () => {
  it('returns base64url of the requested number of bytes', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    expect(Buffer.from(randomToken(16), 'base64url').length).toBe(16);
  });

  it('does not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(tokens.size).toBe(1000);
  });

  it('rejects a bad length', () => {
    expect(() => randomToken(0)).toThrow(RangeError);
    expect(() => randomToken(2.5)).toThrow(RangeError);
  });
});

describe('sha256Hex / hmacHex', () => {
  it('matches known test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(Buffer.from('abc'))).toBe(sha256Hex('abc'));
    // RFC 4231 test case 2.
    expect(hmacHex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hmacHex(Buffer.from('key'), 'text')).toBe(createHmac('sha256', 'key').update('text').digest('hex'));
    expect(sha256Hex('x')).toBe(createHash('sha256').update('x').digest('hex'));
  });
});

describe('timingSafeEqualText', () => {
  it('compares strings of any length', () => {
    expect(timingSafeEqualText('123456', '123456')).toBe(true);
    expect(timingSafeEqualText('123456', '123457')).toBe(false);
    expect(timingSafeEqualText('123456', '1234567')).toBe(false);
    expect(timingSafeEqualText('', '')).toBe(true);
    expect(timingSafeEqualText('', 'a')).toBe(false);
    expect(timingSafeEqualText('é', 'e\u0301')).toBe(false);
  });
});

describe('randomDigits', () => {
  it('returns exactly the requested number of decimal digits, keeping leading zeros', () => {
    for (const length of [1, 6, 8, 32]) {
      expect(randomDigits(length)).toMatch(new RegExp(`^[0-9]{${length}}$`));
    }
    const sawLeadingZero = Array.from({ length: 500 }, () => randomDigits(6)).some((code) => code.startsWith('0'));
    expect(sawLeadingZero).toBe(true);
  });

  it('is roughly uniform over 0-9 (chi-squared)', () => {
    const counts = new Array<number>(10).fill(0);
    const digits = Array.from({ length: 200 }, () => randomDigits(1000)).join('');
    for (const char of digits) counts[Number(char)] = (counts[Number(char)] ?? 0) + 1;
    const expected = digits.length / 10;
    const chiSquared = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(chi2 > 33.7) is about 1e-4, so a false failure is very unlikely,
    // while a modulo-biased generator (byte % 10) gives about 73 at this sample size.
    expect(chiSquared).toBeLessThan(33.7);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('does not repeat codes more often than chance', () => {
    const codes = Array.from({ length: 1000 }, () => randomDigits(8));
    // 1000 draws from 1e8 values: a collision has probability about 0.5%.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(999);
  });

  it('rejects a bad length', () => {
    expect(() => randomDigits(0)).toThrow(RangeError);
    expect(() => randomDigits(-1)).toThrow(RangeError);
    expect(() => randomDigits(3.5)).toThrow(RangeError);
  });
});
