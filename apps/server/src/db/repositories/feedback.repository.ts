// Longer than 350 lines on purpose — one file: every query of a feedback conversation, each sealing or opening its texts with the same participants' keys.
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
/** Stable purpose labels of the sealed columns (text-vault.ts); exported for migration 016's test. */
export const feedbackPurpose = {
  ownWords: 'feedback.own_words',
  displayName: 'feedback.display_name',
  voiceKey: 'feedback.voice_key',
  summary: 'feedback.summary',
  momentTitle: 'feedback.moment_title',
  ownSubtopic: 'feedback.own_subtopic',
  entry: 'feedback.entry',
  action: 'feedback.action',
  changeNote: 'feedback.change_note',
  shortSummary: 'feedback.short_summary',
  shortAgreements: 'feedback.short_agreements',
} as const;

/** A participant's own texts that no longer open (the client had them erased) read as empty; `erased` says so. */
export type ParticipantWithClient = ParticipantRow & { pseudonym: string; has_voice_note: number; erased: boolean; client_locale: string };

/** The clients of one conversation in position order, with their wrapped text keys. */
interface ConversationKeys {
  clientIds: string[];
  wrapped: (string | null)[];
}

/** Everything of one feedback conversation, read together. */
export interface FeedbackBundle {
  feedback: FeedbackRow;
  participants: ParticipantWithClient[];
  moments: MomentRow[];
  entries: EntryRow[];
  actions: ActionRow[];
  changeRequests: ChangeRequestRow[];
  /** Ids of moments, entries, actions and change requests (and 'summary') whose text a client had erased. */
  erased: ReadonlySet<string>;
}

/**
 * Feedback conversations. Lookups go by owner (professional) or by participant (client); there is
 * no query that lists another professional's conversations.
 *
 * Every free text is sealed with the text vault under client keys, so a client can take back what
 * was said (issue 8): a participant's own texts (prepared words, chosen name, the voice note's key)
 * under that client's key; what was said together (summary, moments, entries, actions, change
 * notes) under the keys of all participants, one layer each, because in a group it cannot be
 * told apart whose words it holds: any participant's erasure makes it unreadable. Empty texts stay
 * empty (they hold nothing). A text that no longer opens reads as empty and is listed in `erased`.
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
  private openWords<T extends ParticipantRow>(rows: (T & { text_key: string | null })[]): (T & { erased: boolean })[] {
    const openShort = (textKey: string | null, purpose: string, sealed: string | null) => (sealed ? this.vault.open(textKey, purpose, sealed) : null);
    return rows.map(({ text_key, ...row }) => {
      const words = row.own_words === '' ? '' : this.vault.open(text_key, feedbackPurpose.ownWords, row.own_words);
      const name = row.display_name === null ? null : this.vault.open(text_key, feedbackPurpose.displayName, row.display_name);
      return {
        ...(row as unknown as T),
        own_words: words ?? '',
        display_name: name,
        short_summary: openShort(text_key, feedbackPurpose.shortSummary, row.short_summary),
        short_agreements: openShort(text_key, feedbackPurpose.shortAgreements, row.short_agreements),
        erased: words === null || (row.display_name !== null && name === null),
      };
    });
  }

  private keysOf(feedbackId: string): Promise<ConversationKeys> {
    return this.vault.clientKeysOfFeedback(feedbackId);
  }

  /** Seals a text of the whole conversation; empty stays empty. */
  private async seal(keys: ConversationKeys, purpose: string, text: string): Promise<string> {
    return text === '' ? '' : this.vault.sealForClients(keys.clientIds, purpose, text);
  }

  /** Opens a text of the whole conversation: null when a participant's key is gone. */
  private open(keys: ConversationKeys, purpose: string, sealed: string): string | null {
    return sealed === '' ? '' : this.vault.openLayers(keys.wrapped, purpose, sealed);
  }

  private async feedbackOfMoment(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('feedback_moments').select('feedback_id').where('id', '=', id).executeTakeFirst())?.feedback_id;
  }

  /** The conversation with its summary opened (empty when erased). */
  async findById(id: string): Promise<FeedbackRow | undefined> {
    return (await this.findOpened(id))?.feedback;
  }

  private async findOpened(id: string): Promise<{ feedback: FeedbackRow; summaryErased: boolean; keys: ConversationKeys } | undefined> {
    const row = await this.db.selectFrom('feedback_conversations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const keys = await this.keysOf(id);
    const summary = this.open(keys, feedbackPurpose.summary, row.summary);
    return { feedback: { ...row, summary: summary ?? '' }, summaryErased: summary === null, keys };
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
    const sealed = { ...changes };
    if (changes.summary !== undefined) sealed.summary = await this.seal(await this.keysOf(id), feedbackPurpose.summary, changes.summary);
    await this.db.updateTable('feedback_conversations').set(sealed).where('id', '=', id).execute();
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
    const found = await this.findOpened(id);
    if (!found) return undefined;
    const { feedback, keys } = found;
    const [participants, sealedMoments, sealedEntries, sealedActions, sealedChangeRequests] = await Promise.all([
      this.participants([id]),
      this.db.selectFrom('feedback_moments').selectAll().where('feedback_id', '=', id).orderBy('position').execute(),
      this.db.selectFrom('feedback_entries').selectAll().where('feedback_id', '=', id).orderBy('updated_at').execute(),
      this.db.selectFrom('feedback_actions').selectAll().where('feedback_id', '=', id).orderBy('due_on').orderBy('created_at').execute(),
      this.db.selectFrom('feedback_change_requests').selectAll().where('feedback_id', '=', id).orderBy('created_at').execute(),
    ]);
    const erased = new Set<string>(found.summaryErased ? ['summary'] : []);
    const moments = sealedMoments.map((m) => {
      const title = this.open(keys, feedbackPurpose.momentTitle, m.title);
      const ownSubtopic = m.own_subtopic === null ? null : this.open(keys, feedbackPurpose.ownSubtopic, m.own_subtopic);
      if (title === null || (m.own_subtopic !== null && ownSubtopic === null)) erased.add(m.id);
      return { ...m, title: title ?? '', own_subtopic: ownSubtopic };
    });
    const opened = <T extends { id: string }, C extends keyof T & string>(rows: T[], column: C, purpose: string): T[] =>
      rows.map((row) => {
        const text = this.open(keys, purpose, row[column] as string);
        if (text === null) erased.add(row.id);
        return { ...row, [column]: text ?? '' };
      });
    const entries = opened(sealedEntries, 'text', feedbackPurpose.entry);
    const actions = opened(sealedActions, 'what', feedbackPurpose.action);
    const changeRequests = opened(sealedChangeRequests, 'note', feedbackPurpose.changeNote);
    return { feedback, participants, moments, entries, actions, changeRequests, erased };
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
    if (changes.own_words || changes.display_name || changes.short_summary || changes.short_agreements) {
      const participant = await this.db.selectFrom('feedback_participants').select('client_id').where('id', '=', id).executeTakeFirst();
      if (!participant) return;
      if (changes.own_words) sealed.own_words = await this.vault.sealForClient(participant.client_id, feedbackPurpose.ownWords, changes.own_words);
      if (changes.display_name) sealed.display_name = await this.vault.sealForClient(participant.client_id, feedbackPurpose.displayName, changes.display_name);
      if (changes.short_summary) sealed.short_summary = await this.vault.sealForClient(participant.client_id, feedbackPurpose.shortSummary, changes.short_summary);
      if (changes.short_agreements) sealed.short_agreements = await this.vault.sealForClient(participant.client_id, feedbackPurpose.shortAgreements, changes.short_agreements);
    }
    await this.db.updateTable('feedback_participants').set(sealed).where('id', '=', id).execute();
  }

  /**
   * The voice note, with its own key (wrapped by the master key) opened from under the client's
   * text key: once the client's key is destroyed, the note reads as gone.
   */
  async findVoiceNote(participantId: string): Promise<VoiceNoteRow | undefined> {
    const row = await this.db
      .selectFrom('feedback_voice_notes')
      .innerJoin('feedback_participants', 'feedback_participants.id', 'feedback_voice_notes.participant_id')
      .innerJoin('clients', 'clients.id', 'feedback_participants.client_id')
      .selectAll('feedback_voice_notes')
      .select('clients.text_key as text_key')
      .where('feedback_voice_notes.participant_id', '=', participantId)
      .executeTakeFirst();
    return this.vault.openRows(row ? [row] : [], { wrapped_key: feedbackPurpose.voiceKey })[0];
  }

  /** Stores a voice note; its wrapped key is sealed once more, under the client's text key. */
  async replaceVoiceNote(row: VoiceNoteRow): Promise<void> {
    const participant = await this.db.selectFrom('feedback_participants').select('client_id').where('id', '=', row.participant_id).executeTakeFirst();
    if (!participant) return;
    const wrappedKey = await this.vault.sealForClient(participant.client_id, feedbackPurpose.voiceKey, row.wrapped_key);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('feedback_voice_notes').where('participant_id', '=', row.participant_id).execute();
      await trx.insertInto('feedback_voice_notes').values({ ...row, wrapped_key: wrappedKey }).execute();
    });
  }

  /**
   * At the client's request: their voice notes go, and their text key is destroyed, so everything
   * sealed under it (their own texts, and every conversation text they are a layer of) is
   * unreadable everywhere at once. Returns how many conversations the client took part in.
   */
  async eraseClientTexts(clientId: string): Promise<number> {
    const participantIds = this.db.selectFrom('feedback_participants').select('id').where('client_id', '=', clientId);
    await this.db.deleteFrom('feedback_voice_notes').where('participant_id', 'in', participantIds).execute();
    await this.vault.destroyClientKey(clientId);
    const count = await this.db.selectFrom('feedback_participants').select((eb) => eb.fn.countAll<number | string>().as('n')).where('client_id', '=', clientId).executeTakeFirst();
    return Number(count?.n ?? 0);
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
    const keys = await this.keysOf(row.feedback_id);
    const title = await this.seal(keys, feedbackPurpose.momentTitle, row.title);
    const ownSubtopic = row.own_subtopic === null ? null : await this.seal(keys, feedbackPurpose.ownSubtopic, row.own_subtopic);
    await this.db.insertInto('feedback_moments').values({ ...row, title, own_subtopic: ownSubtopic }).execute();
  }

  async updateMoment(id: string, changes: Partial<Omit<MomentRow, 'id' | 'feedback_id' | 'created_at'>>): Promise<void> {
    const sealed = { ...changes };
    if (changes.title !== undefined || (changes.own_subtopic !== undefined && changes.own_subtopic !== null)) {
      const feedbackId = await this.feedbackOfMoment(id);
      if (!feedbackId) return;
      const keys = await this.keysOf(feedbackId);
      if (changes.title !== undefined) sealed.title = await this.seal(keys, feedbackPurpose.momentTitle, changes.title);
      if (changes.own_subtopic !== undefined && changes.own_subtopic !== null) sealed.own_subtopic = await this.seal(keys, feedbackPurpose.ownSubtopic, changes.own_subtopic);
    }
    await this.db.updateTable('feedback_moments').set(sealed).where('id', '=', id).execute();
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
    const text = await this.seal(await this.keysOf(row.feedback_id), feedbackPurpose.entry, row.text);
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
        await trx.updateTable('feedback_entries').set({ text, updated_at: row.updated_at }).where('id', '=', existing.id).execute();
        return { ...existing, text: row.text, updated_at: row.updated_at };
      }
      await trx.insertInto('feedback_entries').values({ ...row, text }).execute();
      return row;
    });
  }

  async insertAction(row: ActionRow): Promise<void> {
    await this.db
      .insertInto('feedback_actions')
      .values({ ...row, what: await this.seal(await this.keysOf(row.feedback_id), feedbackPurpose.action, row.what) })
      .execute();
  }

  async updateAction(id: string, changes: Partial<Omit<ActionRow, 'id' | 'feedback_id' | 'created_at'>>): Promise<void> {
    const sealed = { ...changes };
    if (changes.what !== undefined) {
      const action = await this.db.selectFrom('feedback_actions').select('feedback_id').where('id', '=', id).executeTakeFirst();
      if (!action) return;
      sealed.what = await this.seal(await this.keysOf(action.feedback_id), feedbackPurpose.action, changes.what);
    }
    await this.db.updateTable('feedback_actions').set(sealed).where('id', '=', id).execute();
  }

  async deleteAction(id: string): Promise<void> {
    await this.db.deleteFrom('feedback_actions').where('id', '=', id).execute();
  }

  async insertChangeRequest(row: ChangeRequestRow): Promise<void> {
    await this.db
      .insertInto('feedback_change_requests')
      .values({ ...row, note: await this.seal(await this.keysOf(row.feedback_id), feedbackPurpose.changeNote, row.note) })
      .execute();
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

  /** For the professional's home page: open actions past their date, in their own conversations; an erased one reads as empty. */
  async overdueActions(professionalId: string, today: string): Promise<(ActionRow & { status: string })[]> {
    const rows = await this.db
      .selectFrom('feedback_actions')
      .innerJoin('feedback_conversations', 'feedback_conversations.id', 'feedback_actions.feedback_id')
      .selectAll('feedback_actions')
      .select('feedback_conversations.status')
      .where('feedback_conversations.professional_id', '=', professionalId)
      .where('feedback_actions.done_at', 'is', null)
      .where('feedback_actions.due_on', '<', today)
      .orderBy('feedback_actions.due_on')
      .execute();
    const keys = new Map<string, ConversationKeys>();
    for (const feedbackId of new Set(rows.map((r) => r.feedback_id))) keys.set(feedbackId, await this.keysOf(feedbackId));
    return rows.map((row) => {
      const conversationKeys = keys.get(row.feedback_id);
      return { ...row, what: (conversationKeys && this.open(conversationKeys, feedbackPurpose.action, row.what)) ?? '' };
    });
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
