import type { Kysely, Selectable } from 'kysely';
import type { CommentsTable, Database, ReviewMeetingsTable, ReviewOutcomesTable } from '../schema.js';
import { TextKeyGoneError, type TextVault } from './text-vault.js';

export type CommentRow = Selectable<CommentsTable>;
export type CommentWithAuthor = CommentRow & { author_name: string };
export type OutcomeRow = Selectable<ReviewOutcomesTable>;
export type OutcomeWithAuthor = OutcomeRow & { author_name: string };
export type ReviewMeetingRow = Selectable<ReviewMeetingsTable>;

const purpose = { comment: 'comment.body', analysis: 'meeting.analysis', outcome: 'outcome.text', momentTitle: 'moment.title' } as const;

/**
 * Comments on moments, takeaways and agreements, and the reviewer's preparation for a meeting.
 * Their texts are sealed under the recording's text key (see text-vault.ts); rows whose key is
 * gone read as deleted.
 */
export class CommentsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  private openComments<T extends CommentRow>(rows: (T & { text_key: string | null })[]): T[] {
    return this.vault.openRows(rows, { body: purpose.comment });
  }

  private openOutcomes(rows: (OutcomeWithAuthor & { text_key: string | null })[]): OutcomeWithAuthor[] {
    return this.vault.openRows(rows, { text: purpose.outcome });
  }

  private async recordingOfMoment(momentId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('moments').select('recording_id').where('id', '=', momentId).executeTakeFirst())?.recording_id;
  }

  private async recordingOfShare(shareId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('shares').select('recording_id').where('id', '=', shareId).executeTakeFirst())?.recording_id;
  }

  async findById(id: string): Promise<CommentRow | undefined> {
    const rows = await this.db
      .selectFrom('comments')
      .innerJoin('moments', 'moments.id', 'comments.moment_id')
      .innerJoin('recordings', 'recordings.id', 'moments.recording_id')
      .selectAll('comments')
      .select('recordings.text_key as text_key')
      .where('comments.id', '=', id)
      .execute();
    return this.openComments(rows)[0];
  }

  /**
   * Comments on one moment. `shareIds` limits them to those threads (`null` in the list = the
   * professional's own remarks); callers decide which threads the actor may read.
   */
  async listForMoment(momentId: string, shareIds: readonly (string | null)[] | 'all'): Promise<CommentWithAuthor[]> {
    let query = this.db
      .selectFrom('comments')
      .innerJoin('users', 'users.id', 'comments.author_id')
      .innerJoin('moments', 'moments.id', 'comments.moment_id')
      .innerJoin('recordings', 'recordings.id', 'moments.recording_id')
      .selectAll('comments')
      .select(['users.name as author_name', 'recordings.text_key as text_key'])
      .where('comments.moment_id', '=', momentId);
    if (shareIds !== 'all') {
      const ids = shareIds.filter((id): id is string => id !== null);
      const withOwn = shareIds.includes(null);
      if (ids.length === 0 && !withOwn) return [];
      query = query.where((eb) => {
        const parts = [];
        if (ids.length > 0) parts.push(eb('comments.share_id', 'in', ids));
        if (withOwn) parts.push(eb('comments.share_id', 'is', null));
        return eb.or(parts);
      });
    }
    return this.openComments(await query.orderBy('comments.at_seconds').orderBy('comments.created_at').execute());
  }

  /** Comments the professional marked as takeaways, for moments of one recording. */
  async listTakeaways(recordingId: string, shareId?: string): Promise<(CommentWithAuthor & { moment_title: string })[]> {
    let query = this.db
      .selectFrom('comments')
      .innerJoin('moments', 'moments.id', 'comments.moment_id')
      .innerJoin('recordings', 'recordings.id', 'moments.recording_id')
      .innerJoin('users', 'users.id', 'comments.author_id')
      .selectAll('comments')
      .select(['users.name as author_name', 'moments.title as moment_title', 'recordings.text_key as text_key'])
      .where('moments.recording_id', '=', recordingId)
      .where('comments.takeaway', '=', 1);
    if (shareId) query = query.where('comments.share_id', '=', shareId);
    const rows = await query.orderBy('moments.start_seconds').orderBy('comments.at_seconds').execute();
    return this.vault.openRows(rows, { body: purpose.comment, moment_title: purpose.momentTitle });
  }

  async insert(row: CommentRow): Promise<void> {
    const recordingId = await this.recordingOfMoment(row.moment_id);
    if (!recordingId) throw new TextKeyGoneError();
    await this.db.insertInto('comments').values({ ...row, body: await this.vault.sealForRecording(recordingId, purpose.comment, row.body) }).execute();
  }

  async setTakeaway(id: string, takeaway: 0 | 1): Promise<void> {
    await this.db.updateTable('comments').set({ takeaway }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('comments').where('parent_id', '=', id).execute();
      await trx.deleteFrom('comments').where('id', '=', id).execute();
    });
  }

  /** A meeting whose key is gone reads as no meeting. */
  async findMeeting(shareId: string): Promise<ReviewMeetingRow | undefined> {
    const row = await this.db
      .selectFrom('review_meetings')
      .innerJoin('shares', 'shares.id', 'review_meetings.share_id')
      .innerJoin('recordings', 'recordings.id', 'shares.recording_id')
      .selectAll('review_meetings')
      .select('recordings.text_key as text_key')
      .where('review_meetings.share_id', '=', shareId)
      .executeTakeFirst();
    return this.vault.openRows(row ? [row] : [], { analysis: purpose.analysis })[0];
  }

  async upsertMeeting(row: ReviewMeetingRow): Promise<void> {
    const recordingId = await this.recordingOfShare(row.share_id);
    if (!recordingId) throw new TextKeyGoneError();
    const analysis = await this.vault.sealForRecording(recordingId, purpose.analysis, row.analysis);
    await this.db
      .insertInto('review_meetings')
      .values({ ...row, analysis })
      .onConflict((oc) => oc.column('share_id').doUpdateSet({ analysis, meeting_on: row.meeting_on, updated_at: row.updated_at }))
      .execute();
  }

  async findOutcome(id: string): Promise<OutcomeRow | undefined> {
    const rows = await this.db
      .selectFrom('review_outcomes')
      .innerJoin('users', 'users.id', 'review_outcomes.author_id')
      .innerJoin('recordings', 'recordings.id', 'review_outcomes.recording_id')
      .selectAll('review_outcomes')
      .select(['users.name as author_name', 'recordings.text_key as text_key'])
      .where('review_outcomes.id', '=', id)
      .execute();
    const outcome = this.openOutcomes(rows)[0];
    if (!outcome) return undefined;
    const { author_name: _author, ...row } = outcome;
    return row;
  }

  async listOutcomes(recordingId: string, shareId?: string): Promise<OutcomeWithAuthor[]> {
    let query = this.db
      .selectFrom('review_outcomes')
      .innerJoin('users', 'users.id', 'review_outcomes.author_id')
      .innerJoin('recordings', 'recordings.id', 'review_outcomes.recording_id')
      .selectAll('review_outcomes')
      .select(['users.name as author_name', 'recordings.text_key as text_key'])
      .where('review_outcomes.recording_id', '=', recordingId);
    if (shareId) query = query.where('review_outcomes.share_id', '=', shareId);
    return this.openOutcomes(await query.orderBy('review_outcomes.created_at').execute());
  }

  async insertOutcome(row: OutcomeRow): Promise<void> {
    await this.db.insertInto('review_outcomes').values({ ...row, text: await this.vault.sealForRecording(row.recording_id, purpose.outcome, row.text) }).execute();
  }

  async deleteOutcome(id: string): Promise<void> {
    await this.db.deleteFrom('review_outcomes').where('id', '=', id).execute();
  }
}
