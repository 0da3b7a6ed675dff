import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationsTable } from '../schema.js';
import { prepared } from '../prepared.js';

const byId = prepared((db, id: string) => db.selectFrom('organisations').selectAll().where('id', '=', id));

export type OrganisationRow = Selectable<OrganisationsTable>;

export class OrganisationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<OrganisationRow | undefined> {
    return byId(this.db, id).then((rows) => rows[0]);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('organisations').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(row: OrganisationRow): Promise<void> {
    await this.db.insertInto('organisations').values(row).execute();
  }

  async update(id: string, changes: Partial<Pick<OrganisationRow, 'name' | 'require_totp' | 'settings_json'>>): Promise<void> {
    await this.db.updateTable('organisations').set(changes).where('id', '=', id).execute();
  }
}
