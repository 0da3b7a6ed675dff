import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

// Tokens travel in URLs and headers; anything longer is not ours.
const MAX_TOKEN_LENGTH = 8192;
const MIN_SECRET_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Signs a stateless token: base64url(JSON payload + purpose + exp) "." base64url(HMAC-SHA256).
 * `exp` is in whole seconds since the epoch. Any server process holding the
 * same secret can verify it, so nothing needs to be stored.
 */
export function signToken(
  secret: Buffer | string,
  purpose: string,
  payload: Record<string, unknown>,
  ttlSeconds: number,
  now: Date = new Date(),
): string {
  const key = secretBytes(secret);
  if (purpose.length === 0) throw new TypeError('token purpose is empty');
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError('token ttlSeconds must be a positive whole number');
  }
  if ('purpose' in payload || 'exp' in payload) {
    throw new TypeError('token payload may not contain the reserved fields "purpose" or "exp"');
  }
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const body = Buffer.from(JSON.stringify({ ...payload, purpose, exp }), 'utf8').toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/**
 * Returns the payload (without `purpose` and `exp`) parsed by `schema`, or
 * null when the token is malformed, forged, meant for another purpose,
 * expired, or does not match the schema. Callers only need to handle null.
 */
export function verifyToken<T>(
  secret: Buffer | string,
  purpose: string,
  token: string,
  schema: z.ZodType<T>,
  now: Date = new Date(),
): T | null {
  const key = secretBytes(secret);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [body, signature] = parts as [string, string];
  if (!BASE64URL.test(body) || !BASE64URL.test(signature)) return null;

  const expected = mac(key, body);
  const given = Buffer.from(signature, 'base64url');
  // Non-canonical base64url (other trailing bits) would give a second valid spelling of one token.
  if (given.toString('base64url') !== signature) return null;
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return null;
  const { purpose: tokenPurpose, exp, ...payload } = decoded as Record<string, unknown>;
  if (tokenPurpose !== purpose) return null;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  if (Math.floor(now.getTime() / 1000) >= exp) return null;

  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

function secretBytes(secret: Buffer | string): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < MIN_SECRET_BYTES) {
    throw new RangeError(`token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return key;
}

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body, 'utf8').digest();
}
