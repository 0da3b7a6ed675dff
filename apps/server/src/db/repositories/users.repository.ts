import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MembershipsTable, UsersTable } from '../schema.js';
import { inTransaction } from './in-transaction.js';
import { prepared } from '../prepared.js';

export type UserRow = Selectable<UsersTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type MembershipWithTeam = Pick<MembershipRow, 'user_id' | 'role' | 'team_id'> & { team_name: string | null };

/**
 * A new account as every way of adding someone starts it (an invitation, single sign-on, the demo):
 * no password, no authenticator, not locked, Dutch, no digest.
 */
export function newAccount(fields: { id: string; organisation_id: string; email: string; name: string; created_at: string; external_organisation?: string | null; access_until?: string | null }): UserRow {
  return {
    password_hash: null,
    totp_secret: null,
    totp_enabled: 0,
    active: 1,
    failed_logins: 0,
    locked_until: null,
    locale: 'nl',
    password_set_at: null,
    password_reset_at: null,
    password_reset_requested_by: null,
    password_reset_approved_by: null,
    external_organisation: null,
    access_until: null,
    email_digest: 0,
    text_key: null,
    feedback_guide_seen_at: null,
    management_team: 0,
    ...fields,
  };
}

const byId = prepared((db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id));
const membershipsOfOne = prepared((db, userId: string) =>
  db
    .selectFrom('memberships')
    .leftJoin('teams', 'teams.id', 'memberships.team_id')
    .select(['memberships.user_id', 'memberships.role', 'memberships.team_id', 'teams.name as team_name'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.role'),
);

export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<UserRow | undefined> {
    return byId(this.db, id).then((rows) => rows[0]);
  }

  /** Names of several users in one query; unknown ids are left out. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  listByOrganisation(organisationId: string): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
  }

  membershipsOf(userIds: readonly string[]): Promise<MembershipWithTeam[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    // One person's memberships on every request (the session lookup): prepared once.
    if (userIds.length === 1) return membershipsOfOne(this.db, userIds[0] ?? '');
    return this.db
      .selectFrom('memberships')
      .leftJoin('teams', 'teams.id', 'memberships.team_id')
      .select(['memberships.user_id', 'memberships.role', 'memberships.team_id', 'teams.name as team_name'])
      .where('memberships.user_id', 'in', userIds)
      .orderBy('memberships.role')
      .execute();
  }

  async insert(row: Insertable<UsersTable>): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }

  /** Counts one wrong password atomically, so concurrent attempts in several processes all count. */
  async countFailedLogin(id: string): Promise<number> {
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirst();
    return Number(row?.failed_logins ?? 0);
  }

  async update(id: string, changes: Partial<Omit<UserRow, 'id' | 'organisation_id' | 'created_at'>>): Promise<void> {
    await this.db.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  async replaceMemberships(userId: string, memberships: readonly MembershipRow[]): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('memberships').where('user_id', '=', userId).execute();
      if (memberships.length > 0) await trx.insertInto('memberships').values([...memberships]).execute();
    });
  }

  async countActiveWithRole(organisationId: string, role: string): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select((eb) => eb.fn.count<number | string>('users.id').distinct().as('n'))
      .where('users.organisation_id', '=', organisationId)
      .where('users.active', '=', 1)
      .where('memberships.role', '=', role)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Only the person's own choice changes. */
  async setEmailDigest(userId: string, enabled: boolean): Promise<void> {
    await this.db.updateTable('users').set({ email_digest: enabled ? 1 : 0 }).where('id', '=', userId).execute();
  }

  /** Active people who asked for the daily notification digest. */
  digestReaders(): Promise<{ id: string; email: string; locale: string }[]> {
    return this.db.selectFrom('users').select(['id', 'email', 'locale']).where('email_digest', '=', 1).where('active', '=', 1).execute();
  }
}
