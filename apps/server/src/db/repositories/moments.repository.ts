import type { Kysely, Selectable } from 'kysely';
import type { Database, MomentsTable, RecordingsTable } from '../schema.js';
import type { TextVault } from './text-vault.js';

export type MomentRow = Selectable<MomentsTable>;

/** What the review features need to know about a recording, with its conversation's date and client. */
export type ReviewRecordingRow = Pick<
  Selectable<RecordingsTable>,
  'id' | 'organisation_id' | 'professional_id' | 'conversation_id' | 'consent_id' | 'kind' | 'status' | 'duration_seconds' | 'retention_ends_at'
> & { held_on: string; client_id: string };

const purpose = { title: 'moment.title', notes: 'moment.notes' } as const;

/** Title and notes are sealed under the recording's text key; a moment whose key is gone reads as deleted. */
export class MomentsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  private sealed() {
    return this.db.selectFrom('moments').innerJoin('recordings', 'recordings.id', 'moments.recording_id').selectAll('moments').select('recordings.text_key as text_key');
  }

  private opened(rows: (MomentRow & { text_key: string | null })[]): MomentRow[] {
    return this.vault.openRows(rows, purpose);
  }

  findRecording(id: string): Promise<ReviewRecordingRow | undefined> {
    return this.db
      .selectFrom('recordings')
      .innerJoin('conversations', 'conversations.id', 'recordings.conversation_id')
      .select([
        'recordings.id',
        'recordings.organisation_id',
        'recordings.professional_id',
        'recordings.conversation_id',
        'recordings.consent_id',
        'recordings.kind',
        'recordings.status',
        'recordings.duration_seconds',
        'recordings.retention_ends_at',
        'conversations.held_on',
        'conversations.client_id',
      ])
      .where('recordings.id', '=', id)
      .executeTakeFirst();
  }

  async findById(id: string): Promise<MomentRow | undefined> {
    return this.opened(await this.sealed().where('moments.id', '=', id).execute())[0];
  }

  /** Moments of one recording; callers have checked that the recording is the actor's own. */
  async listForRecording(recordingId: string): Promise<MomentRow[]> {
    return this.opened(await this.sealed().where('moments.recording_id', '=', recordingId).orderBy('moments.start_seconds').orderBy('moments.created_at').execute());
  }

  async listByIds(ids: readonly string[]): Promise<MomentRow[]> {
    if (ids.length === 0) return [];
    return this.opened(await this.sealed().where('moments.id', 'in', ids).orderBy('moments.start_seconds').execute());
  }

  async insert(row: MomentRow): Promise<void> {
    const sealed = await this.vault.sealManyForRecording(row.recording_id, { title: row.title, notes: row.notes }, (column) => purpose[column]);
    await this.db.insertInto('moments').values({ ...row, ...sealed }).execute();
  }

  async update(id: string, changes: Partial<Pick<MomentRow, 'start_seconds' | 'end_seconds' | 'title' | 'themes_json' | 'notes' | 'updated_at'>>): Promise<void> {
    const { title, notes, ...rest } = changes;
    const texts: Partial<Record<'title' | 'notes', string>> = {};
    if (title !== undefined || notes !== undefined) {
      const moment = await this.db.selectFrom('moments').select('recording_id').where('id', '=', id).executeTakeFirst();
      if (!moment) return;
      if (title !== undefined) texts.title = await this.vault.sealForRecording(moment.recording_id, purpose.title, title);
      if (notes !== undefined) texts.notes = await this.vault.sealForRecording(moment.recording_id, purpose.notes, notes);
    }
    await this.db.updateTable('moments').set({ ...rest, ...texts }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('moments').where('id', '=', id).execute();
  }

  /**
   * Removes everything the review features derived from these recordings: moments, shares,
   * comments, meetings, outcomes and client points. Explicit deletes in one transaction, children
   * first, so it does not depend on foreign-key cascades being switched on.
   */
  async deleteAllForRecordings(recordingIds: readonly string[]): Promise<{ moments: number; shares: number; comments: number; outcomes: number; clientPoints: number }> {
    if (recordingIds.length === 0) return { moments: 0, shares: 0, comments: 0, outcomes: 0, clientPoints: 0 };
    return this.db.transaction().execute(async (trx) => {
      const momentIds = trx.selectFrom('moments').select('id').where('recording_id', 'in', recordingIds);
      const shareIds = trx.selectFrom('shares').select('id').where('recording_id', 'in', recordingIds);
      // The cuts' salts first: their keys are gone with them (the erase job removes the files).
      await trx.deleteFrom('share_cuts').where('recording_id', 'in', recordingIds).execute();
      const clientPoints = await trx.deleteFrom('client_points').where('share_id', 'in', shareIds).executeTakeFirst();
      // Replies first: a reply's parent is removed in the same statement on databases that check per row.
      await trx.deleteFrom('comments').where('moment_id', 'in', momentIds).where('parent_id', 'is not', null).execute();
      const comments = await trx.deleteFrom('comments').where('moment_id', 'in', momentIds).executeTakeFirst();
      await trx.deleteFrom('review_meetings').where('share_id', 'in', shareIds).execute();
      const outcomes = await trx.deleteFrom('review_outcomes').where('recording_id', 'in', recordingIds).executeTakeFirst();
      await trx.deleteFrom('share_moments').where('share_id', 'in', shareIds).execute();
      const shares = await trx.deleteFrom('shares').where('recording_id', 'in', recordingIds).executeTakeFirst();
      const moments = await trx.deleteFrom('moments').where('recording_id', 'in', recordingIds).executeTakeFirst();
      return {
        moments: Number(moments.numDeletedRows),
        shares: Number(shares.numDeletedRows),
        comments: Number(comments.numDeletedRows),
        outcomes: Number(outcomes.numDeletedRows),
        clientPoints: Number(clientPoints.numDeletedRows),
      };
    });
  }

  /** Who can watch part of these recordings today: the recipients of running shares and the active members of groups they went to. */
  async shareRecipientsOf(recordingIds: readonly string[], nowIso: string): Promise<string[]> {
    if (recordingIds.length === 0) return [];
    const running = this.db
      .selectFrom('shares')
      .where('recording_id', 'in', recordingIds)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', nowIso);
    const direct = await running.select('recipient_user_id as user_id').where('recipient_user_id', 'is not', null).execute();
    const members = await this.db
      .selectFrom('peer_group_members')
      .select('user_id')
      .where('status', '=', 'active')
      .where('group_id', 'in', running.select('peer_group_id').where('peer_group_id', 'is not', null))
      .execute();
    return [...new Set([...direct, ...members].map((row) => row.user_id).filter((id): id is string => id !== null))];
  }

  recordingIdsForConversation(conversationId: string): Promise<{ id: string; organisation_id: string }[]> {
    return this.db.selectFrom('recordings').select(['id', 'organisation_id']).where('conversation_id', '=', conversationId).execute();
  }
}
