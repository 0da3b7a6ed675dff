import { z } from 'zod';
import { allianceItemIds, faceScores } from '../method/alliance-check.js';
import { ownSubtopicMaxLength, subtopicIds, themeIds, themeOfSubtopic } from '../method/feedback-conversation.js';
import { idSchema } from './admin.js';
import { declineReasonIds } from './no-share.js';
import { clientLocaleSchema } from '../client-languages.js';

/**
 * HTTP API of client feedback: the feedback conversation (Samenleergesprek) with its preparation,
 * the alliance check and the follow-up. Professional routes live under /api/feedback,
 * /api/alliance and /api/follow-ups; the client's own routes under /api/client/….
 */

// ---------------------------------------------------------------------------------------------
// Inputs

/** Text that looks like an HTML tag is refused: it is never needed here and only ever a trick. */
const markupPattern = /<\s*\/?\s*[a-z!?][^<>]*>/i;

/** Required free text: trimmed, not empty, at most `max` characters, no markup. */
export function plainText(max: number) {
  return z.string().trim().min(1).max(max).refine((v) => !markupPattern.test(v), { message: 'no_markup' });
}

/** Optional free text: an empty string clears it. */
export function optionalPlainText(max: number) {
  return z.string().trim().max(max).refine((v) => !markupPattern.test(v), { message: 'no_markup' });
}

export const feedbackDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'date_invalid' });

export const themeIdSchema = z.enum(themeIds);
export const subtopicIdSchema = z.enum(subtopicIds);

export const themePickSchema = z
  .object({ theme: themeIdSchema, subtopic: subtopicIdSchema.nullable() })
  .refine((p) => p.subtopic === null || themeOfSubtopic(p.subtopic) === p.theme, { message: 'subtopic_wrong_theme', path: ['subtopic'] });
export type ThemePick = z.infer<typeof themePickSchema>;

export const feedbackStatuses = ['invited', 'in_progress', 'completed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];
export const feedbackStepSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const feedbackEntrySections = ['a', 'b', 'c', 'learned'] as const;
export type FeedbackEntrySection = (typeof feedbackEntrySections)[number];
export const feedbackActionOwners = ['professional', 'client', 'together'] as const;
export const feedbackChangeTargets = ['moment', 'entry', 'summary', 'action'] as const;

export const feedbackIdParamsSchema = z.object({ id: idSchema });
export const feedbackItemParamsSchema = z.object({ id: idSchema, itemId: idSchema });

export const createFeedbackRequestSchema = z.object({
  /** One client, or several for a group conversation. */
  clientIds: z
    .array(idSchema)
    .min(1)
    .max(8)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate' }),
  /** The conversation this one looks back on, if any (its recording may be watched together). */
  conversationId: idSchema.nullable().default(null),
  /** How long the client can open the invitation and prepare. */
  inviteDays: z.number().int().min(1).max(60).default(14),
});
export type CreateFeedbackRequest = z.input<typeof createFeedbackRequestSchema>;

export const updateFeedbackRequestSchema = z
  .object({
    step: feedbackStepSchema.optional(),
    status: z.enum(['in_progress', 'completed']).optional(),
    summary: optionalPlainText(4000).optional(),
    /** Renews the invitation: open for this many days from now. */
    inviteDays: z.number().int().min(1).max(60).optional(),
  })
  .strict();

const secondsSchema = z.number().min(0).max(24 * 3600);
export const feedbackMomentInputSchema = z
  .object({
    theme: themeIdSchema,
    subtopic: subtopicIdSchema.nullable().default(null),
    /** The card's empty line: a sub-topic in one's own words, under any card. */
    ownSubtopic: plainText(ownSubtopicMaxLength).nullable().default(null),
    title: plainText(200),
    /** A fragment of a recording of the conversation; watched together only with the client's consent. */
    recordingId: idSchema.nullable().default(null),
    startSeconds: secondsSchema.nullable().default(null),
    endSeconds: secondsSchema.nullable().default(null),
  })
  .strict()
  .refine((m) => m.subtopic === null || themeOfSubtopic(m.subtopic) === m.theme, { message: 'subtopic_wrong_theme', path: ['subtopic'] })
  .refine((m) => m.startSeconds === null || m.endSeconds === null || m.endSeconds > m.startSeconds, { message: 'end_before_start', path: ['endSeconds'] })
  .refine((m) => m.recordingId !== null || (m.startSeconds === null && m.endSeconds === null), { message: 'recording_required', path: ['recordingId'] });
export type FeedbackMomentInput = z.input<typeof feedbackMomentInputSchema>;

/** Partial change of a moment; the result as a whole is checked again like a new moment. */
export const feedbackMomentUpdateSchema = z
  .object({
    theme: themeIdSchema.optional(),
    subtopic: subtopicIdSchema.nullable().optional(),
    ownSubtopic: plainText(ownSubtopicMaxLength).nullable().optional(),
    title: plainText(200).optional(),
    recordingId: idSchema.nullable().optional(),
    startSeconds: secondsSchema.nullable().optional(),
    endSeconds: secondsSchema.nullable().optional(),
  })
  .strict();
export type FeedbackMomentUpdate = z.infer<typeof feedbackMomentUpdateSchema>;

export const feedbackEntryInputSchema = z
  .object({
    /** Null for what each learned (step 3); a moment for A, B and C. */
    momentId: idSchema.nullable(),
    section: z.enum(feedbackEntrySections),
    /** Whose voice: null = the professional's, else a participant of this conversation. */
    participantId: idSchema.nullable(),
    /** Empty clears the entry. */
    text: optionalPlainText(2000),
  })
  .strict();
export type FeedbackEntryInput = z.infer<typeof feedbackEntryInputSchema>;

export const feedbackActionInputSchema = z
  .object({
    owner: z.enum(feedbackActionOwners),
    /** Which client, when owner is client (needed in a group). */
    participantId: idSchema.nullable().default(null),
    what: plainText(300),
    dueOn: feedbackDateSchema,
  })
  .strict();
export type FeedbackActionInput = z.input<typeof feedbackActionInputSchema>;

export const feedbackActionUpdateSchema = z
  .object({
    owner: z.enum(feedbackActionOwners).optional(),
    participantId: idSchema.nullable().optional(),
    what: plainText(300).optional(),
    dueOn: feedbackDateSchema.optional(),
    done: z.boolean().optional(),
  })
  .strict();

const changeRequestBase = {
  target: z.enum(feedbackChangeTargets),
  /** The moment, entry or action; null for the summary. */
  targetId: idSchema.nullable(),
  note: optionalPlainText(500).default(''),
};
/** The client asks, on their own device. */
export const clientChangeRequestSchema = z.object(changeRequestBase).strict();
/**
 * The client leads too, on their own device: they propose a moment (a card, a sub-topic of their
 * own or from the card, a few words) and move the conversation to another step.
 */
export const clientMomentInputSchema = z
  .object({
    theme: themeIdSchema,
    subtopic: subtopicIdSchema.nullable().default(null),
    ownSubtopic: plainText(ownSubtopicMaxLength).nullable().default(null),
    /** Optional on a phone: empty means "name it after the sub-topic or the card". */
    title: optionalPlainText(200).default(''),
  })
  .strict()
  .refine((m) => m.subtopic === null || themeOfSubtopic(m.subtopic) === m.theme, { message: 'subtopic_wrong_theme', path: ['subtopic'] });
export type ClientMomentInput = z.input<typeof clientMomentInputSchema>;
export const clientStepInputSchema = z.object({ step: feedbackStepSchema }).strict();

/**
 * The professional writes, by hand, a few sentences of the summary and of the agreements in one
 * participant's own language; '' removes that part. The language is the client's at that moment.
 */
export const participantShortVersionInputSchema = z
  .object({ summary: optionalPlainText(1000).optional(), agreements: optionalPlainText(1000).optional() })
  .strict();
export type ParticipantShortVersionInput = z.infer<typeof participantShortVersionInputSchema>;
/** Null when neither part was written. */
export const conversationShortVersionSchema = z.object({ locale: clientLocaleSchema, summary: z.string(), agreements: z.string() }).nullable();
export type ConversationShortVersion = z.infer<typeof conversationShortVersionSchema>;

/** Asked in the room on the shared screen; the professional's device records which client asked. */
export const roomChangeRequestSchema = z.object({ ...changeRequestBase, participantId: idSchema.nullable().default(null) }).strict();
export type ClientChangeRequestInput = z.input<typeof clientChangeRequestSchema>;

export const preparationInputSchema = z
  .object({
    picks: z.array(themePickSchema).max(12).optional(),
    ownWords: optionalPlainText(1000).optional(),
    introSeen: z.literal(true).optional(),
    /** Group conversations: whether the others may see who said what. */
    anonymous: z.boolean().optional(),
    /** Group conversations, not anonymous: how the others may call you. */
    displayName: optionalPlainText(40).optional(),
    /** The client says they are ready; they can still change things until the conversation. */
    done: z.boolean().optional(),
  })
  .strict();
export type PreparationInput = z.infer<typeof preparationInputSchema>;

/** Content-free "has anything changed?" for screens that follow a conversation live. */
export const feedbackVersionSchema = z.object({ updatedAt: z.string() });
export const voiceNoteSavedSchema = z.object({ durationSeconds: z.number() });

export const voiceNoteLimits = { maxBytes: 2 * 1024 * 1024, maxSeconds: 120 } as const;
export const voiceNoteContentTypes = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/wav', 'audio/x-wav'] as const;

// ---------------------------------------------------------------------------------------------
// Professional view

export const feedbackParticipantSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  pseudonym: z.string(),
  displayName: z.string().nullable(),
  anonymous: z.boolean(),
  introSeen: z.boolean(),
  preparedAt: z.string().nullable(),
  picks: z.array(themePickSchema),
  ownWords: z.string().nullable(),
  hasVoiceNote: z.boolean(),
  /** The client had their texts erased: their words and chosen name are gone ("verwijderd op verzoek van de cliënt"). */
  erased: z.boolean(),
  /** The client's language now, and the short version written for them. */
  locale: clientLocaleSchema,
  shortVersion: conversationShortVersionSchema,
});
export type FeedbackParticipant = z.infer<typeof feedbackParticipantSchema>;

export const feedbackMomentSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  theme: themeIdSchema,
  subtopic: subtopicIdSchema.nullable(),
  ownSubtopic: z.string().nullable(),
  title: z.string(),
  /** A client had the texts of this conversation erased: title and own sub-topic are gone. */
  erased: z.boolean(),
  recording: z
    .object({
      recordingId: z.string(),
      startSeconds: z.number().nullable(),
      endSeconds: z.number().nullable(),
      /** True only when the recording exists and the client consented to watch it together. */
      watchTogether: z.boolean(),
    })
    .nullable(),
});
export type FeedbackMoment = z.infer<typeof feedbackMomentSchema>;

export const feedbackEntrySchema = z.object({
  id: z.string(),
  momentId: z.string().nullable(),
  section: z.enum(feedbackEntrySections),
  participantId: z.string().nullable(),
  text: z.string(),
  /** Erased at a client's request: `text` is empty. */
  erased: z.boolean(),
  updatedAt: z.string(),
});
export type FeedbackEntry = z.infer<typeof feedbackEntrySchema>;

export const feedbackActionSchema = z.object({
  id: z.string(),
  owner: z.enum(feedbackActionOwners),
  participantId: z.string().nullable(),
  what: z.string(),
  /** Erased at a client's request: `what` is empty. */
  erased: z.boolean(),
  dueOn: z.string(),
  done: z.boolean(),
});
export type FeedbackAction = z.infer<typeof feedbackActionSchema>;

export const feedbackChangeRequestSchema = z.object({
  id: z.string(),
  participantId: z.string().nullable(),
  target: z.enum(feedbackChangeTargets),
  targetId: z.string().nullable(),
  note: z.string(),
  /** Erased at a client's request: `note` is empty. */
  erased: z.boolean(),
  via: z.enum(['own_device', 'room']),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
});
export type FeedbackChangeRequest = z.infer<typeof feedbackChangeRequestSchema>;

export const feedbackDetailSchema = z.object({
  id: z.string(),
  status: z.enum(feedbackStatuses),
  step: feedbackStepSchema,
  group: z.boolean(),
  conversationId: z.string().nullable(),
  invitationExpiresAt: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  summary: z.string(),
  /** A client had the summary erased. */
  summaryErased: z.boolean(),
  participants: z.array(feedbackParticipantSchema),
  moments: z.array(feedbackMomentSchema),
  entries: z.array(feedbackEntrySchema),
  actions: z.array(feedbackActionSchema),
  changeRequests: z.array(feedbackChangeRequestSchema),
});
export type FeedbackDetail = z.infer<typeof feedbackDetailSchema>;

export const feedbackListItemSchema = z.object({
  id: z.string(),
  status: z.enum(feedbackStatuses),
  group: z.boolean(),
  pseudonyms: z.array(z.string()),
  createdAt: z.string(),
  invitationExpiresAt: z.string(),
  completedAt: z.string().nullable(),
  preparedCount: z.number().int(),
  openChangeRequests: z.number().int(),
});
export const feedbackListSchema = z.object({ conversations: z.array(feedbackListItemSchema) });
export type FeedbackListItem = z.infer<typeof feedbackListItemSchema>;

// ---------------------------------------------------------------------------------------------
// The client's view: never another client's id or pseudonym, never anyone's answers to a check.

export const feedbackVoiceSchema = z.object({
  kind: z.enum(['professional', 'me', 'other']),
  /** For another participant who allows it: the name they chose; else null ("someone in the group"). */
  name: z.string().nullable(),
});

export const clientFeedbackSchema = z.object({
  id: z.string(),
  status: z.enum(feedbackStatuses),
  step: feedbackStepSchema,
  group: z.boolean(),
  professionalName: z.string(),
  invitationExpiresAt: z.string(),
  canPrepare: z.boolean(),
  me: z.object({
    anonymous: z.boolean(),
    displayName: z.string().nullable(),
    introSeen: z.boolean(),
    prepared: z.boolean(),
    picks: z.array(themePickSchema),
    ownWords: z.string(),
    hasVoiceNote: z.boolean(),
    /** The summary and agreements in short, in my own language, when the professional wrote them. */
    shortVersion: conversationShortVersionSchema,
  }),
  moments: z.array(feedbackMomentSchema.omit({ recording: true }).extend({ hasRecording: z.boolean() })),
  entries: z.array(z.object({ id: z.string(), momentId: z.string().nullable(), section: z.enum(feedbackEntrySections), voice: feedbackVoiceSchema, text: z.string() })),
  summary: z.string(),
  actions: z.array(z.object({ id: z.string(), owner: z.enum(['professional', 'me', 'other', 'together']), ownerName: z.string().nullable(), what: z.string(), dueOn: z.string(), done: z.boolean() })),
  myChangeRequests: z.array(feedbackChangeRequestSchema.pick({ id: true, target: true, targetId: true, note: true, status: true, createdAt: true })),
});
export type ClientFeedback = z.infer<typeof clientFeedbackSchema>;

/** After the client had their feedback texts erased: in how many conversations. */
export const clientFeedbackErasedSchema = z.object({ conversations: z.number().int() });
export type ClientFeedbackErased = z.infer<typeof clientFeedbackErasedSchema>;

export const clientFeedbackOverviewSchema = z.object({
  conversations: z.array(
    z.object({ id: z.string(), status: z.enum(feedbackStatuses), group: z.boolean(), professionalName: z.string(), invitationExpiresAt: z.string(), prepared: z.boolean(), canPrepare: z.boolean() }),
  ),
  /** anonymous: the professional will only ever see totals of a whole month, never this answer. */
  allianceChecks: z.array(z.object({ id: z.string(), expiresAt: z.string(), anonymous: z.boolean() })),
  followUps: z.array(z.object({ id: z.string(), professionalName: z.string(), sentAt: z.string(), read: z.boolean() })),
});
export type ClientFeedbackOverview = z.infer<typeof clientFeedbackOverviewSchema>;

// ---------------------------------------------------------------------------------------------
// Alliance check

export const faceScoreSchema = z.number().int().min(faceScores[0]).max(faceScores[faceScores.length - 1] ?? 5);
const allianceScoresShape = Object.fromEntries(allianceItemIds.map((id) => [id, faceScoreSchema.nullable()])) as Record<
  (typeof allianceItemIds)[number],
  z.ZodNullable<typeof faceScoreSchema>
>;
export const allianceScoresSchema = z.object(allianceScoresShape).strict();
export type AllianceScores = z.infer<typeof allianceScoresSchema>;

export const createAllianceRequestSchema = z
  .object({
    clientId: idSchema,
    conversationId: idSchema.nullable().default(null),
    feedbackId: idSchema.nullable().default(null),
  })
  .strict();
export const allianceRequestCreatedSchema = z.object({ id: z.string(), anonymous: z.boolean(), expiresAt: z.string() });

/** Skipping a question is fine ("saying nothing is fine"); skipping them all is "no, thanks" (decline). */
/** Saying no to the short check, optionally with a reason that is stored without any link to the client. */
export const allianceDeclineSchema = z.strictObject({ reason: z.enum(declineReasonIds).optional() }).optional();

export const allianceAnswerSchema = z
  .object({ scores: allianceScoresSchema })
  .strict()
  .refine((a) => Object.values(a.scores).some((v) => v !== null), { message: 'choose_one', path: ['scores'] });

export const allianceSignalSchema = z.object({
  /** low = the latest check is under the organisation's threshold; falling = clearly lower than the one before. */
  kind: z.enum(['low', 'falling']),
  clientId: z.string().nullable(),
  pseudonym: z.string().nullable(),
  latest: z.number(),
});
export type AllianceSignal = z.infer<typeof allianceSignalSchema>;

export const allianceTrendSchema = z.object({
  anonymous: z.boolean(),
  threshold: z.number(),
  /** Identified answers only, oldest first. */
  points: z.array(z.object({ answeredAt: z.string(), average: z.number(), scores: allianceScoresSchema })),
  signal: allianceSignalSchema.nullable(),
  openRequests: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string() })),
});
export type AllianceTrend = z.infer<typeof allianceTrendSchema>;

export const alliancePeriodSchema = z.object({
  /** yyyy-mm; only closed months, so a total cannot be watched changing after one answer. */
  period: z.string(),
  enoughAnswers: z.boolean(),
  count: z.number().int().nullable(),
  averages: z.record(z.string(), z.number().nullable()).nullable(),
});
export const allianceOverviewSchema = z.object({
  anonymous: z.boolean(),
  threshold: z.number(),
  minimumGroupSize: z.number().int(),
  periods: z.array(alliancePeriodSchema),
  signals: z.array(allianceSignalSchema),
});
export type AllianceOverview = z.infer<typeof allianceOverviewSchema>;

// ---------------------------------------------------------------------------------------------
// Follow-up (terugkoppeling)

export const createFollowUpSchema = z
  .object({
    clientId: idSchema,
    feedbackId: idSchema.nullable().default(null),
    learned: plainText(2000),
    changed: plainText(2000),
    /** Optional: a few sentences by hand in the client's own language; '' removes it. */
    shortVersion: optionalPlainText(1000).optional(),
    send: z.boolean().default(false),
  })
  .strict();
export type CreateFollowUpInput = z.input<typeof createFollowUpSchema>;
export const updateFollowUpSchema = z.object({ learned: plainText(2000).optional(), changed: plainText(2000).optional(), shortVersion: optionalPlainText(1000).optional() }).strict();
/** The short version in the client's language, with the language it was written for. */
export const shortVersionSchema = z.object({ locale: clientLocaleSchema, text: z.string() }).nullable();
export const followUpListQuerySchema = z.object({ clientId: idSchema.optional() });

export const followUpSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  pseudonym: z.string(),
  feedbackId: z.string().nullable(),
  learned: z.string(),
  changed: z.string(),
  shortVersion: shortVersionSchema,
  /** The client had these texts erased: they read as empty. */
  erased: z.boolean(),
  status: z.enum(['draft', 'sent']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
export const followUpListSchema = z.object({ followUps: z.array(followUpSchema) });

export const clientFollowUpSchema = z.object({ id: z.string(), professionalName: z.string(), learned: z.string(), changed: z.string(), shortVersion: shortVersionSchema, sentAt: z.string(), read: z.boolean() });
export type ClientFollowUp = z.infer<typeof clientFollowUpSchema>;

// ---------------------------------------------------------------------------------------------
// The professional's home page

export const feedbackHomeSchema = z.object({
  openFollowUps: z.array(z.object({ feedbackId: z.string(), clientId: z.string(), pseudonym: z.string(), completedAt: z.string(), draftId: z.string().nullable() })),
  /** Sent but not yet opened by the client; an item leaves this list the moment the client reads it. */
  sentUnread: z.array(z.object({ followUpId: z.string(), feedbackId: z.string().nullable(), clientId: z.string(), pseudonym: z.string(), sentAt: z.string() })),
  overdueActions: z.array(z.object({ feedbackId: z.string(), actionId: z.string(), what: z.string(), dueOn: z.string(), owner: z.enum(feedbackActionOwners), pseudonyms: z.array(z.string()) })),
  openChangeRequests: z.array(z.object({ feedbackId: z.string(), count: z.number().int(), pseudonyms: z.array(z.string()) })),
  signals: z.array(allianceSignalSchema),
});
export type FeedbackHome = z.infer<typeof feedbackHomeSchema>;


// ---------------------------------------------------------------------------------------------
// Help with preparing, from an independent coach from outside (no recording involved)

export const inviteHelperSchema = z.object({ helperId: idSchema }).strict();
export const preparationRelaySchema = z.enum(['pending', 'pass_on', 'private']);
export const preparationPointSchema = z.object({ id: z.string(), text: z.string(), relay: preparationRelaySchema });
export type PreparationPoint = z.infer<typeof preparationPointSchema>;

/** The professional's view: who helps which participant, and only the points passed on. */
export const feedbackHelpersSchema = z.object({
  helpers: z.array(
    z.object({
      participantId: z.string(),
      helpId: z.string(),
      name: z.string(),
      independentFrom: z.string(),
      accessUntil: z.string().nullable(),
      createdAt: z.string(),
      passedOn: z.array(z.object({ id: z.string(), text: z.string(), decidedAt: z.string() })),
    }),
  ),
});
export type FeedbackHelpers = z.infer<typeof feedbackHelpersSchema>;

/** The client's view of their helper: what they show, and the helper's points to decide on. */
export const clientHelperSchema = z.object({
  helper: z
    .object({
      name: z.string(),
      independentFrom: z.string(),
      shown: z.object({ picks: z.array(themePickSchema), ownWords: z.boolean() }),
      points: z.array(preparationPointSchema),
    })
    .nullable(),
});
export type ClientHelper = z.infer<typeof clientHelperSchema>;
export const clientHelperShownSchema = z.object({ picks: z.array(themePickSchema).max(12), ownWords: z.boolean() }).strict();
export type ClientHelperShown = z.infer<typeof clientHelperShownSchema>;
export const clientPreparationPointDecisionSchema = z.object({ relay: z.enum(['pass_on', 'private']) }).strict();

/** The helper's views: never a recording, a conversation, a pseudonym or anything not shown. */
export const preparationHelpListSchema = z.object({
  helps: z.array(z.object({ id: z.string(), professionalName: z.string(), invitedAt: z.string(), prepared: z.boolean() })),
});
export const preparationHelpSchema = z.object({
  id: z.string(),
  professionalName: z.string(),
  invitedAt: z.string(),
  shown: z.object({ picks: z.array(themePickSchema), ownWords: z.string().nullable() }),
  points: z.array(preparationPointSchema),
});
export type PreparationHelp = z.infer<typeof preparationHelpSchema>;
export const preparationPointInputSchema = z.object({ text: plainText(1000) }).strict();
