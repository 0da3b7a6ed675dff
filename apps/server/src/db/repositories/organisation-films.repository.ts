import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationFilmsTable } from '../schema.js';

export type OrganisationFilmRow = Selectable<OrganisationFilmsTable>;

/** An organisation's own explainer film: one row per organisation, the file itself in the blob store. */
export class OrganisationFilmsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(organisationId: string): Promise<OrganisationFilmRow | undefined> {
    return this.db.selectFrom('organisation_films').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  }

  /** Returns the row it replaced, whose file must go. Call it inside a UnitOfWork: the delete and the insert land together. */
  async replace(row: OrganisationFilmRow): Promise<OrganisationFilmRow | undefined> {
    const previous = await this.find(row.organisation_id);
    await this.db.deleteFrom('organisation_films').where('organisation_id', '=', row.organisation_id).execute();
    await this.db.insertInto('organisation_films').values(row).execute();
    return previous;
  }

  async remove(organisationId: string): Promise<OrganisationFilmRow | undefined> {
    const previous = await this.find(organisationId);
    if (previous) await this.db.deleteFrom('organisation_films').where('organisation_id', '=', organisationId).execute();
    return previous;
  }
}
