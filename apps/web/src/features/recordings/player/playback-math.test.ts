import { describe, expect, it } from 'vitest';
import { clampTime, commandForKey, effectiveSpan, refreshDelayMs, withToken } from './playback-math.js';

describe('player maths', () => {
  it('replaces only the token of a media URL', () => {
    const base = 'http://127.0.0.1:8080/opnames/x';
    expect(withToken('/api/playback/r1/seg-00001.ts?t=old', 'new', base)).toBe('http://127.0.0.1:8080/api/playback/r1/seg-00001.ts?t=new');
    expect(withToken('http://127.0.0.1:8080/api/playback/r1/key?t=old&x=1', 'n2', base)).toBe('http://127.0.0.1:8080/api/playback/r1/key?t=n2&x=1');
    expect(withToken('/api/playback/r1/index.m3u8', 'abc', base)).toBe('http://127.0.0.1:8080/api/playback/r1/index.m3u8?t=abc');
  });

  it('keeps positions inside a shared moment', () => {
    expect(clampTime(3, [10, 20], 60)).toBe(10);
    expect(clampTime(25, [10, 20], 60)).toBe(20);
    expect(clampTime(15, [10, 20], 60)).toBe(15);
    expect(clampTime(70, null, 60)).toBe(60);
    expect(clampTime(-1, null, 60)).toBe(0);
  });

  it('takes the caller range first, then the allowed spans together', () => {
    expect(effectiveSpan([5, 500], 'all', 60)).toEqual([5, 60]);
    expect(effectiveSpan(null, 'all', 60)).toBeNull();
    expect(effectiveSpan(null, [[30, 40], [10, 20]], 60)).toEqual([10, 40]);
  });

  it('refreshes ahead of time but never in a tight loop', () => {
    const now = Date.parse('2026-03-03T12:00:00Z');
    expect(refreshDelayMs('2026-03-03T12:02:00Z', now)).toBe(120_000);
    expect(refreshDelayMs('2026-03-03T11:00:00Z', now)).toBe(5_000);
    expect(refreshDelayMs('not a date', now)).toBe(60_000);
  });

  it('maps keys to commands without stealing them from fields and buttons', () => {
    expect(commandForKey(' ', { tagName: 'DIV' })).toBe('toggle');
    expect(commandForKey(' ', { tagName: 'BUTTON' })).toBeNull();
    expect(commandForKey('k', { tagName: 'BUTTON' })).toBe('toggle');
    expect(commandForKey('ArrowLeft', { tagName: 'INPUT', type: 'range' })).toBe('back');
    expect(commandForKey('ArrowRight', { tagName: 'DIV' })).toBe('forward');
    expect(commandForKey('k', { tagName: 'SELECT' })).toBeNull();
    expect(commandForKey('m', { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(commandForKey('x', { tagName: 'DIV' })).toBeNull();
  });
});
