import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Notices that are due rather than caused by an act (a share about to expire, a learning-round
 * reminder) are made when the reader looks, from the same queries as the pages they point to. A
 * dedupe key per reader makes that idempotent: each notice is made once, however often one looks.
 * Also each person's own choice to receive a daily e-mail digest (counts and a link only).
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('notifications_dedupe').on('notifications').columns(['user_id', 'dedupe_key']).unique().execute();
  await db.schema.alterTable('users').addColumn('email_digest', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropIndex('notifications_dedupe').execute();
  await db.schema.alterTable('notifications').dropColumn('dedupe_key').execute();
  await db.schema.alterTable('users').dropColumn('email_digest').execute();
}
