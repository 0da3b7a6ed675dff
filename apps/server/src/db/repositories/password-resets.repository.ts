import type { Kysely, Selectable } from 'kysely';
import type { Database, PasswordResetsTable } from '../schema.js';

export type PasswordResetRow = Selectable<PasswordResetsTable>;

export class PasswordResetsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One open reset per account: a new one replaces what was not used yet. */
  async replaceForUser(row: PasswordResetRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('password_resets').where('user_id', '=', row.user_id).where('used_at', 'is', null).execute();
      await trx.insertInto('password_resets').values(row).execute();
    });
  }

  findOpenForUser(userId: string, now: string): Promise<PasswordResetRow | undefined> {
    return this.db
      .selectFrom('password_resets')
      .selectAll()
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  listOpenApprovals(userIds: readonly string[], now: string): Promise<PasswordResetRow[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('password_resets')
      .selectAll()
      .where('user_id', 'in', userIds)
      .where('channel', '=', 'approval')
      .where('approved_at', 'is', null)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
  }

  findUsable(tokenHash: string, now: string): Promise<PasswordResetRow | undefined> {
    return this.db
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  async update(id: string, changes: Partial<Pick<PasswordResetRow, 'requested_by' | 'approved_by' | 'approved_at'>>): Promise<void> {
    await this.db.updateTable('password_resets').set(changes).where('id', '=', id).where('used_at', 'is', null).execute();
  }

  /** Marks it used only if nobody else did first; returns whether this call won. */
  async markUsed(id: string, now: string): Promise<boolean> {
    const result = await this.db.updateTable('password_resets').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
