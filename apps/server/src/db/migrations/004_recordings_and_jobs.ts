import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('recordings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    // No foreign key: a recording (or its content-free tombstone) must never block or be silently
    // cascaded away by a conversation change; erasure goes through the recording's own job.
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('consent_id', 'text', (c) => c.notNull())
    /** video | audio */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** uploading | processing | ready | failed | deleted */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    /** The current tus upload (the original file) until processing has removed it. */
    .addColumn('upload_id', 'text')
    .addColumn('upload_length', 'double precision')
    /** The per-recording AES-128 key, wrapped by the master key; null = crypto-shredded or not yet processed. */
    .addColumn('wrapped_key', 'text')
    .addColumn('duration_seconds', 'double precision')
    .addColumn('has_poster', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ready_at', 'text')
    .addColumn('retention_ends_at', 'text')
    .addColumn('retention_notice_at', 'text')
    .addColumn('deleted_at', 'text')
    /** withdrawn | retention | professional */
    .addColumn('deleted_reason', 'text')
    .execute();
  await db.schema.createIndex('recordings_professional').on('recordings').column('professional_id').execute();
  await db.schema.createIndex('recordings_conversation').on('recordings').column('conversation_id').execute();
  await db.schema.createIndex('recordings_retention').on('recordings').columns(['status', 'retention_ends_at']).execute();

  // The default job queue (pg-boss replaces it on PostgreSQL).
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    /** queued | running | failed | done (done is kept only for singleton jobs; others are deleted) */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    /** A running job whose lease passed belongs to a crashed worker and is claimed again. */
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    /** At most one queued or running job per key (daily schedules, one processing job per recording). */
    .addColumn('singleton_key', 'text', (c) => c.unique())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['name', 'status', 'run_after']).execute();
}
