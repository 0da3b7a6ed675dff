import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * The team learning agenda (seed 000 §6.4.2): lessons and questions that members choose to bring
 * to their team, planned for a werkoverleg by the team lead, with what the team agreed. The
 * author is kept only to show "door u" and to withdraw; it is never shown unless `named` is 1,
 * and it is cleared when the author leaves the team and chose to stay anonymous.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('agenda_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    /** YYYY-MM-DD: the day of the werkoverleg. */
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_meetings_team').on('agenda_meetings').columns(['team_id', 'meeting_date']).execute();
  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    /** Null once the author left the team and chose to stay anonymous. */
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('named', 'integer', (c) => c.notNull())
    /** lesson | question */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** JSON text array of the method's theme ids. */
    .addColumn('themes', 'text', (c) => c.notNull())
    /** new | discussed | trying | done */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agreement', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('agenda_meetings.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_items_team').on('agenda_items').columns(['team_id', 'created_at']).execute();
  await db.schema.createIndex('agenda_items_author').on('agenda_items').columns(['author_id']).execute();
  await db.schema
    .createTable('agenda_leave_choices')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    /** anonymous | withdraw: what happens to one's items on leaving a team. */
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('agenda_leave_choices').execute();
  await db.schema.dropTable('agenda_items').execute();
  await db.schema.dropTable('agenda_meetings').execute();
}
