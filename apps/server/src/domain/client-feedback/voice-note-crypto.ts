import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { unwrapKey, wrapKey } from '../../crypto/envelope.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from('spreekkamer-voice-note-v1', 'utf8');

export interface SealedVoiceNote {
  wrappedKey: string;
  /** base64 of iv ‖ tag ‖ ciphertext */
  ciphertext: string;
}

/**
 * A voice note is encrypted with its own random key (AES-256-GCM); only that key, wrapped by the
 * master key, is stored next to it. Deleting the row destroys both.
 */
export function sealVoiceNote(masterKey: Buffer, audio: Buffer): SealedVoiceNote {
  const key = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(audio), cipher.final()]);
  return { wrappedKey: wrapKey(masterKey, key), ciphertext: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64') };
}

export function openVoiceNote(masterKey: Buffer, sealed: SealedVoiceNote): Buffer {
  const key = unwrapKey(masterKey, sealed.wrappedKey);
  const bytes = Buffer.from(sealed.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
