import { randomUUID } from 'node:crypto';
import type { Outcome, OutcomeList, ReviewMeeting } from '@spreekkamer/shared';
import type { CommentsRepository, OutcomeRow } from '../../db/repositories/comments.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { SharesRepository } from '../../db/repositories/shares.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { toComment, toOutcome } from './mapping.js';
import type { SharesService } from './shares.service.js';

/**
 * The review meeting (nagesprek): the reviewer prepares an analysis of the shared moments, and
 * both record takeaways and agreements on the recording. The professional keeps them after the
 * share has ended; the reviewer sees them only while it is active.
 */
export class ReviewMeetingService {
  constructor(
    private readonly deps: { gate: AccessGate; unitOfWork: UnitOfWork; shares: SharesService; shareRows: SharesRepository; comments: CommentsRepository; users: UsersRepository },
  ) {}

  async get(actor: Actor, shareId: string): Promise<ReviewMeeting> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.read', ids: [shareId] });
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
    await requireAccess(this.deps.gate, { actor, permission: 'share.reviewer', ids: [shareId] });
    const share = await this.deps.shareRows.findById(shareId);
    if (!share) throw new AppError('not_found');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.comments.upsertMeeting({ share_id: shareId, analysis: input.analysis, meeting_on: input.meetingOn, updated_at: this.deps.gate.now().toISOString() });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.analysis_saved', subjectType: 'recording', subjectId: share.recording_id, details: { shareId } });
    });
    return this.get(actor, shareId);
  }

  async outcomes(actor: Actor, recordingId: string): Promise<OutcomeList> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    return {
      outcomes: (await this.deps.comments.listOutcomes(recordingId)).map(toOutcome),
      takeawayComments: (await this.deps.comments.listTakeaways(recordingId)).map((row) => ({ ...toComment(row), momentTitle: row.moment_title })),
    };
  }

  /** The owner on their recording, or a recipient within their active share. */
  async addOutcome(actor: Actor, recordingId: string, input: { kind: OutcomeRow['kind']; text: string; shareId: string | null }): Promise<Outcome> {
    await requireAccess(this.deps.gate, input.shareId ? { actor, permission: 'share.read', ids: [input.shareId] } : { actor, permission: 'recording.owner', ids: [recordingId] });
    if (input.shareId && (await this.deps.shareRows.findById(input.shareId))?.recording_id !== recordingId) throw new AppError('not_found');
    const row: OutcomeRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      recording_id: recordingId,
      share_id: input.shareId,
      author_id: actor.userId,
      kind: input.kind,
      text: input.text,
      created_at: this.deps.gate.now().toISOString(),
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.comments.insertOutcome(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.outcome_added', subjectType: 'recording', subjectId: recordingId, details: { outcomeId: row.id, kind: input.kind, shareId: input.shareId } });
    });
    const author = await this.deps.users.findById(actor.userId);
    return toOutcome({ ...row, author_name: author?.name ?? '' });
  }

  async deleteOutcome(actor: Actor, outcomeId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'outcome.author', ids: [outcomeId] });
    const outcome = await this.deps.comments.findOutcome(outcomeId);
    if (!outcome) throw new AppError('not_found');
    // Still reachable: a reviewer whose share ended changes nothing in it.
    await requireAccess(this.deps.gate, outcome.share_id ? { actor, permission: 'share.read', ids: [outcome.share_id] } : { actor, permission: 'recording.owner', ids: [outcome.recording_id] });
    await this.deps.comments.deleteOutcome(outcomeId);
  }
}
