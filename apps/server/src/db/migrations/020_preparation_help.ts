import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * An independent helper from outside the organisation can help one client prepare a feedback
 * conversation (Samenleergesprek), with no recording at all. The client chooses which of their
 * preparation points the helper sees; the helper writes down points from their talk, and the
 * client decides per point whether it is passed on to the professional (as with a reviewer's
 * client talk). Point texts are sealed under the client's text key.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('preparation_helps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_conversations.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('feedback_participants.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('helper_id', 'text', (c) => c.notNull().references('users.id'))
    /** JSON: { picks: ["theme:subtopic"], ownWords: boolean }: what the client shows the helper. */
    .addColumn('shown_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('preparation_helps_helper').on('preparation_helps').columns(['helper_id', 'ended_at']).execute();
  await db.schema.createIndex('preparation_helps_participant').on('preparation_helps').columns(['participant_id']).execute();
  await db.schema
    .createTable('preparation_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('help_id', 'text', (c) => c.notNull().references('preparation_helps.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    /** pending | pass_on | private: only the client decides. */
    .addColumn('relay', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('preparation_points_help').on('preparation_points').columns(['help_id', 'created_at']).execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('preparation_points').execute();
  await db.schema.dropTable('preparation_helps').execute();
}
