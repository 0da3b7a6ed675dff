import { randomUUID } from 'node:crypto';
import type {
  AddLearningLink,
  CreateLearningAction,
  CreateLearningQuestion,
  LearningAction,
  LearningQuestion,
  PatchLearningAction,
  PatchLearningQuestion,
  SharedQuestion,
  ShareQuestionRequest,
} from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { LearningLinkRow, LearningQuestionRow, LearningRepository } from '../../db/repositories/learning.repository.js';
import type { PeerGroupsRepository } from '../../db/repositories/peer-groups.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { AppError } from '../errors.js';
import { isInvitationActive, toAction, toQuestion } from './mapping.js';

export function toSharedQuestion(row: LearningQuestionRow, professionalName: string): SharedQuestion {
  return { id: row.id, text: row.text, theme: row.theme, status: row.status, professionalName, updatedAt: row.updated_at };
}

/**
 * A professional's own learning questions and actions. Nobody else has a route to them: the only
 * way out is a share the professional makes to their leercoach or an intervision group.
 */
export class LearningQuestionsService {
  constructor(
    private readonly deps: {
      learning: LearningRepository;
      peerGroups: PeerGroupsRepository;
      audit: AuditLog;
      now: () => Date;
      /** The round open today, to file a new question under. */
      currentRoundKey: (organisationId: string) => Promise<string | null>;
    },
  ) {}

  async list(actor: Actor): Promise<LearningQuestion[]> {
    requirePermission(actor, 'learning.own');
    return this.withDetails(await this.deps.learning.listQuestions(actor.userId));
  }

  async get(actor: Actor, id: string): Promise<LearningQuestion> {
    requirePermission(actor, 'learning.own');
    return this.one(await this.own(actor, id));
  }

  async create(actor: Actor, input: CreateLearningQuestion): Promise<LearningQuestion> {
    requirePermission(actor, 'learning.own');
    const target = input.fromMomentId ? await this.deps.learning.linkTarget(actor.userId, 'moment', input.fromMomentId) : undefined;
    if (input.fromMomentId && !target) throw new AppError('validation', [{ path: 'fromMomentId', message: 'target_unknown' }]);
    const at = this.deps.now().toISOString();
    const row: LearningQuestionRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      professional_id: actor.userId,
      text: input.text,
      theme: input.theme,
      status: 'open',
      learned: '',
      round_key: await this.deps.currentRoundKey(actor.organisationId),
      created_at: at,
      updated_at: at,
      done_at: null,
    };
    await this.deps.learning.insertQuestion(row);
    if (input.fromMomentId && target) {
      await this.deps.learning.insertLink({ id: randomUUID(), question_id: row.id, kind: 'moment', target_id: input.fromMomentId, recording_id: target.recordingId, conversation_id: target.conversationId, created_at: at });
    }
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_created', subjectType: 'learning_question', subjectId: row.id });
    return this.one(row);
  }

  async update(actor: Actor, id: string, patch: PatchLearningQuestion): Promise<LearningQuestion> {
    requirePermission(actor, 'learning.own');
    const row = await this.own(actor, id);
    const at = this.deps.now().toISOString();
    const status = patch.status ?? row.status;
    const changes = {
      text: patch.text ?? row.text,
      theme: patch.theme === undefined ? row.theme : patch.theme,
      status,
      learned: patch.learned ?? row.learned,
      done_at: status === 'done' ? (row.done_at ?? at) : null,
      updated_at: at,
    };
    await this.deps.learning.updateQuestion(id, changes);
    return this.one({ ...row, ...changes });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'learning.own');
    await this.own(actor, id);
    await this.deps.learning.deleteQuestion(id);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_deleted', subjectType: 'learning_question', subjectId: id });
  }

  async addLink(actor: Actor, id: string, input: AddLearningLink): Promise<LearningQuestion> {
    requirePermission(actor, 'learning.own');
    const row = await this.own(actor, id);
    const target = await this.deps.learning.linkTarget(actor.userId, input.kind, input.targetId);
    if (!target) throw new AppError('validation', [{ path: 'targetId', message: 'target_unknown' }]);
    const existing = await this.deps.learning.linksOf([id]);
    if (!existing.some((l) => l.kind === input.kind && l.target_id === input.targetId)) {
      await this.deps.learning.insertLink({
        id: randomUUID(),
        question_id: id,
        kind: input.kind,
        target_id: input.targetId,
        recording_id: target.recordingId,
        conversation_id: target.conversationId,
        created_at: this.deps.now().toISOString(),
      });
    }
    return this.one(row);
  }

  async removeLink(actor: Actor, id: string, linkId: string): Promise<LearningQuestion> {
    requirePermission(actor, 'learning.own');
    const row = await this.own(actor, id);
    if ((await this.deps.learning.deleteLink(id, linkId)) === 0) throw new AppError('not_found');
    return this.one(row);
  }

  async share(actor: Actor, id: string, input: ShareQuestionRequest): Promise<LearningQuestion> {
    requirePermission(actor, 'learning.own');
    const row = await this.own(actor, id);
    const now = this.deps.now();
    if ('coachInvitationId' in input) {
      const invitation = await this.deps.learning.findInvitation(input.coachInvitationId);
      if (!invitation || invitation.professional_id !== actor.userId || !isInvitationActive(invitation, now)) {
        throw new AppError('validation', [{ path: 'coachInvitationId', message: 'reviewer_unknown' }]);
      }
    } else {
      const member = await this.deps.peerGroups.findMember(input.peerGroupId, actor.userId);
      if (member?.status !== 'active') throw new AppError('validation', [{ path: 'peerGroupId', message: 'target_unknown' }]);
    }
    const coachInvitationId = 'coachInvitationId' in input ? input.coachInvitationId : null;
    const peerGroupId = 'peerGroupId' in input ? input.peerGroupId : null;
    const shares = await this.deps.learning.sharesOf([id]);
    if (!shares.some((s) => s.coach_invitation_id === coachInvitationId && s.peer_group_id === peerGroupId)) {
      await this.deps.learning.insertShare({ id: randomUUID(), question_id: id, coach_invitation_id: coachInvitationId, peer_group_id: peerGroupId, created_at: now.toISOString() });
      await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_shared', subjectType: 'learning_question', subjectId: id, details: { via: coachInvitationId ? 'coach' : 'peer_group' } });
    }
    return this.one(row);
  }

  async unshare(actor: Actor, shareId: string): Promise<void> {
    requirePermission(actor, 'learning.own');
    const share = await this.deps.learning.findShare(shareId);
    if (!share) throw new AppError('not_found');
    await this.own(actor, share.question_id);
    await this.deps.learning.deleteShare(shareId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_unshared', subjectType: 'learning_question', subjectId: share.question_id });
  }

  /** Questions colleagues shared with an intervision group the actor is an active member of. */
  async sharedWithMe(actor: Actor): Promise<SharedQuestion[]> {
    requirePermission(actor, 'shares.received');
    return (await this.deps.learning.questionsSharedWithMember(actor.userId)).map((row) => toSharedQuestion(row, row.professional_name));
  }

  async actions(actor: Actor): Promise<LearningAction[]> {
    requirePermission(actor, 'learning.own');
    return (await this.deps.learning.listActions(actor.userId)).map(toAction);
  }

  async addAction(actor: Actor, input: CreateLearningAction): Promise<LearningAction> {
    requirePermission(actor, 'learning.own');
    if (input.questionId) await this.own(actor, input.questionId);
    const row = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      professional_id: actor.userId,
      question_id: input.questionId,
      what: input.what,
      due_on: input.dueOn,
      done_at: null,
      created_at: this.deps.now().toISOString(),
    };
    await this.deps.learning.insertAction(row);
    return toAction(row);
  }

  async updateAction(actor: Actor, id: string, patch: PatchLearningAction): Promise<LearningAction> {
    requirePermission(actor, 'learning.own');
    const row = await this.ownAction(actor, id);
    const changes = {
      what: patch.what ?? row.what,
      due_on: patch.dueOn === undefined ? row.due_on : patch.dueOn,
      done_at: patch.done === undefined ? row.done_at : patch.done ? (row.done_at ?? this.deps.now().toISOString()) : null,
    };
    await this.deps.learning.updateAction(id, changes);
    return toAction({ ...row, ...changes });
  }

  async deleteAction(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'learning.own');
    await this.ownAction(actor, id);
    await this.deps.learning.deleteAction(id);
  }

  /** Full questions with live link labels; links whose item is gone are left out. */
  async withDetails(rows: readonly LearningQuestionRow[]): Promise<LearningQuestion[]> {
    const ids = rows.map((r) => r.id);
    const [links, shares] = await Promise.all([this.deps.learning.linksOf(ids), this.deps.learning.sharesOf(ids)]);
    const professionalOf = new Map(rows.map((r) => [r.id, r.professional_id]));
    const labelled: (LearningLinkRow & { label: string })[] = [];
    for (const link of links) {
      const target = await this.deps.learning.linkTarget(professionalOf.get(link.question_id) ?? '', link.kind, link.target_id);
      if (target) labelled.push({ ...link, label: target.label });
    }
    return rows.map((row) => toQuestion(row, labelled, shares));
  }

  private async one(row: LearningQuestionRow): Promise<LearningQuestion> {
    const [question] = await this.withDetails([row]);
    if (!question) throw new AppError('not_found');
    return question;
  }

  /** Not found rather than forbidden: someone else's question does not exist for you. */
  private async own(actor: Actor, id: string): Promise<LearningQuestionRow> {
    const row = await this.deps.learning.findQuestion(id);
    if (!row || row.professional_id !== actor.userId) throw new AppError('not_found');
    return row;
  }

  private async ownAction(actor: Actor, id: string) {
    const row = await this.deps.learning.findAction(id);
    if (!row || row.professional_id !== actor.userId) throw new AppError('not_found');
    return row;
  }
}
