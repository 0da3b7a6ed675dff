import type { ReviewExport } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { CommentsRepository } from '../../db/repositories/comments.repository.js';
import type { MomentsRepository } from '../../db/repositories/moments.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import { toMoment } from './mapping.js';

/** The professional's own moments, notes and takeaways of one recording, as text. */
export class ReviewExportService {
  constructor(private readonly deps: { gate: AccessGate; moments: MomentsRepository; comments: CommentsRepository; audit: AuditLog }) {}

  async build(actor: Actor, recordingId: string, format: 'json' | 'markdown' | 'csv'): Promise<ReviewExport> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    const recording = await this.deps.moments.findRecording(recordingId);
    if (!recording) throw new AppError('not_found');
    const moments = await this.deps.moments.listForRecording(recordingId);
    const takeaways = await this.deps.comments.listTakeaways(recordingId);
    const outcomes = await this.deps.comments.listOutcomes(recordingId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.exported', subjectType: 'recording', subjectId: recordingId, details: { format } });
    return {
      recordingId,
      conversationHeldOn: recording.held_on,
      exportedAt: this.deps.gate.now().toISOString(),
      moments: moments.map((row) => ({
        ...toMoment(row),
        takeaways: takeaways.filter((t) => t.moment_id === row.id).map((t) => ({ kind: t.kind, body: t.body, authorName: t.author_name })),
      })),
      outcomes: outcomes.map((o) => ({ kind: o.kind, text: o.text, authorName: o.author_name, createdAt: o.created_at })),
    };
  }
}
