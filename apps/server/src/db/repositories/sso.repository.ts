import type { Kysely, Selectable } from 'kysely';
import type { Database, SsoIdentitiesTable, SsoSettingsTable } from '../schema.js';

export type SsoIdentityRow = Selectable<SsoIdentitiesTable>;
export type SsoSettingsRow = Selectable<SsoSettingsTable>;

export class SsoRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findIdentity(issuer: string, subject: string): Promise<SsoIdentityRow | undefined> {
    return this.db.selectFrom('sso_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  }

  identitiesOfUser(userId: string): Promise<SsoIdentityRow[]> {
    return this.db.selectFrom('sso_identities').selectAll().where('user_id', '=', userId).orderBy('last_login_at', 'desc').execute();
  }

  async insertIdentity(row: SsoIdentityRow): Promise<void> {
    await this.db.insertInto('sso_identities').values(row).execute();
  }

  async recordLogin(identityId: string, lastClaimsJson: string, at: string): Promise<void> {
    await this.db.updateTable('sso_identities').set({ last_claims_json: lastClaimsJson, last_login_at: at }).where('id', '=', identityId).execute();
  }

  async linkSession(row: { session_id: string; identity_id: string; provider_session_id: string | null; created_at: string }): Promise<void> {
    await this.db.insertInto('sso_sessions').values(row).execute();
  }

  findSessionLink(sessionId: string): Promise<{ identity_id: string; provider_session_id: string | null } | undefined> {
    return this.db.selectFrom('sso_sessions').select(['identity_id', 'provider_session_id']).where('session_id', '=', sessionId).executeTakeFirst();
  }

  /** Ends the sessions of one provider identity: all of them, or only those of one provider session. */
  async deleteSessions(issuer: string, match: { subject?: string | undefined; providerSessionId?: string | undefined }): Promise<{ userId: string; organisationId: string }[]> {
    return this.db.transaction().execute(async (trx) => {
      let query = trx
        .selectFrom('sso_sessions')
        .innerJoin('sso_identities', 'sso_identities.id', 'sso_sessions.identity_id')
        .innerJoin('users', 'users.id', 'sso_identities.user_id')
        .select(['sso_sessions.session_id', 'users.id as user_id', 'users.organisation_id'])
        .where('sso_identities.issuer', '=', issuer);
      if (match.subject !== undefined) query = query.where('sso_identities.subject', '=', match.subject);
      if (match.providerSessionId !== undefined) query = query.where('sso_sessions.provider_session_id', '=', match.providerSessionId);
      const rows = await query.execute();
      if (rows.length === 0) return [];
      const ids = rows.map((row) => row.session_id);
      await trx.deleteFrom('sso_sessions').where('session_id', 'in', ids).execute();
      await trx.deleteFrom('sessions').where('id', 'in', ids).execute();
      return rows.map((row) => ({ userId: row.user_id, organisationId: row.organisation_id }));
    });
  }

  settingsOf(organisationId: string): Promise<SsoSettingsRow | undefined> {
    return this.db.selectFrom('sso_settings').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  }

  async saveSettings(row: SsoSettingsRow): Promise<void> {
    await this.db
      .insertInto('sso_settings')
      .values(row)
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ passwords_off: row.passwords_off, changed_at: row.changed_at, changed_by: row.changed_by }))
      .execute();
  }

  /** The only organisation, when a deployment has exactly one: SSO users belong to it unless configured otherwise. */
  async soleOrganisationId(): Promise<string | undefined> {
    const rows = await this.db.selectFrom('organisations').select('id').limit(2).execute();
    return rows.length === 1 ? rows[0]?.id : undefined;
  }

  findTeamByName(organisationId: string, name: string): Promise<{ id: string } | undefined> {
    return this.db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
  }
}
