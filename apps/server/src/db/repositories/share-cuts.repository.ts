import type { Kysely, Selectable } from 'kysely';
import type { Database, ShareCutsTable } from '../schema.js';

export type ShareCutRow = Selectable<ShareCutsTable>;

/** The exact cuts of shared moments. Deleting a row destroys the salt, and with it the cut's key. */
export class ShareCutsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<ShareCutRow | undefined> {
    return this.db.selectFrom('share_cuts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The newest cut of one moment of one share. */
  findFor(shareId: string, momentId: string): Promise<ShareCutRow | undefined> {
    return this.db.selectFrom('share_cuts').selectAll().where('share_id', '=', shareId).where('moment_id', '=', momentId).orderBy('created_at', 'desc').executeTakeFirst();
  }

  listForShares(shareIds: readonly string[]): Promise<ShareCutRow[]> {
    if (shareIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('share_cuts').selectAll().where('share_id', 'in', shareIds).execute();
  }

  listForMoment(momentId: string): Promise<ShareCutRow[]> {
    return this.db.selectFrom('share_cuts').selectAll().where('moment_id', '=', momentId).execute();
  }

  /** Cuts whose share was revoked, has expired or is gone. */
  listEnded(nowIso: string): Promise<ShareCutRow[]> {
    return this.db
      .selectFrom('share_cuts')
      .leftJoin('shares', 'shares.id', 'share_cuts.share_id')
      .selectAll('share_cuts')
      .where((eb) => eb.or([eb('shares.id', 'is', null), eb('shares.revoked_at', 'is not', null), eb('shares.expires_at', '<=', nowIso)]))
      .execute();
  }

  async insert(rows: readonly ShareCutRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto('share_cuts').values([...rows]).execute();
  }

  /** Moves a pending cut on; false when it is gone (revoked meanwhile) or no longer pending. */
  async finish(id: string, status: 'ready' | 'failed', at: string): Promise<boolean> {
    const result = await this.db.updateTable('share_cuts').set({ status, updated_at: at }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('share_cuts').where('id', 'in', ids).execute();
  }
}
