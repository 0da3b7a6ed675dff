import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Runs `work` in a transaction: the caller's, when the repository is bound to one (a service's
 * UnitOfWork), else a new one. Kysely has no nested transactions, and on SQLite a second one
 * would wait for the first forever.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
