import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * True to the method.
 * - client_points.released_batch: a point the client passes on without their name reaches the
 *   professional only inside a batch of points from at least k different clients, never next to
 *   the recording it came from. Null until released.
 * - feedback_moments.own_subtopic: the "….." line under every theme card, in the person's own words.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('client_points').addColumn('released_batch', 'text').execute();
  await db.schema.alterTable('feedback_moments').addColumn('own_subtopic', 'text').execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('feedback_moments').dropColumn('own_subtopic').execute();
  await db.schema.alterTable('client_points').dropColumn('released_batch').execute();
}
