import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Fixed-window counters in the database, so every API process counts the same attempts. One
 * statement per hit: the upsert either starts a new window or adds one, atomically on both SQLite
 * and PostgreSQL.
 */
export class RateLimitsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async hit(key: string, windowMs: number, nowMs: number): Promise<{ hits: number; windowEndsMs: number }> {
    const endsMs = nowMs + windowMs;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, hits: 1, window_ends_ms: endsMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limits.window_ends_ms <= ${nowMs} then 1 else rate_limits.hits + 1 end`,
          window_ends_ms: sql<number>`case when rate_limits.window_ends_ms <= ${nowMs} then ${endsMs} else rate_limits.window_ends_ms end`,
        }),
      )
      .returning(['hits', 'window_ends_ms'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), windowEndsMs: Number(row.window_ends_ms) };
  }

  async deleteExpired(nowMs: number): Promise<number> {
    const result = await this.db.deleteFrom('rate_limits').where('window_ends_ms', '<=', nowMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
