import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Derived data of a recording (waveform peaks, poster frame) is sealed with a subkey of that
 * recording's own media key. Destroying the wrapped media key therefore makes these unreadable
 * too, exactly like the HLS segments. The subkey is separate per label, so the same AES key is
 * never used in two modes (HLS uses AES-128-CBC with the media key itself).
 */
function subkey(mediaKey: Buffer, label: string): Buffer {
  if (mediaKey.length !== 16) throw new TypeError('media key must be 16 bytes');
  return Buffer.from(hkdfSync('sha256', mediaKey, Buffer.alloc(0), `spreekkamer-derived-v1:${label}`, 16));
}

export function sealDerived(mediaKey: Buffer, label: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-128-gcm', subkey(mediaKey, label), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(label, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

export class DerivedDataError extends Error {
  constructor() {
    super('derived data could not be opened (tampered, truncated or another key)');
    this.name = 'DerivedDataError';
  }
}

export function openDerived(mediaKey: Buffer, label: string, sealed: Buffer): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new DerivedDataError();
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-128-gcm', subkey(mediaKey, label), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(label, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DerivedDataError();
  }
}

/**
 * The AES-128 key of one exact cut of a shared span: HKDF from the recording's media key and the
 * cut's own random salt (stored only in its share_cuts row). Without the row, or without the
 * recording's key, the cut cannot be decrypted; no two cuts share a key.
 */
export function deriveCutKey(mediaKey: Buffer, salt: Buffer, cutId: string): Buffer {
  if (mediaKey.length !== 16) throw new TypeError('media key must be 16 bytes');
  if (salt.length < 16) throw new TypeError('cut salt must be at least 16 bytes');
  return Buffer.from(hkdfSync('sha256', mediaKey, salt, `spreekkamer-span-cut-v1:${cutId}`, 16));
}
