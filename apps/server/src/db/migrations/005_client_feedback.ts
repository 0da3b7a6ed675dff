import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/** Client feedback: the feedback conversation (Samenleergesprek), the alliance check and the follow-up. */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('feedback_conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    /** The conversation looked back on, if any; no foreign key so deleting it never removes feedback silently. */
    .addColumn('conversation_id', 'text')
    /** invited | in_progress | completed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('invitation_expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('feedback_conversations_professional').on('feedback_conversations').column('professional_id').execute();

  await db.schema
    .createTable('feedback_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_conversations.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** Group conversations: the others see "someone in the group" instead of a name. */
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('display_name', 'text')
    .addColumn('intro_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('picks_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('own_words', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prepared_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_participants_feedback').on('feedback_participants').column('feedback_id').execute();
  await db.schema.createIndex('feedback_participants_client').on('feedback_participants').column('client_id').execute();

  // Kept apart from the participant row so lists never load audio. Encrypted with a per-note key
  // that is wrapped by the master key; deleted with the participant (and so the conversation).
  await db.schema
    .createTable('feedback_voice_notes')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('feedback_participants.id').onDelete('cascade'))
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    /** base64 of iv ‖ tag ‖ AES-256-GCM ciphertext */
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('feedback_moments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_conversations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('subtopic', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('recording_id', 'text')
    .addColumn('start_seconds', 'double precision')
    .addColumn('end_seconds', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_moments_feedback').on('feedback_moments').column('feedback_id').execute();

  await db.schema
    .createTable('feedback_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_conversations.id').onDelete('cascade'))
    .addColumn('moment_id', 'text', (c) => c.references('feedback_moments.id').onDelete('cascade'))
    /** a | b | c | learned */
    .addColumn('section', 'text', (c) => c.notNull())
    /** null = the professional's voice */
    .addColumn('participant_id', 'text', (c) => c.references('feedback_participants.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_entries_feedback').on('feedback_entries').column('feedback_id').execute();

  await db.schema
    .createTable('feedback_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_conversations.id').onDelete('cascade'))
    /** professional | client | together */
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('feedback_participants.id').onDelete('cascade'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_actions_feedback').on('feedback_actions').column('feedback_id').execute();

  await db.schema
    .createTable('feedback_change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_conversations.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.references('feedback_participants.id').onDelete('cascade'))
    /** moment | entry | summary | action */
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    /** own_device | room */
    .addColumn('via', 'text', (c) => c.notNull())
    /** open | resolved */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('feedback_change_requests_feedback').on('feedback_change_requests').column('feedback_id').execute();

  await db.schema
    .createTable('alliance_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('conversation_id', 'text')
    .addColumn('feedback_id', 'text')
    /** The organisation's choice when the check was handed out; an anonymous one keeps only the month in answered_at. */
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('alliance_requests_client').on('alliance_requests').column('client_id').execute();
  await db.schema.createIndex('alliance_requests_professional').on('alliance_requests').column('professional_id').execute();

  // Anonymous answers keep no client, no request and no time: only the month they fall in.
  await db.schema
    .createTable('alliance_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('cascade'))
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    /** yyyy-mm */
    .addColumn('period', 'text', (c) => c.notNull())
    /** When it was answered (ISO time), null when anonymous */
    .addColumn('answered_on', 'text')
    .addColumn('collaboration', 'integer')
    .addColumn('achievement', 'integer')
    .addColumn('fit', 'integer')
    .addColumn('own_topics', 'integer')
    .addColumn('overall', 'integer')
    .execute();
  await db.schema.createIndex('alliance_answers_professional').on('alliance_answers').columns(['professional_id', 'period']).execute();
  await db.schema.createIndex('alliance_answers_client').on('alliance_answers').column('client_id').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('feedback_id', 'text', (c) => c.references('feedback_conversations.id').onDelete('cascade'))
    .addColumn('learned', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    /** draft | sent */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('follow_ups_professional').on('follow_ups').column('professional_id').execute();
  await db.schema.createIndex('follow_ups_client').on('follow_ups').column('client_id').execute();
}
