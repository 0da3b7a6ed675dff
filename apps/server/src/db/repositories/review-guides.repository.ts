import type { Kysely, Selectable } from 'kysely';
import type { Database, ReviewGuidesTable } from '../schema.js';

export type ReviewGuideRow = Selectable<ReviewGuidesTable>;

export class ReviewGuidesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(organisationId: string): Promise<ReviewGuideRow | undefined> {
    return this.db.selectFrom('review_guides').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  }

  async upsert(row: ReviewGuideRow): Promise<void> {
    await this.db
      .insertInto('review_guides')
      .values(row)
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ steps_json: row.steps_json, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
  }

  async delete(organisationId: string): Promise<void> {
    await this.db.deleteFrom('review_guides').where('organisation_id', '=', organisationId).execute();
  }
}
