/**
 * Text vault: how a repository stores free text that must disappear with a recording (or with a
 * client) everywhere at once, old database pages, WAL, replicas and backups included.
 *
 * The one pair to use for a new column that holds text derived from a recording:
 *
 *   row.context = await vault.sealForRecording(recordingId, 'share.context', input.context);  // write
 *   const text = await vault.openForRecording(recordingId, 'share.context', row.context);     // read; null = gone
 *
 * and for text a client can take back: `sealForClient` / `openForClient` with the client's id.
 *
 * Each recording (and each client) gets its own random 32-byte text key on first use, stored only
 * wrapped by the master key (`recordings.text_key`, `clients.text_key`). Crypto-shredding
 * (withdrawal, end of retention, deletion) sets that column to null; from then on every text
 * under it opens as null, which callers treat exactly like a deleted row. Reads that already
 * join the wrapped key (one query for a whole list) use `open(wrappedKey, purpose, sealed)`.
 *
 * Use a stable purpose label per column ('moment.title'): it is authenticated, so a value cannot
 * be copied into another column. Never filter or sort on a sealed column in SQL; order by time or
 * id instead. Sealing happens in repositories only, so services keep handling plain strings.
 */
import type { Kysely } from 'kysely';
import { unwrapKey, wrapKey } from '../../crypto/envelope.js';
import { generateTextKey, openTextWithKey, sealTextWithKey } from '../../crypto/text-seal.js';
import type { Database } from '../schema.js';

/** Writing text for a recording or client whose key was destroyed: to callers, it no longer exists. */
export class TextKeyGoneError extends Error {
  constructor() {
    super('the text key of this recording or client was destroyed');
    this.name = 'TextKeyGoneError';
  }
}

type Owner = 'recordings' | 'clients' | 'users';

export class TextVault {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly masterKey: Buffer,
  ) {}

  async sealForRecording(recordingId: string, purpose: string, text: string): Promise<string> {
    return sealTextWithKey(await this.keyForWrite('recordings', recordingId), purpose, text);
  }

  async openForRecording(recordingId: string, purpose: string, sealed: string): Promise<string | null> {
    return this.open(await this.wrappedKeyOf('recordings', recordingId), purpose, sealed);
  }

  async sealForClient(clientId: string, purpose: string, text: string): Promise<string> {
    return sealTextWithKey(await this.keyForWrite('clients', clientId), purpose, text);
  }

  async openForClient(clientId: string, purpose: string, sealed: string): Promise<string | null> {
    return this.open(await this.wrappedKeyOf('clients', clientId), purpose, sealed);
  }

  /** For a professional's own texts that are not about one recording (a leercoach's notes on their learning track). */
  async sealForUser(userId: string, purpose: string, text: string): Promise<string> {
    return sealTextWithKey(await this.keyForWrite('users', userId), purpose, text);
  }

  /**
   * Seals under several clients' keys at once, one layer per client in the given order: text that
   * several clients said together (a group's feedback conversation) opens only while every one of
   * them still has a key, so any one of them can take it back.
   */
  async sealForClients(clientIds: readonly string[], purpose: string, text: string): Promise<string> {
    // Zero layers would be plain text: a conversation without participants has nobody to seal for.
    if (clientIds.length === 0) throw new TextKeyGoneError();
    let sealed = text;
    for (const clientId of clientIds) sealed = sealTextWithKey(await this.keyForWrite('clients', clientId), purpose, sealed);
    return sealed;
  }

  /** The clients of one feedback conversation in position order, with their wrapped keys: the layers of its shared texts. */
  async clientKeysOfFeedback(feedbackId: string): Promise<{ clientIds: string[]; wrapped: (string | null)[] }> {
    const rows = await this.db
      .selectFrom('feedback_participants')
      .innerJoin('clients', 'clients.id', 'feedback_participants.client_id')
      .select(['feedback_participants.client_id as client_id', 'clients.text_key as text_key'])
      .where('feedback_participants.feedback_id', '=', feedbackId)
      .orderBy('feedback_participants.position')
      .execute();
    return { clientIds: rows.map((r) => r.client_id), wrapped: rows.map((r) => r.text_key) };
  }

  /** Opens what `sealForClients` sealed, with the clients' wrapped keys in the same order; null when any is gone. */
  openLayers(wrappedKeys: readonly (string | null | undefined)[], purpose: string, sealed: string): string | null {
    if (wrappedKeys.length === 0) return null;
    let text: string | null = sealed;
    for (const wrappedKey of [...wrappedKeys].reverse()) {
      text = this.open(wrappedKey, purpose, text);
      if (text === null) return null;
    }
    return text;
  }

  /**
   * Crypto-shredding at a client's request: every text sealed under this client's key (alone or as
   * one of a group's layers) becomes unreadable everywhere at once. A later text gets a new key.
   */
  async destroyClientKey(clientId: string): Promise<void> {
    await this.db.updateTable('clients').set({ text_key: null }).where('id', '=', clientId).execute();
  }

  /** Opens with a wrapped key read alongside the row; null when the key is gone or the value does not open. */
  open(wrappedKey: string | null | undefined, purpose: string, sealed: string): string | null {
    if (!wrappedKey) return null;
    try {
      return openTextWithKey(unwrapKey(this.masterKey, wrappedKey), purpose, sealed);
    } catch {
      return null;
    }
  }

  /**
   * The one way to read rows that joined their owner's wrapped key as `text_key` (for example
   * `.innerJoin('recordings', …).select('recordings.text_key as text_key')`): opens the given
   * sealed columns of each row and leaves out rows where any of them no longer opens, which to
   * callers is exactly a deleted row. `text_key` is dropped from what is returned.
   */
  openRows<T extends Record<C, string>, C extends string>(rows: readonly (T & { text_key: string | null | undefined })[], columns: Readonly<Record<C, string>>): T[] {
    const out: T[] = [];
    for (const { text_key, ...rest } of rows) {
      const row = rest as unknown as T;
      const opened: Partial<Record<C, string>> = {};
      let gone = false;
      for (const column of Object.keys(columns) as C[]) {
        // '' is "nothing written" (an optional text), never a sealed value.
        const text = row[column] === '' ? '' : this.open(text_key, columns[column], row[column]);
        if (text === null) {
          gone = true;
          break;
        }
        opened[column] = text;
      }
      if (!gone) out.push({ ...row, ...opened });
    }
    return out;
  }

  /** Seals several columns of one row under one key lookup. */
  async sealManyForRecording<K extends string>(recordingId: string, values: Record<K, string>, purposeOf: (column: K) => string): Promise<Record<K, string>> {
    const key = await this.keyForWrite('recordings', recordingId);
    return Object.fromEntries(Object.entries<string>(values).map(([column, text]) => [column, sealTextWithKey(key, purposeOf(column as K), text)])) as Record<K, string>;
  }

  private async wrappedKeyOf(owner: Owner, id: string): Promise<string | null> {
    const row = await this.db.selectFrom(owner).select('text_key').where('id', '=', id).executeTakeFirst();
    return row?.text_key ?? null;
  }

  /**
   * The owner's text key, made on first use. Two processes may race to make it: the update only
   * fills an empty column, and both then read the one that won.
   */
  private async keyForWrite(owner: Owner, id: string): Promise<Buffer> {
    const existing = await this.keyRow(owner, id);
    if (!existing || existing.gone) throw new TextKeyGoneError();
    if (existing.text_key) return unwrapKey(this.masterKey, existing.text_key);
    const wrapped = wrapKey(this.masterKey, generateTextKey());
    if (owner === 'recordings') {
      await this.db.updateTable('recordings').set({ text_key: wrapped }).where('id', '=', id).where('text_key', 'is', null).where('status', '!=', 'deleted').execute();
    } else {
      await this.db.updateTable(owner).set({ text_key: wrapped }).where('id', '=', id).where('text_key', 'is', null).execute();
    }
    const after = await this.keyRow(owner, id);
    if (!after?.text_key || after.gone) throw new TextKeyGoneError();
    return unwrapKey(this.masterKey, after.text_key);
  }

  private async keyRow(owner: Owner, id: string): Promise<{ text_key: string | null; gone: boolean } | undefined> {
    if (owner === 'recordings') {
      const row = await this.db.selectFrom('recordings').select(['text_key', 'status']).where('id', '=', id).executeTakeFirst();
      return row && { text_key: row.text_key, gone: row.status === 'deleted' };
    }
    const row = await this.db.selectFrom(owner).select(['text_key']).where('id', '=', id).executeTakeFirst();
    return row && { text_key: row.text_key, gone: false };
  }
}
