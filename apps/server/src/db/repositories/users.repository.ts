import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MembershipsTable, UsersTable } from '../schema.js';

export type UserRow = Selectable<UsersTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type MembershipWithTeam = Pick<MembershipRow, 'user_id' | 'role' | 'team_id'> & { team_name: string | null };

export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
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
    await this.db.transaction().execute(async (trx) => {
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
