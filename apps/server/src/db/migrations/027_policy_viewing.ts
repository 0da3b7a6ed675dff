import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * "Kijk met ons mee" (seed 000 §6.3): a share of exact fragments with a policy advisor or a
 * member of the management team, under the client's own choice (consents.policy_viewing,
 * migration 024). Such a share is a normal share (same cuts, end date, revocation and view log)
 * with `policy` set and the recipient in recipient_user_id. The recipient may leave one short
 * note for the owner ("wat zie ik voor beleid"), sealed under the recording's text key like the
 * share's question; '' = none.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('shares').addColumn('policy', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('shares').addColumn('policy_note', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('shares').addColumn('policy_note_at', 'text').execute();
  await db.schema.createIndex('shares_policy_recipient').on('shares').columns(['recipient_user_id', 'policy', 'expires_at']).execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropIndex('shares_policy_recipient').execute();
  await db.schema.alterTable('shares').dropColumn('policy_note_at').execute();
  await db.schema.alterTable('shares').dropColumn('policy_note').execute();
  await db.schema.alterTable('shares').dropColumn('policy').execute();
}
