import type { Kysely, Selectable } from 'kysely';
import type { Database, NoShareStretchesTable } from '../schema.js';

export type NoShareStretchRow = Selectable<NoShareStretchesTable>;

/** "Niet delen" stretches: times only, no content. */
export class NoShareRepository {
  constructor(private readonly db: Kysely<Database>) {}

  listForRecording(recordingId: string): Promise<NoShareStretchRow[]> {
    return this.db.selectFrom('no_share_stretches').selectAll().where('recording_id', '=', recordingId).orderBy('start_seconds').execute();
  }

  listForRecordings(recordingIds: readonly string[]): Promise<NoShareStretchRow[]> {
    if (recordingIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('no_share_stretches').selectAll().where('recording_id', 'in', recordingIds).orderBy('start_seconds').execute();
  }

  findById(id: string): Promise<NoShareStretchRow | undefined> {
    return this.db.selectFrom('no_share_stretches').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: NoShareStretchRow): Promise<void> {
    await this.db.insertInto('no_share_stretches').values(row).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('no_share_stretches').where('id', '=', id).execute();
  }

  /** Only sets it when it is not set yet (or clears it): true when this call changed it. */
  async setCutRequested(id: string, at: string | null): Promise<boolean> {
    let query = this.db.updateTable('no_share_stretches').set({ cut_requested_at: at }).where('id', '=', id);
    if (at !== null) query = query.where('cut_requested_at', 'is', null);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteForRecordings(recordingIds: readonly string[]): Promise<void> {
    if (recordingIds.length === 0) return;
    await this.db.deleteFrom('no_share_stretches').where('recording_id', 'in', recordingIds).execute();
  }

  /** The recordings made under one consent that still exist (any state but deleted). */
  recordingsOfConsent(consentId: string): Promise<{ id: string; organisation_id: string; duration_seconds: number | null }[]> {
    return this.db.selectFrom('recordings').select(['id', 'organisation_id', 'duration_seconds']).where('consent_id', '=', consentId).where('status', '!=', 'deleted').orderBy('created_at').execute();
  }
}
