/**
 * Reviews API ("foreign eyes"): moments, the review guide, shares, comments, the review meeting,
 * client points via a reviewer, peer groups and export.
 *
 * Routes (all under /api; staff session cookie; POST/PUT/PATCH/DELETE also need `x-csrf-token`):
 *
 *   GET    /review-guide                       → reviewGuideSchema          every staff member
 *   PUT    /review-guide                       → reviewGuideSchema          administrator; body reviewGuideUpdateSchema
 *   DELETE /review-guide                       → reviewGuideSchema          administrator; back to the defaults
 *
 *   GET    /recordings/:id/moments             → momentListSchema           owner only
 *   POST   /recordings/:id/moments             → momentSchema               owner; body momentInputSchema
 *   PATCH  /moments/:id                        → momentSchema               owner; body momentPatchSchema
 *   DELETE /moments/:id                        → 204                        owner
 *
 *   GET    /recordings/:id/share-options       → shareOptionsSchema         owner: who the consent allows
 *   GET    /recordings/:id/shares              → shareListSchema            owner
 *   POST   /recordings/:id/shares              → shareSchema                owner; body createShareRequestSchema
 *   POST   /shares/:id/revoke                  → shareSchema                owner; access ends at once
 *   GET    /shares/received                    → receivedShareListSchema    reviewer / group member: active shares only
 *   GET    /shares/:id                         → shareDetailSchema          owner or recipient (active share)
 *   POST   /shares/:id/moments/:momentId/playback → playbackDescriptorSchema (recordings.ts) for the exact cut of that
 *                                          shared moment (its own HLS and key, time 0 = `startsAtSeconds` on the recording's
 *                                          clock); 409 span_preparing while it is being cut (ask again in a few seconds),
 *                                          422 span_failed when cutting did not work
 *
 *   GET    /moments/:id/comments?shareId=      → commentListSchema          owner (all, or one share's thread) or recipient (their share)
 *   POST   /moments/:id/comments               → commentSchema              body createCommentRequestSchema;
 *                                                                            422 comment_judging = soft warning (see below)
 *   DELETE /comments/:id                       → 204                        the author
 *   PUT    /comments/:id/takeaway              → commentSchema              owner; body { takeaway: boolean }
 *
 *   GET    /shares/:id/meeting                 → reviewMeetingSchema        owner or the share's reviewer
 *   PUT    /shares/:id/meeting                 → reviewMeetingSchema        the share's reviewer; body reviewMeetingUpdateSchema
 *   GET    /recordings/:id/outcomes            → outcomeListSchema          owner: takeaways + agreements of the recording
 *   POST   /recordings/:id/outcomes            → outcomeSchema              owner, or a reviewer with an active share (shareId required)
 *   DELETE /outcomes/:id                       → 204                        the author
 *
 *   GET    /shares/:id/client-points           → clientPointListSchema      the share's reviewer: all points with the client's choice
 *   POST   /shares/:id/client-points           → clientPointSchema          the share's reviewer (share.clientTalk and consent)
 *   DELETE /client-points/:id                  → 204                        the reviewer, while the client has not chosen
 *   GET    /recordings/:id/client-points       → relayedClientPointListSchema  owner: ONLY points the client passed on with their name
 *   GET    /client-points/anonymous            → anonymousClientPointsSchema   professional: nameless points, only in batches of ≥ k clients
 *
 *   GET    /reviews/people                     → peopleListSchema           colleagues to share with or invite (names only)
 *   GET    /peer-groups                        → peerGroupListSchema        groups I am in or invited to
 *   POST   /peer-groups                        → peerGroupSchema            body createPeerGroupRequestSchema
 *   POST   /peer-groups/:id/members            → peerGroupSchema            active member invites; body { userId }
 *   DELETE /peer-groups/:id/members/:userId    → peerGroupSchema            the group's creator removes someone
 *   POST   /peer-groups/:id/accept             → peerGroupSchema            invited member joins
 *   POST   /peer-groups/:id/leave              → 204                        member leaves (or declines); access ends at once
 *
 *   GET    /recordings/:id/review-export       → reviewExportSchema         owner; JSON for the printable page
 *   GET    /recordings/:id/review-export.md    → text/markdown download     owner
 *   GET    /recordings/:id/review-export.csv   → text/csv download          owner
 *
 * Client pages (client cookie from link + code; POST/PUT need the client's `x-csrf-token`):
 *   GET    /client/review-talks                → clientReviewTalkListSchema  talks a reviewer holds with this client
 *   POST   /client/client-points/:id/relay     → clientPointForClientSchema  body { relay } — the client's choice
 *   GET    /client/review-talks/:shareId/playback?fragment=<n> → playback descriptor (recordings.ts) of the exact cut of fragment n;
 *                                          needs the client's cookie AND the named reviewer's session on the same device
 *
 * Text is stored and returned exactly as typed (no HTML); the web app renders it as text.
 *
 * Judging nudge: a comment that only judges ("slecht", "fout", "bad", "wrong" without describing
 * what is seen) is refused once with 422 `comment_judging`. The author can rewrite it, or send it
 * again with `confirmJudging: true`: the nudge asks, it does not censor.
 */
import { z } from 'zod';
import { momentThemeIds, reviewGuideStepIds } from '../method/review-guide.js';
import { idSchema } from './admin.js';

/** Plain text: trimmed, no control characters except line breaks and tabs. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/);
const requiredText = (max: number) => text(max).min(1);

export const reviewTextLimits = { title: 120, notes: 5000, question: 500, viewerContext: 1000, comment: 2000, analysis: 10000, outcome: 1000, clientPoint: 1000, policyNote: 1000, groupName: 80, prompt: 300 } as const;

const seconds = z.number().min(0).max(24 * 3600);

// ── Review guide ────────────────────────────────────────────────────────────

const localizedSchema = z.object({ nl: z.string(), en: z.string() });

export const reviewGuideSchema = z.object({
  steps: z.array(z.object({ id: z.enum(reviewGuideStepIds), title: localizedSchema, prompts: z.array(localizedSchema) })),
  /** False while the organisation uses the defaults. */
  customised: z.boolean(),
});
export type ReviewGuide = z.infer<typeof reviewGuideSchema>;

const promptInputSchema = z.object({ nl: requiredText(reviewTextLimits.prompt), en: text(reviewTextLimits.prompt).default('') });
export const reviewGuideUpdateSchema = z.object({
  /** Prompts per step; an empty English text falls back to Dutch. */
  steps: z
    .array(z.object({ id: z.enum(reviewGuideStepIds), prompts: z.array(promptInputSchema).min(1).max(12) }))
    .length(reviewGuideStepIds.length)
    .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, { message: 'duplicate step' }),
});
export type ReviewGuideUpdate = z.infer<typeof reviewGuideUpdateSchema>;

// ── Moments ─────────────────────────────────────────────────────────────────

export const momentThemeSchema = z.enum(momentThemeIds);

export const momentSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  startSeconds: z.number(),
  endSeconds: z.number(),
  title: z.string(),
  themes: z.array(momentThemeSchema),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Moment = z.infer<typeof momentSchema>;
export const momentListSchema = z.object({ moments: z.array(momentSchema) });

export const momentInputSchema = z.object({
  startSeconds: seconds,
  endSeconds: seconds,
  title: requiredText(reviewTextLimits.title),
  themes: z.array(momentThemeSchema).max(momentThemeIds.length).default([]),
  notes: text(reviewTextLimits.notes).default(''),
});
export type MomentInput = z.infer<typeof momentInputSchema>;

export const momentPatchSchema = z
  .object({
    startSeconds: seconds,
    endSeconds: seconds,
    title: requiredText(reviewTextLimits.title),
    themes: z.array(momentThemeSchema).max(momentThemeIds.length),
    notes: text(reviewTextLimits.notes),
  })
  .partial()
  .strict();
export type MomentPatch = z.infer<typeof momentPatchSchema>;

// ── People and peer groups ──────────────────────────────────────────────────

/** independentFrom: set for an independent reviewer from outside (their organisation), shown as "onafhankelijk". */
export const personSchema = z.object({ id: idSchema, name: z.string(), isReviewer: z.boolean(), independentFrom: z.string().nullable() });
/** Someone a fragment can be shown to for policy: a policy advisor, or a member of the management team. */
export const policyViewerSchema = z.object({ id: idSchema, name: z.string(), kind: z.enum(['policy_advisor', 'management_team']) });
export type PolicyViewer = z.infer<typeof policyViewerSchema>;
export type Person = z.infer<typeof personSchema>;
export const peopleListSchema = z.object({ people: z.array(personSchema) });

export const peerGroupMemberSchema = z.object({ userId: idSchema, name: z.string(), status: z.enum(['invited', 'active']) });
export const peerGroupSchema = z.object({
  id: idSchema,
  name: z.string(),
  createdBy: idSchema,
  /** The requester's own place in the group. */
  myStatus: z.enum(['invited', 'active']),
  members: z.array(peerGroupMemberSchema),
  createdAt: z.string(),
});
export type PeerGroup = z.infer<typeof peerGroupSchema>;
export const peerGroupListSchema = z.object({ groups: z.array(peerGroupSchema) });

export const createPeerGroupRequestSchema = z.object({
  name: requiredText(reviewTextLimits.groupName),
  memberIds: z.array(idSchema).max(30).default([]),
});
export const addPeerGroupMemberRequestSchema = z.object({ userId: idSchema });
export const peerGroupMemberParamsSchema = z.object({ id: idSchema, userId: idSchema });

// ── Shares ──────────────────────────────────────────────────────────────────

export const shareRecipientSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reviewer'), userId: idSchema }),
  z.object({ type: z.literal('peer_group'), groupId: idSchema }),
  /** "Kijk met ons mee": a policy advisor or management team member (needs the client's policy choice). */
  z.object({ type: z.literal('policy'), userId: idSchema }),
]);

export const createShareRequestSchema = z.object({
  momentIds: z.array(idSchema).min(1).max(50),
  recipient: shareRecipientSchema,
  question: text(reviewTextLimits.question).default(''),
  /** "Wat moet de kijker weten": what happened before, who is who; shown to the recipient above the player. */
  viewerContext: text(reviewTextLimits.viewerContext).default(''),
  /** ISO date-time; after it the share ends by itself. At most a year ahead. */
  expiresAt: z.iso.datetime({ offset: true }),
  /** The reviewer may go over these fragments with the client (needs the client's consent). */
  clientTalk: z.boolean().default(false),
});
export type CreateShareRequest = z.input<typeof createShareRequestSchema>;

export const shareStateSchema = z.enum(['active', 'expired', 'revoked']);

export const shareSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  recipient: z.discriminatedUnion('type', [
    z.object({ type: z.literal('reviewer'), userId: idSchema, name: z.string() }),
    z.object({ type: z.literal('peer_group'), groupId: idSchema, name: z.string() }),
    z.object({ type: z.literal('policy'), userId: idSchema, name: z.string() }),
  ]),
  momentIds: z.array(idSchema),
  question: z.string(),
  viewerContext: z.string(),
  clientTalk: z.boolean(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  state: shareStateSchema,
  createdAt: z.string(),
  /** The recipient also sees the rhythm lane of the shared span (ticked by the professional). */
  rhythmLane: z.boolean(),
  /** "Wat zie ik voor beleid": the policy recipient's note to the owner; '' = none yet. */
  policyNote: z.string(),
  policyNoteAt: z.string().nullable(),
});
export type Share = z.infer<typeof shareSchema>;
export const shareListSchema = z.object({ shares: z.array(shareSchema) });

export const shareOptionsSchema = z.object({
  /** What the client's consent allows for this recording; null when there is no valid consent. */
  consent: z
    .object({
      audience: z.enum(['professional', 'reviewer', 'peer_group']),
      /** When the client named one reviewer, only that person. */
      reviewerUserId: idSchema.nullable(),
      feedbackViaReviewer: z.boolean(),
      /** The client chose "kijk met ons mee": a fragment may go to policy or the management team. */
      policyViewing: z.boolean(),
    })
    .nullable(),
  reviewers: z.array(personSchema),
  /** Policy advisors and management team members of the organisation; empty without the client's policy choice. */
  policyViewers: z.array(policyViewerSchema),
  groups: z.array(z.object({ id: idSchema, name: z.string() })),
  /** Latest allowed end date of a share: a year ahead, or earlier when the recording is deleted sooner. */
  maxExpiresAt: z.string().nullable(),
});
export type ShareOptions = z.infer<typeof shareOptionsSchema>;

/** A moment as a recipient sees it: the span, title and tags, never the professional's notes. */
export const sharedMomentSchema = momentSchema.pick({ id: true, startSeconds: true, endSeconds: true, title: true, themes: true });
export type SharedMoment = z.infer<typeof sharedMomentSchema>;

export const receivedShareSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  recordingKind: z.enum(['video', 'audio']),
  ownerName: z.string(),
  via: z.enum(['reviewer', 'peer_group', 'policy']),
  groupName: z.string().nullable(),
  question: z.string(),
  viewerContext: z.string(),
  clientTalk: z.boolean(),
  expiresAt: z.string(),
  createdAt: z.string(),
  moments: z.array(sharedMomentSchema),
  /** Only for a policy share: the recipient's own note to the owner ('' for everyone else). */
  policyNote: z.string(),
});
export type ReceivedShare = z.infer<typeof receivedShareSchema>;
export const receivedShareListSchema = z.object({ shares: z.array(receivedShareSchema) });

export const shareDetailSchema = receivedShareSchema.extend({
  /** True for the professional who shared it. */
  isOwner: z.boolean(),
  state: shareStateSchema,
});
export type ShareDetail = z.infer<typeof shareDetailSchema>;

/** "Wat zie ik voor beleid": one short note to the owner, about the work and the rules, never a judgement of the person. */
export const policyNoteRequestSchema = z.object({ note: text(reviewTextLimits.policyNote) });
export type PolicyNoteRequest = z.infer<typeof policyNoteRequestSchema>;

// ── Comments ────────────────────────────────────────────────────────────────

export const commentKindSchema = z.enum(['observation', 'question', 'strength', 'alternative']);
export type CommentKind = z.infer<typeof commentKindSchema>;

export const commentSchema = z.object({
  id: idSchema,
  momentId: idSchema,
  /** The share this thread belongs to; null = the professional's own remarks. */
  shareId: idSchema.nullable(),
  parentId: idSchema.nullable(),
  authorId: idSchema,
  authorName: z.string(),
  atSeconds: z.number(),
  kind: commentKindSchema,
  body: z.string(),
  takeaway: z.boolean(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;
export const commentListSchema = z.object({ comments: z.array(commentSchema) });
export const commentListQuerySchema = z.object({ shareId: idSchema.optional() });

export const createCommentRequestSchema = z.object({
  shareId: idSchema.nullable().default(null),
  parentId: idSchema.nullable().default(null),
  atSeconds: seconds,
  kind: commentKindSchema,
  body: requiredText(reviewTextLimits.comment),
  /** Send again with true after the judging nudge to keep the text as it is. */
  confirmJudging: z.boolean().default(false),
});
export type CreateCommentRequest = z.input<typeof createCommentRequestSchema>;

export const takeawayRequestSchema = z.object({ takeaway: z.boolean() });

// ── Review meeting and outcomes ─────────────────────────────────────────────

export const outcomeKindSchema = z.enum(['takeaway', 'agreement']);
export const outcomeSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  shareId: idSchema.nullable(),
  kind: outcomeKindSchema,
  text: z.string(),
  authorId: idSchema,
  authorName: z.string(),
  createdAt: z.string(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const createOutcomeRequestSchema = z.object({
  kind: outcomeKindSchema,
  text: requiredText(reviewTextLimits.outcome),
  shareId: idSchema.nullable().default(null),
});

/** Takeaways marked on comments, with the moment they belong to. */
export const takeawayCommentSchema = commentSchema.extend({ momentTitle: z.string() });

export const outcomeListSchema = z.object({ outcomes: z.array(outcomeSchema), takeawayComments: z.array(takeawayCommentSchema) });
export type OutcomeList = z.infer<typeof outcomeListSchema>;

export const reviewMeetingSchema = z.object({
  share: shareDetailSchema,
  /** The reviewer's preparation; the professional can read it too. */
  analysis: z.string(),
  /** yyyy-mm-dd, when the meeting is planned. */
  meetingOn: z.string().nullable(),
  analysisUpdatedAt: z.string().nullable(),
  outcomes: z.array(outcomeSchema),
  takeawayComments: z.array(takeawayCommentSchema),
});
export type ReviewMeeting = z.infer<typeof reviewMeetingSchema>;

export const reviewMeetingUpdateSchema = z.object({
  analysis: text(reviewTextLimits.analysis),
  meetingOn: z.iso.date().nullable().default(null),
});

// ── Client points via a reviewer ────────────────────────────────────────────

/** pending: the client has not chosen yet; pass_on / anonymous reach the professional; private never does. */
export const clientPointRelaySchema = z.enum(['pending', 'pass_on', 'anonymous', 'private']);
export type ClientPointRelay = z.infer<typeof clientPointRelaySchema>;

export const clientPointSchema = z.object({
  id: idSchema,
  shareId: idSchema,
  momentId: idSchema.nullable(),
  text: z.string(),
  relay: clientPointRelaySchema,
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ClientPoint = z.infer<typeof clientPointSchema>;
export const clientPointListSchema = z.object({ points: z.array(clientPointSchema) });

export const createClientPointRequestSchema = z.object({
  text: requiredText(reviewTextLimits.clientPoint),
  momentId: idSchema.nullable().default(null),
});

/** What the professional sees per recording: only points the client passed on with their name. */
export const relayedClientPointSchema = z.object({
  id: idSchema,
  text: z.string(),
  reviewerName: z.string(),
  momentId: idSchema.nullable(),
  decidedAt: z.string(),
});
export const relayedClientPointListSchema = z.object({ points: z.array(relayedClientPointSchema) });

/**
 * Points passed on without a name: only in batches from at least `minimumClients` clients, as
 * bare texts in alphabetical order, with no recording, moment, reviewer, id or time of day.
 */
export const anonymousClientPointsSchema = z.object({
  minimumClients: z.number().int(),
  batches: z.array(z.object({ releasedOn: z.string(), texts: z.array(z.string()) })),
});
export type AnonymousClientPoints = z.infer<typeof anonymousClientPointsSchema>;

export const clientRelayRequestSchema = z.object({ relay: z.enum(['pass_on', 'anonymous', 'private']) });

export const clientPointForClientSchema = z.object({ id: idSchema, text: z.string(), relay: clientPointRelaySchema, momentNumber: z.number().int().nullable() });
export const clientReviewTalkSchema = z.object({
  shareId: idSchema,
  reviewerName: z.string(),
  conversationHeldOn: z.string(),
  recordingKind: z.enum(['video', 'audio']),
  /** Fragments by number and time only: titles are the professional's own words. */
  fragments: z.array(z.object({ number: z.number().int(), startSeconds: z.number(), endSeconds: z.number() })),
  points: z.array(clientPointForClientSchema),
});
export type ClientReviewTalk = z.infer<typeof clientReviewTalkSchema>;
export const clientReviewTalkListSchema = z.object({ talks: z.array(clientReviewTalkSchema) });
export const shareIdParamsSchema = z.object({ shareId: idSchema });
export const shareMomentParamsSchema = z.object({ id: idSchema, momentId: idSchema });
/** Which fragment of a client's talk (1-based, as numbered in the talk). */
export const clientTalkPlaybackQuerySchema = z.object({ fragment: z.coerce.number().int().min(1).max(1000) });

// ── Export ──────────────────────────────────────────────────────────────────

export const reviewExportSchema = z.object({
  recordingId: idSchema,
  conversationHeldOn: z.string(),
  exportedAt: z.string(),
  moments: z.array(momentSchema.extend({ takeaways: z.array(z.object({ kind: commentKindSchema, body: z.string(), authorName: z.string() })) })),
  outcomes: z.array(outcomeSchema.pick({ kind: true, text: true, authorName: true, createdAt: true })),
});
export type ReviewExport = z.infer<typeof reviewExportSchema>;
