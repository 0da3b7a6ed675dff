import type { Kysely } from 'kysely';
import type { MigrationDatabase } from './helpers.js';

/**
 * Single sign-on with OpenID Connect. A person is known to the identity provider by issuer + subject;
 * what arrived at their last log-in is kept as role and group names only (never a token), so an
 * administrator can see why someone got the roles they have. A session started through SSO remembers
 * the provider's session id, so the provider's back-channel log-out can end it.
 */
export async function up(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema
    .createTable('sso_identities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    /** JSON: { values: { <claim path>: string[] }, mapped: [{ role, team }] } from the last log-in. */
    .addColumn('last_claims_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_identities_subject').unique().on('sso_identities').columns(['issuer', 'subject']).execute();
  await db.schema.createIndex('sso_identities_user').on('sso_identities').columns(['user_id']).execute();

  await db.schema
    .createTable('sso_sessions')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('identity_id', 'text', (c) => c.notNull().references('sso_identities.id').onDelete('cascade'))
    /** The provider's session id (`sid` claim); absent when the provider does not send one. */
    .addColumn('provider_session_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_sessions_identity').on('sso_sessions').columns(['identity_id']).execute();

  await db.schema
    .createTable('sso_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    /** 1 = password log-in is refused for this organisation (except the configured break-glass accounts). */
    .addColumn('passwords_off', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .execute();
}

export async function down(db: Kysely<MigrationDatabase>): Promise<void> {
  await db.schema.dropTable('sso_settings').execute();
  await db.schema.dropTable('sso_sessions').execute();
  await db.schema.dropTable('sso_identities').execute();
}
