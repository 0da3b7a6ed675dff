/**
 * What a consent allows. Recordings and sharing import this module and nothing else from consent:
 *
 *   const policy = new ConsentPolicy(repositories.consents);
 *   const consent = await policy.findActiveConsent(conversationId);
 *   assertMayRecord(consent, 'video');                    // throws recording_consent_missing / _audio_only
 *   mayShareWith(consent, 'reviewer', reviewerUserId);    // boolean; assertMayShareWith throws consent_scope_exceeded
 *   retentionEndsAt(consent, processedAt);                // Date
 *
 * A consent is "in force" only when the client gave it, did not withdraw it, and the professional
 * confirmed their own consent. Every check below starts from that.
 */
import type { ConsentAudience, ConsentMedia, ConsentStatus } from '@spreekkamer/shared';
import type { ConsentRow, ConsentsRepository } from '../../db/repositories/consents.repository.js';
import { AppError } from '../errors.js';

/** A consent as the rest of the server sees it (plain data, no database types). */
export interface ConsentRecord {
  id: string;
  conversationId: string;
  clientId: string;
  professionalId: string;
  status: ConsentStatus;
  media: ConsentMedia;
  /** The widest circle that may watch: professional < reviewer < peer_group. */
  audience: ConsentAudience;
  /** The named reviewer; null with audience reviewer/peer_group means "a reviewer, not named yet". */
  reviewerUserId: string | null;
  /** For a reviewer not named yet: anyone, only from the organisation, or only from outside. */
  reviewerFrom: 'any' | 'internal' | 'external';
  watchWithClient: boolean;
  feedbackViaReviewer: boolean;
  /** "Kijk met ons mee": a fragment may be shown to a policy advisor or the management team. */
  policyViewing: boolean;
  retentionDays: number;
  textVersion: string;
  givenAt: string;
  professionalConsentedAt: string | null;
  withdrawnAt: string | null;
}

export type RecordingKind = 'video' | 'audio';
export type ShareAudience = 'reviewer' | 'peer_group' | 'client' | 'policy';

export function toConsentRecord(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    clientId: row.client_id,
    professionalId: row.professional_id,
    status: row.status,
    media: row.media,
    audience: row.audience,
    reviewerUserId: row.reviewer_user_id,
    reviewerFrom: row.reviewer_from,
    watchWithClient: row.watch_with_client === 1,
    feedbackViaReviewer: row.feedback_via_reviewer === 1,
    policyViewing: row.policy_viewing === 1,
    retentionDays: row.retention_days,
    textVersion: row.text_version,
    givenAt: row.given_at,
    professionalConsentedAt: row.professional_consented_at,
    withdrawnAt: row.withdrawn_at,
  };
}

export class ConsentPolicy {
  constructor(private readonly consents: ConsentsRepository) {}

  /**
   * The client's consent for this conversation that is given and not withdrawn, or null. It may
   * still lack the professional's own confirmation: pass it to assertMayRecord / mayShareWith,
   * which check that too. Read it again right before acting; it can be withdrawn at any moment.
   */
  async findActiveConsent(conversationId: string): Promise<ConsentRecord | null> {
    const row = await this.consents.findActiveForConversation(conversationId);
    return row ? toConsentRecord(row) : null;
  }
}

/** Given by the client, confirmed by the professional, not withdrawn. */
export function isConsentInForce(consent: ConsentRecord | null | undefined): consent is ConsentRecord {
  return (
    consent !== null &&
    consent !== undefined &&
    consent.status === 'given' &&
    consent.withdrawnAt === null &&
    consent.professionalConsentedAt !== null &&
    consent.media !== 'none'
  );
}

/**
 * Throws unless this kind of recording is allowed: no consent in force → recording_consent_missing;
 * video under an audio-only consent → recording_consent_audio_only. Audio under a video consent is
 * allowed (it is less).
 */
export function assertMayRecord(consent: ConsentRecord | null | undefined, kind: RecordingKind): asserts consent is ConsentRecord {
  if (!isConsentInForce(consent)) throw new AppError('recording_consent_missing');
  if (kind === 'video' && consent.media !== 'video') throw new AppError('recording_consent_audio_only');
}

/**
 * May content of this conversation be shared with this audience?
 * - 'client': only when the client chose to watch fragments together (watchWithClient).
 * - 'reviewer': audience reviewer or peer_group; when the consent names a reviewer, only that
 *   person (pass their user id); when it left the reviewer open, any reviewer (the caller still
 *   checks that the recipient holds the reviewer role in the same organisation).
 *   When the client chose "from the organisation" or "from outside" for an open reviewer, pass
 *   whether the recipient is external: without that answer the share is refused.
 * - 'peer_group': audience peer_group only.
 * - 'policy': only when the client chose "kijk met ons mee" (policyViewing), whatever the audience;
 *   the caller checks that the recipient is a policy advisor or management team member.
 */
export function mayShareWith(consent: ConsentRecord | null | undefined, audience: ShareAudience, reviewerUserId?: string, recipientExternal?: boolean): boolean {
  if (!isConsentInForce(consent)) return false;
  switch (audience) {
    case 'client':
      return consent.watchWithClient;
    case 'peer_group':
      return consent.audience === 'peer_group';
    case 'policy':
      return consent.policyViewing;
    case 'reviewer':
      if (consent.audience !== 'reviewer' && consent.audience !== 'peer_group') return false;
      if (consent.reviewerUserId !== null) return consent.reviewerUserId === reviewerUserId;
      if (consent.reviewerFrom === 'any') return true;
      return recipientExternal !== undefined && recipientExternal === (consent.reviewerFrom === 'external');
  }
}

/** Like mayShareWith, but throws consent_scope_exceeded (403) when not allowed. */
export function assertMayShareWith(consent: ConsentRecord | null | undefined, audience: ShareAudience, reviewerUserId?: string): asserts consent is ConsentRecord {
  if (!mayShareWith(consent, audience, reviewerUserId)) throw new AppError('consent_scope_exceeded');
}

const dayMs = 24 * 60 * 60 * 1000;

/** When the recording must be gone: processing time plus the consented number of days. */
export function retentionEndsAt(consent: Pick<ConsentRecord, 'retentionDays'>, processedAt: Date | string): Date {
  const start = typeof processedAt === 'string' ? new Date(processedAt) : processedAt;
  if (Number.isNaN(start.getTime())) throw new TypeError('processedAt is not a valid time');
  return new Date(start.getTime() + consent.retentionDays * dayMs);
}
