import { allianceItemIds, learningThemeIds, signalKinds, signalStatuses, themeIds, type Insight, type InsightFigure, type InsightFigureId, type InsightRow } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { InsightCellRow, InsightRepository, InsightWindow } from '../../db/repositories/insight.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { AppError } from '../errors.js';
import { columnGroups, membershipChange, rowGroups, suppress, type Cell } from './suppression.js';

export interface InsightDependencies {
  gate: AccessGate;
  insight: InsightRepository;
  organisations: OrganisationsRepository;
  now: Clock;
}

/** How many closed months the figures cover. */
export const insightMonths = 12;

/**
 * A figure that counts: one query (rows per group and column, with how many people) and this
 * declaration. Adding a figure is adding both, plus its id in `insightFigureIds` (shared) and its
 * texts in the web app's insight.*.json; the suppression, the organisation row and the team lead's
 * filter come for free.
 *
 * monthly: the columns are the window's months; the query groups by the month of the fact.
 * themes:  the columns are `themes` (or other categories: a signal's kind or status) and 'total';
 *          the query returns a row per category and one 'total'.
 * Either way the query returns team '' for the organisation as a whole.
 */
export interface CountFigure {
  id: InsightFigureId;
  kind: 'monthly' | 'themes';
  themes?: readonly string[];
  query: (insight: InsightRepository, window: InsightWindow) => Promise<InsightCellRow[]>;
}

export const countFigures: readonly CountFigure[] = [
  { id: 'roundsTaken', kind: 'monthly', query: (insight, window) => insight.roundsTaken(window) },
  { id: 'roundsCompleted', kind: 'monthly', query: (insight, window) => insight.roundsCompleted(window) },
  { id: 'recordingsMade', kind: 'monthly', query: (insight, window) => insight.recordingsMade(window) },
  { id: 'feedbackHeld', kind: 'monthly', query: (insight, window) => insight.feedbackHeld(window) },
  { id: 'allianceChecks', kind: 'monthly', query: (insight, window) => insight.allianceChecks(window) },
  { id: 'questionThemes', kind: 'themes', themes: [...learningThemeIds, 'none'], query: (insight, window) => insight.questionThemes(window) },
  { id: 'agendaItems', kind: 'monthly', query: (insight, window) => insight.agendaItems(window) },
  { id: 'agendaThemes', kind: 'themes', themes: [...themeIds, 'none'], query: (insight, window) => insight.agendaThemes(window) },
  { id: 'signalsSent', kind: 'monthly', query: (insight, window) => insight.signalsSent(window) },
  { id: 'signalThemes', kind: 'themes', themes: [...themeIds], query: (insight, window) => insight.signalThemes(window) },
  { id: 'signalKinds', kind: 'themes', themes: [...signalKinds], query: (insight, window) => insight.signalKinds(window) },
  { id: 'signalStatuses', kind: 'themes', themes: [...signalStatuses], query: (insight, window) => insight.signalStatuses(window) },
];

/** yyyy-mm of the month before. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The `count` closed months before `current` (yyyy-mm), oldest first. */
export function closedMonths(current: string, count: number): string[] {
  const months: string[] = [];
  let month = current;
  for (let i = 0; i < count; i += 1) {
    month = previousMonth(month);
    months.unshift(month);
  }
  return months;
}

const organisationRowId = 'organisation';

/**
 * Anonymous insight (invariant 7): figures of the learning routine per closed calendar month, for a
 * team lead's own teams or, for a policy advisor, every team and the organisation. Every table is
 * built for the whole organisation and suppressed as a whole (suppression.ts) before a team lead's
 * rows are picked from it, so two people looking at different parts see the same suppressed cells
 * and cannot put their views together to undo a suppression. The home page and the insight page
 * read this same answer.
 */
export class InsightService {
  constructor(private readonly deps: InsightDependencies) {}

  async teams(actor: Actor): Promise<Insight> {
    await requireAccess(this.deps.gate, { actor, permission: 'insight.team' });
    const led = new Set(actor.teamIds.manager);
    return this.build(actor.organisationId, 'teams', (row) => !row.total && led.has(row.id));
  }

  async organisation(actor: Actor): Promise<Insight> {
    await requireAccess(this.deps.gate, { actor, permission: 'insight.organisation' });
    return this.build(actor.organisationId, 'organisation', () => true);
  }

  private async build(organisationId: string, scope: Insight['scope'], visible: (row: InsightRow) => boolean): Promise<Insight> {
    const organisation = await this.deps.organisations.findById(organisationId);
    if (!organisation) throw new AppError('not_found');
    const k = settingsOf(organisation).minimumGroupSize;
    const until = this.deps.now().toISOString().slice(0, 7);
    const months = closedMonths(until, insightMonths);
    const window: InsightWindow = { organisationId, months, until };
    // The month before the window too, so the first month shown has one to be compared with.
    const frozen = [previousMonth(months[0] ?? until), ...months];
    await this.deps.insight.freezePopulations(organisationId, frozen.map((month) => ({ month, previous: previousMonth(month) })));
    const teams = await this.deps.insight.teams(organisationId);
    const groups = [...teams, { id: '', name: organisation.name }];
    const changes = new Map<string, number>();
    for (const row of await this.deps.insight.populations(window)) changes.set(`${row.teamId}|${row.month}`, membershipChange(row.previousSize, row.size, row.stayed));

    const figures: InsightFigure[] = [];
    for (const figure of countFigures) {
      const columns = figure.kind === 'monthly' ? [...months] : [...(figure.themes ?? []), 'total'];
      const counted = new Map<string, Cell>();
      for (const row of await figure.query(this.deps.insight, window)) counted.set(`${row.teamId}|${row.column}`, { count: row.count, people: row.people });
      const cells = groups.map((group) => columns.map((column) => counted.get(`${group.id}|${column}`) ?? { count: 0, people: 0 }));
      const totalRow = groups.length - 1;
      const additive = figure.kind === 'monthly' ? columnGroups(groups.length, columns.length, totalRow) : [...columnGroups(groups.length, columns.length, totalRow), ...rowGroups(groups.length, columns.length, columns.length - 1)];
      // Only months are compared with the month before; a theme table covers the whole window.
      const membership = figure.kind === 'monthly' ? groups.map((group) => columns.map((month) => changes.get(`${group.id}|${month}`) ?? null)) : undefined;
      const shown = suppress({ k, cells, groups: additive, ...(membership ? { membershipChange: membership } : {}) });
      const rows = groups.map((group, r): InsightRow => ({ id: group.id === '' ? organisationRowId : group.id, name: group.name, total: group.id === '', cells: shown[r] ?? [] }));
      figures.push({ id: figure.id, kind: figure.kind, columns, rows: rows.filter(visible) });
    }
    figures.push(await this.allianceResults(window, k));
    return { scope, minimumGroupSize: k, months, figures };
  }

  /**
   * The alliance check per closed month and question, for the whole organisation only: an average
   * is shown when at least k answers came in for it and they concern at least k professionals, so a
   * month's figure is never about one professional's clients. Averages have no total to subtract
   * from, and no team averages are shown that could be combined with it.
   */
  private async allianceResults(window: InsightWindow, k: number): Promise<InsightFigure> {
    const answers = await this.deps.insight.allianceMonths(window, allianceItemIds);
    const byCell = new Map(answers.map((row) => [`${row.month}|${row.question}`, row]));
    const cells = window.months.map((month) =>
      allianceItemIds.map((question): Cell => {
        const row = byCell.get(`${month}|${question}`);
        return row ? { count: Math.round(row.average * 10) / 10, people: Math.min(row.answers, row.professionals) } : { count: 0, people: 0 };
      }),
    );
    const shown = suppress({ k, cells });
    return { id: 'allianceResults', kind: 'scores', columns: [...allianceItemIds], rows: window.months.map((month, r) => ({ id: month, name: month, total: false, cells: shown[r] ?? [] })) };
  }
}
