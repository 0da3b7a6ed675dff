import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DatabaseKind } from '../database.js';
import type { AuditEventsTable, Database } from '../schema.js';

export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Omit<Insertable<AuditEventsTable>, 'seq' | 'prev_hash' | 'hash'>;

export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: DatabaseKind,
  ) {}

  /**
   * Appends one event; `computeHash` gets the previous hash. The read of the last hash and the
   * insert happen under one lock so concurrent processes cannot fork the chain.
   */
  async append(event: NewAuditEvent, computeHash: (prevHash: string) => string): Promise<void> {
    const appendIn = async (trx: Kysely<Database>) => {
      if (this.kind === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
      const last = await trx.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const prevHash = last?.hash ?? '';
      await trx.insertInto('audit_events').values({ ...event, prev_hash: prevHash, hash: computeHash(prevHash) }).execute();
    };
    // Bound to a service's transaction (see domain/unit-of-work.ts): the lock is then held until
    // that transaction ends, so the chain stays unforked and a rollback takes the entry along.
    if (this.db.isTransaction) await appendIn(this.db);
    else await this.db.transaction().execute(appendIn);
  }

  listForOrganisation(organisationId: string, limit: number, beforeSeq?: number): Promise<(AuditEventRow & { actor_name: string | null })[]> {
    let query = this.db
      .selectFrom('audit_events')
      .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
      .selectAll('audit_events')
      .select('users.name as actor_name')
      .where('audit_events.organisation_id', '=', organisationId);
    if (beforeSeq !== undefined) query = query.where('audit_events.seq', '<', beforeSeq);
    return query.orderBy('audit_events.seq', 'desc').limit(limit).execute();
  }

  /** Streams the whole chain in order, in pages, so verification works on any size. */
  async *inOrder(pageSize = 1000): AsyncGenerator<AuditEventRow> {
    let after = 0;
    for (;;) {
      const page = await this.db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      for (const row of page) yield row;
      const last = page.at(-1);
      if (!last || page.length < pageSize) return;
      after = last.seq;
    }
  }
}
