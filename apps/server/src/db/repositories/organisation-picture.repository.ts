import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, KarCanvasesTable, KarRevisionsTable, SurveyResultsTable } from '../schema.js';

export type SurveyResultRow = Selectable<SurveyResultsTable>;
export type KarCanvasRow = Selectable<KarCanvasesTable>;
export type KarRevisionRow = Selectable<KarRevisionsTable>;

/** Per period and professional: how many anonymous alliance answers, and per item the sum and count of scores. */
export interface AllianceTally {
  period: string;
  professional_id: string;
  answers: number;
  sums: Record<'collaboration' | 'achievement' | 'fit' | 'own_topics' | 'overall', { sum: number; count: number }>;
}

const items = ['collaboration', 'achievement', 'fit', 'own_topics', 'overall'] as const;

/** Survey results, anonymous alliance tallies and KAR canvases; SQL only, the rules live in domain/organisation-picture. */
export class OrganisationPictureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replaces the results of the same period and code: a corrected survey file overwrites its earlier lines. */
  async replaceSurveyResults(organisationId: string, rows: SurveyResultRow[]): Promise<void> {
    for (const row of rows) {
      await this.db.deleteFrom('survey_results').where('organisation_id', '=', organisationId).where('period', '=', row.period).where('code', '=', row.code).execute();
    }
    if (rows.length > 0) await this.db.insertInto('survey_results').values(rows).execute();
  }

  surveyResults(organisationId: string, year: number | null): Promise<SurveyResultRow[]> {
    let query = this.db.selectFrom('survey_results').selectAll().where('organisation_id', '=', organisationId);
    if (year !== null) query = query.where('period', 'like', `${year}-%`);
    return query.orderBy('period').orderBy('code').execute();
  }

  async lastSurveyImportAt(organisationId: string): Promise<string | null> {
    const row = await this.db.selectFrom('survey_results').select((eb) => eb.fn.max('imported_at').as('last')).where('organisation_id', '=', organisationId).executeTakeFirst();
    return row?.last ?? null;
  }

  /** Anonymous alliance answers of the organisation in closed months (before `currentPeriod`), tallied per month and professional. */
  async allianceTallies(organisationId: string, currentPeriod: string, year: number | null): Promise<AllianceTally[]> {
    let query = this.db
      .selectFrom('alliance_answers')
      .select(['period', 'professional_id'])
      .select((eb) => eb.fn.countAll<number | string>().as('answers'))
      .where('organisation_id', '=', organisationId)
      .where('anonymous', '=', 1)
      .where('period', '<', currentPeriod)
      .groupBy(['period', 'professional_id']);
    for (const item of items) {
      query = query.select(sql<number | string | null>`sum(${sql.ref(item)})`.as(`sum_${item}`)).select(sql<number | string>`count(${sql.ref(item)})`.as(`count_${item}`));
    }
    if (year !== null) query = query.where('period', 'like', `${year}-%`);
    const rows = (await query.execute()) as unknown as Record<string, string | number | null>[];
    return rows.map((row) => ({
      period: String(row.period),
      professional_id: String(row.professional_id),
      answers: Number(row.answers),
      sums: Object.fromEntries(items.map((item) => [item, { sum: Number(row[`sum_${item}`] ?? 0), count: Number(row[`count_${item}`] ?? 0) }])) as AllianceTally['sums'],
    }));
  }

  async insertCanvas(row: KarCanvasRow): Promise<void> {
    await this.db.insertInto('kar_canvases').values(row).execute();
  }

  findCanvas(id: string): Promise<KarCanvasRow | undefined> {
    return this.db.selectFrom('kar_canvases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findCanvasByScope(organisationId: string, scopeKey: string, year: number): Promise<KarCanvasRow | undefined> {
    return this.db.selectFrom('kar_canvases').selectAll().where('organisation_id', '=', organisationId).where('scope_key', '=', scopeKey).where('year', '=', year).executeTakeFirst();
  }

  canvasesOf(organisationId: string, scopeKeys: readonly string[]): Promise<KarCanvasRow[]> {
    if (scopeKeys.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('kar_canvases').selectAll().where('organisation_id', '=', organisationId).where('scope_key', 'in', [...scopeKeys]).orderBy('year', 'desc').execute();
  }

  /** Saves only when nobody saved since `basedOn`; answers whether it did. */
  async updateCanvas(id: string, contentJson: string, updatedAt: string, basedOn: string): Promise<boolean> {
    const result = await this.db.updateTable('kar_canvases').set({ content_json: contentJson, updated_at: updatedAt }).where('id', '=', id).where('updated_at', '=', basedOn).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertRevision(row: KarRevisionRow): Promise<void> {
    await this.db.insertInto('kar_revisions').values(row).execute();
  }

  revisionsOf(canvasId: string): Promise<KarRevisionRow[]> {
    return this.db.selectFrom('kar_revisions').selectAll().where('canvas_id', '=', canvasId).orderBy('created_at', 'desc').execute();
  }
}
