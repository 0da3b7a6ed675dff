import type { Kysely, Selectable } from 'kysely';
import type { ClientPointsTable, Database } from '../schema.js';

export type ClientPointRow = Selectable<ClientPointsTable>;

export class ClientPointsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<ClientPointRow | undefined> {
    return this.db.selectFrom('client_points').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listForShares(shareIds: readonly string[]): Promise<ClientPointRow[]> {
    if (shareIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('client_points').selectAll().where('share_id', 'in', shareIds).orderBy('created_at').execute();
  }

  /** Only points the client chose to pass on: the single query the professional's side has. */
  listRelayedForRecording(recordingId: string): Promise<(ClientPointRow & { reviewer_name: string })[]> {
    return this.db
      .selectFrom('client_points')
      .innerJoin('shares', 'shares.id', 'client_points.share_id')
      .innerJoin('users', 'users.id', 'client_points.reviewer_id')
      .selectAll('client_points')
      .select('users.name as reviewer_name')
      .where('shares.recording_id', '=', recordingId)
      .where('client_points.relay', 'in', ['pass_on', 'anonymous'])
      .orderBy('client_points.decided_at')
      .execute();
  }

  async insert(row: ClientPointRow): Promise<void> {
    await this.db.insertInto('client_points').values(row).execute();
  }

  async setRelay(id: string, relay: ClientPointRow['relay'], at: string): Promise<void> {
    await this.db.updateTable('client_points').set({ relay, decided_at: at }).where('id', '=', id).execute();
  }

  /** Only while the client has not chosen yet: after that the point is theirs to decide on. */
  async deletePending(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('client_points').where('id', '=', id).where('relay', '=', 'pending').executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
