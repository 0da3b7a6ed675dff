/** The consent module's public surface for other features (see consent-policy.ts and withdrawal.ts). */
export {
  ConsentPolicy,
  assertMayRecord,
  assertMayShareWith,
  isConsentInForce,
  mayShareWith,
  retentionEndsAt,
  toConsentRecord,
  type ConsentRecord,
  type RecordingKind,
  type ShareAudience,
} from './consent-policy.js';
export type { ConsentWithdrawalListener, ConsentWithdrawnEvent } from './withdrawal.js';
