import type { Kysely, Selectable } from 'kysely';
import type { Database, PreparationHelpsTable, PreparationPointsTable } from '../schema.js';
import type { TextVault } from './text-vault.js';

export type PreparationHelpRow = Selectable<PreparationHelpsTable>;
export type PreparationPointRow = Selectable<PreparationPointsTable>;
const pointPurpose = 'preparation.point';

/**
 * Helpers for a client's preparation, and the points they write down. Lookups go by helper, by
 * participant or by id; there is no list of all helps. Point texts are sealed under the client's
 * text key: when it is destroyed, the points read as gone (they are left out).
 */
export class PreparationHelpRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  findById(id: string): Promise<PreparationHelpRow | undefined> {
    return this.db.selectFrom('preparation_helps').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The current (not ended) help of one participant, if any. */
  findCurrentOfParticipant(participantId: string): Promise<PreparationHelpRow | undefined> {
    return this.db.selectFrom('preparation_helps').selectAll().where('participant_id', '=', participantId).where('ended_at', 'is', null).executeTakeFirst();
  }

  currentOfParticipants(participantIds: readonly string[]): Promise<PreparationHelpRow[]> {
    if (participantIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('preparation_helps').selectAll().where('participant_id', 'in', participantIds).where('ended_at', 'is', null).execute();
  }

  listCurrentForHelper(helperId: string): Promise<PreparationHelpRow[]> {
    return this.db.selectFrom('preparation_helps').selectAll().where('helper_id', '=', helperId).where('ended_at', 'is', null).orderBy('created_at', 'desc').execute();
  }

  async insert(row: PreparationHelpRow): Promise<void> {
    await this.db.insertInto('preparation_helps').values(row).execute();
  }

  async update(id: string, changes: Partial<Pick<PreparationHelpRow, 'shown_json' | 'ended_at'>>): Promise<void> {
    await this.db.updateTable('preparation_helps').set(changes).where('id', '=', id).execute();
  }

  async points(helpIds: readonly string[]): Promise<PreparationPointRow[]> {
    if (helpIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('preparation_points')
      .innerJoin('clients', 'clients.id', 'preparation_points.client_id')
      .selectAll('preparation_points')
      .select('clients.text_key as text_key')
      .where('preparation_points.help_id', 'in', helpIds)
      .orderBy('preparation_points.created_at')
      .orderBy('preparation_points.id')
      .execute();
    return rows.flatMap(({ text_key, ...row }) => {
      const text = this.vault.open(text_key, pointPurpose, row.text);
      return text === null ? [] : [{ ...row, text }];
    });
  }

  async insertPoint(row: PreparationPointRow): Promise<void> {
    await this.db.insertInto('preparation_points').values({ ...row, text: await this.vault.sealForClient(row.client_id, pointPurpose, row.text) }).execute();
  }

  async setRelay(id: string, relay: PreparationPointRow['relay'], at: string): Promise<void> {
    await this.db.updateTable('preparation_points').set({ relay, decided_at: at }).where('id', '=', id).execute();
  }
}
