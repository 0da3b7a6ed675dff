import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateMediaKey } from './envelope.js';
import { deriveCutKey, DerivedDataError, openDerived, sealDerived } from './derived-data.js';

describe('derived data sealing', () => {
  it('round-trips and hides the plaintext', () => {
    const key = generateMediaKey();
    const plaintext = Buffer.from(JSON.stringify({ peaks: [0, 0.5, 1] }));
    const sealed = sealDerived(key, 'peaks', plaintext);
    expect(sealed.includes(plaintext)).toBe(false);
    expect(openDerived(key, 'peaks', sealed)).toEqual(plaintext);
  });

  it('refuses another key, another label, and any changed byte', () => {
    const key = generateMediaKey();
    const sealed = sealDerived(key, 'poster', Buffer.from('jpeg bytes'));
    expect(() => openDerived(generateMediaKey(), 'poster', sealed)).toThrow(DerivedDataError);
    expect(() => openDerived(key, 'peaks', sealed)).toThrow(DerivedDataError);
    for (const index of [0, 5, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(() => openDerived(key, 'poster', tampered)).toThrow(DerivedDataError);
    }
    expect(() => openDerived(key, 'poster', sealed.subarray(0, 10))).toThrow(DerivedDataError);
  });
});

describe('the key of an exact cut', () => {
  const mediaKey = randomBytes(16);
  const salt = randomBytes(32);

  it('is the same for the same recording key, salt and cut, and 16 bytes long', () => {
    expect(deriveCutKey(mediaKey, salt, 'cut-a')).toEqual(deriveCutKey(mediaKey, Buffer.from(salt), 'cut-a'));
    expect(deriveCutKey(mediaKey, salt, 'cut-a')).toHaveLength(16);
  });

  it('differs with another salt, another cut or another recording key, and is never the recording key', () => {
    const key = deriveCutKey(mediaKey, salt, 'cut-a');
    expect(key.equals(deriveCutKey(mediaKey, randomBytes(32), 'cut-a'))).toBe(false);
    expect(key.equals(deriveCutKey(mediaKey, salt, 'cut-b'))).toBe(false);
    expect(key.equals(deriveCutKey(randomBytes(16), salt, 'cut-a'))).toBe(false);
    expect(key.equals(mediaKey)).toBe(false);
  });

  it('refuses a short salt or a wrong-size recording key', () => {
    expect(() => deriveCutKey(mediaKey, randomBytes(8), 'cut-a')).toThrow();
    expect(() => deriveCutKey(randomBytes(32), salt, 'cut-a')).toThrow();
  });
});
