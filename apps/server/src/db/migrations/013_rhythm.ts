import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Conversation rhythm. The turns, figures and voice prints themselves are sealed in the blob
 * store under the recording's own key (like the waveform); this row only says whether they exist
 * and which voice the professional confirmed as theirs. A share carries the rhythm lane for its
 * span only when the professional ticked it.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('recording_rhythm')
    .addColumn('recording_id', 'text', (c) => c.primaryKey().references('recordings.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    /** ready | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    /** A | B once the professional confirmed which voice is theirs. */
    .addColumn('professional_speaker', 'text')
    .addColumn('suggested_speaker', 'text')
    /** first_speaker | own_voice */
    .addColumn('suggestion_basis', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recording_rhythm_professional').on('recording_rhythm').columns(['professional_id', 'updated_at']).execute();
  await db.schema.alterTable('shares').addColumn('rhythm_lane', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
