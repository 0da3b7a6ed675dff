import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

/** The closed months a figure covers (yyyy-mm, oldest first) and the first month not counted. */
export interface InsightWindow {
  organisationId: string;
  months: readonly string[];
  /** The current month (yyyy-mm): not closed, never counted. */
  until: string;
}

/**
 * One aggregate cell from the database: a team ('' = the whole organisation), a column (a month or
 * a theme), how often, and from how many different people.
 */
export interface InsightCellRow {
  teamId: string;
  column: string;
  count: number;
  people: number;
}

/** A group's size in a month, and how many of them were in it the month before. */
export interface PopulationRow {
  teamId: string;
  month: string;
  size: number;
  stayed: number;
  previousSize: number;
}

/** Averages of the alliance check for one closed month: per question, the mean, the number of answers and of professionals. */
export interface AllianceMonthRow {
  month: string;
  question: string;
  average: number;
  answers: number;
  professionals: number;
}

type Numeric = number | string | null;

/**
 * Counts across people for anonymous insight. Every query here aggregates: no method returns a row
 * per person, so a caller cannot build a figure about one professional from it. Facts are counted
 * for the people in a group's frozen population of that month (insight_populations, migration 025),
 * so someone who leaves a team later stays counted where they were.
 */
export class InsightRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async teams(organisationId: string): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute();
  }

  /**
   * Freezes the population of every given month that has none yet: the active professionals, per
   * team and once for the organisation (team ''). Idempotent; a month once frozen never changes.
   */
  async freezePopulations(organisationId: string, months: readonly { month: string; previous: string }[]): Promise<void> {
    if (months.length === 0) return;
    const frozen = await this.db
      .selectFrom('insight_populations')
      .select('month')
      .distinct()
      .where('organisation_id', '=', organisationId)
      .where('month', 'in', months.map((m) => m.month))
      .execute();
    const done = new Set(frozen.map((row) => row.month));
    for (const { month, previous } of months.filter((m) => !done.has(m.month))) {
      const professionals = this.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .where('memberships.role', '=', 'professional')
        .where('users.organisation_id', '=', organisationId)
        .where('users.active', '=', 1);
      const perTeam = professionals
        .where('memberships.team_id', 'is not', null)
        .select([
          sql<string>`cast(${organisationId} as text)`.as('organisation_id'),
          sql<string>`cast(${month} as text)`.as('month'),
          sql<string>`cast(${previous} as text)`.as('previous_month'),
          sql<string>`coalesce(memberships.team_id, '')`.as('team_id'),
          'memberships.user_id',
        ])
        .distinct();
      const organisation = professionals
        .select([
          sql<string>`cast(${organisationId} as text)`.as('organisation_id'),
          sql<string>`cast(${month} as text)`.as('month'),
          sql<string>`cast(${previous} as text)`.as('previous_month'),
          sql<string>`''`.as('team_id'),
          'memberships.user_id',
        ])
        .distinct();
      for (const source of [perTeam, organisation]) {
        await this.db
          .insertInto('insight_populations')
          .columns(['organisation_id', 'month', 'previous_month', 'team_id', 'user_id'])
          .expression(source)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
  }

  /** Per group and month: its size, how many stayed from the month before, and that month's size. */
  async populations(window: InsightWindow): Promise<PopulationRow[]> {
    const { organisationId, months } = window;
    if (months.length === 0) return [];
    const rows = await sql<{ team_id: string; month: string; size: Numeric; stayed: Numeric; previous_size: Numeric }>`
      select cur.team_id, cur.month, count(*) as size, count(prev.user_id) as stayed,
        (select count(*) from insight_populations before
          where before.organisation_id = cur.organisation_id and before.team_id = cur.team_id and before.month = cur.previous_month) as previous_size
      from insight_populations cur
      left join insight_populations prev
        on prev.organisation_id = cur.organisation_id and prev.team_id = cur.team_id and prev.month = cur.previous_month and prev.user_id = cur.user_id
      where cur.organisation_id = ${organisationId} and cur.month in (${sql.join(months)})
      group by cur.organisation_id, cur.team_id, cur.month, cur.previous_month`.execute(this.db);
    return rows.rows.map((row) => ({ teamId: row.team_id, month: row.month, size: Number(row.size ?? 0), stayed: Number(row.stayed ?? 0), previousSize: Number(row.previous_size ?? 0) }));
  }

  /**
   * The one shape every monthly count takes: facts of `table` joined to the population of the month
   * they happened in, counted per group and month. `person` is the column naming the professional,
   * `at` the time (ISO) or month (yyyy-mm) column, `where` any further condition on the fact row `f`.
   */
  private async monthly(window: InsightWindow, table: string, person: string, at: string, where: RawBuilder<unknown> = sql`1 = 1`): Promise<InsightCellRow[]> {
    const { organisationId, months, until } = window;
    const first = months[0];
    if (first === undefined) return [];
    const f = (column: string) => sql.ref(`f.${column}`);
    // Facts are counted per person and month first, then joined to the populations: the join then
    // looks up one population row per person and month instead of scanning facts per member.
    // CROSS JOIN (with the condition in WHERE, valid on both databases) makes SQLite keep the counts
    // as the outer loop and look each one up by the table's key (organisation, person, month); PostgreSQL plans the join itself.
    const rows = await sql<{ team_id: string; col: string; n: Numeric; people: Numeric }>`
      select p.team_id as team_id, p.month as col, sum(f.n) as n, count(*) as people
      from (
        select ${f(person)} as user_id, substr(${f(at)}, 1, 7) as month, count(*) as n
        from ${sql.table(table)} f
        where f.organisation_id = ${organisationId} and ${f(at)} >= ${first} and ${f(at)} < ${until} and ${where}
        group by ${f(person)}, substr(${f(at)}, 1, 7)
      ) f
      cross join insight_populations p
      where p.organisation_id = ${organisationId} and p.user_id = f.user_id and p.month = f.month
      group by p.team_id, p.month`.execute(this.db);
    return rows.rows.map((row) => ({ teamId: row.team_id, column: row.col, count: Number(row.n ?? 0), people: Number(row.people ?? 0) }));
  }

  /** Learning rounds someone opened and did not skip, by the month they opened it. */
  roundsTaken(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.monthly(window, 'learning_rounds', 'user_id', 'created_at', sql`f.skipped = 0`);
  }

  /** Learning rounds that reached a next step, by the month they were opened. */
  roundsCompleted(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.monthly(window, 'learning_rounds', 'user_id', 'created_at', sql`f.skipped = 0 and f.next_step <> ''`);
  }

  recordingsMade(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.monthly(window, 'recordings', 'professional_id', 'created_at', sql`f.status <> 'failed'`);
  }

  feedbackHeld(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.monthly(window, 'feedback_conversations', 'professional_id', 'completed_at', sql`f.status = 'completed'`);
  }

  /** Alliance checks answered, anonymous or not, by the month they were answered in. */
  allianceChecks(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.monthly(window, 'alliance_answers', 'professional_id', 'period');
  }

  /** Learning questions per theme ('none' without one) and in total ('total') over the whole window, per group. */
  async questionThemes(window: InsightWindow): Promise<InsightCellRow[]> {
    const { organisationId, months, until } = window;
    const first = months[0];
    if (first === undefined) return [];
    // Per person, month and theme first (see monthly()); 'total' is the same over all themes.
    const perPerson = sql`
      select professional_id as user_id, substr(created_at, 1, 7) as month, coalesce(theme, 'none') as theme, count(*) as n
      from learning_questions
      where organisation_id = ${organisationId} and created_at >= ${first} and created_at < ${until}
      group by professional_id, substr(created_at, 1, 7), coalesce(theme, 'none')`;
    const rows = await sql<{ team_id: string; col: string; n: Numeric; people: Numeric }>`
      select p.team_id as team_id, f.theme as col, sum(f.n) as n, count(distinct p.user_id) as people
      from (${perPerson}) f
      cross join insight_populations p
      where p.organisation_id = ${organisationId} and p.user_id = f.user_id and p.month = f.month
      group by p.team_id, f.theme
      union all
      select p.team_id as team_id, 'total' as col, sum(f.n) as n, count(distinct p.user_id) as people
      from (${perPerson}) f
      cross join insight_populations p
      where p.organisation_id = ${organisationId} and p.user_id = f.user_id and p.month = f.month
      group by p.team_id`.execute(this.db);
    return rows.rows.map((row) => ({ teamId: row.team_id, column: row.col, count: Number(row.n ?? 0), people: Number(row.people ?? 0) }));
  }

  /**
   * Team agenda items (seed 000 §6.4.2) of the window's closed months, aggregated here: an item
   * belongs to its own team, not to its author's population, so it stays where it was brought in.
   * `people` counts distinct authors; an item whose author left anonymously (author cleared) adds to
   * the count but to nobody's people, so it can only make a cell more likely to be hidden.
   */
  private async agendaFacts(window: InsightWindow): Promise<{ team: string; author: string | null; month: string; themes: string[] }[]> {
    const { organisationId, months, until } = window;
    const first = months[0];
    if (first === undefined) return [];
    const rows = await this.db
      .selectFrom('agenda_items')
      .select(['team_id', 'author_id', 'created_at', 'themes'])
      .where('organisation_id', '=', organisationId)
      .where('created_at', '>=', first)
      .where('created_at', '<', until)
      .execute();
    return rows.map((row) => {
      let themes: string[] = [];
      try {
        const parsed: unknown = JSON.parse(row.themes);
        if (Array.isArray(parsed)) themes = [...new Set(parsed.filter((theme): theme is string => typeof theme === 'string'))];
      } catch {
        themes = [];
      }
      return { team: row.team_id, author: row.author_id, month: row.created_at.slice(0, 7), themes };
    });
  }

  /** Agenda items brought in, per team (and the organisation, team '') and the closed month they were brought in. */
  async agendaItems(window: InsightWindow): Promise<InsightCellRow[]> {
    const cells = new CellCounter();
    for (const fact of await this.agendaFacts(window)) {
      for (const team of [fact.team, '']) cells.add(team, fact.month, fact.author);
    }
    return cells.rows();
  }

  /** Agenda items per theme ('none' without one) and in total ('total') over the window, per team and the organisation; an item with two themes counts under both. */
  async agendaThemes(window: InsightWindow): Promise<InsightCellRow[]> {
    const cells = new CellCounter();
    for (const fact of await this.agendaFacts(window)) {
      for (const team of [fact.team, '']) {
        for (const theme of fact.themes.length > 0 ? fact.themes : ['none']) cells.add(team, theme, fact.author);
        cells.add(team, 'total', fact.author);
      }
    }
    return cells.rows();
  }

  /** Signals sent ("wat knelt, wat werkt"), per group and closed month: teams by the sender's population, the organisation over all signals. */
  async signalsSent(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.signalCategories(window, sql`substr(created_at, 1, 7)`, false);
  }

  /** Signals per theme of the theme cards, and 'total', over the window. */
  signalThemes(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.signalCategories(window, sql`theme`, true);
  }

  /** Signals per kind (knelt, werkt), and 'total', over the window. */
  signalKinds(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.signalCategories(window, sql`kind`, true);
  }

  /** Signals per status (what was done with them, today), and 'total', over the window. */
  signalStatuses(window: InsightWindow): Promise<InsightCellRow[]> {
    return this.signalCategories(window, sql`status`, true);
  }

  /**
   * Signals counted per category. A team's row counts the signals of the people in its frozen
   * population of the month the signal was sent (like learning questions); the organisation's row
   * counts every signal of the organisation, also those of managers, who are in no population.
   * Only counts leave this method: never a signal, its text or its sender.
   */
  private async signalCategories(window: InsightWindow, category: RawBuilder<unknown>, withTotal: boolean): Promise<InsightCellRow[]> {
    const { organisationId, months, until } = window;
    const first = months[0];
    if (first === undefined) return [];
    const perPerson = sql`
      select author_id as user_id, substr(created_at, 1, 7) as month, ${category} as col, count(*) as n
      from signals
      where organisation_id = ${organisationId} and created_at >= ${first} and created_at < ${until}
      group by author_id, substr(created_at, 1, 7), ${category}`;
    const total = withTotal
      ? sql`
      union all
      select p.team_id as team_id, 'total' as col, sum(f.n) as n, count(distinct p.user_id) as people
      from (${perPerson}) f
      cross join insight_populations p
      where p.organisation_id = ${organisationId} and p.team_id <> '' and p.user_id = f.user_id and p.month = f.month
      group by p.team_id
      union all
      select '' as team_id, 'total' as col, sum(f.n) as n, count(distinct f.user_id) as people
      from (${perPerson}) f`
      : sql``;
    const rows = await sql<{ team_id: string; col: string; n: Numeric; people: Numeric }>`
      select p.team_id as team_id, f.col as col, sum(f.n) as n, count(distinct p.user_id) as people
      from (${perPerson}) f
      cross join insight_populations p
      where p.organisation_id = ${organisationId} and p.team_id <> '' and p.user_id = f.user_id and p.month = f.month
      group by p.team_id, f.col
      union all
      select '' as team_id, f.col as col, sum(f.n) as n, count(distinct f.user_id) as people
      from (${perPerson}) f
      group by f.col${total}`.execute(this.db);
    return rows.rows.map((row) => ({ teamId: row.team_id, column: row.col, count: Number(row.n ?? 0), people: Number(row.people ?? 0) }));
  }

  /** The alliance check's answers per closed month and question, for the whole organisation. */
  async allianceMonths(window: InsightWindow, questions: readonly string[]): Promise<AllianceMonthRow[]> {
    const { organisationId, months, until } = window;
    const first = months[0];
    if (first === undefined) return [];
    const perQuestion = questions.map((question) => {
      const column = sql.ref(`alliance_answers.${question}`);
      return sql`avg(${column}) as ${sql.ref(`avg_${question}`)}, count(${column}) as ${sql.ref(`n_${question}`)}, count(distinct case when ${column} is not null then professional_id end) as ${sql.ref(`p_${question}`)}`;
    });
    const rows = await sql<Record<string, Numeric>>`
      select period, ${sql.join(perQuestion)}
      from alliance_answers
      where organisation_id = ${organisationId} and period >= ${first} and period < ${until}
      group by period`.execute(this.db);
    const result: AllianceMonthRow[] = [];
    for (const row of rows.rows) {
      for (const question of questions) {
        result.push({ month: String(row.period), question, average: Number(row[`avg_${question}`] ?? 0), answers: Number(row[`n_${question}`] ?? 0), professionals: Number(row[`p_${question}`] ?? 0) });
      }
    }
    return result;
  }
}

/** Counts per group and column with the distinct people behind them; a null person adds to the count only. */
class CellCounter {
  private readonly cells = new Map<string, { teamId: string; column: string; count: number; people: Set<string> }>();

  add(teamId: string, column: string, person: string | null): void {
    const key = `${teamId}|${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { teamId, column, count: 0, people: new Set() };
      this.cells.set(key, cell);
    }
    cell.count += 1;
    if (person !== null) cell.people.add(person);
  }

  rows(): InsightCellRow[] {
    return [...this.cells.values()].map((cell) => ({ teamId: cell.teamId, column: cell.column, count: cell.count, people: cell.people.size }));
  }
}
