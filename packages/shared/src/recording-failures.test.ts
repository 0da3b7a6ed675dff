import { describe, expect, it } from 'vitest';
import { recordingFailureMessage, recordingFailures } from './errors.js';

describe('recording failure messages', () => {
  const limits = { maxBytes: 2 * 1024 ** 3, maxDurationSeconds: 90 * 60 };

  it('say the limits in plain Dutch', () => {
    expect(recordingFailureMessage('too_long', 'nl', limits)).toBe('Deze opname is te lang. Een opname mag hoogstens 90 minuten duren.');
    expect(recordingFailureMessage('too_large', 'nl', limits)).toBe('Dit bestand is te groot. Een opname mag hoogstens 2 GB zijn.');
    expect(recordingFailureMessage('too_large', 'nl', { ...limits, maxBytes: 1.5 * 1024 ** 3 })).toContain('1,5 GB');
    expect(recordingFailureMessage('too_long', 'nl', { ...limits, maxDurationSeconds: 5 })).toBe('Deze opname is te lang. Een opname mag hoogstens 5 seconden duren.');
    expect(recordingFailureMessage('too_long', 'nl', { ...limits, maxDurationSeconds: 60 })).toContain('1 minuut');
  });

  it('and in English', () => {
    expect(recordingFailureMessage('too_large', 'en', { ...limits, maxBytes: 1.5 * 1024 ** 3 })).toBe('This file is too large. A recording may be at most 1.5 GB.');
  });

  it('leave no placeholder behind for any code', () => {
    for (const code of Object.keys(recordingFailures) as (keyof typeof recordingFailures)[]) {
      for (const language of ['nl', 'en'] as const) expect(recordingFailureMessage(code, language, limits)).not.toContain('{{');
    }
  });
});
