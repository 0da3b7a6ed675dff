import type { Kysely, Selectable } from 'kysely';
import type { ConsentsTable, ConsentTextsTable, Database } from '../schema.js';

export type ConsentRow = Selectable<ConsentsTable>;
export type ConsentTextRow = Selectable<ConsentTextsTable>;

export class ConsentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findText(version: string): Promise<ConsentTextRow | undefined> {
    return this.db.selectFrom('consent_texts').selectAll().where('version', '=', version).executeTakeFirst();
  }

  /** Inserts the text version unless it exists; a concurrent boot of another process may win the race. */
  async insertTextIfMissing(row: ConsentTextRow): Promise<void> {
    await this.db.insertInto('consent_texts').values(row).onConflict((oc) => oc.column('version').doNothing()).execute();
  }

  findById(id: string): Promise<ConsentRow | undefined> {
    return this.db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every answer for these conversations, newest first. */
  listForConversations(conversationIds: readonly string[]): Promise<ConsentRow[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('consents')
      .selectAll()
      .where('conversation_id', 'in', conversationIds)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  listForClient(clientId: string): Promise<ConsentRow[]> {
    return this.db.selectFrom('consents').selectAll().where('client_id', '=', clientId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }

  /** The consent in force: given and not withdrawn, newest first. */
  findActiveForConversation(conversationId: string): Promise<ConsentRow | undefined> {
    return this.db
      .selectFrom('consents')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('status', '=', 'given')
      .where('withdrawn_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async insert(row: ConsentRow): Promise<void> {
    await this.db.insertInto('consents').values(row).execute();
  }

  async update(id: string, changes: Partial<Pick<ConsentRow, 'status' | 'withdrawn_at' | 'professional_consented_at' | 'withdrawal_pending' | 'policy_viewing'>>): Promise<void> {
    await this.db.updateTable('consents').set(changes).where('id', '=', id).execute();
  }

  /**
   * Withdraws only a consent that is still given, atomically, so two withdrawals at once both
   * succeed for the client but the follow-up runs from one record. Returns whether this call did it.
   */
  async withdraw(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('consents')
      .set({ status: 'withdrawn', withdrawn_at: at, withdrawal_pending: 1 })
      .where('id', '=', id)
      .where('status', '=', 'given')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  listWithdrawalPending(): Promise<ConsentRow[]> {
    return this.db.selectFrom('consents').selectAll().where('withdrawal_pending', '=', 1).orderBy('withdrawn_at').execute();
  }
}
