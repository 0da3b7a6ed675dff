import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateMediaKey, KeyUnwrapError, parseMasterKey, unwrapKey, wrapKey } from './envelope.js';

const master = randomBytes(32);

function replacePart(wrapped: string, index: number, change: (bytes: Buffer) => Buffer): string {
  const parts = wrapped.split('.');
  parts[index] = change(Buffer.from(parts[index] ?? '', 'base64url')).toString('base64url');
  return parts.join('.');
}

function flipFirstBit(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[0] = (copy[0] ?? 0) ^ 0x01;
  return copy;
}

describe('generateMediaKey', () => {
  it('returns 16 fresh random bytes', () => {
    const a = generateMediaKey();
    const b = generateMediaKey();
    expect(a.length).toBe(16);
    expect(b.length).toBe(16);
    expect(a.equals(b)).toBe(false);
  });
});

describe('wrapKey / unwrapKey', () => {
  it('round-trips a media key', () => {
    const mediaKey = generateMediaKey();
    const wrapped = wrapKey(master, mediaKey);
    expect(wrapped).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(unwrapKey(master, wrapped).equals(mediaKey)).toBe(true);
  });

  it('does not leak the media key and uses a fresh IV each time', () => {
    const mediaKey = generateMediaKey();
    const first = wrapKey(master, mediaKey);
    const second = wrapKey(master, mediaKey);
    expect(first).not.toBe(second);
    expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
    expect(first).not.toContain(mediaKey.toString('base64url'));
  });

  it.each([
    ['IV', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ])('rejects a tampered %s', (_name, index) => {
    const wrapped = wrapKey(master, generateMediaKey());
    const tampered = replacePart(wrapped, index, flipFirstBit);
    expect(tampered).not.toBe(wrapped);
    expect(() => unwrapKey(master, tampered)).toThrow(KeyUnwrapError);
  });

  it('rejects a truncated ciphertext', () => {
    const wrapped = wrapKey(master, generateMediaKey());
    const tampered = replacePart(wrapped, 3, (bytes) => bytes.subarray(0, 15));
    expect(() => unwrapKey(master, tampered)).toThrow(KeyUnwrapError);
  });

  it('rejects a wrong master key', () => {
    const wrapped = wrapKey(master, generateMediaKey());
    expect(() => unwrapKey(randomBytes(32), wrapped)).toThrow(KeyUnwrapError);
  });

  it('rejects an unknown version prefix', () => {
    const wrapped = wrapKey(master, generateMediaKey());
    expect(() => unwrapKey(master, wrapped.replace(/^v1\./, 'v2.'))).toThrow(KeyUnwrapError);
  });

  it.each([
    '',
    'v1',
    'v1...',
    'v1.a.b',
    'v1.a.b.c.d',
    'not a wrapped key',
    'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.', // empty ciphertext
    'v1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', // IV too short
    'v1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA', // tag too short
    'v1.AAAAAAAAAAAAAAA*.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', // not base64url
    'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAB.AAAAAAAAAAAAAAAAAAAAAA', // non-canonical tag
  ])('rejects malformed input %j', (input) => {
    expect(() => unwrapKey(master, input)).toThrow(KeyUnwrapError);
  });

  it('rejects a non-canonical spelling of a valid wrapped key', () => {
    const wrapped = wrapKey(master, generateMediaKey());
    // The tag is 16 bytes = 22 characters with 4 unused bits; setting one still decodes to the same bytes.
    const parts = wrapped.split('.');
    const tag = parts[2] ?? '';
    const last = tag.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variantTag = tag.slice(0, -1) + alphabet[alphabet.indexOf(last) | 1];
    parts[2] = variantTag;
    const variant = parts.join('.');
    expect(variant).not.toBe(wrapped);
    expect(Buffer.from(variantTag, 'base64url').equals(Buffer.from(tag, 'base64url'))).toBe(true);
    expect(() => unwrapKey(master, variant)).toThrow(KeyUnwrapError);
  });

  it('refuses a master key of the wrong length', () => {
    expect(() => wrapKey(randomBytes(16), generateMediaKey())).toThrow(/32 bytes/);
    expect(() => unwrapKey(randomBytes(31), 'v1.a.b.c')).toThrow(/32 bytes/);
  });
});

describe('parseMasterKey', () => {
  const key = randomBytes(32);

  it('accepts 64 hex characters, in either case and with surrounding whitespace', () => {
    expect(parseMasterKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseMasterKey(`  ${key.toString('hex').toUpperCase()}\n`).equals(key)).toBe(true);
  });

  it('accepts base64 and base64url of 32 bytes', () => {
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('base64').replace(/=$/, '')).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('base64url')).equals(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['63 hex characters', 'a'.repeat(63)],
    ['65 hex characters', 'ab'.repeat(32) + 'a'],
    ['non-hex characters', 'g'.repeat(64)],
    ['base64 of 16 bytes', randomBytes(16).toString('base64')],
    ['base64 of 33 bytes', randomBytes(33).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['all zero bytes', '0'.repeat(64)],
    ['mixed base64 alphabets', `${key.toString('base64url').slice(0, 42).replace(/^./, '-')}+`],
  ])('rejects %s with a clear message', (_name, input) => {
    expect(() => parseMasterKey(input)).toThrow(/Master key is invalid/);
  });

  it('rejects base64 with non-zero padding bits', () => {
    const canonical = key.toString('base64').replace(/=$/, '');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = canonical.at(-1) ?? 'A';
    const variant = canonical.slice(0, -1) + alphabet[alphabet.indexOf(last) | 1];
    expect(variant).not.toBe(canonical);
    expect(() => parseMasterKey(variant)).toThrow(/Master key is invalid/);
  });
});
