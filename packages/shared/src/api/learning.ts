/**
 * Learning as routine (issue 11): learning questions, the organisation's rhythm of rounds, a
 * person's round checklist, the leercoach and the development plan.
 *
 * Routes (all under /api; staff session cookie; POST/PUT/PATCH/DELETE also need `x-csrf-token`):
 *
 *   GET    /learning/rhythm                    → learningRhythmSchema        administrator
 *   PUT    /learning/rhythm                    → learningRhythmSchema        administrator; body learningRhythmSchema
 *
 *   GET    /learning/round                     → learningRoundStateSchema    professional: the open round (or none) of the person themself
 *   PUT    /learning/rounds/:key/steps/:step   → learningRoundStateSchema    professional; body { state }
 *   PATCH  /learning/rounds/:key               → learningRoundStateSchema    professional; body learningRoundPatchSchema
 *
 *   GET    /learning/questions                 → learningQuestionListSchema  professional: own questions
 *   POST   /learning/questions                 → learningQuestionSchema      body createLearningQuestionSchema (all optional)
 *   GET    /learning/questions/:id             → learningQuestionSchema      owner
 *   PATCH  /learning/questions/:id             → learningQuestionSchema      owner
 *   DELETE /learning/questions/:id             → 204                         owner
 *   POST   /learning/questions/:id/links       → learningQuestionSchema      owner; body { kind, targetId } of something the owner owns
 *   DELETE /learning/questions/:id/links/:linkId → learningQuestionSchema    owner
 *   POST   /learning/questions/:id/shares      → learningQuestionSchema      owner; body { coachInvitationId } or { peerGroupId }
 *   POST   /learning/question-shares/:id/revoke → 204                        owner
 *
 *   POST   /learning/actions                   → learningActionSchema        professional
 *   PATCH  /learning/actions/:id               → learningActionSchema        owner
 *   DELETE /learning/actions/:id               → 204                         owner
 *
 *   GET    /learning/coach-candidates          → learningPeopleSchema        professional: reviewers in the organisation
 *   POST   /learning/rounds/:key/coach         → coachInvitationSchema       professional; body { coachUserId }
 *   POST   /learning/coach-invitations/:id/end → 204                         the professional who invited
 *   GET    /learning/coach-invitations/:id     → coachViewSchema             the professional, or the invited coach while active
 *   POST   /learning/coach-invitations/:id/notes → coachNoteSchema           the professional, or the invited coach while active
 *   GET    /learning/coaching                  → coachingListSchema          coach: people who invited them (active invitations)
 *   GET    /learning/shared-questions          → sharedQuestionListSchema    peer group members: questions shared with their groups
 *
 *   GET    /learning/plan                      → developmentPlanSchema       professional: own plan only; there is no route to anyone else's
 *   GET    /learning/plan.md                   → text/markdown download      professional: own plan only
 */
import { z } from 'zod';
import { idSchema } from './admin.js';

export const learningThemeIds = ['genuine_conversation', 'shared_goal', 'fitting_approach'] as const;
export type LearningThemeId = (typeof learningThemeIds)[number];

export const learningStepIds = ['question', 'record', 'look_back', 'foreign_eyes', 'client_feedback', 'takeaway', 'next_step'] as const;
export type LearningStepId = (typeof learningStepIds)[number];
/** The look back at the previous round's next step; shown only when there was one. */
export const previousStepId = 'previous_step' as const;
export const anyStepIds = [previousStepId, ...learningStepIds] as const;
export type AnyStepId = (typeof anyStepIds)[number];

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const learningRhythmSchema = z
  .object({
    rounds: z
      .array(z.object({ starts: monthDay, ends: monthDay }))
      .min(1)
      .max(4),
  })
  .superRefine((value, ctx) => {
    let previousEnd = '';
    value.rounds.forEach((round, index) => {
      if (round.ends <= round.starts) ctx.addIssue({ code: 'custom', path: ['rounds', index, 'ends'], message: 'end_before_start' });
      if (round.starts <= previousEnd) ctx.addIssue({ code: 'custom', path: ['rounds', index, 'starts'], message: 'round_overlap' });
      previousEnd = round.ends;
    });
  });
export type LearningRhythm = z.infer<typeof learningRhythmSchema>;

export const defaultLearningRhythm: LearningRhythm = {
  rounds: [
    { starts: '03-01', ends: '05-31' },
    { starts: '09-15', ends: '11-30' },
  ],
};

export const stepStateSchema = z.enum(['open', 'done', 'skipped']);
export const learningStepSchema = z.object({
  id: z.enum(anyStepIds),
  /** done when ticked by hand or when something the person did in the round counts for it. */
  state: stepStateSchema,
  auto: z.boolean(),
});

export const reminderKindSchema = z.enum(['start', 'halfway', 'week_before_end']);
export type ReminderKind = z.infer<typeof reminderKindSchema>;

export const coachInvitationSchema = z.object({
  id: idSchema,
  roundKey: z.string(),
  coachUserId: idSchema,
  coachName: z.string(),
  professionalName: z.string(),
  invitedAt: z.string(),
  until: z.string(),
  endedAt: z.string().nullable(),
  active: z.boolean(),
});
export type CoachInvitation = z.infer<typeof coachInvitationSchema>;

export const learningRoundSchema = z.object({
  key: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  steps: z.array(learningStepSchema),
  skipped: z.boolean(),
  /** Seen by the person alone. */
  minutesSpent: z.number().int().nullable(),
  nextStep: z.string(),
  /** The previous round's next step, to look back at (empty when there was none). */
  previousNextStep: z.string(),
  lookBackTried: z.enum(['yes', 'partly', 'no']).nullable(),
  lookBackEffect: z.string(),
  coaches: z.array(coachInvitationSchema),
});
export type LearningRound = z.infer<typeof learningRoundSchema>;

export const learningRoundStateSchema = z.object({
  round: learningRoundSchema.nullable(),
  /** When no round is open: the next one, to say when it starts. */
  nextRound: z.object({ key: z.string(), startsOn: z.iso.date(), endsOn: z.iso.date() }).nullable(),
  /** A gentle reminder for the person themself, or null. */
  reminder: reminderKindSchema.nullable(),
});
export type LearningRoundState = z.infer<typeof learningRoundStateSchema>;

export const roundKeyParamsSchema = z.object({ key: z.string().regex(/^\d{4}-[1-4]$/) });
export const stepParamsSchema = z.object({ key: z.string().regex(/^\d{4}-[1-4]$/), step: z.enum(anyStepIds) });
export const setStepRequestSchema = z.object({ state: stepStateSchema });

export const learningRoundPatchSchema = z
  .object({
    minutesSpent: z.number().int().min(0).max(100_000).nullable(),
    nextStep: z.string().trim().max(2000),
    lookBackTried: z.enum(['yes', 'partly', 'no']).nullable(),
    lookBackEffect: z.string().trim().max(2000),
    skipped: z.boolean(),
  })
  .partial();

export const learningLinkKinds = ['moment', 'comment', 'outcome', 'feedback', 'feedback_action'] as const;
export type LearningLinkKind = (typeof learningLinkKinds)[number];

export const learningLinkSchema = z.object({
  id: idSchema,
  kind: z.enum(learningLinkKinds),
  targetId: idSchema,
  recordingId: idSchema.nullable(),
  /** What it is, read live from the linked item (it disappears with the item). */
  label: z.string(),
});

export const questionShareSchema = z.object({
  id: idSchema,
  coachInvitationId: idSchema.nullable(),
  peerGroupId: idSchema.nullable(),
  recipientName: z.string(),
  createdAt: z.string(),
});

export const learningQuestionSchema = z.object({
  id: idSchema,
  text: z.string(),
  theme: z.enum(learningThemeIds).nullable(),
  status: z.enum(['open', 'done']),
  learned: z.string(),
  roundKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().nullable(),
  links: z.array(learningLinkSchema),
  shares: z.array(questionShareSchema),
});
export type LearningQuestion = z.infer<typeof learningQuestionSchema>;
export const learningQuestionListSchema = z.object({ questions: z.array(learningQuestionSchema) });

export const createLearningQuestionSchema = z.object({
  text: z.string().trim().max(2000).default(''),
  theme: z.enum(learningThemeIds).nullable().default(null),
  /** "Maak hier een leervraag van": start from one of the professional's own moments. */
  fromMomentId: idSchema.optional(),
});
export const patchLearningQuestionSchema = z
  .object({
    text: z.string().trim().max(2000),
    theme: z.enum(learningThemeIds).nullable(),
    status: z.enum(['open', 'done']),
    learned: z.string().trim().max(4000),
  })
  .partial();
export const addLinkRequestSchema = z.object({ kind: z.enum(learningLinkKinds), targetId: idSchema });
export const linkParamsSchema = z.object({ id: idSchema, linkId: idSchema });
export const shareQuestionRequestSchema = z.union([z.object({ coachInvitationId: idSchema }), z.object({ peerGroupId: idSchema })]);

export const learningActionSchema = z.object({
  id: idSchema,
  questionId: idSchema.nullable(),
  what: z.string(),
  dueOn: z.iso.date().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type LearningAction = z.infer<typeof learningActionSchema>;
export const createLearningActionSchema = z.object({
  questionId: idSchema.nullable().default(null),
  what: z.string().trim().min(1).max(1000),
  dueOn: z.iso.date().nullable().default(null),
});
export const patchLearningActionSchema = z.object({ what: z.string().trim().min(1).max(1000), dueOn: z.iso.date().nullable(), done: z.boolean() }).partial();

export const learningPeopleSchema = z.object({ people: z.array(z.object({ id: idSchema, name: z.string() })) });
export const inviteCoachRequestSchema = z.object({ coachUserId: idSchema });

export const coachNoteSchema = z.object({
  id: idSchema,
  kind: z.enum(['voorgesprek', 'nagesprek']),
  authorName: z.string(),
  mine: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
});
export const createCoachNoteSchema = z.object({ kind: z.enum(['voorgesprek', 'nagesprek']), body: z.string().trim().min(1).max(4000) });

export const sharedQuestionSchema = z.object({
  id: idSchema,
  text: z.string(),
  theme: z.enum(learningThemeIds).nullable(),
  status: z.enum(['open', 'done']),
  professionalName: z.string(),
  updatedAt: z.string(),
});
export const sharedQuestionListSchema = z.object({ questions: z.array(sharedQuestionSchema) });

export const coachViewSchema = z.object({
  invitation: coachInvitationSchema,
  /** Only questions the professional shared with this invitation. */
  questions: z.array(sharedQuestionSchema),
  /** Fragments the professional shared with the coach (active shares), to open in the shared viewer. */
  fragments: z.array(z.object({ shareId: idSchema, question: z.string(), expiresAt: z.string() })),
  notes: z.array(coachNoteSchema),
});
export type CoachView = z.infer<typeof coachViewSchema>;

export const coachingListSchema = z.object({
  people: z.array(z.object({ invitation: coachInvitationSchema, sharedQuestions: z.number().int(), fragments: z.number().int(), notes: z.number().int() })),
});

export const developmentPlanSchema = z.object({
  name: z.string(),
  questions: z.array(learningQuestionSchema),
  actions: z.array(learningActionSchema),
  rounds: z.array(
    z.object({
      key: z.string(),
      startsOn: z.iso.date(),
      endsOn: z.iso.date(),
      stepsDone: z.number().int(),
      stepsTotal: z.number().int(),
      skipped: z.boolean(),
      minutesSpent: z.number().int().nullable(),
      nextStep: z.string(),
      lookBackEffect: z.string(),
    }),
  ),
});
export type DevelopmentPlan = z.infer<typeof developmentPlanSchema>;

export type CreateLearningQuestion = z.infer<typeof createLearningQuestionSchema>;
export type PatchLearningQuestion = z.infer<typeof patchLearningQuestionSchema>;
export type AddLearningLink = z.infer<typeof addLinkRequestSchema>;
export type ShareQuestionRequest = z.infer<typeof shareQuestionRequestSchema>;
export type CreateLearningAction = z.infer<typeof createLearningActionSchema>;
export type PatchLearningAction = z.infer<typeof patchLearningActionSchema>;
export type SharedQuestion = z.infer<typeof sharedQuestionSchema>;
export type CoachNote = z.infer<typeof coachNoteSchema>;
export type CreateCoachNote = z.infer<typeof createCoachNoteSchema>;
export type LearningRoundPatch = z.infer<typeof learningRoundPatchSchema>;
export type StepState = z.infer<typeof stepStateSchema>;
export type CoachingList = z.infer<typeof coachingListSchema>;
