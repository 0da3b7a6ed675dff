import { sql, type Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Account safety: an administrator must never hold a credential of another account, and limits on
 * guessing must hold across API processes.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  /**
   * When the account first got a password. Kept even when a reset clears the password, so a
   * cleared account never becomes "invitable" again (a new invitation would hand it to an admin).
   */
  await db.schema.alterTable('users').addColumn('password_set_at', 'text').execute();
  await db.updateTable('users').set({ password_set_at: sql`created_at` }).where('password_hash', 'is not', null).execute();
  /** The last password reset, told to the account holder: when, requested by and approved by whom. */
  await db.schema.alterTable('users').addColumn('password_reset_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('password_reset_requested_by', 'text', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('users').addColumn('password_reset_approved_by', 'text', (c) => c.references('users.id')).execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** email: the link went to the account's own address · approval: two administrators, no SMTP. */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** Hash of the secret only the account holder has (their mailbox, or the browser that asked). */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** Hash of the short code the holder reads out to the first administrator (approval channel). */
    .addColumn('code_hash', 'text')
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();

  /** Fixed-window counters shared by every API process (per address and route, per account). */
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_ends_ms').execute();
}
