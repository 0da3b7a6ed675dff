import { randomUUID } from 'node:crypto';
import type { Outcome, OutcomeList, ReviewMeeting } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { CommentsRepository, OutcomeRow } from '../../db/repositories/comments.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { Actor } from '../access.js';
import { AppError } from '../errors.js';
import { toComment, toOutcome } from './mapping.js';
import type { ReviewAccess } from './review-access.js';
import type { SharesService } from './shares.service.js';

/**
 * The review meeting (nagesprek): the reviewer prepares an analysis of the shared moments, and
 * both record takeaways and agreements on the recording. The professional keeps them after the
 * share has ended; the reviewer sees them only while it is active.
 */
export class ReviewMeetingService {
  constructor(private readonly deps: { access: ReviewAccess; shares: SharesService; comments: CommentsRepository; users: UsersRepository; audit: AuditLog }) {}

  async get(actor: Actor, shareId: string): Promise<ReviewMeeting> {
    const share = await this.deps.shares.detail(actor, shareId);
    const meeting = await this.deps.comments.findMeeting(shareId);
    return {
      share,
      analysis: meeting?.analysis ?? '',
      meetingOn: meeting?.meeting_on ?? null,
      analysisUpdatedAt: meeting?.updated_at ?? null,
      outcomes: (await this.deps.comments.listOutcomes(share.recordingId, shareId)).map(toOutcome),
      takeawayComments: (await this.deps.comments.listTakeaways(share.recordingId, shareId)).map((row) => ({ ...toComment(row), momentTitle: row.moment_title })),
    };
  }

  /** Only the reviewer the share names writes the analysis. */
  async update(actor: Actor, shareId: string, input: { analysis: string; meetingOn: string | null }): Promise<ReviewMeeting> {
    const { share } = await this.deps.access.receivedShare(actor, shareId);
    if (share.recipient_user_id !== actor.userId) throw new AppError('not_found');
    await this.deps.comments.upsertMeeting({ share_id: shareId, analysis: input.analysis, meeting_on: input.meetingOn, updated_at: this.deps.access.now().toISOString() });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.analysis_saved', subjectType: 'recording', subjectId: share.recording_id, details: { shareId } });
    return this.get(actor, shareId);
  }

  async outcomes(actor: Actor, recordingId: string): Promise<OutcomeList> {
    await this.deps.access.ownRecording(actor, recordingId);
    return {
      outcomes: (await this.deps.comments.listOutcomes(recordingId)).map(toOutcome),
      takeawayComments: (await this.deps.comments.listTakeaways(recordingId)).map((row) => ({ ...toComment(row), momentTitle: row.moment_title })),
    };
  }

  /** The owner on their recording, or a recipient within their active share. */
  async addOutcome(actor: Actor, recordingId: string, input: { kind: OutcomeRow['kind']; text: string; shareId: string | null }): Promise<Outcome> {
    if (input.shareId) {
      const { share } = await this.deps.access.share(actor, input.shareId);
      if (share.recording_id !== recordingId) throw new AppError('not_found');
    } else {
      await this.deps.access.ownRecording(actor, recordingId);
    }
    const row: OutcomeRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      recording_id: recordingId,
      share_id: input.shareId,
      author_id: actor.userId,
      kind: input.kind,
      text: input.text,
      created_at: this.deps.access.now().toISOString(),
    };
    await this.deps.comments.insertOutcome(row);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.outcome_added', subjectType: 'recording', subjectId: recordingId, details: { outcomeId: row.id, kind: input.kind, shareId: input.shareId } });
    const author = await this.deps.users.findById(actor.userId);
    return toOutcome({ ...row, author_name: author?.name ?? '' });
  }

  async deleteOutcome(actor: Actor, outcomeId: string): Promise<void> {
    const outcome = await this.deps.comments.findOutcome(outcomeId);
    if (!outcome || outcome.author_id !== actor.userId) throw new AppError('not_found');
    if (outcome.share_id) await this.deps.access.share(actor, outcome.share_id);
    else await this.deps.access.ownRecording(actor, outcome.recording_id);
    await this.deps.comments.deleteOutcome(outcomeId);
  }
}
