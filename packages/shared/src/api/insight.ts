import { z } from 'zod';

/**
 * Anonymous insight for team leads (their own teams) and policy advisors (every team and the
 * organisation): how much of the learning routine happened, per closed calendar month. Never per
 * person, never a day, never free text. Every figure is a small table; a cell that fewer than
 * `minimumGroupSize` people contributed to, or that could be worked out from the other cells, is
 * null (see apps/server/src/domain/insight/suppression.ts).
 *
 *   GET /insight/teams         → insightSchema   team lead: a row per team they lead
 *   GET /insight/organisation  → insightSchema   policy advisor: a row per team and the organisation
 */
export const insightFigureIds = [
  'roundsTaken',
  'roundsCompleted',
  'recordingsMade',
  'feedbackHeld',
  'allianceChecks',
  'questionThemes',
  'agendaItems',
  'agendaThemes',
  'signalsSent',
  'signalThemes',
  'signalKinds',
  'signalStatuses',
  'allianceResults',
] as const;
export const insightFigureIdSchema = z.enum(insightFigureIds);
export type InsightFigureId = z.infer<typeof insightFigureIdSchema>;

/**
 * monthly: rows are teams (and the organisation), columns are months, cells are counts.
 * themes:  rows are teams (and the organisation), columns are themes (or another category: a signal's kind or
 *          status) and a last column 'total', cells are counts.
 * scores:  rows are months, columns are the questions of the alliance check, cells are average scores (1–5).
 */
export const insightFigureKindSchema = z.enum(['monthly', 'themes', 'scores']);
export type InsightFigureKind = z.infer<typeof insightFigureKindSchema>;

export const insightRowSchema = z.object({
  /** A team id, 'organisation', or for scores the month (yyyy-mm). */
  id: z.string(),
  name: z.string(),
  /** The organisation's row: the total of the teams and of professionals in no team. */
  total: z.boolean(),
  /** One per column; null: not shown. */
  cells: z.array(z.number().min(0).nullable()),
});
export type InsightRow = z.infer<typeof insightRowSchema>;

export const insightFigureSchema = z.object({
  id: insightFigureIdSchema,
  kind: insightFigureKindSchema,
  /** Months (yyyy-mm), theme ids or question ids, in order. */
  columns: z.array(z.string()),
  rows: z.array(insightRowSchema),
});
export type InsightFigure = z.infer<typeof insightFigureSchema>;

export const insightSchema = z.object({
  scope: z.enum(['teams', 'organisation']),
  minimumGroupSize: z.number().int().min(1),
  /** The closed calendar months counted (yyyy-mm), oldest first. */
  months: z.array(z.string()),
  figures: z.array(insightFigureSchema),
});
export type Insight = z.infer<typeof insightSchema>;
