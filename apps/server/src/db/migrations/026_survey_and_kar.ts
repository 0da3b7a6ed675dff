import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * The organisation's picture. Survey results (klanttevredenheidsonderzoek) are stored as the
 * aggregates the survey itself reported: a period, a theme code, one figure and how many answered;
 * never an answer of one person, and no name of who imported them (the audit log keeps that).
 * KAR canvases belong to a team or to the organisation (team_id null) for one year; `scope_key`
 * makes "one per team or organisation per year" a unique index on both databases, where a NULL
 * team id would not. Each revision keeps only its day and an optional note.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('survey_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    /** yyyy-mm or yyyy-Qn */
    .addColumn('period', 'text', (c) => c.notNull())
    /** overall, a theme card id, or theme.subtopic */
    .addColumn('code', 'text', (c) => c.notNull())
    /** score | percentage */
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_results_key').on('survey_results').columns(['organisation_id', 'period', 'code']).unique().execute();

  await db.schema
    .createTable('kar_canvases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
    /** The team id, or 'organisation'. */
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    /** JSON: { factors: [{ …, activities: [{ …, results: [] }] }] } (karContentSchema). */
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kar_canvases_scope').on('kar_canvases').columns(['organisation_id', 'scope_key', 'year']).unique().execute();
  await db.schema
    .createTable('kar_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('canvas_id', 'text', (c) => c.notNull().references('kar_canvases.id').onDelete('cascade'))
    /** yyyy-mm-dd: the day only. */
    .addColumn('revised_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kar_revisions_canvas').on('kar_revisions').columns(['canvas_id', 'created_at']).execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('kar_revisions').execute();
  await db.schema.dropTable('kar_canvases').execute();
  await db.schema.dropTable('survey_results').execute();
}
