import type { AuditLog } from '../../audit/audit-log.js';
import type { MomentsRepository } from '../../db/repositories/moments.repository.js';

/**
 * Removes everything the review features hold about a conversation's recordings: moments (with
 * their notes), shares, comments, meetings, takeaways, agreements and client points. Runs when the
 * client withdraws consent (and may run again safely: it deletes what is still there).
 * Only counts go to the audit log.
 */
export async function removeReviewDataOfConversation(deps: { moments: MomentsRepository; audit: AuditLog }, conversationId: string): Promise<void> {
  const recordings = await deps.moments.recordingIdsForConversation(conversationId);
  const recordingIds = recordings.map((r) => r.id);
  const removed = await deps.moments.deleteAllForRecordings(recordingIds);
  if (Object.values(removed).some((n) => n > 0)) {
    await deps.audit.record({ organisationId: recordings[0]?.organisation_id ?? null, actorUserId: null, action: 'review.removed_on_withdrawal', subjectType: 'conversation', subjectId: conversationId, details: removed });
  }
}
