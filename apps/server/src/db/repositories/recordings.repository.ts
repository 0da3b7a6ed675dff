import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, RecordingsTable } from '../schema.js';
import { prepared } from '../prepared.js';

const byId = prepared((db, id: string) => db.selectFrom('recordings').selectAll().where('id', '=', id));

export type RecordingRow = Selectable<RecordingsTable>;
export type RecordingWithContext = RecordingRow & { conversation_held_on: string; client_id: string; client_pseudonym: string; consent_audience: 'professional' | 'reviewer' | 'peer_group' | null; consent_status: 'given' | 'declined' | 'withdrawn' | null; consent_policy_viewing: 0 | 1 | null };
export type RecordingChanges = Updateable<Omit<RecordingsTable, 'id' | 'organisation_id' | 'professional_id' | 'conversation_id' | 'created_at'>>;

/** Columns emptied when a recording's key is destroyed: what remains is a content-free tombstone. */
const shreddedColumns = {
  wrapped_key: null,
  text_key: null,
  upload_id: null,
  upload_length: null,
  duration_seconds: null,
  has_poster: 0,
  progress: 0,
  failure_code: null,
  failure_message: null,
  ready_at: null,
  retention_ends_at: null,
  retention_notice_at: null,
} as const;

export class RecordingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private withContext() {
    return this.db
      .selectFrom('recordings')
      .innerJoin('conversations', 'conversations.id', 'recordings.conversation_id')
      .innerJoin('clients', 'clients.id', 'conversations.client_id')
      .leftJoin('consents', 'consents.id', 'recordings.consent_id')
      .selectAll('recordings')
      .select(['conversations.held_on as conversation_held_on', 'conversations.client_id as client_id', 'clients.pseudonym as client_pseudonym', 'consents.audience as consent_audience', 'consents.status as consent_status', 'consents.policy_viewing as consent_policy_viewing']);
  }

  findById(id: string): Promise<RecordingRow | undefined> {
    return byId(this.db, id).then((rows) => rows[0]);
  }

  /** Only ever by owner: a recording of someone else looks exactly like a missing one. */
  findOwned(id: string, professionalId: string): Promise<RecordingWithContext | undefined> {
    return this.withContext().where('recordings.id', '=', id).where('recordings.professional_id', '=', professionalId).executeTakeFirst();
  }

  listOwned(professionalId: string, conversationId?: string): Promise<RecordingWithContext[]> {
    let query = this.withContext().where('recordings.professional_id', '=', professionalId).where('recordings.status', '!=', 'deleted');
    if (conversationId) query = query.where('recordings.conversation_id', '=', conversationId);
    return query.orderBy('recordings.created_at', 'desc').execute();
  }

  /** Ready recordings whose retention ends before `untilIso`, and removals since `removedSinceIso`. */
  listNoticeCandidates(professionalId: string, untilIso: string, removedSinceIso: string): Promise<RecordingWithContext[]> {
    return this.withContext()
      .where('recordings.professional_id', '=', professionalId)
      .where((eb) =>
        eb.or([
          eb.and([eb('recordings.status', '=', 'ready'), eb('recordings.retention_ends_at', '<=', untilIso)]),
          eb.and([eb('recordings.status', '=', 'deleted'), eb('recordings.deleted_reason', 'in', ['withdrawn', 'retention', 'abandoned']), eb('recordings.deleted_at', '>=', removedSinceIso)]),
        ]),
      )
      .orderBy('recordings.created_at', 'desc')
      .execute();
  }

  /** The text key is never set here: the text vault makes it on first use. */
  async insert(row: Omit<RecordingRow, 'text_key'>): Promise<void> {
    await this.db.insertInto('recordings').values(row).execute();
  }

  /** Updates only while the recording is in one of `statuses`; returns whether it did. */
  async updateIf(id: string, statuses: readonly RecordingRow['status'][], changes: RecordingChanges): Promise<boolean> {
    const result = await this.db.updateTable('recordings').set(changes).where('id', '=', id).where('status', 'in', statuses).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Crypto-shredding: destroys the wrapped key and every content column in one statement and
   * returns the upload to remove, or null when the recording was already deleted or does not exist.
   */
  async shred(id: string, reason: NonNullable<RecordingRow['deleted_reason']>, nowIso: string): Promise<{ uploadId: string | null } | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('recordings').select(['upload_id', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row || row.status === 'deleted') return null;
      const result = await trx
        .updateTable('recordings')
        .set({ ...shreddedColumns, status: 'deleted', deleted_reason: reason, deleted_at: nowIso, updated_at: nowIso })
        .where('id', '=', id)
        .where('status', '!=', 'deleted')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? { uploadId: row.upload_id } : null;
    });
  }

  listIdsForConversation(conversationId: string): Promise<{ id: string }[]> {
    return this.db.selectFrom('recordings').select('id').where('conversation_id', '=', conversationId).where('status', '!=', 'deleted').execute();
  }

  listRetentionEnded(nowIso: string): Promise<{ id: string }[]> {
    return this.db.selectFrom('recordings').select('id').where('status', '=', 'ready').where('retention_ends_at', '<=', nowIso).execute();
  }

  listRetentionNoticeDue(untilIso: string): Promise<RecordingRow[]> {
    return this.db
      .selectFrom('recordings')
      .selectAll()
      .where('status', '=', 'ready')
      .where('retention_ends_at', '<=', untilIso)
      .where('retention_notice_at', 'is', null)
      .execute();
  }

  /** Recordings still waiting for (the rest of) their upload, also those whose upload never began. */
  listUploading(): Promise<RecordingRow[]> {
    return this.db.selectFrom('recordings').selectAll().where('status', '=', 'uploading').orderBy('created_at').execute();
  }

  /** Views are audit events (metadata only); the names come from the user table. */
  listViews(recordingId: string): Promise<{ at: string; details_json: string; viewer_name: string | null }[]> {
    return this.db
      .selectFrom('audit_events')
      .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
      .select(['audit_events.at', 'audit_events.details_json', 'users.name as viewer_name'])
      .where('audit_events.subject_type', '=', 'recording')
      .where('audit_events.subject_id', '=', recordingId)
      .where('audit_events.action', '=', 'recording.viewed')
      .orderBy('audit_events.seq', 'desc')
      .limit(500)
      .execute();
  }
}
