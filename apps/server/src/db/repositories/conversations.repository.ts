import type { Kysely, Selectable } from 'kysely';
import type { ConversationsTable, Database } from '../schema.js';

export type ConversationRow = Selectable<ConversationsTable>;

export class ConversationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<ConversationRow | undefined> {
    return this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listForClient(clientId: string): Promise<ConversationRow[]> {
    return this.db.selectFrom('conversations').selectAll().where('client_id', '=', clientId).orderBy('held_on', 'desc').orderBy('created_at', 'desc').execute();
  }

  /** Conversations per client, for the professional's own clients only. */
  async countPerClient(professionalId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['client_id'])
      .select((eb) => eb.fn.countAll().as('count'))
      .where('professional_id', '=', professionalId)
      .groupBy('client_id')
      .execute();
    return new Map(rows.map((row) => [row.client_id, Number(row.count)]));
  }

  async insert(row: ConversationRow): Promise<void> {
    await this.db.insertInto('conversations').values(row).execute();
  }

  async update(id: string, changes: Partial<Pick<ConversationRow, 'held_on' | 'kind' | 'reviewer_user_id'>>): Promise<void> {
    await this.db.updateTable('conversations').set(changes).where('id', '=', id).execute();
  }
}
