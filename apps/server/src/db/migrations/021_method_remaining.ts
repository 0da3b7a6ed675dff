import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Issue #16, the remaining parts: a conversation partner can be a staff member ("medewerker"), so a
 * manager records their own conversations with staff under consent texts that do not speak of
 * benefits; a "niet delen" stretch can be cut out of the stored media on request; and an
 * organisation can add its own explainer film (one per organisation, not personal data).
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  /** client | staff */
  await db.schema.alterTable('clients').addColumn('partner_kind', 'text', (c) => c.notNull().defaultTo('client')).execute();
  /** Set when the owner asked to cut the stretch out of the stored media; the row goes once it is cut. */
  await db.schema.alterTable('no_share_stretches').addColumn('cut_requested_at', 'text').execute();

  await db.schema
    .createTable('organisation_films')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('duration_seconds', 'double precision', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('organisation_films').execute();
  await db.schema.alterTable('no_share_stretches').dropColumn('cut_requested_at').execute();
  await db.schema.alterTable('clients').dropColumn('partner_kind').execute();
}
