import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * A professional's own voice print (conversation rhythm, "who is who"): averages of the voice
 * features of the voice they confirmed as theirs, per contributing recording, sealed under the
 * print's own key. The key is stored only wrapped by the master key, like a recording's media
 * key: deleting this one row makes the print unreadable everywhere. Compared only with the same
 * professional's recordings, never shown; goes with the account and is recomputed without a
 * recording that is withdrawn or reaches retention.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('voice_prints')
    .addColumn('professional_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    /** base64 of AES-256-GCM (crypto/text-seal.ts) over the contributions. */
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
