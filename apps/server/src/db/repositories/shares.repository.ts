import type { Kysely, Selectable } from 'kysely';
import type { Database, SharesTable } from '../schema.js';
import type { TextVault } from './text-vault.js';
import { inTransaction } from './in-transaction.js';

export type ShareRow = Selectable<SharesTable>;

const questionPurpose = 'share.question';
const contextPurpose = 'share.viewer_context';
const policyNotePurpose = 'share.policy_note';

/** The share's question is sealed under the recording's text key; a share whose key is gone reads as deleted. */
export class SharesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  private sealed() {
    return this.db.selectFrom('shares').innerJoin('recordings', 'recordings.id', 'shares.recording_id').selectAll('shares').select('recordings.text_key as text_key');
  }

  private opened<T extends ShareRow>(rows: (T & { text_key: string | null })[]): T[] {
    return this.vault.openRows(rows, { question: questionPurpose, viewer_context: contextPurpose, policy_note: policyNotePurpose });
  }

  async findById(id: string): Promise<ShareRow | undefined> {
    return this.opened(await this.sealed().where('shares.id', '=', id).execute())[0];
  }

  /** The owner's shares of one recording, newest first. */
  async listForRecording(recordingId: string): Promise<ShareRow[]> {
    return this.opened(await this.sealed().where('shares.recording_id', '=', recordingId).orderBy('shares.created_at', 'desc').execute());
  }

  /**
   * Shares that reach this user now: addressed to them, or to a group they are an active member
   * of; not revoked, not expired. The only way a recipient finds anything.
   */
  async listActiveReceived(userId: string, nowIso: string, recordingId?: string): Promise<ShareRow[]> {
    let query = this.sealed()
      .where('shares.revoked_at', 'is', null)
      .where('shares.expires_at', '>', nowIso)
      .where((eb) =>
        eb.or([
          eb('shares.recipient_user_id', '=', userId),
          eb(
            'shares.peer_group_id',
            'in',
            eb.selectFrom('peer_group_members').select('peer_group_members.group_id').where('peer_group_members.user_id', '=', userId).where('peer_group_members.status', '=', 'active'),
          ),
        ]),
      );
    if (recordingId) query = query.where('shares.recording_id', '=', recordingId);
    return this.opened(await query.orderBy('shares.created_at', 'desc').execute());
  }

  /** Active shares addressed to a group. */
  async listActiveForGroup(groupId: string, nowIso: string): Promise<ShareRow[]> {
    return this.opened(await this.sealed().where('shares.peer_group_id', '=', groupId).where('shares.revoked_at', 'is', null).where('shares.expires_at', '>', nowIso).execute());
  }

  /** The professional's own shares that still run but end within the window: not revoked, recording not shredded, ending after `nowIso` and at or before `untilIso`. */
  listOwnEndingSoon(professionalId: string, nowIso: string, untilIso: string): Promise<Pick<ShareRow, 'id' | 'recording_id' | 'expires_at'>[]> {
    return this.db
      .selectFrom('shares')
      .innerJoin('recordings', 'recordings.id', 'shares.recording_id')
      .select(['shares.id as id', 'shares.recording_id as recording_id', 'shares.expires_at as expires_at'])
      .where('shares.professional_id', '=', professionalId)
      .where('recordings.text_key', 'is not', null)
      .where('shares.revoked_at', 'is', null)
      .where('shares.expires_at', '>', nowIso)
      .where('shares.expires_at', '<=', untilIso)
      .orderBy('shares.expires_at')
      .execute();
  }

  momentIdsOf(shareIds: readonly string[]): Promise<{ share_id: string; moment_id: string }[]> {
    if (shareIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('share_moments').select(['share_id', 'moment_id']).where('share_id', 'in', shareIds).execute();
  }

  async insert(row: ShareRow, momentIds: readonly string[]): Promise<void> {
    const question = await this.vault.sealForRecording(row.recording_id, questionPurpose, row.question);
    const viewer_context = row.viewer_context === '' ? '' : await this.vault.sealForRecording(row.recording_id, contextPurpose, row.viewer_context);
    await inTransaction(this.db, async (trx) => {
      await trx.insertInto('shares').values({ ...row, question, viewer_context }).execute();
      await trx
        .insertInto('share_moments')
        .values(momentIds.map((moment_id) => ({ share_id: row.id, moment_id })))
        .execute();
    });
  }

  /** The policy recipient's note to the owner, sealed like the question; '' clears it. */
  async setPolicyNote(id: string, recordingId: string, note: string, at: string): Promise<void> {
    const sealed = note === '' ? '' : await this.vault.sealForRecording(recordingId, policyNotePurpose, note);
    await this.db.updateTable('shares').set({ policy_note: sealed, policy_note_at: note === '' ? null : at }).where('id', '=', id).where('policy', '=', 1).execute();
  }

  /** Active shares for policy of these recordings (the client took back the choice: they end). */
  async listActivePolicyForRecordings(recordingIds: readonly string[], nowIso: string): Promise<ShareRow[]> {
    if (recordingIds.length === 0) return [];
    return this.opened(
      await this.sealed().where('shares.recording_id', 'in', recordingIds).where('shares.policy', '=', 1).where('shares.revoked_at', 'is', null).where('shares.expires_at', '>', nowIso).execute(),
    );
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable('shares').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  /** Active shares with the client-talk option for recordings of this client's conversations. */
  async listActiveClientTalks(clientId: string, nowIso: string): Promise<(ShareRow & { held_on: string; kind: 'video' | 'audio' })[]> {
    const rows = await this.sealed()
      .innerJoin('conversations', 'conversations.id', 'recordings.conversation_id')
      .select(['conversations.held_on', 'recordings.kind'])
      .where('conversations.client_id', '=', clientId)
      .where('recordings.status', '=', 'ready')
      .where('shares.client_talk', '=', 1)
      .where('shares.recipient_user_id', 'is not', null)
      .where('shares.revoked_at', 'is', null)
      .where('shares.expires_at', '>', nowIso)
      .orderBy('shares.created_at', 'desc')
      .execute();
    return this.opened(rows);
  }
}
