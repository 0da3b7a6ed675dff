import { learningThemeIds, localize, signalKinds, signalStatuses, themeCards, type InsightFigure, type InsightRow } from '@spreekkamer/shared';
import { formatMonth, formatMonthShort } from '../../lib/format.js';

/** yyyy-mm → [year, month]. */
function parts(month: string): [number, number] {
  const [year, m] = month.split('-').map(Number);
  return [year ?? 1970, m ?? 1];
}

export function monthName(month: string, language: string): string {
  return formatMonth(...parts(month), language);
}

export function monthShort(month: string, language: string): string {
  return formatMonthShort(...parts(month), language);
}

/**
 * The rows a chart draws: for the organisation only its own total (forty team lines say nothing to
 * the eye; the table has them all), for a team lead each of their teams.
 */
export function chartRows(figure: InsightFigure): InsightRow[] {
  const total = figure.rows.find((row) => row.total);
  return total ? [total] : figure.rows;
}

/** Whether a figure shows any number at all. */
export function showsAnything(figure: InsightFigure): boolean {
  return figure.rows.some((row) => row.cells.some((value) => value !== null));
}

/** The theme columns of a theme table, as the server sends them. */
export const themeColumns = [...learningThemeIds, 'none', 'total'] as const;
export type ThemeColumn = (typeof themeColumns)[number];

export function isThemeColumn(column: string): column is ThemeColumn {
  return (themeColumns as readonly string[]).includes(column);
}

/** The other categories a 'themes' figure may have as columns: a signal's kind or status. */
export const categoryColumns = [...signalKinds, ...signalStatuses] as const;
export type CategoryColumn = (typeof categoryColumns)[number];

function isCategoryColumn(column: string): column is CategoryColumn {
  return (categoryColumns as readonly string[]).includes(column);
}

/**
 * The name of a column of a 'themes' figure: a theme of learning questions, a theme card (agenda
 * items, signals), a signal's kind or status, or 'none' and 'total'.
 */
export function categoryName(column: string, language: string, translate: (key: `insight.themes.${ThemeColumn}` | `insight.categories.${CategoryColumn}`) => string): string {
  if (isThemeColumn(column)) return translate(`insight.themes.${column}`);
  const card = themeCards.find((candidate) => candidate.id === column);
  if (card) return localize(card.title, language);
  if (isCategoryColumn(column)) return translate(`insight.categories.${column}`);
  return column;
}
