import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Signals to policy ("wat knelt, wat werkt", seed 000 §6.3), their groups and answers; the
 * management team as a flag on a manager (the open chair); and the client's choice to let a
 * fragment be shown to policy or the management team ("kijk met ons mee"), off by default.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('users').addColumn('management_team', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('consents').addColumn('policy_viewing', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('signal_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_groups_organisation').on('signal_groups').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('named', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('to_policy', 'integer', (c) => c.notNull())
    .addColumn('to_management', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('signal_groups.id').onDelete('set null'))
    /** A team agenda item the signal came from; no foreign key yet (the agenda is built in parallel). */
    .addColumn('agenda_item_id', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signals_organisation').on('signals').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('signals_author').on('signals').columns(['author_id']).execute();
  await db.schema.createIndex('signals_group').on('signals').columns(['group_id']).execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('signals').execute();
  await db.schema.dropTable('signal_groups').execute();
  await db.schema.alterTable('consents').dropColumn('policy_viewing').execute();
  await db.schema.alterTable('users').dropColumn('management_team').execute();
}
