import { allianceItemOfTheme, surveyThemeOf, type SurveyComparison, type SurveyComparisonRow, type SurveyTheme } from '@spreekkamer/shared';
import type { AllianceTally, OrganisationPictureRepository, SurveyResultRow } from '../../db/repositories/organisation-picture.repository.js';

/** The months a survey period covers: itself, or the three of its quarter. */
export function monthsOf(period: string): string[] {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return [period];
  const first = (Number(quarter[2]) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((month) => `${quarter[1]}-${String(month).padStart(2, '0')}`);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The anonymous alliance checks of the months of one period, for one theme. Suppressed (null)
 * unless at least k answers from at least k professionals went into it, and k scores for the
 * theme's own question: an organisation total that comes from one professional is about that one.
 */
export function allianceFigure(tallies: readonly AllianceTally[], period: string, theme: SurveyTheme, k: number): SurveyComparisonRow['alliance'] {
  const months = new Set(monthsOf(period));
  const inPeriod = tallies.filter((tally) => months.has(tally.period));
  const answers = inPeriod.reduce((sum, tally) => sum + tally.answers, 0);
  const professionals = new Set(inPeriod.map((tally) => tally.professional_id)).size;
  if (answers < k || professionals < k) return { answers: null, average: null };
  const item = allianceItemOfTheme(theme);
  if (!item) return { answers, average: null };
  const scored = inPeriod.filter((tally) => tally.sums[item].count > 0);
  const count = scored.reduce((sum, tally) => sum + tally.sums[item].count, 0);
  if (count < k || scored.length < k) return { answers, average: null };
  return { answers, average: round(scored.reduce((sum, tally) => sum + tally.sums[item].sum, 0) / count) };
}

/**
 * Survey results beside the alliance checks, one row per period and theme the survey reported on.
 * A survey figure from fewer respondents than k is not shown either.
 */
export function compare(results: readonly SurveyResultRow[], tallies: readonly AllianceTally[], k: number, lastImportAt: string | null): SurveyComparison {
  const rows = new Map<string, SurveyComparisonRow>();
  for (const result of results) {
    const theme = surveyThemeOf(result.code);
    const key = `${result.period}|${theme}`;
    const row = rows.get(key) ?? { period: result.period, theme, survey: [], alliance: allianceFigure(tallies, result.period, theme, k) };
    row.survey.push({ code: result.code, measure: result.measure, value: result.respondents < k ? null : round(Number(result.value)), respondents: Number(result.respondents) });
    rows.set(key, row);
  }
  return { minimumGroupSize: k, rows: [...rows.values()], lastImportAt };
}

/** Reads and compares: shared by the survey page and the yearly picture (each checks access first). */
export async function surveyComparisonOf(repository: OrganisationPictureRepository, organisationId: string, k: number, currentPeriod: string, year: number | null): Promise<SurveyComparison> {
  const results = await repository.surveyResults(organisationId, year);
  const tallies = await repository.allianceTallies(organisationId, currentPeriod, year);
  return compare(results, tallies, k, await repository.lastSurveyImportAt(organisationId));
}
