import { describe, expect, it } from 'vitest';
import { generateMediaKey } from './envelope.js';
import { DerivedDataError, openDerived, sealDerived } from './derived-data.js';

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
