import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { signToken, verifyToken } from '../../crypto/tokens.js';
import type { Actor } from '../access/index.js';
import { AppError } from '../errors.js';

const TOKEN_PURPOSE = 'recording-playback';
const rangeSchema = z.tuple([z.number(), z.number()]);
const tokenSchema = z.object({
  /** recording */
  r: z.string().uuid(),
  /** viewer (user id) */
  v: z.string().uuid(),
  /** allowed ranges */
  a: z.union([z.literal('all'), z.array(rangeSchema).min(1).max(200)]),
  k: z.enum(['owner', 'reviewer', 'peer_group', 'client', 'policy']),
  /** The exact cut of a shared span this token plays; without it, only the whole recording (owner). */
  c: z.string().uuid().optional(),
});
export type PlaybackToken = z.infer<typeof tokenSchema>;

/**
 * The short-lived playback tokens: stateless (any process with the secret verifies them), bound to
 * viewer, recording and allowed spans. PlaybackService mints them with a descriptor and checks
 * them before the access gate on every media request.
 */
export class PlaybackTokens {
  constructor(private readonly deps: { secret: Buffer; ttlSeconds: number; now: Clock }) {}

  get ttlSeconds(): number {
    return this.deps.ttlSeconds;
  }

  sign(claims: PlaybackToken, now: Date): string {
    return signToken(this.deps.secret, TOKEN_PURPOSE, claims, this.deps.ttlSeconds, now);
  }

  /** A token works only for the recording and the person it was made for: a copied URL is useless to anyone else. */
  verify(actor: Actor, recordingId: string, token: string | undefined): PlaybackToken {
    const claims = token ? verifyToken(this.deps.secret, TOKEN_PURPOSE, token, tokenSchema, this.deps.now()) : null;
    if (!claims || claims.r !== recordingId || claims.v !== actor.userId) throw new AppError('playback_token_invalid');
    return claims;
  }
}
