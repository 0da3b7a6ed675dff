import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signToken, verifyToken } from './tokens.js';

const secret = 'a-test-secret-of-sufficient-length';
const schema = z.object({ recordingId: z.string().uuid(), userId: z.number().int() });
const payload = { recordingId: '6f1c2a52-1b8e-4a7e-9a55-0d8f4b2a9c11', userId: 42 };
const now = new Date('2025-03-01T12:00:00Z');

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function macOf(body: string, key: string = secret): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

describe('signToken / verifyToken', () => {
  it('round-trips a payload and strips purpose and exp', () => {
    const token = signToken(secret, 'playback', payload, 60, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyToken(secret, 'playback', token, schema, now)).toEqual(payload);
  });

  it('accepts a Buffer secret equal to the string secret', () => {
    const token = signToken(Buffer.from(secret), 'playback', payload, 60, now);
    expect(verifyToken(secret, 'playback', token, schema, now)).toEqual(payload);
  });

  it('embeds purpose and exp in seconds', () => {
    const token = signToken(secret, 'playback', payload, 60, now);
    const body = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as unknown;
    expect(body).toEqual({ ...payload, purpose: 'playback', exp: now.getTime() / 1000 + 60 });
  });

  it('is valid until the last second before exp, and expired from exp on', () => {
    const token = signToken(secret, 'playback', payload, 60, now);
    expect(verifyToken(secret, 'playback', token, schema, new Date(now.getTime() + 59_999))).toEqual(payload);
    expect(verifyToken(secret, 'playback', token, schema, new Date(now.getTime() + 60_000))).toBeNull();
    expect(verifyToken(secret, 'playback', token, schema, new Date(now.getTime() + 86_400_000))).toBeNull();
  });

  it('rejects a token made for another purpose', () => {
    const token = signToken(secret, 'withdraw', payload, 60, now);
    expect(verifyToken(secret, 'playback', token, schema, now)).toBeNull();
  });

  it('rejects a token signed with another secret', () => {
    const token = signToken('another-secret-of-enough-length', 'playback', payload, 60, now);
    expect(verifyToken(secret, 'playback', token, schema, now)).toBeNull();
  });

  it('rejects an edited payload with the original mac', () => {
    const token = signToken(secret, 'playback', payload, 60, now);
    const [, mac] = token.split('.');
    const forgedBody = b64({ ...payload, userId: 43, purpose: 'playback', exp: now.getTime() / 1000 + 60 });
    expect(verifyToken(secret, 'playback', `${forgedBody}.${mac}`, schema, now)).toBeNull();
  });

  it('rejects an extended expiry with the original mac', () => {
    const token = signToken(secret, 'playback', payload, 60, now);
    const [, mac] = token.split('.');
    const forgedBody = b64({ ...payload, purpose: 'playback', exp: now.getTime() / 1000 + 3600 });
    expect(verifyToken(secret, 'playback', `${forgedBody}.${mac}`, schema, now)).toBeNull();
  });

  it('rejects a forged or altered mac', () => {
    const token = signToken(secret, 'playback', payload, 60, now);
    const [body, mac = ''] = token.split('.');
    const flipped = Buffer.from(mac, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 0x80;
    expect(verifyToken(secret, 'playback', `${body}.${flipped.toString('base64url')}`, schema, now)).toBeNull();
    expect(verifyToken(secret, 'playback', `${body}.${mac.slice(0, -2)}`, schema, now)).toBeNull();
    expect(verifyToken(secret, 'playback', `${body}.`, schema, now)).toBeNull();
  });

  it('rejects a non-canonical spelling of the mac', () => {
    const token = signToken(secret, 'playback', payload, 60, now);
    const [body, mac = ''] = token.split('.');
    // 32 bytes = 43 characters with 2 unused bits at the end.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variant = mac.slice(0, -1) + alphabet[alphabet.indexOf(mac.at(-1) ?? 'A') | 1];
    expect(Buffer.from(variant, 'base64url').equals(Buffer.from(mac, 'base64url'))).toBe(true);
    expect(verifyToken(secret, 'playback', `${body}.${variant}`, schema, now)).toBeNull();
  });

  it('rejects a correctly signed payload that does not match the schema', () => {
    const token = signToken(secret, 'playback', { recordingId: 'not-a-uuid', userId: 42 }, 60, now);
    expect(verifyToken(secret, 'playback', token, schema, now)).toBeNull();
  });

  it.each([
    ['an array body', [1, 2]],
    ['a string body', 'hello'],
    ['null', null],
    ['a missing exp', { ...payload, purpose: 'playback' }],
    ['a string exp', { ...payload, purpose: 'playback', exp: '99999999999' }],
    ['a missing purpose', { ...payload, exp: 99_999_999_999 }],
  ])('rejects a correctly signed token with %s', (_name, body) => {
    const encoded = b64(body);
    expect(verifyToken(secret, 'playback', `${encoded}.${macOf(encoded)}`, schema, now)).toBeNull();
  });

  it('rejects a correctly signed body that is not JSON', () => {
    const encoded = Buffer.from('{not json', 'utf8').toString('base64url');
    expect(verifyToken(secret, 'playback', `${encoded}.${macOf(encoded)}`, schema, now)).toBeNull();
  });

  it.each(['', '.', 'abc', 'a.b.c', 'a b.c', 'abc.d!f', 'x'.repeat(9000) + '.abc'])(
    'rejects malformed token %j',
    (token) => {
      expect(verifyToken(secret, 'playback', token, schema, now)).toBeNull();
    },
  );

  it('refuses to sign with bad arguments', () => {
    expect(() => signToken('short', 'playback', payload, 60, now)).toThrow(/at least 16 bytes/);
    expect(() => signToken(secret, '', payload, 60, now)).toThrow(/purpose/);
    expect(() => signToken(secret, 'playback', payload, 0, now)).toThrow(/ttlSeconds/);
    expect(() => signToken(secret, 'playback', payload, 1.5, now)).toThrow(/ttlSeconds/);
    expect(() => signToken(secret, 'playback', { exp: 1 }, 60, now)).toThrow(/reserved/);
    expect(() => signToken(secret, 'playback', { purpose: 'x' }, 60, now)).toThrow(/reserved/);
  });

  it('verifies tokens signed by another process holding the same secret', () => {
    // Built by hand, exactly as documented, to pin the wire format.
    const body = b64({ ...payload, purpose: 'playback', exp: now.getTime() / 1000 + 10 });
    expect(verifyToken(secret, 'playback', `${body}.${macOf(body)}`, schema, now)).toEqual(payload);
  });
});
