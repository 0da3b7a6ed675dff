import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  /** The reviewer the professional proposes before the client decides; null = left open. */
  await db.schema
    .alterTable('conversations')
    .addColumn('reviewer_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  /**
   * 1 while a withdrawal's follow-up (crypto-shredding, deleting files) has not yet succeeded for
   * every listener; retried at boot until it has.
   */
  await db.schema
    .alterTable('consents')
    .addColumn('withdrawal_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('consents_withdrawal_pending').on('consents').column('withdrawal_pending').execute();
}
