import type { Kysely, Selectable } from 'kysely';
import type { Database, FollowUpsTable } from '../schema.js';
import type { TextVault } from './text-vault.js';

export type FollowUpRow = Selectable<FollowUpsTable>;
/** A follow-up as read: texts the client had erased read as empty, and `erased` says so. */
export type OpenedFollowUp = FollowUpRow & { erased: boolean };
export type FollowUpWithClient = OpenedFollowUp & { pseudonym: string };

const purpose = { learned: 'follow_up.learned', changed: 'follow_up.changed', shortVersion: 'follow_up.short_version' } as const;

/**
 * Follow-ups (terugkoppeling), read by their professional or, once sent, by their client. Written
 * about what one client said, so their texts (the short version in the client's language too) are
 * sealed under that client's text key (text-vault.ts): gone when the client has them erased.
 */
export class FollowUpsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  private withKey() {
    return this.db.selectFrom('follow_ups').innerJoin('clients', 'clients.id', 'follow_ups.client_id').selectAll('follow_ups').select('clients.text_key as text_key');
  }

  private opened<T extends FollowUpRow>(rows: (T & { text_key: string | null })[]): (T & { erased: boolean })[] {
    return rows.map(({ text_key, ...rest }) => {
      const row = rest as unknown as T;
      const learned = row.learned === '' ? '' : this.vault.open(text_key, purpose.learned, row.learned);
      const changed = row.changed === '' ? '' : this.vault.open(text_key, purpose.changed, row.changed);
      const shortVersion = row.short_version === null ? null : this.vault.open(text_key, purpose.shortVersion, row.short_version);
      const erased = learned === null || changed === null || (row.short_version !== null && shortVersion === null);
      return { ...row, learned: learned ?? '', changed: changed ?? '', short_version: erased ? null : shortVersion, erased };
    });
  }

  private async seal(clientId: string, changes: Partial<Pick<FollowUpRow, 'learned' | 'changed' | 'short_version'>>): Promise<Partial<Pick<FollowUpRow, 'learned' | 'changed' | 'short_version'>>> {
    const sealed = { ...changes };
    if (changes.learned) sealed.learned = await this.vault.sealForClient(clientId, purpose.learned, changes.learned);
    if (changes.changed) sealed.changed = await this.vault.sealForClient(clientId, purpose.changed, changes.changed);
    if (changes.short_version) sealed.short_version = await this.vault.sealForClient(clientId, purpose.shortVersion, changes.short_version);
    return sealed;
  }

  async findById(id: string): Promise<OpenedFollowUp | undefined> {
    return this.opened(await this.withKey().where('follow_ups.id', '=', id).execute())[0];
  }

  async listForProfessional(professionalId: string, clientId?: string): Promise<FollowUpWithClient[]> {
    let query = this.withKey().select('clients.pseudonym as pseudonym').where('follow_ups.professional_id', '=', professionalId);
    if (clientId) query = query.where('follow_ups.client_id', '=', clientId);
    return this.opened(await query.orderBy('follow_ups.created_at', 'desc').execute());
  }

  /** Sent follow-ups the client can still read (erased ones are left out). */
  async sentToClient(clientId: string): Promise<OpenedFollowUp[]> {
    const rows = await this.withKey().where('follow_ups.client_id', '=', clientId).where('follow_ups.status', '=', 'sent').orderBy('follow_ups.sent_at', 'desc').execute();
    return this.opened(rows).filter((row) => !row.erased);
  }

  async insert(row: FollowUpRow): Promise<void> {
    await this.db.insertInto('follow_ups').values({ ...row, ...(await this.seal(row.client_id, row)) }).execute();
  }

  async update(id: string, changes: Partial<Pick<FollowUpRow, 'learned' | 'changed' | 'status' | 'updated_at' | 'sent_at' | 'read_at' | 'short_version' | 'short_version_locale'>>): Promise<void> {
    let sealed = changes;
    if (changes.learned || changes.changed || changes.short_version) {
      const row = await this.db.selectFrom('follow_ups').select('client_id').where('id', '=', id).executeTakeFirst();
      if (!row) return;
      sealed = { ...changes, ...(await this.seal(row.client_id, changes)) };
    }
    await this.db.updateTable('follow_ups').set(sealed).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('follow_ups').where('id', '=', id).execute();
  }
}
