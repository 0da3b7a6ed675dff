import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const MEDIA_KEY_BYTES = 16; // HLS AES-128
const MASTER_KEY_BYTES = 32; // AES-256-GCM
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_VERSION = 'v1';
// The version string is authenticated too, so a future format cannot be
// downgraded to v1 by editing the prefix.
const AAD = Buffer.from(`spreekkamer-media-key-${FORMAT_VERSION}`, 'utf8');

/** Thrown when a wrapped key is malformed, tampered with, or wrapped by another master key. */
export class KeyUnwrapError extends Error {
  constructor(message = 'wrapped media key could not be unwrapped') {
    super(message);
    this.name = 'KeyUnwrapError';
  }
}

export function generateMediaKey(): Buffer {
  return randomBytes(MEDIA_KEY_BYTES);
}

export function wrapKey(masterKey: Buffer, mediaKey: Buffer): string {
  assertMasterKey(masterKey);
  if (mediaKey.length === 0) throw new TypeError('media key is empty');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(mediaKey), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT_VERSION, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function unwrapKey(masterKey: Buffer, wrapped: string): Buffer {
  assertMasterKey(masterKey);
  const parts = wrapped.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT_VERSION) {
    throw new KeyUnwrapError('wrapped media key has an unknown format');
  }
  const iv = decodeStrictBase64url(parts[1]);
  const tag = decodeStrictBase64url(parts[2]);
  const ciphertext = decodeStrictBase64url(parts[3]);
  if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !ciphertext || ciphertext.length === 0) {
    throw new KeyUnwrapError('wrapped media key has an unknown format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new KeyUnwrapError('wrapped media key failed authentication (tampered or wrong master key)');
  }
}

/**
 * Parses the master key from configuration: 64 hex characters, or base64 /
 * base64url of exactly 32 bytes. Whitespace around the value is ignored.
 */
export function parseMasterKey(text: string): Buffer {
  const value = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value)) {
    key = Buffer.from(value, 'hex');
  } else if (/^[A-Za-z0-9+/]{43}=?$/.test(value) || /^[A-Za-z0-9_-]{43}$/.test(value)) {
    const standard = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=$/, '');
    const decoded = Buffer.from(standard, 'base64');
    // 43 characters carry 258 bits; only the canonical encoding (last 2 bits zero) is accepted.
    if (decoded.length === MASTER_KEY_BYTES && decoded.toString('base64').replace(/=$/, '') === standard) {
      key = decoded;
    }
  }
  if (!key) {
    throw new Error(
      'Master key is invalid: expected 64 hexadecimal characters or base64 of exactly 32 bytes ' +
        '(generate one with: openssl rand -hex 32)',
    );
  }
  const parsed = key;
  if (parsed.every((byte) => byte === parsed[0])) {
    throw new Error('Master key is invalid: all bytes are equal, which looks like a placeholder');
  }
  return parsed;
}

function assertMasterKey(masterKey: Buffer): void {
  if (masterKey.length !== MASTER_KEY_BYTES) {
    throw new TypeError(`master key must be ${MASTER_KEY_BYTES} bytes, got ${masterKey.length}`);
  }
}

// Node's base64url decoder silently skips invalid characters; a wrapped key
// is only accepted in its exact canonical form.
function decodeStrictBase64url(text: string | undefined): Buffer | undefined {
  if (!text || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const decoded = Buffer.from(text, 'base64url');
  return decoded.toString('base64url') === text ? decoded : undefined;
}
