import { randomUUID } from 'node:crypto';
import { hasPermission, type CoachInvitation, type CoachNote, type CoachView, type CoachingList, type CreateCoachNote } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { CoachInvitationRow, LearningRepository } from '../../db/repositories/learning.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { AppError } from '../errors.js';
import { isInvitationActive, toInvitation } from './mapping.js';
import { toSharedQuestion } from './questions.service.js';
import type { LearningRoundsService } from './rounds.service.js';

/** After the round's last day the coach keeps access this long, for the nagesprek. */
const afterRoundDays = 28;

type InvitationWithNames = CoachInvitationRow & { coach_name: string; professional_name: string };

/**
 * The leercoach: a reviewer the professional invites for one round. The coach sees only what the
 * professional shared with that invitation (questions), the fragments the professional shared
 * with them through the review feature, and the notes thread for voorgesprek and nagesprek.
 */
export class LearningCoachService {
  constructor(private readonly deps: { learning: LearningRepository; rounds: LearningRoundsService; audit: AuditLog; now: () => Date }) {}

  async candidates(actor: Actor): Promise<{ id: string; name: string }[]> {
    requirePermission(actor, 'learning.own');
    return (await this.deps.learning.reviewers(actor.organisationId)).filter((p) => p.id !== actor.userId);
  }

  async invite(actor: Actor, roundKey: string, coachUserId: string): Promise<CoachInvitation> {
    requirePermission(actor, 'learning.own');
    const round = await this.deps.rounds.currentRound(actor.organisationId);
    if (!round || round.key !== roundKey) throw new AppError('conflict');
    const candidates = await this.candidates(actor);
    if (!candidates.some((c) => c.id === coachUserId)) throw new AppError('validation', [{ path: 'coachUserId', message: 'reviewer_unknown' }]);
    const now = this.deps.now();
    const existing = (await this.deps.learning.invitationsOfProfessional(actor.userId)).find((i) => i.coach_user_id === coachUserId && i.round_key === roundKey && isInvitationActive(i, now));
    if (existing) return toInvitation(existing, now);
    const id = randomUUID();
    const until = new Date(Date.parse(`${round.endsOn}T00:00:00.000Z`) + (afterRoundDays + 1) * 24 * 3600_000).toISOString();
    await this.deps.learning.insertInvitation({ id, organisation_id: actor.organisationId, professional_id: actor.userId, coach_user_id: coachUserId, round_key: roundKey, invited_at: now.toISOString(), until, ended_at: null });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.coach_invited', subjectType: 'learning_coach_invitation', subjectId: id, details: { coachUserId } });
    const row = await this.deps.learning.findInvitation(id);
    if (!row) throw new AppError('not_found');
    return toInvitation(row, now);
  }

  async end(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'learning.own');
    const row = await this.deps.learning.findInvitation(id);
    if (!row || row.professional_id !== actor.userId) throw new AppError('not_found');
    if (row.ended_at === null) await this.deps.learning.endInvitation(id, this.deps.now().toISOString());
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.coach_ended', subjectType: 'learning_coach_invitation', subjectId: id });
  }

  async view(actor: Actor, id: string): Promise<CoachView> {
    requireOwnOrCoach(actor);
    const row = await this.allowed(actor, id);
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
    requireOwnOrCoach(actor);
    const row = await this.allowed(actor, id);
    const note = { id: randomUUID(), invitation_id: id, author_id: actor.userId, kind: input.kind, body: input.body, created_at: this.deps.now().toISOString() };
    await this.deps.learning.insertNote(note);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.coach_note_added', subjectType: 'learning_coach_invitation', subjectId: row.id });
    const notes = await this.notes(actor, row);
    const mine = notes.find((n) => n.id === note.id);
    if (!mine) throw new AppError('not_found');
    return mine;
  }

  /** The coach's home: people who invited them, while the invitation lasts. */
  async coaching(actor: Actor): Promise<CoachingList> {
    requirePermission(actor, 'learning.coach');
    const now = this.deps.now();
    const rows = await this.deps.learning.activeInvitationsOfCoach(actor.userId, now.toISOString());
    const people = [];
    for (const row of rows) {
      const counts = await this.deps.learning.countsForInvitation(row.id, row.professional_id, row.coach_user_id, now.toISOString());
      people.push({ invitation: toInvitation(row, now), sharedQuestions: counts.questions, fragments: counts.fragments, notes: counts.notes });
    }
    return { people };
  }

  private async notes(actor: Actor, row: InvitationWithNames): Promise<CoachNote[]> {
    return (await this.deps.learning.notesOf(row.id)).map((n) => ({ id: n.id, kind: n.kind, authorName: n.author_name, mine: n.author_id === actor.userId, body: n.body, createdAt: n.created_at }));
  }

  /** The professional who invited, always; the coach only while the invitation lasts. Anyone else: not found. */
  private async allowed(actor: Actor, id: string): Promise<InvitationWithNames> {
    const row = await this.deps.learning.findInvitation(id);
    if (!row || row.organisation_id !== actor.organisationId) throw new AppError('not_found');
    if (row.professional_id === actor.userId && hasPermission(actor.roles, 'learning.own')) return row;
    if (row.coach_user_id === actor.userId && hasPermission(actor.roles, 'learning.coach') && isInvitationActive(row, this.deps.now())) return row;
    throw new AppError('not_found');
  }
}

function requireOwnOrCoach(actor: Actor): void {
  if (!hasPermission(actor.roles, 'learning.own') && !hasPermission(actor.roles, 'learning.coach')) throw new AppError('forbidden');
}
