import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * A short version, written by hand in the client's own language, of a feedback conversation's
 * summary and agreements. Kept per participant, so in a group each client reads it in their own
 * language; sealed under that client's text key like their own words (text-vault.ts), with the
 * language it was written for.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('feedback_participants').addColumn('short_summary', 'text').execute();
  await db.schema.alterTable('feedback_participants').addColumn('short_agreements', 'text').execute();
  await db.schema.alterTable('feedback_participants').addColumn('short_locale', 'text').execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('feedback_participants').dropColumn('short_locale').execute();
  await db.schema.alterTable('feedback_participants').dropColumn('short_agreements').execute();
  await db.schema.alterTable('feedback_participants').dropColumn('short_summary').execute();
}
