import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * True to the method.
 * - client_points.released_batch: a point the client passes on without their name reaches the
 *   professional only inside a batch of points from at least k different clients, never next to
 *   the recording it came from. Null until released.
 * - feedback_moments.own_subtopic: the "….." line under every theme card, in the person's own words.
 * - users.external_organisation / access_until: an independent reviewer from outside, whose
 *   account stops working after its end date.
 * - consents.reviewer_from: a coach not named yet may be anyone, only from the organisation, or
 *   only from outside (any | internal | external).
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('client_points').addColumn('released_batch', 'text').execute();
  await db.schema.alterTable('feedback_moments').addColumn('own_subtopic', 'text').execute();
  await db.schema.alterTable('users').addColumn('external_organisation', 'text').execute();
  await db.schema.alterTable('users').addColumn('access_until', 'text').execute();
  await db.schema.alterTable('consents').addColumn('reviewer_from', 'text', (c) => c.notNull().defaultTo('any')).execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.alterTable('consents').dropColumn('reviewer_from').execute();
  await db.schema.alterTable('users').dropColumn('access_until').execute();
  await db.schema.alterTable('users').dropColumn('external_organisation').execute();
  await db.schema.alterTable('feedback_moments').dropColumn('own_subtopic').execute();
  await db.schema.alterTable('client_points').dropColumn('released_batch').execute();
}
