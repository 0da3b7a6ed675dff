import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Learning as routine: the organisation's rhythm of rounds, each person's round, learning
 * questions with their links and shares, actions, the leercoach invitation with its notes, and
 * which reminder e-mails went out. Everything here belongs to one professional; links to a
 * recording carry recording_id and conversation_id so a withdrawal removes exactly those links.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('learning_rhythms')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    /** JSON: [{ starts: 'MM-DD', ends: 'MM-DD' }], one to four, in order. */
    .addColumn('rounds_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('learning_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** yyyy-n: the n-th round of the rhythm in that year. */
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    /** JSON: { stepId: 'done' | 'skipped' | 'open' } — what the person set by hand. */
    .addColumn('steps_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes_spent', 'integer')
    .addColumn('next_step', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('look_back_tried', 'text')
    .addColumn('look_back_effect', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('learning_rounds_user_key', ['user_id', 'round_key'])
    .execute();

  await db.schema
    .createTable('learning_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('theme', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('learned', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('round_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('learning_questions_professional').on('learning_questions').column('professional_id').execute();

  await db.schema
    .createTable('learning_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('learning_questions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('recording_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_links_question').on('learning_links').column('question_id').execute();
  await db.schema.createIndex('learning_links_conversation').on('learning_links').column('conversation_id').execute();
  await db.schema.createIndex('learning_links_recording').on('learning_links').column('recording_id').execute();

  await db.schema
    .createTable('learning_coach_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('coach_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    /** Access ends at this time, or earlier when ended_at is set. */
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('learning_coach_invitations_coach').on('learning_coach_invitations').column('coach_user_id').execute();

  await db.schema
    .createTable('learning_question_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('learning_questions.id').onDelete('cascade'))
    /** Exactly one of coach_invitation_id and peer_group_id is set. */
    .addColumn('coach_invitation_id', 'text', (c) => c.references('learning_coach_invitations.id').onDelete('cascade'))
    .addColumn('peer_group_id', 'text', (c) => c.references('peer_groups.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_question_shares_question').on('learning_question_shares').column('question_id').execute();

  await db.schema
    .createTable('learning_coach_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('learning_coach_invitations.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('learning_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('question_id', 'text', (c) => c.references('learning_questions.id').onDelete('set null'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('learning_reminders_sent')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_reminders_sent_pk', ['user_id', 'round_key', 'kind'])
    .execute();
}
