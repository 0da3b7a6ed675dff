import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function randomToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 1) throw new RangeError('randomToken needs a positive whole number of bytes');
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hmacHex(secret: Buffer | string, text: string | Buffer): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/**
 * Compares two secrets without leaking where they differ or how long they
 * are: both are hashed first, so the comparison always covers 32 bytes.
 */
export function timingSafeEqualText(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB) && a === b;
}

/** Decimal code of `length` digits, each uniform over 0-9 (leading zeros kept). */
export function randomDigits(length: number): string {
  if (!Number.isInteger(length) || length < 1 || length > 1000) {
    throw new RangeError('randomDigits needs a length between 1 and 1000');
  }
  let digits = '';
  // randomInt uses rejection sampling, so there is no modulo bias.
  for (let i = 0; i < length; i++) digits += String(randomInt(10));
  return digits;
}
