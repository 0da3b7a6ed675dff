import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  FeedbackActionsTable,
  FeedbackChangeRequestsTable,
  FeedbackConversationsTable,
  FeedbackEntriesTable,
  FeedbackMomentsTable,
  FeedbackParticipantsTable,
  FeedbackVoiceNotesTable,
} from '../schema.js';
import type { TextVault } from './text-vault.js';

export type FeedbackRow = Selectable<FeedbackConversationsTable>;
export type ParticipantRow = Selectable<FeedbackParticipantsTable>;
export type VoiceNoteRow = Selectable<FeedbackVoiceNotesTable>;
export type MomentRow = Selectable<FeedbackMomentsTable>;
export type EntryRow = Selectable<FeedbackEntriesTable>;
export type ActionRow = Selectable<FeedbackActionsTable>;
export type ChangeRequestRow = Selectable<FeedbackChangeRequestsTable>;
const ownWordsPurpose = 'feedback.own_words';
const shortSummaryPurpose = 'feedback.short_summary';
const shortAgreementsPurpose = 'feedback.short_agreements';

export type ParticipantWithClient = ParticipantRow & { pseudonym: string; has_voice_note: number; client_locale: string };

/** Everything of one feedback conversation, read together. */
export interface FeedbackBundle {
  feedback: FeedbackRow;
  participants: ParticipantWithClient[];
  moments: MomentRow[];
  entries: EntryRow[];
  actions: ActionRow[];
  changeRequests: ChangeRequestRow[];
}

/**
 * Feedback conversations. Lookups go by owner (professional) or by participant (client); there is
 * no query that lists another professional's conversations.
 */
export class FeedbackRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  /**
   * A client's prepared words are sealed under that client's own text key (text-vault.ts); empty
   * stays empty. Words whose key is gone read as empty: they were taken back.
   */
  private openWords<T extends ParticipantRow>(rows: (T & { text_key: string | null })[]): T[] {
    const openShort = (textKey: string | null, purpose: string, sealed: string | null) => (sealed ? this.vault.open(textKey, purpose, sealed) : null);
    return rows.map(({ text_key, ...row }) => ({
      ...(row as unknown as T),
      own_words: row.own_words === '' ? '' : (this.vault.open(text_key, ownWordsPurpose, row.own_words) ?? ''),
      short_summary: openShort(text_key, shortSummaryPurpose, row.short_summary),
      short_agreements: openShort(text_key, shortAgreementsPurpose, row.short_agreements),
    }));
  }

  findById(id: string): Promise<FeedbackRow | undefined> {
    return this.db.selectFrom('feedback_conversations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listForProfessional(professionalId: string): Promise<FeedbackRow[]> {
    return this.db.selectFrom('feedback_conversations').selectAll().where('professional_id', '=', professionalId).orderBy('created_at', 'desc').execute();
  }

  async insert(feedback: FeedbackRow, participants: readonly ParticipantRow[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('feedback_conversations').values(feedback).execute();
      await trx.insertInto('feedback_participants').values([...participants]).execute();
    });
  }

  async update(id: string, changes: Partial<Omit<FeedbackRow, 'id' | 'organisation_id' | 'professional_id' | 'created_at'>>): Promise<void> {
    await this.db.updateTable('feedback_conversations').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    // Children go by cascade; done explicitly too, because SQLite only cascades with foreign keys on.
    await this.db.transaction().execute(async (trx) => {
      const participantIds = trx.selectFrom('feedback_participants').select('id').where('feedback_id', '=', id);
      await trx.deleteFrom('feedback_voice_notes').where('participant_id', 'in', participantIds).execute();
      const helpIds = trx.selectFrom('preparation_helps').select('id').where('feedback_id', '=', id);
      await trx.deleteFrom('preparation_points').where('help_id', 'in', helpIds).execute();
      await trx.deleteFrom('preparation_helps').where('feedback_id', '=', id).execute();
      await trx.deleteFrom('follow_ups').where('feedback_id', '=', id).execute();
      await trx.deleteFrom('feedback_change_requests').where('feedback_id', '=', id).execute();
      await trx.deleteFrom('feedback_actions').where('feedback_id', '=', id).execute();
      await trx.deleteFrom('feedback_entries').where('feedback_id', '=', id).execute();
      await trx.deleteFrom('feedback_moments').where('feedback_id', '=', id).execute();
      await trx.deleteFrom('feedback_participants').where('feedback_id', '=', id).execute();
      await trx.deleteFrom('feedback_conversations').where('id', '=', id).execute();
    });
  }

  async participants(feedbackIds: readonly string[]): Promise<ParticipantWithClient[]> {
    if (feedbackIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('feedback_participants')
      .innerJoin('clients', 'clients.id', 'feedback_participants.client_id')
      .leftJoin('feedback_voice_notes', 'feedback_voice_notes.participant_id', 'feedback_participants.id')
      .selectAll('feedback_participants')
      .select(['clients.pseudonym as pseudonym', 'clients.text_key as text_key', 'clients.locale as client_locale', (eb) => eb.case().when('feedback_voice_notes.participant_id', 'is not', null).then(1).else(0).end().as('has_voice_note')])
      .where('feedback_participants.feedback_id', 'in', feedbackIds)
      .orderBy('feedback_participants.position')
      .execute();
    return this.openWords(rows);
  }

  private participantsWithKey() {
    return this.db.selectFrom('feedback_participants').innerJoin('clients', 'clients.id', 'feedback_participants.client_id').selectAll('feedback_participants').select('clients.text_key as text_key');
  }

  async bundle(id: string): Promise<FeedbackBundle | undefined> {
    const feedback = await this.findById(id);
    if (!feedback) return undefined;
    const [participants, moments, entries, actions, changeRequests] = await Promise.all([
      this.participants([id]),
      this.db.selectFrom('feedback_moments').selectAll().where('feedback_id', '=', id).orderBy('position').execute(),
      this.db.selectFrom('feedback_entries').selectAll().where('feedback_id', '=', id).orderBy('updated_at').execute(),
      this.db.selectFrom('feedback_actions').selectAll().where('feedback_id', '=', id).orderBy('due_on').orderBy('created_at').execute(),
      this.db.selectFrom('feedback_change_requests').selectAll().where('feedback_id', '=', id).orderBy('created_at').execute(),
    ]);
    return { feedback, participants, moments, entries, actions, changeRequests };
  }

  /** The client's own participations, newest first. */
  async participationsOfClient(clientId: string): Promise<(ParticipantRow & { feedback: FeedbackRow })[]> {
    const participants = this.openWords(await this.participantsWithKey().where('feedback_participants.client_id', '=', clientId).execute());
    if (participants.length === 0) return [];
    const conversations = await this.db
      .selectFrom('feedback_conversations')
      .selectAll()
      .where('id', 'in', participants.map((p) => p.feedback_id))
      .orderBy('created_at', 'desc')
      .execute();
    return conversations.flatMap((feedback) => {
      const participant = participants.find((p) => p.feedback_id === feedback.id);
      return participant ? [{ ...participant, feedback }] : [];
    });
  }

  async findParticipant(feedbackId: string, clientId: string): Promise<ParticipantRow | undefined> {
    return this.openWords(await this.participantsWithKey().where('feedback_participants.feedback_id', '=', feedbackId).where('feedback_participants.client_id', '=', clientId).execute())[0];
  }

  async updateParticipant(
    id: string,
    changes: Partial<Pick<ParticipantRow, 'anonymous' | 'display_name' | 'intro_seen' | 'picks_json' | 'own_words' | 'prepared_at' | 'short_summary' | 'short_agreements' | 'short_locale'>>,
  ): Promise<void> {
    const sealed = { ...changes };
    if (changes.own_words || changes.short_summary || changes.short_agreements) {
      const participant = await this.db.selectFrom('feedback_participants').select('client_id').where('id', '=', id).executeTakeFirst();
      if (!participant) return;
      if (changes.own_words) sealed.own_words = await this.vault.sealForClient(participant.client_id, ownWordsPurpose, changes.own_words);
      if (changes.short_summary) sealed.short_summary = await this.vault.sealForClient(participant.client_id, shortSummaryPurpose, changes.short_summary);
      if (changes.short_agreements) sealed.short_agreements = await this.vault.sealForClient(participant.client_id, shortAgreementsPurpose, changes.short_agreements);
    }
    await this.db.updateTable('feedback_participants').set(sealed).where('id', '=', id).execute();
  }

  findVoiceNote(participantId: string): Promise<VoiceNoteRow | undefined> {
    return this.db.selectFrom('feedback_voice_notes').selectAll().where('participant_id', '=', participantId).executeTakeFirst();
  }

  async replaceVoiceNote(row: VoiceNoteRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('feedback_voice_notes').where('participant_id', '=', row.participant_id).execute();
      await trx.insertInto('feedback_voice_notes').values(row).execute();
    });
  }

  async deleteVoiceNote(participantId: string): Promise<void> {
    await this.db.deleteFrom('feedback_voice_notes').where('participant_id', '=', participantId).execute();
  }

  /** Removes the voice notes of every participant of a conversation; returns how many there were. */
  async deleteVoiceNotesOf(feedbackId: string): Promise<number> {
    const participantIds = this.db.selectFrom('feedback_participants').select('id').where('feedback_id', '=', feedbackId);
    const result = await this.db.deleteFrom('feedback_voice_notes').where('participant_id', 'in', participantIds).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async insertMoment(row: MomentRow): Promise<void> {
    await this.db.insertInto('feedback_moments').values(row).execute();
  }

  async updateMoment(id: string, changes: Partial<Omit<MomentRow, 'id' | 'feedback_id' | 'created_at'>>): Promise<void> {
    await this.db.updateTable('feedback_moments').set(changes).where('id', '=', id).execute();
  }

  async deleteMoment(feedbackId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('feedback_entries').where('moment_id', '=', id).execute();
      await trx.deleteFrom('feedback_moments').where('id', '=', id).execute();
      // Keep positions 1..n so "moment 2 of 3" stays true on every screen.
      const rest = await trx.selectFrom('feedback_moments').select('id').where('feedback_id', '=', feedbackId).orderBy('position').execute();
      for (const [index, moment] of rest.entries()) {
        await trx.updateTable('feedback_moments').set({ position: index + 1 }).where('id', '=', moment.id).execute();
      }
    });
  }

  /** One entry per (moment, section, voice): replaces the text, or removes it when empty. */
  async putEntry(row: EntryRow): Promise<EntryRow | null> {
    return this.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('feedback_entries').selectAll().where('feedback_id', '=', row.feedback_id).where('section', '=', row.section);
      query = row.moment_id === null ? query.where('moment_id', 'is', null) : query.where('moment_id', '=', row.moment_id);
      query = row.participant_id === null ? query.where('participant_id', 'is', null) : query.where('participant_id', '=', row.participant_id);
      const existing = await query.executeTakeFirst();
      if (row.text === '') {
        if (existing) await trx.deleteFrom('feedback_entries').where('id', '=', existing.id).execute();
        return null;
      }
      if (existing) {
        await trx.updateTable('feedback_entries').set({ text: row.text, updated_at: row.updated_at }).where('id', '=', existing.id).execute();
        return { ...existing, text: row.text, updated_at: row.updated_at };
      }
      await trx.insertInto('feedback_entries').values(row).execute();
      return row;
    });
  }

  async insertAction(row: ActionRow): Promise<void> {
    await this.db.insertInto('feedback_actions').values(row).execute();
  }

  async updateAction(id: string, changes: Partial<Omit<ActionRow, 'id' | 'feedback_id' | 'created_at'>>): Promise<void> {
    await this.db.updateTable('feedback_actions').set(changes).where('id', '=', id).execute();
  }

  async deleteAction(id: string): Promise<void> {
    await this.db.deleteFrom('feedback_actions').where('id', '=', id).execute();
  }

  async insertChangeRequest(row: ChangeRequestRow): Promise<void> {
    await this.db.insertInto('feedback_change_requests').values(row).execute();
  }

  async resolveChangeRequest(id: string, at: string): Promise<void> {
    await this.db.updateTable('feedback_change_requests').set({ status: 'resolved', resolved_at: at }).where('id', '=', id).execute();
  }

  /** The recordings feature's table, read only: is this the professional's own playable recording? */
  findOwnReadyRecording(professionalId: string, recordingId: string): Promise<{ conversation_id: string } | undefined> {
    return this.db
      .selectFrom('recordings')
      .select('conversation_id')
      .where('id', '=', recordingId)
      .where('professional_id', '=', professionalId)
      .where('status', '=', 'ready')
      .executeTakeFirst();
  }

  /** After a withdrawal: moments no longer point into that conversation's recordings. */
  async unlinkRecordingsOfConversation(conversationId: string): Promise<number> {
    const result = await this.db
      .updateTable('feedback_moments')
      .set({ recording_id: null, start_seconds: null, end_seconds: null })
      .where('recording_id', 'in', this.db.selectFrom('recordings').select('id').where('conversation_id', '=', conversationId))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** For the professional's home page: open actions past their date, in their own conversations. */
  overdueActions(professionalId: string, today: string): Promise<(ActionRow & { status: string })[]> {
    return this.db
      .selectFrom('feedback_actions')
      .innerJoin('feedback_conversations', 'feedback_conversations.id', 'feedback_actions.feedback_id')
      .selectAll('feedback_actions')
      .select('feedback_conversations.status')
      .where('feedback_conversations.professional_id', '=', professionalId)
      .where('feedback_actions.done_at', 'is', null)
      .where('feedback_actions.due_on', '<', today)
      .orderBy('feedback_actions.due_on')
      .execute();
  }

  openChangeRequestCounts(professionalId: string): Promise<{ feedback_id: string; n: number | string }[]> {
    return this.db
      .selectFrom('feedback_change_requests')
      .innerJoin('feedback_conversations', 'feedback_conversations.id', 'feedback_change_requests.feedback_id')
      .select(['feedback_change_requests.feedback_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('feedback_conversations.professional_id', '=', professionalId)
      .where('feedback_change_requests.status', '=', 'open')
      .groupBy('feedback_change_requests.feedback_id')
      .execute();
  }
}
