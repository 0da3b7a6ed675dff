import { randomUUID } from 'node:crypto';
import {
  learningStepIds,
  previousStepId,
  type AnyStepId,
  type LearningRhythm,
  type LearningRound,
  type LearningRoundPatch,
  type LearningRoundState,
  type StepState,
} from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { LearningRepository, LearningRoundRow } from '../../db/repositories/learning.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { previousRoundKey, reminderAt, roundAt, roundSpan, type RoundDates } from './calendar.js';
import { toInvitation } from './mapping.js';
import type { LearningRhythms } from './rhythms.js';

type ManualSteps = Partial<Record<AnyStepId, 'done' | 'skipped'>>;

function manualSteps(row: LearningRoundRow): ManualSteps {
  const parsed: unknown = JSON.parse(row.steps_json);
  return typeof parsed === 'object' && parsed !== null ? (parsed as ManualSteps) : {};
}

/**
 * The organisation's rhythm and each person's own round. What a round shows is for the person
 * alone: there is no query here that reads another person's round, and nothing reports skips.
 * The reminders (a due source and a daily job, no actor) live in reminders.ts.
 */
export class LearningRoundsService {
  constructor(
    private readonly deps: {
      gate: AccessGate;
      unitOfWork: UnitOfWork;
      learning: LearningRepository;
      rhythms: LearningRhythms;
      now: Clock;
    },
  ) {}

  async rhythm(actor: Actor): Promise<LearningRhythm> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    return this.deps.rhythms.of(actor.organisationId);
  }

  async setRhythm(actor: Actor, rhythm: LearningRhythm): Promise<LearningRhythm> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.learning.saveRhythm(actor.organisationId, JSON.stringify(rhythm), actor.userId, this.deps.now().toISOString());
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'learning.rhythm_changed', details: { rounds: rhythm.rounds.length } });
    });
    return rhythm;
  }

  async state(actor: Actor): Promise<LearningRoundState> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    const rhythm = await this.deps.rhythms.of(actor.organisationId);
    const now = this.deps.now();
    const { current, next } = roundAt(rhythm, now);
    if (!current) return { round: null, nextRound: next, reminder: null };
    const row = await this.ensureRound(actor, current);
    return { round: await this.describe(rhythm, row), nextRound: null, reminder: row.skipped ? null : reminderAt(current, now) };
  }

  async setStep(actor: Actor, key: string, step: AnyStepId, state: StepState): Promise<LearningRoundState> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    const row = await this.openRound(actor, key);
    const steps = manualSteps(row);
    if (state === 'open') delete steps[step];
    else steps[step] = state;
    await this.deps.learning.updateRound(row.id, { steps_json: JSON.stringify(steps), updated_at: this.deps.now().toISOString() });
    return this.state(actor);
  }

  async patch(actor: Actor, key: string, patch: LearningRoundPatch): Promise<LearningRoundState> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    const row = await this.openRound(actor, key);
    await this.deps.learning.updateRound(row.id, {
      ...(patch.minutesSpent !== undefined ? { minutes_spent: patch.minutesSpent } : {}),
      ...(patch.nextStep !== undefined ? { next_step: patch.nextStep } : {}),
      ...(patch.lookBackTried !== undefined ? { look_back_tried: patch.lookBackTried } : {}),
      ...(patch.lookBackEffect !== undefined ? { look_back_effect: patch.lookBackEffect } : {}),
      ...(patch.skipped !== undefined ? { skipped: patch.skipped ? 1 : 0 } : {}),
      updated_at: this.deps.now().toISOString(),
    });
    return this.state(actor);
  }

  /** The person's rounds, newest first, for their development plan. */
  async history(actor: Actor): Promise<LearningRound[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    const rhythm = await this.deps.rhythms.of(actor.organisationId);
    const rounds = [];
    for (const row of await this.deps.learning.listRounds(actor.userId)) rounds.push(await this.describe(rhythm, row));
    return rounds;
  }

  private async ensureRound(actor: Actor, round: RoundDates): Promise<LearningRoundRow> {
    const existing = await this.deps.learning.findRound(actor.userId, round.key);
    if (existing) return existing;
    const at = this.deps.now().toISOString();
    await this.deps.learning.insertRound({
      id: randomUUID(),
      organisation_id: actor.organisationId,
      user_id: actor.userId,
      round_key: round.key,
      starts_on: round.startsOn,
      ends_on: round.endsOn,
      steps_json: '{}',
      skipped: 0,
      minutes_spent: null,
      next_step: '',
      look_back_tried: null,
      look_back_effect: '',
      created_at: at,
      updated_at: at,
    });
    const row = await this.deps.learning.findRound(actor.userId, round.key);
    if (!row) throw new AppError('conflict');
    return row;
  }

  /** Only the round open today can be changed; earlier rounds are closed, later ones not begun. */
  private async openRound(actor: Actor, key: string): Promise<LearningRoundRow> {
    const current = await this.deps.rhythms.currentRound(actor.organisationId);
    if (!current || current.key !== key) throw new AppError('conflict');
    return this.ensureRound(actor, current);
  }

  private async describe(rhythm: LearningRhythm, row: LearningRoundRow): Promise<LearningRound> {
    const round = { key: row.round_key, startsOn: row.starts_on, endsOn: row.ends_on };
    const { from, to } = roundSpan(round);
    const [activity, hasOpen, previous, invitations] = await Promise.all([
      this.deps.learning.activity(row.user_id, from, to),
      this.deps.learning.hasOpenQuestion(row.user_id, to),
      this.deps.learning.findRound(row.user_id, previousRoundKey(rhythm, row.round_key)),
      this.deps.learning.invitationsOfProfessional(row.user_id),
    ]);
    const auto: Record<(typeof learningStepIds)[number], boolean> = {
      question: activity.questions > 0 || hasOpen,
      record: activity.recordings > 0,
      look_back: activity.moments > 0,
      foreign_eyes: activity.shares > 0,
      client_feedback: activity.feedback > 0,
      takeaway: activity.takeaways > 0,
      next_step: row.next_step !== '',
    };
    const manual = manualSteps(row);
    const stateOf = (id: AnyStepId, isAuto: boolean) => ({ id, auto: isAuto, state: manual[id] === 'skipped' ? ('skipped' as const) : manual[id] === 'done' || isAuto ? ('done' as const) : ('open' as const) });
    const previousNextStep = previous?.next_step ?? '';
    const steps = [
      ...(previousNextStep ? [stateOf(previousStepId, row.look_back_tried !== null)] : []),
      ...learningStepIds.map((id) => stateOf(id, auto[id])),
    ];
    const now = this.deps.now();
    return {
      key: row.round_key,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      steps,
      skipped: row.skipped === 1,
      minutesSpent: row.minutes_spent,
      nextStep: row.next_step,
      previousNextStep,
      lookBackTried: row.look_back_tried,
      lookBackEffect: row.look_back_effect,
      coaches: invitations.filter((i) => i.round_key === row.round_key).map((i) => toInvitation(i, now)),
    };
  }
}
