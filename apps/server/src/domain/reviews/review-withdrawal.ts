import type { AuditLog } from '../../audit/audit-log.js';
import type { MomentsRepository } from '../../db/repositories/moments.repository.js';
import type { SharesRepository } from '../../db/repositories/shares.repository.js';
import type { ShareCuts } from './share-cuts.js';

/** Tells these people that something shared with them was deleted; says nothing about whom or why. */
export type SharesRemovedNotice = (organisationId: string, userIds: readonly string[]) => Promise<void>;

/**
 * Removes everything the review features hold about a conversation's recordings: moments (with
 * their notes), shares, comments, meetings, takeaways, agreements and client points. Runs when the
 * client withdraws consent (and may run again safely: it deletes what is still there).
 * Only counts go to the audit log.
 */
export async function removeReviewDataOfConversation(
  deps: { moments: MomentsRepository; audit: AuditLog; now: () => Date; sharesRemoved?: SharesRemovedNotice | undefined },
  conversationId: string,
): Promise<void> {
  const recordings = await deps.moments.recordingIdsForConversation(conversationId);
  const recordingIds = recordings.map((r) => r.id);
  // Asked before the rows go: whoever could still watch a part hears that it was deleted (nothing more).
  const recipients = deps.sharesRemoved ? await deps.moments.shareRecipientsOf(recordingIds, deps.now().toISOString()) : [];
  const removed = await deps.moments.deleteAllForRecordings(recordingIds);
  const organisationId = recordings[0]?.organisation_id;
  if (deps.sharesRemoved && organisationId && recipients.length > 0) await deps.sharesRemoved(organisationId, recipients);
  if (Object.values(removed).some((n) => n > 0)) {
    await deps.audit.record({ organisationId: recordings[0]?.organisation_id ?? null, actorUserId: null, action: 'review.removed_on_withdrawal', subjectType: 'conversation', subjectId: conversationId, details: removed });
  }
}

/**
 * The client took back "kijk met ons mee" (only that choice): every active share of the
 * conversation's recordings for policy is revoked and its cuts (with the salts of their keys) go
 * at once, like a share the owner stops. Safe to run twice.
 */
export async function endPolicySharesOfConversation(
  deps: { moments: MomentsRepository; shares: SharesRepository; cuts: ShareCuts; audit: AuditLog; now: () => Date },
  conversationId: string,
): Promise<void> {
  const recordings = await deps.moments.recordingIdsForConversation(conversationId);
  const at = deps.now().toISOString();
  const shares = await deps.shares.listActivePolicyForRecordings(recordings.map((r) => r.id), at);
  for (const share of shares) {
    await deps.shares.revoke(share.id, at);
    await deps.cuts.endShare(share.id);
  }
  if (shares.length > 0) {
    await deps.audit.record({ organisationId: recordings[0]?.organisation_id ?? null, actorUserId: null, action: 'review.policy_shares_ended', subjectType: 'conversation', subjectId: conversationId, details: { shares: shares.length } });
  }
}
