import type { Kysely, Selectable } from 'kysely';
import type { Database, RecordingRhythmTable } from '../schema.js';

export type RhythmRow = Selectable<RecordingRhythmTable>;

export class RhythmRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(recordingId: string): Promise<RhythmRow | undefined> {
    return this.db.selectFrom('recording_rhythm').selectAll().where('recording_id', '=', recordingId).executeTakeFirst();
  }

  async upsert(row: RhythmRow): Promise<void> {
    await this.db
      .insertInto('recording_rhythm')
      .values(row)
      .onConflict((oc) =>
        oc.column('recording_id').doUpdateSet({
          status: row.status,
          suggested_speaker: row.suggested_speaker,
          suggestion_basis: row.suggestion_basis,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async setProfessionalSpeaker(recordingId: string, speaker: 'A' | 'B', at: string): Promise<void> {
    await this.db.updateTable('recording_rhythm').set({ professional_speaker: speaker, updated_at: at }).where('recording_id', '=', recordingId).execute();
  }

  async deleteForRecording(recordingId: string): Promise<void> {
    await this.db.deleteFrom('recording_rhythm').where('recording_id', '=', recordingId).execute();
  }

  async setShareLane(shareId: string, include: boolean): Promise<void> {
    await this.db.updateTable('shares').set({ rhythm_lane: include ? 1 : 0 }).where('id', '=', shareId).execute();
  }
}
