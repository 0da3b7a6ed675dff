import { randomUUID } from 'node:crypto';
import type { Comment, CommentKind } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { CommentRow, CommentsRepository } from '../../db/repositories/comments.repository.js';
import type { MomentRow, MomentsRepository } from '../../db/repositories/moments.repository.js';
import type { SharesRepository } from '../../db/repositories/shares.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { checkAccess, requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { isOnlyJudging } from './judging.js';
import { toComment } from './mapping.js';

export interface CommentsDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  moments: MomentsRepository;
  shares: SharesRepository;
  comments: CommentsRepository;
  users: UsersRepository;
  audit: AuditLog;
}

export interface NewComment {
  shareId: string | null;
  parentId: string | null;
  atSeconds: number;
  kind: CommentKind;
  body: string;
  confirmJudging: boolean;
}

/** Which threads on a moment the actor may read and write: null stands for the owner's own remarks. */
interface MomentView {
  moment: MomentRow;
  isOwner: boolean;
  threads: (string | null)[] | 'all';
}

/**
 * Comments on a moment, in threads per share: a reviewer sees the thread of their share, a peer
 * group the thread of the group's share, the professional all of them. The professional alone
 * marks takeaways.
 */
export class CommentsService {
  constructor(private readonly deps: CommentsDependencies) {}

  async list(actor: Actor, momentId: string, shareId?: string): Promise<Comment[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'moment.read', ids: [momentId] });
    const view = await this.view(actor, momentId, shareId);
    return (await this.deps.comments.listForMoment(momentId, view.threads)).map(toComment);
  }

  async create(actor: Actor, momentId: string, input: NewComment): Promise<Comment> {
    await requireAccess(this.deps.gate, { actor, permission: 'moment.read', ids: [momentId] });
    const view = await this.view(actor, momentId, input.shareId ?? undefined);
    if (input.shareId === null && !view.isOwner) throw new AppError('not_found');
    const moment = view.moment;
    if (input.atSeconds < Number(moment.start_seconds) - 0.05 || input.atSeconds > Number(moment.end_seconds) + 0.05) {
      throw new AppError('moment_out_of_range', [{ path: 'atSeconds', message: 'invalid' }]);
    }
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await this.deps.comments.findById(input.parentId);
      if (!parent || parent.moment_id !== momentId || parent.share_id !== input.shareId) throw new AppError('not_found', [{ path: 'parentId', message: 'id' }]);
      // Threads are one level deep: a reply to a reply joins the same thread.
      parentId = parent.parent_id ?? parent.id;
    }
    if (!input.confirmJudging && isOnlyJudging(input.body)) throw new AppError('comment_judging', [{ path: 'body', message: 'invalid' }]);

    const row: CommentRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      moment_id: momentId,
      share_id: input.shareId,
      parent_id: parentId,
      author_id: actor.userId,
      at_seconds: input.atSeconds,
      kind: input.kind,
      body: input.body,
      takeaway: 0,
      created_at: this.deps.gate.now().toISOString(),
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.comments.insert(row);
      await audit.record({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'review.comment_added',
        subjectType: 'recording',
        subjectId: moment.recording_id,
        details: { commentId: row.id, shareId: input.shareId, kind: input.kind, reply: parentId !== null, judgingConfirmed: input.confirmJudging && isOnlyJudging(input.body) },
      });
    });
    const author = await this.deps.users.findById(actor.userId);
    return toComment({ ...row, author_name: author?.name ?? '' });
  }

  async delete(actor: Actor, commentId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'comment.author', ids: [commentId] });
    const comment = await this.deps.comments.findById(commentId);
    if (!comment) throw new AppError('not_found');
    // Still allowed to reach the thread: a reviewer whose share ended cannot change anything in it.
    await requireAccess(this.deps.gate, { actor, permission: 'moment.read', ids: [comment.moment_id] });
    await this.view(actor, comment.moment_id, comment.share_id ?? undefined);
    await this.deps.comments.delete(commentId);
  }

  async setTakeaway(actor: Actor, commentId: string, takeaway: boolean): Promise<Comment> {
    await requireAccess(this.deps.gate, { actor, permission: 'comment.recording_owner', ids: [commentId] });
    const comment = await this.deps.comments.findById(commentId);
    if (!comment) throw new AppError('not_found');
    await this.deps.comments.setTakeaway(commentId, takeaway ? 1 : 0);
    const author = await this.deps.users.findById(comment.author_id);
    return toComment({ ...comment, takeaway: takeaway ? 1 : 0, author_name: author?.name ?? '' });
  }

  /** Which threads the actor reaches on a moment the gate already let them read. */
  private async view(actor: Actor, momentId: string, shareId: string | undefined): Promise<MomentView> {
    const moment = await this.deps.moments.findById(momentId);
    if (!moment) throw new AppError('not_found');
    if (moment.professional_id === actor.userId) {
      if (shareId === undefined) return { moment, isOwner: true, threads: 'all' };
      await requireAccess(this.deps.gate, { actor, permission: 'share.owner', ids: [shareId] });
      const share = await this.deps.shares.findById(shareId);
      if (!share || share.recording_id !== moment.recording_id) throw new AppError('not_found');
      return { moment, isOwner: true, threads: [shareId] };
    }
    // A recipient: only through an active share that contains this moment.
    const candidates = shareId ? [shareId] : (await this.deps.shares.listActiveReceived(actor.userId, this.deps.gate.now().toISOString(), moment.recording_id)).map((s) => s.id);
    const reaching = [...(await checkAccess(this.deps.gate, { actor, permission: 'share.recipient', ids: candidates }))];
    const links = await this.deps.shares.momentIdsOf(reaching);
    const threads = reaching.filter((id) => links.some((l) => l.share_id === id && l.moment_id === momentId));
    if (threads.length === 0) throw new AppError('not_found');
    return { moment, isOwner: false, threads };
  }
}
