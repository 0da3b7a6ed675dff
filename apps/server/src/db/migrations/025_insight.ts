import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Anonymous insight. `insight_populations` freezes who was in a group (a team, or the organisation
 * as team '') for a closed month, the first time that month is counted: someone who leaves later
 * stays in the months they were part of, so a month already shown never changes by one person's
 * contribution. It is read only inside aggregate queries, never returned. `previous_month` lets the
 * month-to-month change of a group be counted with one self-join on both databases. The key leads
 * with the person (facts are looked up by person and month), the second index with the group. The indexes
 * let the figures read one organisation's months without scanning everyone's rows.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('insight_populations')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('previous_month', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('insight_populations_pk', ['organisation_id', 'user_id', 'month', 'team_id'])
    .execute();
  await db.schema.createIndex('insight_populations_group').on('insight_populations').columns(['organisation_id', 'month', 'team_id']).execute();
  await db.schema.createIndex('learning_rounds_organisation_created').on('learning_rounds').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('learning_questions_organisation_created').on('learning_questions').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_conversations_organisation_completed').on('feedback_conversations').columns(['organisation_id', 'completed_at']).execute();
  await db.schema.createIndex('alliance_answers_organisation_period').on('alliance_answers').columns(['organisation_id', 'period']).execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  for (const index of ['alliance_answers_organisation_period', 'feedback_conversations_organisation_completed', 'learning_questions_organisation_created', 'learning_rounds_organisation_created', 'insight_populations_group']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('insight_populations').execute();
}
