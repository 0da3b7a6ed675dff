import type { Kysely, Selectable } from 'kysely';
import type { Database, FollowUpsTable } from '../schema.js';

export type FollowUpRow = Selectable<FollowUpsTable>;
export type FollowUpWithClient = FollowUpRow & { pseudonym: string };

/** Follow-ups (terugkoppeling), read by their professional or, once sent, by their client. */
export class FollowUpsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<FollowUpRow | undefined> {
    return this.db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listForProfessional(professionalId: string, clientId?: string): Promise<FollowUpWithClient[]> {
    let query = this.db
      .selectFrom('follow_ups')
      .innerJoin('clients', 'clients.id', 'follow_ups.client_id')
      .selectAll('follow_ups')
      .select('clients.pseudonym as pseudonym')
      .where('follow_ups.professional_id', '=', professionalId);
    if (clientId) query = query.where('follow_ups.client_id', '=', clientId);
    return query.orderBy('follow_ups.created_at', 'desc').execute();
  }

  sentToClient(clientId: string): Promise<FollowUpRow[]> {
    return this.db.selectFrom('follow_ups').selectAll().where('client_id', '=', clientId).where('status', '=', 'sent').orderBy('sent_at', 'desc').execute();
  }

  async insert(row: FollowUpRow): Promise<void> {
    await this.db.insertInto('follow_ups').values(row).execute();
  }

  async update(id: string, changes: Partial<Pick<FollowUpRow, 'learned' | 'changed' | 'status' | 'updated_at' | 'sent_at' | 'read_at' | 'short_version' | 'short_version_locale'>>): Promise<void> {
    await this.db.updateTable('follow_ups').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('follow_ups').where('id', '=', id).execute();
  }
}
