import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Where a time of the old recording lands after a span was cut out (see domain/recordings/stretch-cut.ts). */
export type TimeMap = (seconds: number) => number;

/** Times that end up closer than this are one point: the thing they bound lay inside the cut. */
const EMPTY_SPAN = 0.05;

/**
 * Moving everything that points at a time of a recording when a "niet delen" stretch is cut out of
 * its media: one transaction, so the stored times and the duration never disagree.
 */
export class StretchCutRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Returns the ids of the recording's exact share cuts, whose rows are gone now (their files must go too). */
  async applyCut(input: { recordingId: string; stretchId: string; map: TimeMap; durationSeconds: number; hasPoster: boolean; at: string }): Promise<{ shareCutIds: string[]; momentsRemoved: number }> {
    const { recordingId, map } = input;
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('no_share_stretches').where('id', '=', input.stretchId).execute();

      let momentsRemoved = 0;
      const moments = await trx.selectFrom('moments').select(['id', 'start_seconds', 'end_seconds']).where('recording_id', '=', recordingId).execute();
      for (const moment of moments) {
        const start = map(Number(moment.start_seconds));
        const end = map(Number(moment.end_seconds));
        if (end - start < EMPTY_SPAN) {
          await trx.deleteFrom('moments').where('id', '=', moment.id).execute();
          momentsRemoved += 1;
        } else {
          await trx.updateTable('moments').set({ start_seconds: start, end_seconds: end, updated_at: input.at }).where('id', '=', moment.id).execute();
        }
      }
      const comments = await trx
        .selectFrom('comments')
        .innerJoin('moments', 'moments.id', 'comments.moment_id')
        .select(['comments.id', 'comments.at_seconds'])
        .where('moments.recording_id', '=', recordingId)
        .execute();
      for (const comment of comments) await trx.updateTable('comments').set({ at_seconds: map(Number(comment.at_seconds)) }).where('id', '=', comment.id).execute();

      const stretches = await trx.selectFrom('no_share_stretches').select(['id', 'start_seconds', 'end_seconds']).where('recording_id', '=', recordingId).execute();
      for (const stretch of stretches) {
        const start = map(Number(stretch.start_seconds));
        const end = map(Number(stretch.end_seconds));
        if (end - start < EMPTY_SPAN) await trx.deleteFrom('no_share_stretches').where('id', '=', stretch.id).execute();
        else await trx.updateTable('no_share_stretches').set({ start_seconds: start, end_seconds: end }).where('id', '=', stretch.id).execute();
      }

      const feedbackMoments = await trx.selectFrom('feedback_moments').select(['id', 'start_seconds', 'end_seconds']).where('recording_id', '=', recordingId).execute();
      for (const moment of feedbackMoments) {
        if (moment.start_seconds === null || moment.end_seconds === null) continue;
        const start = map(Number(moment.start_seconds));
        const end = map(Number(moment.end_seconds));
        // A moment of the feedback conversation keeps its words; only the link to the cut part goes.
        const linked = end - start >= EMPTY_SPAN;
        await trx
          .updateTable('feedback_moments')
          .set(linked ? { start_seconds: start, end_seconds: end } : { recording_id: null, start_seconds: null, end_seconds: null })
          .where('id', '=', moment.id)
          .execute();
      }

      const shareCuts = await trx.selectFrom('share_cuts').select('id').where('recording_id', '=', recordingId).execute();
      await trx.deleteFrom('share_cuts').where('recording_id', '=', recordingId).execute();
      // Who spoke when was measured on the old media; it is measured again.
      await trx.deleteFrom('recording_rhythm').where('recording_id', '=', recordingId).execute();
      await trx
        .updateTable('recordings')
        .set({ duration_seconds: input.durationSeconds, has_poster: input.hasPoster ? 1 : 0, updated_at: input.at })
        .where('id', '=', recordingId)
        .execute();
      return { shareCutIds: shareCuts.map((c) => c.id), momentsRemoved };
    });
  }
}
