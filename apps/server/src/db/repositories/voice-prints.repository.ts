import type { Kysely, Selectable } from 'kysely';
import type { Database, VoicePrintsTable } from '../schema.js';

export type VoicePrintRow = Selectable<VoicePrintsTable>;

/** A professional's sealed voice print (migration 028): one row each, replaced whole. */
export class VoicePrintsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(professionalId: string): Promise<VoicePrintRow | undefined> {
    return this.db.selectFrom('voice_prints').selectAll().where('professional_id', '=', professionalId).executeTakeFirst();
  }

  async save(row: VoicePrintRow): Promise<void> {
    await this.db
      .insertInto('voice_prints')
      .values(row)
      .onConflict((oc) => oc.column('professional_id').doUpdateSet({ wrapped_key: row.wrapped_key, sealed: row.sealed, updated_at: row.updated_at }))
      .execute();
  }

  async delete(professionalId: string): Promise<void> {
    await this.db.deleteFrom('voice_prints').where('professional_id', '=', professionalId).execute();
  }

  async recordingIsReady(recordingId: string): Promise<boolean> {
    const row = await this.db.selectFrom('recordings').select('status').where('id', '=', recordingId).executeTakeFirst();
    return row?.status === 'ready';
  }

  /** Whose recording it was: the tombstone of a deleted recording keeps its professional. */
  async professionalOfRecording(recordingId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('recordings').select('professional_id').where('id', '=', recordingId).executeTakeFirst();
    return row?.professional_id;
  }
}
