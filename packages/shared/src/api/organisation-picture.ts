import { z } from 'zod';
import { allianceItems } from '../method/alliance-check.js';
import { themeCards, themeIds, type ThemeId } from '../method/feedback-conversation.js';
import { idSchema } from './admin.js';
import { insightFigureSchema, insightSchema, type InsightFigureId } from './insight.js';
import { signalKinds, signalStatuses, signalThemes } from './signals.js';
import { optionalPlainText, plainText } from './feedback.js';

/**
 * The organisation's picture: the client satisfaction survey (klanttevredenheidsonderzoek, KTO)
 * both ways, the KAR canvas (critical success factors → activities → results) as a shared,
 * revisited dialogue, and the yearly picture that comes from it. Only aggregates: never a person.
 *
 *   POST /surveys/imports            body: the CSV itself (text/csv)      administrator, policy advisor
 *   GET  /surveys/comparison         survey beside the alliance checks   administrator, policy advisor, manager
 *   GET  /surveys/questions(.csv)    the theme cards as survey questions
 *   GET  /kar/canvases               the canvases one may open or start
 *   POST /kar/canvases               start one (a team's or the organisation's, for a year)
 *   GET/PUT /kar/canvases/:id        read and revise
 *   GET  /kar/canvases/:id/picture(.csv)  the yearly picture
 */

// ---------------------------------------------------------------------------------------------
// Survey (KTO)

/** What a survey line is about: all in all, one theme card, or one sub-topic of a card. */
export const surveyThemes = ['overall', ...themeIds] as const;
export type SurveyTheme = (typeof surveyThemes)[number];

/** The codes a survey file may use in its theme column; the question export writes the same codes. */
export const surveyCodes: readonly string[] = [
  'overall',
  ...themeCards.flatMap((card) => [card.id, ...card.subtopics.map((subtopic) => `${card.id}.${subtopic.id}`)]),
];

/** The theme a survey code belongs to (`fit.trust` → `fit`). */
export function surveyThemeOf(code: string): SurveyTheme {
  const theme = code.split('.')[0];
  return (surveyThemes as readonly string[]).includes(theme ?? '') ? (theme as SurveyTheme) : 'overall';
}

/** The alliance check's item that asks about the same theme. */
export function allianceItemOfTheme(theme: SurveyTheme): (typeof allianceItems)[number]['id'] | null {
  const item = allianceItems.find((candidate) => (theme === 'overall' ? candidate.theme === null : candidate.theme === (theme as ThemeId)));
  return item?.id ?? null;
}

/** A month (`2026-03`) or a quarter (`2026-Q1`). */
export const surveyPeriodPattern = /^(\d{4})-(0[1-9]|1[0-2]|Q[1-4])$/;
export const surveyMeasures = ['score', 'percentage'] as const;
export type SurveyMeasure = (typeof surveyMeasures)[number];

/** How large a survey file may be, and how many lines: a survey's summary, not its raw answers. */
export const surveyImportLimits = { maxBytes: 256 * 1024, maxLines: 2000 } as const;

export const surveyImportResultSchema = z.object({
  lines: z.number().int().min(1),
  periods: z.array(z.string()),
});
export type SurveyImportResult = z.infer<typeof surveyImportResultSchema>;

export const surveyFigureSchema = z.object({
  code: z.string(),
  measure: z.enum(surveyMeasures),
  /** null: fewer respondents than the minimum group size, so it is not shown. */
  value: z.number().nullable(),
  respondents: z.number().int().min(0),
});
export type SurveyFigure = z.infer<typeof surveyFigureSchema>;

export const allianceFigureSchema = z.object({
  /** null: fewer answers (or fewer professionals) than the minimum group size. */
  answers: z.number().int().min(0).nullable(),
  /** The average on the 1–5 scale of the alliance check; null when suppressed or not asked. */
  average: z.number().nullable(),
});

export const surveyComparisonRowSchema = z.object({
  period: z.string(),
  theme: z.enum(surveyThemes),
  survey: z.array(surveyFigureSchema),
  alliance: allianceFigureSchema,
});
export type SurveyComparisonRow = z.infer<typeof surveyComparisonRowSchema>;

export const surveyComparisonSchema = z.object({
  minimumGroupSize: z.number().int().min(1),
  rows: z.array(surveyComparisonRowSchema),
  /** When the last import happened (no name: the audit log keeps who). */
  lastImportAt: z.string().nullable(),
});
export type SurveyComparison = z.infer<typeof surveyComparisonSchema>;

export const surveyComparisonQuerySchema = z.object({
  /** Only the periods of one year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const surveyQuestionSchema = z.object({
  code: z.string(),
  theme: z.enum(surveyThemes),
  kind: z.enum(['overall', 'theme', 'subtopic']),
  title: z.string(),
  question: z.string(),
});
export const surveyQuestionsSchema = z.object({ questions: z.array(surveyQuestionSchema) });
export type SurveyQuestions = z.infer<typeof surveyQuestionsSchema>;

// ---------------------------------------------------------------------------------------------
// KAR canvas

const shortText = 200;
const longText = 2000;

/** One block of the canvas, at any level: what it is, why (both sides), where we start, the behaviour it asks. */
const karBlock = {
  id: z.string().min(1).max(40),
  title: plainText(shortText),
  whyProfessional: optionalPlainText(longText),
  whyOther: optionalPlainText(longText),
  startingPoint: optionalPlainText(longText),
  behaviour: optionalPlainText(longText),
};
export const karResultSchema = z.object(karBlock);
export const karActivitySchema = z.object({ ...karBlock, results: z.array(karResultSchema).max(10) });
export const karFactorSchema = z.object({ ...karBlock, activities: z.array(karActivitySchema).max(10) });
export const karContentSchema = z.object({ factors: z.array(karFactorSchema).max(10) });
export type KarResult = z.infer<typeof karResultSchema>;
export type KarActivity = z.infer<typeof karActivitySchema>;
export type KarFactor = z.infer<typeof karFactorSchema>;
export type KarContent = z.infer<typeof karContentSchema>;

export const karScopes = ['team', 'organisation'] as const;
export type KarScope = (typeof karScopes)[number];

export const karRevisionSchema = z.object({ on: z.string(), note: z.string() });

export const karCanvasSchema = z.object({
  id: idSchema,
  scope: z.enum(karScopes),
  teamId: idSchema.nullable(),
  /** The team's or the organisation's name. */
  name: z.string(),
  year: z.number().int(),
  content: karContentSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** "Herzien op": dated notes of each revision, newest first. */
  revisions: z.array(karRevisionSchema),
});
export type KarCanvas = z.infer<typeof karCanvasSchema>;

export const karCanvasSummarySchema = z.object({
  id: idSchema,
  scope: z.enum(karScopes),
  teamId: idSchema.nullable(),
  name: z.string(),
  year: z.number().int(),
  updatedAt: z.string(),
});

export const karPlaceSchema = z.object({ scope: z.enum(karScopes), teamId: idSchema.nullable(), name: z.string() });

export const karCanvasListSchema = z.object({
  canvases: z.array(karCanvasSummarySchema),
  /** Where the person may start a canvas: their teams, and the organisation for policy advisors and managers. */
  places: z.array(karPlaceSchema),
  year: z.number().int(),
});
export type KarCanvasList = z.infer<typeof karCanvasListSchema>;

export const karCanvasStartSchema = z.object({
  teamId: idSchema.nullable(),
  year: z.number().int().min(2000).max(2100),
});

export const karCanvasSaveSchema = z.object({
  content: karContentSchema,
  /** What changed, for the "herzien op" list; empty: no note. */
  note: optionalPlainText(300).default(''),
  /** The updatedAt the editor started from; a newer one on the server means someone else saved in between. */
  basedOn: z.string().min(1),
});

/** The insight figures the yearly picture shows in its agenda and signals sections rather than among the others. */
export const yearlyAgendaFigureIds = ['agendaItems', 'agendaThemes'] as const satisfies readonly InsightFigureId[];
export const yearlySignalFigureIds = ['signalsSent', 'signalThemes', 'signalKinds', 'signalStatuses'] as const satisfies readonly InsightFigureId[];

/** The team agenda in the yearly picture: only the k-anonymous figures of the canvas's team or the organisation. */
export const yearlyAgendaSchema = z.object({
  /** False when the reader may not see these figures (they are the insight page's). */
  available: z.boolean(),
  figures: z.array(insightFigureSchema),
});

/**
 * One answer of policy or the management team to signals, as far as the reader receives them: the
 * recipients' own text, never the signals' texts or senders. A group's answer once.
 */
export const yearlySignalAnswerSchema = z.object({
  /** The group's name, or null for an answer to one signal. */
  groupName: z.string().nullable(),
  answer: z.string(),
  status: z.enum(signalStatuses),
  /** When all the answered signals share a theme or kind; else null. */
  theme: z.enum(signalThemes).nullable(),
  kind: z.enum(signalKinds).nullable(),
  /** yyyy-mm: never a day. */
  month: z.string(),
  /** How many signals it answered; null when fewer than k people sent them. */
  signals: z.number().int().nullable(),
});
export type YearlySignalAnswer = z.infer<typeof yearlySignalAnswerSchema>;

/** Signals in the yearly picture: the k-anonymous figures, and for the organisation's canvas the answers given that year. */
export const yearlySignalsSchema = z.object({
  available: z.boolean(),
  figures: z.array(insightFigureSchema),
  answers: z.array(yearlySignalAnswerSchema),
});

export const yearlyPictureSchema = z.object({
  canvas: karCanvasSchema,
  /** The k-anonymous figures of the insight page for the canvas's team or the organisation, but those of the agenda and signals. */
  insight: insightSchema.nullable(),
  survey: surveyComparisonSchema,
  agenda: yearlyAgendaSchema,
  signals: yearlySignalsSchema,
});
export type YearlyPicture = z.infer<typeof yearlyPictureSchema>;
