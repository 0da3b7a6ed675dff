import type { Kysely, Selectable } from 'kysely';
import type { CommentsTable, Database, ReviewMeetingsTable, ReviewOutcomesTable } from '../schema.js';

export type CommentRow = Selectable<CommentsTable>;
export type CommentWithAuthor = CommentRow & { author_name: string };
export type OutcomeRow = Selectable<ReviewOutcomesTable>;
export type OutcomeWithAuthor = OutcomeRow & { author_name: string };
export type ReviewMeetingRow = Selectable<ReviewMeetingsTable>;

/** Comments on moments, takeaways and agreements, and the reviewer's preparation for a meeting. */
export class CommentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<CommentRow | undefined> {
    return this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Comments on one moment. `shareIds` limits them to those threads (`null` in the list = the
   * professional's own remarks); callers decide which threads the actor may read.
   */
  listForMoment(momentId: string, shareIds: readonly (string | null)[] | 'all'): Promise<CommentWithAuthor[]> {
    let query = this.db
      .selectFrom('comments')
      .innerJoin('users', 'users.id', 'comments.author_id')
      .selectAll('comments')
      .select('users.name as author_name')
      .where('comments.moment_id', '=', momentId);
    if (shareIds !== 'all') {
      const ids = shareIds.filter((id): id is string => id !== null);
      const withOwn = shareIds.includes(null);
      if (ids.length === 0 && !withOwn) return Promise.resolve([]);
      query = query.where((eb) => {
        const parts = [];
        if (ids.length > 0) parts.push(eb('comments.share_id', 'in', ids));
        if (withOwn) parts.push(eb('comments.share_id', 'is', null));
        return eb.or(parts);
      });
    }
    return query.orderBy('comments.at_seconds').orderBy('comments.created_at').execute();
  }

  /** Comments the professional marked as takeaways, for moments of one recording. */
  listTakeaways(recordingId: string, shareId?: string): Promise<(CommentWithAuthor & { moment_title: string })[]> {
    let query = this.db
      .selectFrom('comments')
      .innerJoin('moments', 'moments.id', 'comments.moment_id')
      .innerJoin('users', 'users.id', 'comments.author_id')
      .selectAll('comments')
      .select(['users.name as author_name', 'moments.title as moment_title'])
      .where('moments.recording_id', '=', recordingId)
      .where('comments.takeaway', '=', 1);
    if (shareId) query = query.where('comments.share_id', '=', shareId);
    return query.orderBy('moments.start_seconds').orderBy('comments.at_seconds').execute();
  }

  async insert(row: CommentRow): Promise<void> {
    await this.db.insertInto('comments').values(row).execute();
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

  findMeeting(shareId: string): Promise<ReviewMeetingRow | undefined> {
    return this.db.selectFrom('review_meetings').selectAll().where('share_id', '=', shareId).executeTakeFirst();
  }

  async upsertMeeting(row: ReviewMeetingRow): Promise<void> {
    await this.db
      .insertInto('review_meetings')
      .values(row)
      .onConflict((oc) => oc.column('share_id').doUpdateSet({ analysis: row.analysis, meeting_on: row.meeting_on, updated_at: row.updated_at }))
      .execute();
  }

  findOutcome(id: string): Promise<OutcomeRow | undefined> {
    return this.db.selectFrom('review_outcomes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listOutcomes(recordingId: string, shareId?: string): Promise<OutcomeWithAuthor[]> {
    let query = this.db
      .selectFrom('review_outcomes')
      .innerJoin('users', 'users.id', 'review_outcomes.author_id')
      .selectAll('review_outcomes')
      .select('users.name as author_name')
      .where('review_outcomes.recording_id', '=', recordingId);
    if (shareId) query = query.where('review_outcomes.share_id', '=', shareId);
    return query.orderBy('review_outcomes.created_at').execute();
  }

  async insertOutcome(row: OutcomeRow): Promise<void> {
    await this.db.insertInto('review_outcomes').values(row).execute();
  }

  async deleteOutcome(id: string): Promise<void> {
    await this.db.deleteFrom('review_outcomes').where('id', '=', id).execute();
  }
}
