import type { Kysely, Selectable } from 'kysely';
import type { Database, InvitationsTable } from '../schema.js';
import { inTransaction } from './in-transaction.js';

export type InvitationRow = Selectable<InvitationsTable>;

export class InvitationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async replaceForUser(row: InvitationRow): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('invitations').where('user_id', '=', row.user_id).where('used_at', 'is', null).execute();
      await trx.insertInto('invitations').values(row).execute();
    });
  }

  findUsable(tokenHash: string, now: string): Promise<InvitationRow | undefined> {
    return this.db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  /** Marks it used only if nobody else did first; returns whether this call won. */
  async markUsed(id: string, now: string): Promise<boolean> {
    const result = await this.db.updateTable('invitations').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
