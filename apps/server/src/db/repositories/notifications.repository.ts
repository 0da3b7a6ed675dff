import type { Kysely, Selectable } from 'kysely';
import type { Database, NotificationsTable } from '../schema.js';

export type NotificationRow = Selectable<NotificationsTable>;

/** Notifications, always read and changed per reader: there is no query across readers. */
export class NotificationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMany(rows: readonly NotificationRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto('notifications').values([...rows]).execute();
  }

  /** Notices made when due: a row whose (reader, dedupe key) already exists is left alone, so each is made once. */
  async insertDue(rows: readonly NotificationRow[]): Promise<void> {
    for (const row of rows) {
      await this.db.insertInto('notifications').values(row).onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing()).execute();
    }
  }

  listForUser(userId: string, limit: number): Promise<NotificationRow[]> {
    return this.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string | number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Only the reader's own row changes; returns whether there was one. */
  async markRead(userId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return true;
    return (await this.db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
  }

  async markAllRead(userId: string, at: string): Promise<void> {
    await this.db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
  }

  /** Unread and not yet in a digest: what the reader's next digest counts. */
  async undigestedCount(userId: string): Promise<number> {
    const row = await this.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string | number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).where('emailed_at', 'is', null).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async markDigested(userId: string, at: string): Promise<void> {
    await this.db.updateTable('notifications').set({ emailed_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).where('emailed_at', 'is', null).execute();
  }

  async removeForRecording(recordingId: string): Promise<void> {
    await this.db.deleteFrom('notifications').where('recording_id', '=', recordingId).execute();
  }
}
