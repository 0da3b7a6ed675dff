import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Which professionals a figure is about: the whole organisation, or the members of some teams. */
export interface InsightScope {
  organisationId: string;
  /** null: every professional of the organisation. */
  teamIds: readonly string[] | null;
}

/** One figure: how often it happened and how many different people it came from. */
export interface InsightCount {
  count: number;
  people: number;
}

export interface InsightCounts {
  roundsStarted: InsightCount;
  roundsCompleted: InsightCount;
  recordingsMade: InsightCount;
  feedbackHeld: InsightCount;
}

/**
 * Counts across people for anonymous insight. Every query here aggregates: there is no method that
 * returns a row per person, so a caller cannot build a figure about one professional from it.
 */
export class InsightRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The ids of the professionals in scope, as a subquery (never returned). */
  private professionalsIn(scope: InsightScope) {
    let query = this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('memberships.user_id')
      .where('memberships.role', '=', 'professional')
      .where('users.organisation_id', '=', scope.organisationId)
      .where('users.active', '=', 1);
    if (scope.teamIds !== null) query = query.where('memberships.team_id', 'in', scope.teamIds.length > 0 ? [...scope.teamIds] : ['']);
    return query;
  }

  async peopleIn(scope: InsightScope): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('users.id', 'in', this.professionalsIn(scope))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async counts(scope: InsightScope, fromIso: string, toIso: string): Promise<InsightCounts> {
    const toCount = (row: { n: number | string; people: number | string } | undefined): InsightCount => ({ count: Number(row?.n ?? 0), people: Number(row?.people ?? 0) });
    const rounds = (completedOnly: boolean) => {
      let query = this.db
        .selectFrom('learning_rounds')
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.count<number | string>('user_id').distinct().as('people')])
        .where('organisation_id', '=', scope.organisationId)
        .where('user_id', 'in', this.professionalsIn(scope))
        .where('skipped', '=', 0)
        .where('created_at', '>=', fromIso)
        .where('created_at', '<', toIso);
      if (completedOnly) query = query.where('next_step', '!=', '');
      return query.executeTakeFirst();
    };
    const recordings = this.db
      .selectFrom('recordings')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.count<number | string>('professional_id').distinct().as('people')])
      .where('organisation_id', '=', scope.organisationId)
      .where('professional_id', 'in', this.professionalsIn(scope))
      .where('status', '!=', 'failed')
      .where('created_at', '>=', fromIso)
      .where('created_at', '<', toIso)
      .executeTakeFirst();
    const feedback = this.db
      .selectFrom('feedback_conversations')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.count<number | string>('professional_id').distinct().as('people')])
      .where('organisation_id', '=', scope.organisationId)
      .where('professional_id', 'in', this.professionalsIn(scope))
      .where('status', '=', 'completed')
      .where('completed_at', '>=', fromIso)
      .where('completed_at', '<', toIso)
      .executeTakeFirst();
    const [started, completed, made, held] = await Promise.all([rounds(false), rounds(true), recordings, feedback]);
    return { roundsStarted: toCount(started), roundsCompleted: toCount(completed), recordingsMade: toCount(made), feedbackHeld: toCount(held) };
  }
}
