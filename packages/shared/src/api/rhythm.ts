import { z } from 'zod';

/**
 * Conversation rhythm: who speaks when, from the audio only. A mirror for the professional, never
 * a score: timing figures without targets, nothing about tone or emotion.
 */
export const rhythmSpeakerSchema = z.enum(['A', 'B']);
export type RhythmSpeaker = z.infer<typeof rhythmSpeakerSchema>;

export const rhythmTurnSchema = z
  .object({ speaker: rhythmSpeakerSchema, start: z.number().min(0).max(86_400), end: z.number().min(0).max(86_400) })
  .refine((t) => t.end > t.start, { message: 'end_before_start', path: ['end'] });
export type RhythmTurn = z.infer<typeof rhythmTurnSchema>;

const intervalSchema = z.object({ start: z.number(), end: z.number() });
const perSpeaker = <T extends z.ZodType>(schema: T) => z.object({ A: schema, B: schema });

export const rhythmMetricsSchema = z.object({
  durationSeconds: z.number(),
  speechSeconds: perSpeaker(z.number()),
  talkShare: perSpeaker(z.number()),
  turnSwitches: z.number().int(),
  switchesPerMinute: z.number(),
  longestTurn: perSpeaker(intervalSchema.nullable()),
  longPauses: z.array(intervalSchema),
  pauseBeforeAnswer: perSpeaker(z.object({ medianSeconds: z.number(), count: z.number().int() }).nullable()),
  overlaps: z.object({ count: z.number().int(), totalSeconds: z.number(), intervals: z.array(intervalSchema) }),
});
export type RhythmMetrics = z.infer<typeof rhythmMetricsSchema>;

export const rhythmViewSchema = z.object({
  status: z.enum(['pending', 'ready', 'failed']),
  durationSeconds: z.number().nullable(),
  /** voice: told apart by their voices; channels: by two microphones. */
  method: z.enum(['voice', 'channels']).nullable(),
  turns: z.array(rhythmTurnSchema),
  metrics: rhythmMetricsSchema.nullable(),
  /** Which voice is the professional's, once they confirmed it. */
  professionalSpeaker: rhythmSpeakerSchema.nullable(),
  suggestion: z.object({ speaker: rhythmSpeakerSchema, basis: z.enum(['first_speaker', 'own_voice']) }).nullable(),
  /** True when the professional corrected the turns. */
  edited: z.boolean(),
});
export type RhythmView = z.infer<typeof rhythmViewSchema>;

export const rhythmSpeakerRequestSchema = z.object({ professionalSpeaker: rhythmSpeakerSchema });
export const rhythmTurnsRequestSchema = z.object({ turns: z.array(rhythmTurnSchema).max(20_000) });
export const shareRhythmLaneRequestSchema = z.object({ include: z.boolean() });
export const shareRhythmLaneSchema = shareRhythmLaneRequestSchema;

/** What a reviewer sees of the rhythm: only inside the shared spans, and only if the professional ticked it. */
export const sharedRhythmLaneSchema = z.object({
  ranges: z.array(z.tuple([z.number(), z.number()])),
  turns: z.array(z.object({ who: z.enum(['professional', 'client', 'A', 'B']), start: z.number(), end: z.number() })),
});
export type SharedRhythmLane = z.infer<typeof sharedRhythmLaneSchema>;
