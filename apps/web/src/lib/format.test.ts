import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMonth, formatNumber, intlLocale } from './format.js';

describe('formatNumber', () => {
  it('uses a decimal comma in Dutch', () => {
    expect(formatNumber(1.4, 'nl')).toBe('1,4');
    expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
  });
  it('uses a decimal point in English', () => {
    expect(formatNumber(1.4, 'en')).toBe('1.4');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
  it('rounds to one decimal by default and drops a trailing zero', () => {
    expect(formatNumber(2.46, 'nl')).toBe('2,5');
    expect(formatNumber(5, 'nl')).toBe('5');
    expect(formatNumber(5, 'en')).toBe('5');
  });
  it('keeps a fixed number of decimals when asked', () => {
    expect(formatNumber(5, 'nl', { minimumFractionDigits: 1 })).toBe('5,0');
    expect(formatNumber(5, 'en', { minimumFractionDigits: 1 })).toBe('5.0');
  });
});

describe('dates', () => {
  it('writes a calendar day in the page language without shifting it', () => {
    expect(formatDay('2026-03-03', 'nl')).toBe('3 maart 2026');
    expect(formatDay('2026-03-03', 'en')).toBe('3 March 2026');
    expect(formatDay('2026-12-31', 'nl')).toBe('31 december 2026');
  });
  it('returns what it cannot read', () => {
    expect(formatDay('soon', 'nl')).toBe('soon');
    expect(formatDateTime('soon', 'en')).toBe('soon');
  });
  it('writes date and time per language', () => {
    const local = new Date(2026, 2, 3, 14, 5).toISOString();
    expect(formatDateTime(local, 'nl')).toBe('3 mrt 2026, 14:05');
    expect(formatDateTime(local, 'en')).toBe('3 Mar 2026, 14:05');
  });
  it('writes a month per language', () => {
    expect(formatMonth(2026, 3, 'nl')).toBe('maart 2026');
    expect(formatMonth(2026, 3, 'en')).toBe('March 2026');
  });
  it('maps page languages to Intl locales', () => {
    expect(intlLocale('nl')).toBe('nl-NL');
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('tr')).toBe('tr-TR');
    expect(intlLocale('ar')).toBe('ar');
    expect(intlLocale('de')).toBe('de');
  });
});
