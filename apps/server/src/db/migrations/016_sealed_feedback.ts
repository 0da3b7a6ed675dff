import { sql, type Kysely } from 'kysely';
import { unwrapKey, wrapKey } from '../../crypto/envelope.js';
import { generateTextKey, sealTextWithKey } from '../../crypto/text-seal.js';
import type { MigrationContext, MigrationDatabase } from './helpers.js';

/**
 * Crypto-shredding for the feedback part (issue 8). A client can take back what they said, so
 * every free text of the feedback part is sealed under client text keys (`clients.text_key`, see
 * db/repositories/text-vault.ts):
 *
 * - a participant's own texts (chosen name; the voice note's key) under that client's key;
 * - what a conversation holds (summary, moment titles and own sub-topics, entries, agreements,
 *   change notes) under every participant's key, one layer each in position order;
 * - follow-ups (the short version in the client's language too) under their client's key.
 *
 * Users get a text key too (`users.text_key`): a leercoach's voorgesprek/nagesprek notes are sealed
 * under the key of the professional whose learning track they belong to.
 *
 * Plain bytes of converted rows may survive in free pages, the WAL or old backups (as with
 * migration 008); new rows never hold them.
 */
type Row = Record<string, string | null>;

export async function up(db: Kysely<MigrationDatabase>, _kind: unknown, context: MigrationContext = {}): Promise<void> {
  await requireKeyIfNeeded(db, context);
  await db.schema.alterTable('users').addColumn('text_key', 'text').execute();
  await sealExistingFeedbackTexts(db, context);
}

/** Encrypts the columns above in place; only for a database where all of them are still plain (exported for its test). */
export async function sealExistingFeedbackTexts(db: Kysely<MigrationDatabase>, context: MigrationContext): Promise<void> {
  await requireKeyIfNeeded(db, context);
  const keys = new Map<string, Buffer>();
  const keyOf = async (table: 'clients' | 'users', id: string): Promise<Buffer> => {
    const cacheKey = `${table}:${id}`;
    const cached = keys.get(cacheKey);
    if (cached) return cached;
    if (!context.masterKey) throw missingKey();
    const row = (await db.selectFrom(table).select('text_key').where('id', '=', id).executeTakeFirst()) as { text_key: string | null } | undefined;
    let key: Buffer;
    if (row?.text_key) {
      key = unwrapKey(context.masterKey, row.text_key);
    } else {
      key = generateTextKey();
      await db.updateTable(table).set({ text_key: wrapKey(context.masterKey, key) }).where('id', '=', id).execute();
    }
    keys.set(cacheKey, key);
    return key;
  };
  const conversationKeys = new Map<string, Buffer[]>();
  const keysOfConversation = async (feedbackId: string): Promise<Buffer[]> => {
    const cached = conversationKeys.get(feedbackId);
    if (cached) return cached;
    const participants = (await db.selectFrom('feedback_participants').select('client_id').where('feedback_id', '=', feedbackId).orderBy('position').execute()) as { client_id: string }[];
    const list: Buffer[] = [];
    for (const p of participants) list.push(await keyOf('clients', p.client_id));
    conversationKeys.set(feedbackId, list);
    return list;
  };
  /** Layered like TextVault.sealForClients; a conversation without participants has nobody to read it: emptied. */
  const layered = (list: Buffer[], purpose: string, text: string): string => {
    if (text === '' || list.length === 0) return '';
    let sealed = text;
    for (const key of list) sealed = sealTextWithKey(key, purpose, sealed);
    return sealed;
  };

  const conversationColumns: { table: string; key: string; columns: Record<string, string>; nullable?: string[] }[] = [
    { table: 'feedback_conversations', key: 'id', columns: { summary: 'feedback.summary' } },
    { table: 'feedback_moments', key: 'id', columns: { title: 'feedback.moment_title', own_subtopic: 'feedback.own_subtopic' }, nullable: ['own_subtopic'] },
    { table: 'feedback_entries', key: 'id', columns: { text: 'feedback.entry' } },
    { table: 'feedback_actions', key: 'id', columns: { what: 'feedback.action' } },
    { table: 'feedback_change_requests', key: 'id', columns: { note: 'feedback.change_note' } },
  ];
  for (const spec of conversationColumns) {
    const feedbackColumn = spec.table === 'feedback_conversations' ? 'id' : 'feedback_id';
    const rows = (await db
      .selectFrom(spec.table)
      .select([sql.ref<string>(spec.key).as('row_key'), sql.ref<string>(feedbackColumn).as('feedback_id'), ...Object.keys(spec.columns).map((c) => sql.ref<string>(c).as(c))])
      .execute()) as Row[];
    for (const row of rows) {
      const list = await keysOfConversation(row.feedback_id ?? '');
      const values: Record<string, string | null> = {};
      for (const [column, purpose] of Object.entries(spec.columns)) {
        const text = row[column] ?? null;
        values[column] = text === null && spec.nullable?.includes(column) ? null : layered(list, purpose, text ?? '');
      }
      await db.updateTable(spec.table).set(values).where(spec.key, '=', row.row_key).execute();
    }
  }

  const names = (await db.selectFrom('feedback_participants').select(['id', 'client_id', 'display_name']).where('display_name', 'is not', null).execute()) as Row[];
  for (const row of names) {
    const key = await keyOf('clients', row.client_id ?? '');
    await db.updateTable('feedback_participants').set({ display_name: sealTextWithKey(key, 'feedback.display_name', row.display_name ?? '') }).where('id', '=', row.id).execute();
  }

  const notes = (await db
    .selectFrom('feedback_voice_notes')
    .innerJoin('feedback_participants', 'feedback_participants.id', 'feedback_voice_notes.participant_id')
    .select(['feedback_voice_notes.participant_id as participant_id', 'feedback_participants.client_id as client_id', 'feedback_voice_notes.wrapped_key as wrapped_key'])
    .execute()) as Row[];
  for (const row of notes) {
    const key = await keyOf('clients', row.client_id ?? '');
    await db.updateTable('feedback_voice_notes').set({ wrapped_key: sealTextWithKey(key, 'feedback.voice_key', row.wrapped_key ?? '') }).where('participant_id', '=', row.participant_id).execute();
  }

  const followUps = (await db.selectFrom('follow_ups').select(['id', 'client_id', 'learned', 'changed', 'short_version']).execute()) as Row[];
  for (const row of followUps) {
    const key = await keyOf('clients', row.client_id ?? '');
    const seal = (purpose: string, text: string | null | undefined) => (text ? sealTextWithKey(key, purpose, text) : (text ?? null));
    await db
      .updateTable('follow_ups')
      .set({ learned: seal('follow_up.learned', row.learned) ?? '', changed: seal('follow_up.changed', row.changed) ?? '', short_version: seal('follow_up.short_version', row.short_version) })
      .where('id', '=', row.id)
      .execute();
  }

  const coachNotes = (await db
    .selectFrom('learning_coach_notes')
    .innerJoin('learning_coach_invitations', 'learning_coach_invitations.id', 'learning_coach_notes.invitation_id')
    .select(['learning_coach_notes.id as id', 'learning_coach_invitations.professional_id as professional_id', 'learning_coach_notes.body as body'])
    .execute()) as Row[];
  for (const row of coachNotes) {
    const key = await keyOf('users', row.professional_id ?? '');
    await db.updateTable('learning_coach_notes').set({ body: sealTextWithKey(key, 'coach_note.body', row.body ?? '') }).where('id', '=', row.id).execute();
  }
}

function missingKey(): Error {
  return new Error('Migration 016 encrypts existing feedback texts and needs the master key (MASTER_KEY).');
}

/** Checked before anything changes, so a run without the key leaves the database as it was. */
async function requireKeyIfNeeded(db: Kysely<MigrationDatabase>, context: MigrationContext): Promise<void> {
  if (context.masterKey) return;
  for (const table of ['feedback_conversations', 'follow_ups', 'learning_coach_notes', 'feedback_voice_notes']) {
    if (await db.selectFrom(table).select(sql.lit(1).as('one')).limit(1).executeTakeFirst()) throw missingKey();
  }
}
