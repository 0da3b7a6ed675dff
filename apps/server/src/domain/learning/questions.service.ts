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
import type { Clock } from '../../clock.js';
import type { LearningLinkRow, LearningQuestionRow, LearningRepository } from '../../db/repositories/learning.repository.js';
import { checkAccess, requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { isInvitationActive, toAction, toQuestion, toSharedQuestion } from './mapping.js';
import type { LearningRhythms } from './rhythms.js';

/**
 * A professional's own learning questions and actions. Nobody else has a route to them: the only
 * way out is a share the professional makes to their leercoach or an intervision group.
 */
export class LearningQuestionsService {
  constructor(
    private readonly deps: {
      gate: AccessGate;
      unitOfWork: UnitOfWork;
      learning: LearningRepository;
      now: Clock;
      /** The round open today, to file a new question under. */
      rhythms: Pick<LearningRhythms, 'currentRound'>;
    },
  ) {}

  async list(actor: Actor): Promise<LearningQuestion[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    return this.withDetails(await this.deps.learning.listQuestions(actor.userId));
  }

  async get(actor: Actor, id: string): Promise<LearningQuestion> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning_question.owner', ids: [id] });
    return this.one(await this.found(id));
  }

  async create(actor: Actor, input: CreateLearningQuestion): Promise<LearningQuestion> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
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
      round_key: (await this.deps.rhythms.currentRound(actor.organisationId))?.key ?? null,
      created_at: at,
      updated_at: at,
      done_at: null,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.learning.insertQuestion(row);
      if (input.fromMomentId && target) {
        await repositories.learning.insertLink({ id: randomUUID(), question_id: row.id, kind: 'moment', target_id: input.fromMomentId, recording_id: target.recordingId, conversation_id: target.conversationId, created_at: at });
      }
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_created', subjectType: 'learning_question', subjectId: row.id });
    });
    return this.one(row);
  }

  async update(actor: Actor, id: string, patch: PatchLearningQuestion): Promise<LearningQuestion> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning_question.owner', ids: [id] });
    const row = await this.found(id);
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
    await requireAccess(this.deps.gate, { actor, permission: 'learning_question.owner', ids: [id] });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.learning.deleteQuestion(id);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_deleted', subjectType: 'learning_question', subjectId: id });
    });
  }

  async addLink(actor: Actor, id: string, input: AddLearningLink): Promise<LearningQuestion> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning_question.owner', ids: [id] });
    const row = await this.found(id);
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
    await requireAccess(this.deps.gate, { actor, permission: 'learning_question.owner', ids: [id] });
    const row = await this.found(id);
    if ((await this.deps.learning.deleteLink(id, linkId)) === 0) throw new AppError('not_found');
    return this.one(row);
  }

  async share(actor: Actor, id: string, input: ShareQuestionRequest): Promise<LearningQuestion> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning_question.owner', ids: [id] });
    const row = await this.found(id);
    const now = this.deps.now();
    if ('coachInvitationId' in input) {
      const made = await checkAccess(this.deps.gate, { actor, permission: 'coach_invitation.owner', ids: [input.coachInvitationId] });
      const invitation = made.has(input.coachInvitationId) ? await this.deps.learning.findInvitation(input.coachInvitationId) : undefined;
      if (!invitation || !isInvitationActive(invitation, now)) throw new AppError('validation', [{ path: 'coachInvitationId', message: 'reviewer_unknown' }]);
    } else {
      const joined = await checkAccess(this.deps.gate, { actor, permission: 'peer_group.member', ids: [input.peerGroupId] });
      if (!joined.has(input.peerGroupId)) throw new AppError('validation', [{ path: 'peerGroupId', message: 'target_unknown' }]);
    }
    const coachInvitationId = 'coachInvitationId' in input ? input.coachInvitationId : null;
    const peerGroupId = 'peerGroupId' in input ? input.peerGroupId : null;
    const shares = await this.deps.learning.sharesOf([id]);
    if (!shares.some((s) => s.coach_invitation_id === coachInvitationId && s.peer_group_id === peerGroupId)) {
      await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
        await repositories.learning.insertShare({ id: randomUUID(), question_id: id, coach_invitation_id: coachInvitationId, peer_group_id: peerGroupId, created_at: now.toISOString() });
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_shared', subjectType: 'learning_question', subjectId: id, details: { via: coachInvitationId ? 'coach' : 'peer_group' } });
      });
    }
    return this.one(row);
  }

  async unshare(actor: Actor, shareId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning_question_share.owner', ids: [shareId] });
    const share = await this.deps.learning.findShare(shareId);
    if (!share) throw new AppError('not_found');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.learning.deleteShare(shareId);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.question_unshared', subjectType: 'learning_question', subjectId: share.question_id });
    });
  }

  /** Questions colleagues shared with an intervision group the actor is an active member of. */
  async sharedWithMe(actor: Actor): Promise<SharedQuestion[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'shares.received' });
    return (await this.deps.learning.questionsSharedWithMember(actor.userId)).map((row) => toSharedQuestion(row, row.professional_name));
  }

  async actions(actor: Actor): Promise<LearningAction[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    return (await this.deps.learning.listActions(actor.userId)).map(toAction);
  }

  async addAction(actor: Actor, input: CreateLearningAction): Promise<LearningAction> {
    await requireAccess(this.deps.gate, input.questionId ? { actor, permission: 'learning_question.owner', ids: [input.questionId] } : { actor, permission: 'learning.own' });
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
    await requireAccess(this.deps.gate, { actor, permission: 'learning_action.owner', ids: [id] });
    const row = await this.deps.learning.findAction(id);
    if (!row) throw new AppError('not_found');
    const changes = {
      what: patch.what ?? row.what,
      due_on: patch.dueOn === undefined ? row.due_on : patch.dueOn,
      done_at: patch.done === undefined ? row.done_at : patch.done ? (row.done_at ?? this.deps.now().toISOString()) : null,
    };
    await this.deps.learning.updateAction(id, changes);
    return toAction({ ...row, ...changes });
  }

  async deleteAction(actor: Actor, id: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning_action.owner', ids: [id] });
    await this.deps.learning.deleteAction(id);
  }

  /** Full questions with live link labels; links whose item is gone are left out. */
  private async withDetails(rows: readonly LearningQuestionRow[]): Promise<LearningQuestion[]> {
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

  /** A question the gate let through; not found when it went meanwhile. */
  private async found(id: string): Promise<LearningQuestionRow> {
    const row = await this.deps.learning.findQuestion(id);
    if (!row) throw new AppError('not_found');
    return row;
  }
}
