import { sql, type Kysely } from 'kysely';
import { wrapKey } from '../../crypto/envelope.js';
import { generateTextKey, sealTextWithKey } from '../../crypto/text-seal.js';
import type { MigrationContext, MigrationDatabase } from './helpers.js';

/**
 * Crypto-shredding for text (issue 8). Recordings and clients get a text key column (wrapped by
 * the master key, see db/repositories/text-vault.ts), and every text derived from a recording
 * that is already stored in plain text is encrypted in place under its recording's key. Texts of
 * recordings that were already shredded are emptied: they were waiting for the erase job. A
 * client's prepared words for a feedback conversation are sealed under that client's key.
 *
 * The plain bytes of converted rows may survive in free pages, the WAL or old backups; the README
 * says so. New installations never store them.
 */
interface SealedColumn {
  table: string;
  key: string;
  columns: Record<string, string>;
  /** SQL expression (over the table's own columns) giving the recording id. */
  recording: string;
}

const sealedColumns: SealedColumn[] = [
  { table: 'moments', key: 'id', columns: { title: 'moment.title', notes: 'moment.notes' }, recording: 'recording_id' },
  { table: 'shares', key: 'id', columns: { question: 'share.question' }, recording: 'recording_id' },
  { table: 'comments', key: 'id', columns: { body: 'comment.body' }, recording: '(select m.recording_id from moments m where m.id = comments.moment_id)' },
  { table: 'review_meetings', key: 'share_id', columns: { analysis: 'meeting.analysis' }, recording: '(select s.recording_id from shares s where s.id = review_meetings.share_id)' },
  { table: 'review_outcomes', key: 'id', columns: { text: 'outcome.text' }, recording: 'recording_id' },
  { table: 'client_points', key: 'id', columns: { text: 'client_point.text' }, recording: '(select s.recording_id from shares s where s.id = client_points.share_id)' },
];

export async function up(db: Kysely<MigrationDatabase>, _kind: unknown, context: MigrationContext = {}): Promise<void> {
  await requireKeyIfNeeded(db, context);
  await db.schema.alterTable('recordings').addColumn('text_key', 'text').execute();
  await db.schema.alterTable('clients').addColumn('text_key', 'text').execute();
  await sealExistingTexts(db, context);
}

/**
 * Encrypts every text of the columns above in place, giving each recording a text key. Only for
 * a database where all of them are still plain (this migration; exported for its test).
 */
export async function sealExistingTexts(db: Kysely<MigrationDatabase>, context: MigrationContext): Promise<void> {
  await requireKeyIfNeeded(db, context);
  const keys = new Map<string, Buffer | null>();
  const keyOf = async (recordingId: string): Promise<Buffer | null> => {
    if (keys.has(recordingId)) return keys.get(recordingId) ?? null;
    const recording = (await db.selectFrom('recordings').select(['status']).where('id', '=', recordingId).executeTakeFirst()) as { status: string } | undefined;
    let key: Buffer | null = null;
    if (recording && recording.status !== 'deleted') {
      if (!context.masterKey) throw missingKey();
      key = generateTextKey();
      await db.updateTable('recordings').set({ text_key: wrapKey(context.masterKey, key) }).where('id', '=', recordingId).execute();
    }
    keys.set(recordingId, key);
    return key;
  };

  for (const spec of sealedColumns) {
    const rows = (await db
      .selectFrom(spec.table)
      .select([sql.ref<string>(spec.key).as('row_key'), sql.raw<string>(spec.recording).as('recording_id'), ...Object.keys(spec.columns).map((c) => sql.ref<string>(c).as(c))])
      .execute()) as Record<string, string | null>[];
    for (const row of rows) {
      const key = row.recording_id ? await keyOf(row.recording_id) : null;
      const values: Record<string, string> = {};
      for (const [column, purpose] of Object.entries(spec.columns)) values[column] = key ? sealTextWithKey(key, purpose, row[column] ?? '') : '';
      await db.updateTable(spec.table).set(values).where(spec.key, '=', row.row_key).execute();
    }
  }

  // A client's prepared words go under that client's own key.
  const clientKeys = new Map<string, Buffer>();
  const words = (await db.selectFrom('feedback_participants').select(['id', 'client_id', 'own_words']).where('own_words', '!=', '').execute()) as { id: string; client_id: string; own_words: string }[];
  for (const row of words) {
    if (!context.masterKey) throw missingKey();
    let key = clientKeys.get(row.client_id);
    if (!key) {
      key = generateTextKey();
      clientKeys.set(row.client_id, key);
      await db.updateTable('clients').set({ text_key: wrapKey(context.masterKey, key) }).where('id', '=', row.client_id).execute();
    }
    await db.updateTable('feedback_participants').set({ own_words: sealTextWithKey(key, 'feedback.own_words', row.own_words) }).where('id', '=', row.id).execute();
  }
}

function missingKey(): Error {
  return new Error('Migration 008 encrypts existing texts and needs the master key (MASTER_KEY).');
}

/** Checked before anything changes, so a run without the key leaves the database as it was. */
async function requireKeyIfNeeded(db: Kysely<MigrationDatabase>, context: MigrationContext): Promise<void> {
  if (context.masterKey) return;
  for (const { table } of sealedColumns) {
    if (await db.selectFrom(table).select(sql.lit(1).as('one')).limit(1).executeTakeFirst()) throw missingKey();
  }
  if (await db.selectFrom('feedback_participants').select(sql.lit(1).as('one')).where('own_words', '!=', '').limit(1).executeTakeFirst()) throw missingKey();
}
