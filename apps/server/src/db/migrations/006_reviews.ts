import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * "Foreign eyes": moments, peer groups, shares of moments, comments, the review meeting, client
 * points relayed via a reviewer, and the organisation's own review guide prompts.
 * Everything that belongs to a recording carries recording_id (or reaches it through a moment or
 * share) so a withdrawal can remove it all in one go.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('moments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id').onDelete('cascade'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('start_seconds', 'double precision', (c) => c.notNull())
    .addColumn('end_seconds', 'double precision', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('themes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moments_recording').on('moments').columns(['recording_id', 'start_seconds']).execute();

  await db.schema
    .createTable('peer_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('peer_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('peer_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** invited | active: only active members see what was shared with the group. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text')
    .addPrimaryKeyConstraint('peer_group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('peer_group_members_user').on('peer_group_members').column('user_id').execute();

  await db.schema
    .createTable('shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id').onDelete('cascade'))
    .addColumn('professional_id', 'text', (c) => c.notNull().references('users.id'))
    /** Exactly one of recipient_user_id and peer_group_id is set. */
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('peer_group_id', 'text', (c) => c.references('peer_groups.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('client_talk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shares_recording').on('shares').column('recording_id').execute();
  await db.schema.createIndex('shares_recipient').on('shares').column('recipient_user_id').execute();
  await db.schema.createIndex('shares_group').on('shares').column('peer_group_id').execute();

  await db.schema
    .createTable('share_moments')
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id').onDelete('cascade'))
    .addColumn('moment_id', 'text', (c) => c.notNull().references('moments.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('share_moments_pk', ['share_id', 'moment_id'])
    .execute();
  await db.schema.createIndex('share_moments_moment').on('share_moments').column('moment_id').execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('moment_id', 'text', (c) => c.notNull().references('moments.id').onDelete('cascade'))
    /** The share whose thread this belongs to; null = the professional's own remark. */
    .addColumn('share_id', 'text', (c) => c.references('shares.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at_seconds', 'double precision', (c) => c.notNull())
    /** observation | question | strength | alternative */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('takeaway', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_moment').on('comments').columns(['moment_id', 'created_at']).execute();

  await db.schema
    .createTable('review_meetings')
    .addColumn('share_id', 'text', (c) => c.primaryKey().references('shares.id').onDelete('cascade'))
    .addColumn('analysis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('meeting_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('review_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id').onDelete('cascade'))
    .addColumn('share_id', 'text', (c) => c.references('shares.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    /** takeaway | agreement */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_outcomes_recording').on('review_outcomes').column('recording_id').execute();

  await db.schema
    .createTable('client_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id').onDelete('cascade'))
    .addColumn('moment_id', 'text', (c) => c.references('moments.id').onDelete('set null'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    /** pending | pass_on | anonymous | private: only the client sets it. */
    .addColumn('relay', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_points_share').on('client_points').column('share_id').execute();
  await db.schema.createIndex('client_points_client').on('client_points').column('client_id').execute();

  await db.schema
    .createTable('review_guides')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('steps_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  for (const table of ['review_guides', 'client_points', 'review_outcomes', 'review_meetings', 'comments', 'share_moments', 'shares', 'peer_group_members', 'peer_groups', 'moments']) {
    await db.schema.dropTable(table).execute();
  }
}
