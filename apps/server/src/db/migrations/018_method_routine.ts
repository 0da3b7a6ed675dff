import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Issue #16, second part: the "zo geef je feedback" step seen once per user, the viewer's context
 * with a share (sealed with the recording's text key), anonymous decline reasons (organisation,
 * month and reason only: no client, professional or recording), a recurring feedback reminder
 * per client, and "niet delen" stretches of a recording.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('users').addColumn('feedback_guide_seen_at', 'text').execute();
  /** Sealed under the recording's text key; '' = no context given. */
  await db.schema.alterTable('shares').addColumn('viewer_context', 'text', (c) => c.notNull().defaultTo('')).execute();

  await db.schema
    .createTable('decline_reasons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    /** yyyy-mm: never a day or a time, so a row cannot be matched to one declined conversation. */
    .addColumn('month', 'text', (c) => c.notNull())
    /** consent | feedback */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decline_reasons_organisation').on('decline_reasons').columns(['organisation_id', 'month']).execute();

  /** Months between feedback reminders for this client; null = no reminder. */
  await db.schema.alterTable('clients').addColumn('feedback_reminder_months', 'integer').execute();
  /** yyyy-mm-dd from which the reminder shows. */
  await db.schema.alterTable('clients').addColumn('feedback_reminder_due_on', 'text').execute();

  await db.schema
    .createTable('no_share_stretches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id').onDelete('cascade'))
    .addColumn('start_seconds', 'double precision', (c) => c.notNull())
    .addColumn('end_seconds', 'double precision', (c) => c.notNull())
    /** client | professional */
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('no_share_stretches_recording').on('no_share_stretches').column('recording_id').execute();
}
