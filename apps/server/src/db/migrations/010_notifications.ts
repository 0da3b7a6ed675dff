import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Notifications inside the app: one row per reader. They hold no content and no client names,
 * only what happened (kind), who did it (a colleague's name the reader already sees) and where
 * to look; the page behind the link checks access again when opened.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('link', 'text', (c) => c.notNull())
    /** Set when the notification concerns a recording, so its removal can take these along. */
    .addColumn('recording_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_recording').on('notifications').column('recording_id').execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
