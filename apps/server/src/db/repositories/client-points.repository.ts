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

  /** Only points the client passed on with their name: the one query that names a recording. */
  listRelayedForRecording(recordingId: string): Promise<(ClientPointRow & { reviewer_name: string })[]> {
    return this.db
      .selectFrom('client_points')
      .innerJoin('shares', 'shares.id', 'client_points.share_id')
      .innerJoin('users', 'users.id', 'client_points.reviewer_id')
      .selectAll('client_points')
      .select('users.name as reviewer_name')
      .where('shares.recording_id', '=', recordingId)
      .where('client_points.relay', '=', 'pass_on')
      .orderBy('client_points.decided_at')
      .execute();
  }

  /** Anonymous points on this professional's recordings not yet released, with their client (server-side only). */
  listUnreleasedAnonymous(professionalId: string): Promise<{ id: string; client_id: string }[]> {
    return this.db
      .selectFrom('client_points')
      .innerJoin('shares', 'shares.id', 'client_points.share_id')
      .select(['client_points.id', 'client_points.client_id'])
      .where('shares.professional_id', '=', professionalId)
      .where('client_points.relay', '=', 'anonymous')
      .where('client_points.released_batch', 'is', null)
      .execute();
  }

  async release(ids: readonly string[], batch: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('client_points').set({ released_batch: batch }).where('id', 'in', ids).where('released_batch', 'is', null).execute();
  }

  /** Released anonymous points: only text and batch, nothing that leads back to a share or client. */
  listReleased(professionalId: string): Promise<{ text: string; released_batch: string }[]> {
    return this.db
      .selectFrom('client_points')
      .innerJoin('shares', 'shares.id', 'client_points.share_id')
      .select(['client_points.text', 'client_points.released_batch'])
      .where('shares.professional_id', '=', professionalId)
      .where('client_points.relay', '=', 'anonymous')
      .where('client_points.released_batch', 'is not', null)
      .$narrowType<{ released_batch: string }>()
      .orderBy('client_points.released_batch', 'desc')
      .orderBy('client_points.text')
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
