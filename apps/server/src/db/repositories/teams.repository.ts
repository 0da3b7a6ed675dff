import type { Kysely, Selectable } from 'kysely';
import type { Database, TeamsTable } from '../schema.js';

export type TeamRow = Selectable<TeamsTable>;

export class TeamsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  listWithMemberCounts(organisationId: string): Promise<(TeamRow & { member_count: number | string })[]> {
    return this.db
      .selectFrom('teams')
      .leftJoin('memberships', 'memberships.team_id', 'teams.id')
      .select(['teams.id', 'teams.organisation_id', 'teams.name', 'teams.created_at'])
      .select((eb) => eb.fn.count<number | string>('memberships.user_id').distinct().as('member_count'))
      .where('teams.organisation_id', '=', organisationId)
      .groupBy(['teams.id', 'teams.organisation_id', 'teams.name', 'teams.created_at'])
      .orderBy('teams.name')
      .execute();
  }

  findInOrganisation(organisationId: string, id: string): Promise<TeamRow | undefined> {
    return this.db.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  }

  async insert(row: TeamRow): Promise<void> {
    await this.db.insertInto('teams').values(row).execute();
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.updateTable('teams').set({ name }).where('id', '=', id).execute();
  }
}
