import { z } from 'zod';

/**
 * Anonymous insight for team leads (their own teams) and policy advisors (the organisation): how
 * much of the learning routine happened, as counts over a period. Never per person and never
 * content. A figure that fewer than `minimumGroupSize` people contributed to is suppressed (null),
 * and a group smaller than that shows nothing at all.
 *
 *   GET /insight/teams         → insightSchema   team lead: one group per team they lead
 *   GET /insight/organisation  → insightSchema   policy advisor: one group, the organisation
 */
export const insightMetrics = ['roundsStarted', 'roundsCompleted', 'recordingsMade', 'feedbackHeld'] as const;
export const insightMetricSchema = z.enum(insightMetrics);
export type InsightMetric = z.infer<typeof insightMetricSchema>;

export const insightGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** False when the group has fewer professionals than the minimum group size: then every figure is null. */
  enoughPeople: z.boolean(),
  /** null: fewer than the minimum group size took part, so the figure is not shown. */
  figures: z.record(insightMetricSchema, z.number().int().min(0).nullable()),
});
export type InsightGroup = z.infer<typeof insightGroupSchema>;

export const insightSchema = z.object({
  scope: z.enum(['teams', 'organisation']),
  minimumGroupSize: z.number().int().min(1),
  /** The period counted: [from, to), ISO times; the last 13 weeks. */
  from: z.string(),
  to: z.string(),
  groups: z.array(insightGroupSchema),
});
export type Insight = z.infer<typeof insightSchema>;
