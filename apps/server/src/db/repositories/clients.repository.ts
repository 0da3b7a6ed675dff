import type { Kysely, Selectable } from 'kysely';
import type { ClientAccessTable, ClientsTable, Database } from '../schema.js';

export type ClientRow = Selectable<ClientsTable>;
export type ClientAccessRow = Selectable<ClientAccessTable>;

export class ClientsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<ClientRow | undefined> {
    return this.db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Only ever by owner: there is no query that lists another professional's clients. */
  listForProfessional(professionalId: string): Promise<ClientRow[]> {
    return this.db.selectFrom('clients').selectAll().where('professional_id', '=', professionalId).orderBy('pseudonym').execute();
  }

  /** The text key is never set here: the text vault makes it on first use. */
  async insert(row: Omit<ClientRow, 'text_key'>): Promise<void> {
    await this.db.insertInto('clients').values(row).execute();
  }

  async update(id: string, changes: Partial<Pick<ClientRow, 'pseudonym' | 'contact_wrapped' | 'locale' | 'feedback_reminder_months' | 'feedback_reminder_due_on'>>): Promise<void> {
    await this.db.updateTable('clients').set(changes).where('id', '=', id).execute();
  }

  findAccessByTokenHash(tokenHash: string): Promise<ClientAccessRow | undefined> {
    return this.db.selectFrom('client_access').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  /** Which of these clients currently have a personal link. */
  async clientIdsWithAccess(clientIds: readonly string[]): Promise<Set<string>> {
    if (clientIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('client_access').select('client_id').where('client_id', 'in', clientIds).execute();
    return new Set(rows.map((row) => row.client_id));
  }

  findAccess(clientId: string): Promise<ClientAccessRow | undefined> {
    return this.db.selectFrom('client_access').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  }

  async replaceAccess(row: ClientAccessRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('client_access').where('client_id', '=', row.client_id).execute();
      await trx.insertInto('client_access').values(row).execute();
    });
  }

  /** Counts one wrong code atomically, so concurrent attempts in several processes all count. */
  async countFailedAttempt(clientId: string): Promise<number> {
    const row = await this.db
      .updateTable('client_access')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('client_id', '=', clientId)
      .returning('failed_attempts')
      .executeTakeFirst();
    return Number(row?.failed_attempts ?? 0);
  }

  async updateAccess(clientId: string, changes: Partial<Pick<ClientAccessRow, 'failed_attempts' | 'locked_until'>>): Promise<void> {
    await this.db.updateTable('client_access').set(changes).where('client_id', '=', clientId).execute();
  }
}
