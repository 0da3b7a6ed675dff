import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openVoiceNote, sealVoiceNote } from './voice-note-crypto.js';

describe('voice note encryption', () => {
  const master = randomBytes(32);
  const audio = Buffer.from('OggS pretend audio with enough bytes to matter');

  it('round-trips with the same master key and never stores the audio in the clear', () => {
    const sealed = sealVoiceNote(master, audio);
    expect(Buffer.from(sealed.ciphertext, 'base64').includes(audio)).toBe(false);
    expect(openVoiceNote(master, sealed).equals(audio)).toBe(true);
  });

  it('uses a fresh key per note', () => {
    expect(sealVoiceNote(master, audio).wrappedKey).not.toBe(sealVoiceNote(master, audio).wrappedKey);
  });

  it('refuses another master key and tampered ciphertext', () => {
    const sealed = sealVoiceNote(master, audio);
    expect(() => openVoiceNote(randomBytes(32), sealed)).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => openVoiceNote(master, { ...sealed, ciphertext: bytes.toString('base64') })).toThrow();
  });
});
