import type { Kysely, Selectable, Updateable } from 'kysely';
import type { AgendaItemsTable, AgendaLeaveChoicesTable, AgendaMeetingsTable, Database, SignalsTable } from '../schema.js';

export type AgendaItemRow = Selectable<AgendaItemsTable>;
export type AgendaMeetingRow = Selectable<AgendaMeetingsTable>;
export type AgendaLeaveChoice = AgendaLeaveChoicesTable['choice'];

/** An item as read for the team: the author's name is joined only where the author chose to be named. */
export type AgendaItemRead = AgendaItemRow & { named_author_name: string | null };

export interface AgendaTeam {
  team_id: string;
  name: string;
  role: string;
}

/** The team learning agenda: items, werkoverleg meetings and each author's choice on leaving. */
export class TeamAgendaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The teams someone is a member or the lead of, with the role per team (one row per role). */
  teamsOf(organisationId: string, userId: string): Promise<AgendaTeam[]> {
    return this.db
      .selectFrom('memberships')
      .innerJoin('teams', 'teams.id', 'memberships.team_id')
      .select(['teams.id as team_id', 'teams.name as name', 'memberships.role as role'])
      .where('memberships.user_id', '=', userId)
      .where('teams.organisation_id', '=', organisationId)
      .where('memberships.role', 'in', ['professional', 'manager'])
      .orderBy('teams.name')
      .execute();
  }

  findTeam(organisationId: string, teamId: string): Promise<{ id: string; name: string } | undefined> {
    return this.db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();
  }

  itemsOfTeams(teamIds: readonly string[]): Promise<AgendaItemRead[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('agenda_items')
      .leftJoin('users', (join) => join.onRef('users.id', '=', 'agenda_items.author_id').on('agenda_items.named', '=', 1))
      .selectAll('agenda_items')
      .select('users.name as named_author_name')
      .where('agenda_items.team_id', 'in', [...teamIds])
      .orderBy('agenda_items.created_at', 'desc')
      .orderBy('agenda_items.id')
      .execute();
  }

  meetingsOfTeams(teamIds: readonly string[]): Promise<AgendaMeetingRow[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('agenda_meetings').selectAll().where('team_id', 'in', [...teamIds]).orderBy('meeting_date').orderBy('created_at').execute();
  }

  findItem(id: string): Promise<AgendaItemRead | undefined> {
    return this.db
      .selectFrom('agenda_items')
      .leftJoin('users', (join) => join.onRef('users.id', '=', 'agenda_items.author_id').on('agenda_items.named', '=', 1))
      .selectAll('agenda_items')
      .select('users.name as named_author_name')
      .where('agenda_items.id', '=', id)
      .executeTakeFirst();
  }

  /** The statuses of the signals sent about each of these agenda items; never who sent them. */
  async signalStatusesOf(itemIds: readonly string[]): Promise<{ agenda_item_id: string; status: SignalsTable['status'] }[]> {
    if (itemIds.length === 0) return [];
    const rows = await this.db.selectFrom('signals').select(['agenda_item_id', 'status']).where('agenda_item_id', 'in', [...itemIds]).orderBy('created_at').orderBy('id').execute();
    return rows.flatMap((row) => (row.agenda_item_id ? [{ agenda_item_id: row.agenda_item_id, status: row.status }] : []));
  }

  findMeeting(id: string): Promise<AgendaMeetingRow | undefined> {
    return this.db.selectFrom('agenda_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertItem(row: AgendaItemRow): Promise<void> {
    await this.db.insertInto('agenda_items').values(row).execute();
  }

  async updateItem(id: string, changes: Updateable<AgendaItemsTable>): Promise<void> {
    await this.db.updateTable('agenda_items').set(changes).where('id', '=', id).execute();
  }

  async deleteItems(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('agenda_items').where('id', 'in', [...ids]).execute();
  }

  /** Items of someone who left: no author any more, never named. */
  async anonymiseItems(ids: readonly string[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('agenda_items').set({ author_id: null, named: 0, updated_at: at }).where('id', 'in', [...ids]).execute();
  }

  itemIdsOfAuthorInTeams(authorId: string, teamIds: readonly string[]): Promise<string[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('agenda_items')
      .select('id')
      .where('author_id', '=', authorId)
      .where('team_id', 'in', [...teamIds])
      .execute()
      .then((rows) => rows.map((row) => row.id));
  }

  async insertMeeting(row: AgendaMeetingRow): Promise<void> {
    await this.db.insertInto('agenda_meetings').values(row).execute();
  }

  async updateMeeting(id: string, changes: Updateable<AgendaMeetingsTable>): Promise<void> {
    await this.db.updateTable('agenda_meetings').set(changes).where('id', '=', id).execute();
  }

  async leaveChoiceOf(userId: string): Promise<AgendaLeaveChoice> {
    const row = await this.db.selectFrom('agenda_leave_choices').select('choice').where('user_id', '=', userId).executeTakeFirst();
    return row?.choice ?? 'anonymous';
  }

  async setLeaveChoice(userId: string, choice: AgendaLeaveChoice, at: string): Promise<void> {
    await this.db
      .insertInto('agenda_leave_choices')
      .values({ user_id: userId, choice, updated_at: at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ choice, updated_at: at }))
      .execute();
  }
}
