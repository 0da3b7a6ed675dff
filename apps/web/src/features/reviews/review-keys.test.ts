import { describe, expect, it } from 'vitest';
import { draftSpan, neighbourMoment, reviewCommandForKey, type KeyInput } from './review-keys.js';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, target: { tagName: 'DIV' }, ...extra });

describe('reviewCommandForKey', () => {
  it('maps the review keys', () => {
    expect(reviewCommandForKey(key('['))).toBe('markStart');
    expect(reviewCommandForKey(key(']'))).toBe('markEnd');
    expect(reviewCommandForKey(key('N'))).toBe('addMoment');
    expect(reviewCommandForKey(key('s'))).toBe('slow');
    expect(reviewCommandForKey(key(','))).toBe('frameBack');
    expect(reviewCommandForKey(key('.'))).toBe('frameForward');
    expect(reviewCommandForKey(key('l'))).toBe('loop');
    expect(reviewCommandForKey(key('ArrowRight', { shiftKey: true }))).toBe('nextMoment');
    expect(reviewCommandForKey(key('ArrowLeft', { shiftKey: true }))).toBe('previousMoment');
  });
  it('leaves the player’s own keys and typing alone', () => {
    expect(reviewCommandForKey(key('ArrowRight'))).toBeNull();
    expect(reviewCommandForKey(key('m'))).toBeNull();
    expect(reviewCommandForKey(key('n', { target: { tagName: 'TEXTAREA' } }))).toBeNull();
    expect(reviewCommandForKey(key('[', { target: { tagName: 'INPUT', type: 'text' } }))).toBeNull();
    expect(reviewCommandForKey(key('[', { target: { tagName: 'INPUT', type: 'range' } }))).toBe('markStart');
    expect(reviewCommandForKey(key('s', { ctrlKey: true }))).toBeNull();
  });
});

describe('neighbourMoment', () => {
  const moments = [{ id: 'b', startSeconds: 30, endSeconds: 40 }, { id: 'a', startSeconds: 10, endSeconds: 20 }, { id: 'c', startSeconds: 60, endSeconds: 70 }];
  it('finds the next and previous moment from a time', () => {
    expect(neighbourMoment(moments, 0, 'next')?.id).toBe('a');
    expect(neighbourMoment(moments, 10, 'next')?.id).toBe('b');
    expect(neighbourMoment(moments, 65, 'next')).toBeNull();
    expect(neighbourMoment(moments, 35, 'previous')?.id).toBe('b');
    expect(neighbourMoment(moments, 30.5, 'previous')?.id).toBe('a');
    expect(neighbourMoment(moments, 5, 'previous')).toBeNull();
  });
});

describe('draftSpan', () => {
  it('uses both marks, the start mark and now, or a span around now', () => {
    expect(draftSpan({ start: 10, end: 20 }, 50, 100)).toEqual([10, 20]);
    expect(draftSpan({ start: 10, end: null }, 14, 100)).toEqual([10, 14]);
    expect(draftSpan({ start: null, end: null }, 50, 100)).toEqual([47.5, 52.5]);
    expect(draftSpan({ start: null, end: null }, 1, 100)).toEqual([0, 3.5]);
    expect(draftSpan({ start: 98, end: null }, 50, 100)).toEqual([98, 100]);
  });
});
