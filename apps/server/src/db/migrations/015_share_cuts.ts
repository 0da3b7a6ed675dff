import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Reviewers receive exactly the shared span: every moment of a share is cut into its own encrypted
 * HLS under `recordings/<recordingId>/spans/<cutId>/`. Its key is derived from the recording's
 * key and this row's random salt, so deleting the row (revoke, expiry, leaving a group) or the
 * recording's key (withdrawal, retention) makes the cut unreadable.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('share_cuts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('moment_id', 'text', (c) => c.notNull())
    .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id'))
    .addColumn('start_seconds', 'double precision', (c) => c.notNull())
    .addColumn('end_seconds', 'double precision', (c) => c.notNull())
    /** base64url of 32 random bytes; HKDF salt of the cut's key. */
    .addColumn('salt', 'text', (c) => c.notNull())
    /** pending | ready | failed */
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('share_cuts_share').on('share_cuts').columns(['share_id', 'moment_id']).execute();
  await db.schema.createIndex('share_cuts_recording').on('share_cuts').column('recording_id').execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('share_cuts').execute();
}
