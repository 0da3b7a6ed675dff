import type { Kysely, Selectable } from 'kysely';
import type { Database, PeerGroupMembersTable, PeerGroupsTable } from '../schema.js';
import { inTransaction } from './in-transaction.js';

export type PeerGroupRow = Selectable<PeerGroupsTable>;
export type PeerGroupMemberRow = Selectable<PeerGroupMembersTable>;

export class PeerGroupsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<PeerGroupRow | undefined> {
    return this.db.selectFrom('peer_groups').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Only groups this user belongs to (active or invited): there is no list of all groups. */
  listForUser(userId: string): Promise<PeerGroupRow[]> {
    return this.db
      .selectFrom('peer_groups')
      .innerJoin('peer_group_members', 'peer_group_members.group_id', 'peer_groups.id')
      .selectAll('peer_groups')
      .where('peer_group_members.user_id', '=', userId)
      .orderBy('peer_groups.name')
      .execute();
  }

  membersOf(groupIds: readonly string[]): Promise<(PeerGroupMemberRow & { name: string })[]> {
    if (groupIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('peer_group_members')
      .innerJoin('users', 'users.id', 'peer_group_members.user_id')
      .selectAll('peer_group_members')
      .select('users.name')
      .where('peer_group_members.group_id', 'in', groupIds)
      .orderBy('users.name')
      .execute();
  }

  findMember(groupId: string, userId: string): Promise<PeerGroupMemberRow | undefined> {
    return this.db.selectFrom('peer_group_members').selectAll().where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  }

  async insert(group: PeerGroupRow, members: readonly PeerGroupMemberRow[]): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.insertInto('peer_groups').values(group).execute();
      if (members.length > 0) await trx.insertInto('peer_group_members').values([...members]).execute();
    });
  }

  async addMember(member: PeerGroupMemberRow): Promise<void> {
    await this.db.insertInto('peer_group_members').values(member).execute();
  }

  async activate(groupId: string, userId: string, at: string): Promise<void> {
    await this.db.updateTable('peer_group_members').set({ status: 'active', joined_at: at }).where('group_id', '=', groupId).where('user_id', '=', userId).execute();
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('peer_group_members').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
  }
}
