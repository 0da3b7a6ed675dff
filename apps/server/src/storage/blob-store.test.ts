import { describe, expect, it } from 'vitest';
import { BlobRangeError, InvalidBlobKeyError, validateKey, validatePrefix, validateRange } from './blob-store.js';

describe('validateKey', () => {
  it.each([
    'recordings/6f1c2a52-1b8e-4a7e-9a55-0d8f4b2a9c11/seg_00001.ts',
    'recordings/r1/hls/index.m3u8',
    'a',
    'uploads/abc=def/original',
    'a/b.c.d',
  ])('accepts %j', (key) => {
    expect(validateKey(key)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['parent segment', 'recordings/../../etc/passwd'],
    ['leading parent', '../x'],
    ['dot segment', 'a/./b'],
    ['backslash', 'recordings\\r1'],
    ['windows traversal', '..\\..\\x'],
    ['empty segment', 'a//b'],
    ['trailing slash', 'a/b/'],
    ['hidden segment', 'a/.tmp-123'],
    ['space', 'a/b c'],
    ['NUL byte', 'a/b\u0000c'],
    ['newline', 'a/b\nc'],
    ['non-ASCII', 'a/é'],
    ['percent-encoded traversal', '%2e%2e/x'],
    ['too long', 'a/'.repeat(600) + 'a'],
  ])('rejects %s', (_name, key) => {
    expect(() => validateKey(key)).toThrow(InvalidBlobKeyError);
  });
});

describe('validatePrefix', () => {
  it('accepts keys, folder prefixes and partial names', () => {
    expect(validatePrefix('recordings/', false)).toBe('recordings/');
    expect(validatePrefix('recordings/r1/seg_', false)).toBe('recordings/r1/seg_');
    expect(validatePrefix('', true)).toBe('');
  });

  it.each(['', '/', '//', 'a//', '../', '/a/'])('rejects %j where emptiness is not allowed', (prefix) => {
    expect(() => validatePrefix(prefix, false)).toThrow(InvalidBlobKeyError);
  });
});

describe('validateRange', () => {
  it('accepts inclusive ranges', () => {
    expect(() => validateRange({ start: 0, end: 0 })).not.toThrow();
    expect(() => validateRange({ start: 10, end: 2 ** 40 })).not.toThrow();
  });

  it.each([
    { start: -1, end: 0 },
    { start: 3, end: 2 },
    { start: 0.5, end: 2 },
    { start: 0, end: Number.POSITIVE_INFINITY },
    { start: Number.NaN, end: 1 },
  ])('rejects %j', (range) => {
    expect(() => validateRange(range)).toThrow(BlobRangeError);
  });
});
