import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    /** Phone or e-mail for invitations only, wrapped with the master key. */
    .addColumn('contact_wrapped', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('nl'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clients_professional').on('clients').column('professional_id').execute();

  await db.schema
    .createTable('client_access')
    .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conversations_professional').on('conversations').column('professional_id').execute();
  await db.schema.createIndex('conversations_client').on('conversations').column('client_id').execute();

  await db.schema
    .createTable('consent_texts')
    .addColumn('version', 'text', (c) => c.primaryKey())
    /** The exact texts shown (all languages, JSON), so each consent can be traced to what the client saw. */
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    /** given | declined | withdrawn */
    .addColumn('status', 'text', (c) => c.notNull())
    /** video | audio | none */
    .addColumn('media', 'text', (c) => c.notNull())
    /** professional | reviewer | peer_group: the widest circle that may watch. */
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('reviewer_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('watch_with_client', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('feedback_via_reviewer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull().references('consent_texts.version'))
    .addColumn('locale', 'text', (c) => c.notNull())
    /** tablet (in the room, on the professional's device) | own_device (client's link and code) */
    .addColumn('signed_via', 'text', (c) => c.notNull())
    .addColumn('client_signature', 'text', (c) => c.notNull())
    .addColumn('professional_consented_at', 'text')
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consents_conversation').on('consents').column('conversation_id').execute();
  await db.schema.createIndex('consents_client').on('consents').column('client_id').execute();
}
