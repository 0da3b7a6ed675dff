import type { Kysely, Selectable } from 'kysely';
import type { Database, DeclineReasonsTable } from '../schema.js';

export type DeclineReasonRow = Selectable<DeclineReasonsTable>;

/**
 * Anonymous reasons for saying no. A row holds organisation, month, kind and reason only: no
 * client, professional, conversation or recording, and no time finer than the month.
 */
export class DeclineReasonsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: DeclineReasonRow): Promise<void> {
    await this.db.insertInto('decline_reasons').values(row).execute();
  }

  /** Counts per kind and reason for one organisation; the caller suppresses small totals. */
  async countPerReason(organisationId: string): Promise<{ kind: DeclineReasonRow['kind']; reason: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('decline_reasons')
      .select(['kind', 'reason', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('organisation_id', '=', organisationId)
      .groupBy(['kind', 'reason'])
      .execute();
    return rows.map((r) => ({ kind: r.kind, reason: r.reason, n: Number(r.n) }));
  }
}
