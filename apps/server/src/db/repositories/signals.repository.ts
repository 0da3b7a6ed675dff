import type { Kysely, Selectable } from 'kysely';
import type { Database, SignalGroupsTable, SignalsTable } from '../schema.js';

export type SignalRow = Selectable<SignalsTable>;
export type SignalGroupRow = Selectable<SignalGroupsTable>;
/** A signal with its group's name and, only where it may be shown, its author's name. */
export type SignalWithNames = SignalRow & {
  group_name: string | null;
  author_name: string | null;
  /** The agenda item it comes from, while it is on the agenda (the service decides what of it a reader sees). */
  item_team_id: string | null;
  item_kind: 'lesson' | 'question' | null;
  item_text: string | null;
  item_themes: string | null;
  item_status: 'new' | 'discussed' | 'trying' | 'done' | null;
};

/** One answer to signals, counted (see answersOfYear). */
export interface SignalAnswerSummary {
  groupName: string | null;
  answer: string;
  status: SignalRow['status'];
  theme: string | null;
  kind: string | null;
  month: string;
  signals: number;
  senders: number;
}

/** Signals to policy and the management team, their groups, and who is in the management team. SQL only. */
export class SignalsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: SignalRow): Promise<void> {
    await this.db.insertInto('signals').values(row).execute();
  }

  async insertGroup(row: SignalGroupRow): Promise<void> {
    await this.db.insertInto('signal_groups').values(row).execute();
  }

  private withNames() {
    return this.db
      .selectFrom('signals')
      .leftJoin('signal_groups', 'signal_groups.id', 'signals.group_id')
      .innerJoin('users', 'users.id', 'signals.author_id')
      .leftJoin('agenda_items', (join) => join.onRef('agenda_items.id', '=', 'signals.agenda_item_id').onRef('agenda_items.organisation_id', '=', 'signals.organisation_id'))
      .selectAll('signals')
      .select((eb) => [
        'signal_groups.name as group_name',
        'agenda_items.team_id as item_team_id',
        'agenda_items.kind as item_kind',
        'agenda_items.text as item_text',
        'agenda_items.themes as item_themes',
        'agenda_items.status as item_status',
        // The name leaves the database only when the author chose to be named.
        eb.case().when('signals.named', '=', 1).then(eb.ref('users.name')).else(eb.val<string | null>(null)).end().as('author_name'),
      ]);
  }

  findById(organisationId: string, id: string): Promise<SignalWithNames | undefined> {
    return this.withNames().where('signals.id', '=', id).where('signals.organisation_id', '=', organisationId).executeTakeFirst();
  }

  listByAuthor(organisationId: string, authorId: string): Promise<SignalWithNames[]> {
    return this.withNames().where('signals.organisation_id', '=', organisationId).where('signals.author_id', '=', authorId).orderBy('signals.created_at', 'desc').orderBy('signals.id').execute();
  }

  /** What policy (asPolicy) and/or the management team (asManagement) receive in the organisation, newest first. */
  async listReceived(organisationId: string, asPolicy: boolean, asManagement: boolean): Promise<SignalWithNames[]> {
    if (!asPolicy && !asManagement) return [];
    return this.withNames()
      .where('signals.organisation_id', '=', organisationId)
      .where((eb) => eb.or([...(asPolicy ? [eb('signals.to_policy', '=', 1)] : []), ...(asManagement ? [eb('signals.to_management', '=', 1)] : [])]))
      .orderBy('signals.created_at', 'desc')
      .orderBy('signals.id')
      .execute();
  }

  /** The ids of a group's signals (the caller filters them by access). */
  async signalIdsInGroup(groupId: string): Promise<string[]> {
    return (await this.db.selectFrom('signals').select('id').where('group_id', '=', groupId).execute()).map((row) => row.id);
  }

  /** Authors of the given signals, to send each their answer; never returned to a reader. */
  async authorsOf(ids: readonly string[]): Promise<{ id: string; author_id: string }[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('signals').select(['id', 'author_id']).where('id', 'in', [...ids]).execute();
  }

  listGroups(organisationId: string): Promise<SignalGroupRow[]> {
    return this.db.selectFrom('signal_groups').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').orderBy('id').execute();
  }

  findGroup(organisationId: string, id: string): Promise<SignalGroupRow | undefined> {
    return this.db.selectFrom('signal_groups').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  }

  async setGroup(id: string, groupId: string | null, status: SignalRow['status']): Promise<void> {
    await this.db.updateTable('signals').set({ group_id: groupId, status }).where('id', '=', id).execute();
  }

  async answer(ids: readonly string[], answer: string, status: SignalRow['status'], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('signals').set({ answer, status, answered_at: at }).where('id', 'in', [...ids]).execute();
  }

  async answerGroup(id: string, answer: string, status: SignalGroupRow['status'], at: string): Promise<void> {
    await this.db.updateTable('signal_groups').set({ answer, status, answered_at: at }).where('id', '=', id).execute();
  }

  /**
   * The answers given in a year to what this reader receives (policy and/or the management team),
   * one row per answer: a group's answer once, however many signals it reached. Aggregated here, so
   * no author and no signal leaves: only how many signals and senders an answer reached, the
   * theme and kind when all its signals share one, the status and the month it was given.
   */
  async answersOfYear(organisationId: string, year: number, asPolicy: boolean, asManagement: boolean): Promise<SignalAnswerSummary[]> {
    if (!asPolicy && !asManagement) return [];
    const rows = await this.db
      .selectFrom('signals')
      .leftJoin('signal_groups', 'signal_groups.id', 'signals.group_id')
      .where('signals.organisation_id', '=', organisationId)
      .where('signals.answer', 'is not', null)
      .where('signals.answered_at', '>=', `${year}-01-01`)
      .where('signals.answered_at', '<', `${year + 1}-01-01`)
      .where((eb) => eb.or([...(asPolicy ? [eb('signals.to_policy', '=', 1)] : []), ...(asManagement ? [eb('signals.to_management', '=', 1)] : [])]))
      .groupBy(['signals.group_id', 'signal_groups.name', 'signals.answer', 'signals.status'])
      .select((eb) => [
        'signals.group_id as group_id',
        'signal_groups.name as group_name',
        'signals.answer as answer',
        'signals.status as status',
        eb.fn.min('signals.theme').as('theme_min'),
        eb.fn.max('signals.theme').as('theme_max'),
        eb.fn.min('signals.kind').as('kind_min'),
        eb.fn.max('signals.kind').as('kind_max'),
        eb.fn.max('signals.answered_at').as('answered_at'),
        eb.fn.countAll<number | string>().as('signals'),
        eb.fn.count<number | string>('signals.author_id').distinct().as('senders'),
      ])
      .orderBy('answered_at', 'desc')
      .execute();
    return rows.map((row) => ({
      groupName: row.group_name,
      answer: row.answer ?? '',
      status: row.status,
      theme: row.theme_min === row.theme_max ? row.theme_min : null,
      kind: row.kind_min === row.kind_max ? row.kind_min : null,
      month: (row.answered_at ?? '').slice(0, 7),
      signals: Number(row.signals),
      senders: Number(row.senders),
    }));
  }

  async isManagementTeamMember(userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('id', '=', userId).where('management_team', '=', 1).where('active', '=', 1).executeTakeFirst();
    return row !== undefined;
  }

  async managementTeam(organisationId: string): Promise<string[]> {
    return (await this.db.selectFrom('users').select('id').where('organisation_id', '=', organisationId).where('management_team', '=', 1).orderBy('id').execute()).map((row) => row.id);
  }

  async setManagementTeam(userId: string, member: boolean): Promise<void> {
    await this.db.updateTable('users').set({ management_team: member ? 1 : 0 }).where('id', '=', userId).execute();
  }
}
