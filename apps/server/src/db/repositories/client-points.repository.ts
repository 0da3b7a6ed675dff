import type { Kysely, Selectable } from 'kysely';
import type { ClientPointsTable, Database } from '../schema.js';
import { TextKeyGoneError, type TextVault } from './text-vault.js';

export type ClientPointRow = Selectable<ClientPointsTable>;

const textPurpose = 'client_point.text';

/**
 * What a client said to a reviewer is sealed under the recording's text key, so it goes with the
 * recording at withdrawal; a point whose key is gone reads as deleted.
 */
export class ClientPointsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  private sealed() {
    return this.db
      .selectFrom('client_points')
      .innerJoin('shares', 'shares.id', 'client_points.share_id')
      .innerJoin('recordings', 'recordings.id', 'shares.recording_id')
      .selectAll('client_points')
      .select('recordings.text_key as text_key');
  }

  private opened<T extends ClientPointRow>(rows: (T & { text_key: string | null })[]): T[] {
    return this.vault.openRows(rows, { text: textPurpose });
  }

  async findById(id: string): Promise<ClientPointRow | undefined> {
    return this.opened(await this.sealed().where('client_points.id', '=', id).execute())[0];
  }

  async listForShares(shareIds: readonly string[]): Promise<ClientPointRow[]> {
    if (shareIds.length === 0) return [];
    return this.opened(await this.sealed().where('client_points.share_id', 'in', shareIds).orderBy('client_points.created_at').execute());
  }

  /** Only points the client passed on with their name: the one query that names a recording. */
  async listRelayedForRecording(recordingId: string): Promise<(ClientPointRow & { reviewer_name: string })[]> {
    const rows = await this.sealed()
      .innerJoin('users', 'users.id', 'client_points.reviewer_id')
      .select('users.name as reviewer_name')
      .where('shares.recording_id', '=', recordingId)
      .where('client_points.relay', '=', 'pass_on')
      .orderBy('client_points.decided_at')
      .execute();
    return this.opened(rows);
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

  /**
   * Released anonymous points: only text and batch, nothing that leads back to a share or client.
   * Sorted by text after opening (sealed texts cannot be sorted in SQL); a withdrawn recording's
   * points are gone with its key.
   */
  async listReleased(professionalId: string): Promise<{ text: string; released_batch: string }[]> {
    const rows = await this.sealed()
      .where('shares.professional_id', '=', professionalId)
      .where('client_points.relay', '=', 'anonymous')
      .where('client_points.released_batch', 'is not', null)
      .execute();
    return this.opened(rows)
      .flatMap((row) => (row.released_batch === null ? [] : [{ text: row.text, released_batch: row.released_batch }]))
      .sort((a, b) => b.released_batch.localeCompare(a.released_batch) || a.text.localeCompare(b.text));
  }

  async insert(row: ClientPointRow): Promise<void> {
    const share = await this.db.selectFrom('shares').select('recording_id').where('id', '=', row.share_id).executeTakeFirst();
    if (!share) throw new TextKeyGoneError();
    await this.db.insertInto('client_points').values({ ...row, text: await this.vault.sealForRecording(share.recording_id, textPurpose, row.text) }).execute();
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
