import { describe, expect, it } from 'vitest';
import { generateTextKey, openTextWithKey, SealedTextError, sealTextWithKey } from './text-seal.js';

describe('sealed text', () => {
  const key = generateTextKey();

  it('round-trips any text, with a fresh nonce each time', () => {
    const text = 'Zij zegt: "ik wil werk" — 😊\nregel 2';
    const a = sealTextWithKey(key, 'moment.title', text);
    const b = sealTextWithKey(key, 'moment.title', text);
    expect(a).not.toBe(b);
    expect(a).not.toContain('werk');
    expect(openTextWithKey(key, 'moment.title', a)).toBe(text);
    expect(openTextWithKey(key, 'moment.title', sealTextWithKey(key, 'moment.title', ''))).toBe('');
  });

  it('starts with the version byte', () => {
    expect(Buffer.from(sealTextWithKey(key, 'x', 'y'), 'base64')[0]).toBe(1);
  });

  it.each([
    ['another key', (s: string) => openTextWithKey(generateTextKey(), 'moment.title', s)],
    ['another purpose', (s: string) => openTextWithKey(key, 'moment.notes', s)],
    ['a flipped byte', (s: string) => {
      const bytes = Buffer.from(s, 'base64');
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
      return openTextWithKey(key, 'moment.title', bytes.toString('base64'));
    }],
    ['plain text', () => openTextWithKey(key, 'moment.title', 'gewoon een zin')],
    ['a truncated value', (s: string) => openTextWithKey(key, 'moment.title', s.slice(0, 20))],
  ])('refuses to open with %s', (_name, open) => {
    const sealed = sealTextWithKey(key, 'moment.title', 'Een moment');
    expect(() => open(sealed)).toThrow(SealedTextError);
  });
});
