import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * A follow-up can carry a short version the professional wrote by hand in the client's own
 * language, next to the Dutch text; the language it was written in is kept with it.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('follow_ups').addColumn('short_version', 'text').execute();
  await db.schema.alterTable('follow_ups').addColumn('short_version_locale', 'text').execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('follow_ups').dropColumn('short_version_locale').execute();
  await db.schema.alterTable('follow_ups').dropColumn('short_version').execute();
}
