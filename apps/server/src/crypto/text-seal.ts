import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Free text at rest (a moment's title, a comment, a client's point) is sealed with AES-256-GCM
 * under a 32-byte text key that belongs to one recording or one client. The key itself is stored
 * only wrapped by the master key (see db/repositories/text-vault.ts), so destroying that one
 * wrapped key makes every text under it unreadable, also in old database pages, WAL, replicas
 * and backups.
 *
 * Stored form: base64 of `version (1 byte) ‖ nonce (12) ‖ tag (16) ‖ ciphertext`. The purpose
 * label ('moment.title', 'comment.body', …) is authenticated, so a sealed value cannot be moved
 * to another column and still open.
 */
const VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export class SealedTextError extends Error {
  constructor() {
    super('sealed text could not be opened (key destroyed, tampered or not sealed)');
    this.name = 'SealedTextError';
  }
}

export function generateTextKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function aad(purpose: string): Buffer {
  return Buffer.from(`spreekkamer-text-v${VERSION}:${purpose}`, 'utf8');
}

export function sealTextWithKey(key: Buffer, purpose: string, text: string): string {
  if (key.length !== KEY_BYTES) throw new TypeError(`text key must be ${KEY_BYTES} bytes`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(purpose));
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function openTextWithKey(key: Buffer, purpose: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  if (key.length !== KEY_BYTES || bytes.length < HEADER_BYTES || bytes[0] !== VERSION || bytes.toString('base64') !== sealed) throw new SealedTextError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(purpose));
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, HEADER_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedTextError();
  }
}
