import { randomUUID } from 'node:crypto';
import type { CoachInvitation, CoachNote, CoachView, CoachingList, CreateCoachNote } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { CoachInvitationRow, LearningRepository } from '../../db/repositories/learning.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { isInvitationActive, toInvitation, toSharedQuestion } from './mapping.js';
import type { LearningRhythms } from './rhythms.js';

/** After the round's last day the coach keeps access this long, for the nagesprek. */
const afterRoundDays = 28;

type InvitationWithNames = CoachInvitationRow & { coach_name: string; professional_name: string };

/**
 * The leercoach: a reviewer the professional invites for one round. The coach sees only what the
 * professional shared with that invitation (questions), the fragments the professional shared
 * with them through the review feature, and the notes thread for voorgesprek and nagesprek.
 * Who may open an invitation's thread is the gate's `coach_invitation.party`: the professional
 * who invited, always; the coach only while the invitation lasts.
 */
export class LearningCoachService {
  constructor(private readonly deps: { gate: AccessGate; unitOfWork: UnitOfWork; learning: LearningRepository; rhythms: Pick<LearningRhythms, 'currentRound'>; now: Clock }) {}

  async candidates(actor: Actor): Promise<{ id: string; name: string }[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    return this.candidatesOf(actor);
  }

  async invite(actor: Actor, roundKey: string, coachUserId: string): Promise<CoachInvitation> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    const round = await this.deps.rhythms.currentRound(actor.organisationId);
    if (!round || round.key !== roundKey) throw new AppError('conflict');
    const candidates = await this.candidatesOf(actor);
    if (!candidates.some((c) => c.id === coachUserId)) throw new AppError('validation', [{ path: 'coachUserId', message: 'reviewer_unknown' }]);
    const now = this.deps.now();
    const existing = (await this.deps.learning.invitationsOfProfessional(actor.userId)).find((i) => i.coach_user_id === coachUserId && i.round_key === roundKey && isInvitationActive(i, now));
    if (existing) return toInvitation(existing, now);
    const id = randomUUID();
    const until = new Date(Date.parse(`${round.endsOn}T00:00:00.000Z`) + (afterRoundDays + 1) * 24 * 3600_000).toISOString();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.learning.insertInvitation({ id, organisation_id: actor.organisationId, professional_id: actor.userId, coach_user_id: coachUserId, round_key: roundKey, invited_at: now.toISOString(), until, ended_at: null });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.coach_invited', subjectType: 'learning_coach_invitation', subjectId: id, details: { coachUserId } });
    });
    const row = await this.deps.learning.findInvitation(id);
    if (!row) throw new AppError('not_found');
    return toInvitation(row, now);
  }

  async end(actor: Actor, id: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'coach_invitation.owner', ids: [id] });
    const row = await this.found(id);
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      if (row.ended_at === null) await repositories.learning.endInvitation(id, this.deps.now().toISOString());
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.coach_ended', subjectType: 'learning_coach_invitation', subjectId: id });
    });
  }

  async view(actor: Actor, id: string): Promise<CoachView> {
    await requireAccess(this.deps.gate, { actor, permission: 'coach_invitation.party', ids: [id] });
    const row = await this.found(id);
    const now = this.deps.now();
    const [questions, fragments, notes] = await Promise.all([
      this.deps.learning.questionsSharedWithInvitation(id),
      this.deps.learning.fragmentsFor(row.professional_id, row.coach_user_id, now.toISOString()),
      this.notes(actor, row),
    ]);
    return {
      invitation: toInvitation(row, now),
      questions: questions.map((q) => toSharedQuestion(q, row.professional_name)),
      fragments: fragments.map((f) => ({ shareId: f.id, question: f.question, expiresAt: f.expires_at })),
      notes,
    };
  }

  async addNote(actor: Actor, id: string, input: CreateCoachNote): Promise<CoachNote> {
    await requireAccess(this.deps.gate, { actor, permission: 'coach_invitation.party', ids: [id] });
    const row = await this.found(id);
    const note = { id: randomUUID(), invitation_id: id, author_id: actor.userId, kind: input.kind, body: input.body, created_at: this.deps.now().toISOString() };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.learning.insertNote(note);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.coach_note_added', subjectType: 'learning_coach_invitation', subjectId: row.id });
    });
    const notes = await this.notes(actor, row);
    const mine = notes.find((n) => n.id === note.id);
    if (!mine) throw new AppError('not_found');
    return mine;
  }

  /** The coach's home: people who invited them, while the invitation lasts. */
  async coaching(actor: Actor): Promise<CoachingList> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.coach' });
    const now = this.deps.now();
    const rows = await this.deps.learning.activeInvitationsOfCoach(actor.userId, now.toISOString());
    const people = [];
    for (const row of rows) {
      const counts = await this.deps.learning.countsForInvitation(row.id, row.professional_id, row.coach_user_id, now.toISOString());
      people.push({ invitation: toInvitation(row, now), sharedQuestions: counts.questions, fragments: counts.fragments, notes: counts.notes });
    }
    return { people };
  }

  private async candidatesOf(actor: Actor): Promise<{ id: string; name: string }[]> {
    return (await this.deps.learning.reviewers(actor.organisationId)).filter((p) => p.id !== actor.userId);
  }

  private async notes(actor: Actor, row: InvitationWithNames): Promise<CoachNote[]> {
    return (await this.deps.learning.notesOf(row.id)).map((n) => ({ id: n.id, kind: n.kind, authorName: n.author_name, mine: n.author_id === actor.userId, body: n.body, createdAt: n.created_at }));
  }

  /** An invitation the gate let through; not found when it went meanwhile. */
  private async found(id: string): Promise<InvitationWithNames> {
    const row = await this.deps.learning.findInvitation(id);
    if (!row) throw new AppError('not_found');
    return row;
  }
}
