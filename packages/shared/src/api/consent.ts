import { z } from 'zod';
import { declineReasonIds } from './no-share.js';
import { clientLocaleSchema } from '../client-languages.js';

export const consentStatuses = ['given', 'declined', 'withdrawn'] as const;
export const consentStatusSchema = z.enum(consentStatuses);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

export const consentMediaSchema = z.enum(['video', 'audio', 'none']);
export type ConsentMedia = z.infer<typeof consentMediaSchema>;

/** The widest circle that may watch: each includes the ones before it. */
export const consentAudiences = ['professional', 'reviewer', 'peer_group'] as const;
export const consentAudienceSchema = z.enum(consentAudiences);
export type ConsentAudience = z.infer<typeof consentAudienceSchema>;

/** A coach not named yet: anyone, only from the organisation itself, or only an independent one from outside. */
export const reviewerFromSchema = z.enum(['any', 'internal', 'external']);
export type ReviewerFrom = z.infer<typeof reviewerFromSchema>;

export const signatureSchema = z.string().trim().min(2).max(120);

/** What the client sends at the end of the consent flow. */
export const giveConsentRequestSchema = z.strictObject({
  media: consentMediaSchema,
  audience: consentAudienceSchema,
  watchWithClient: z.boolean(),
  feedbackViaReviewer: z.boolean(),
  /** "Kijk met ons mee": a short fragment may be shown to a policy advisor or the management team. Off unless chosen. */
  policyViewing: z.boolean().default(false),
  /** Only counts when the coach is not named yet. */
  reviewerFrom: reviewerFromSchema.default('any'),
  retentionDays: z.number().int().min(1).max(3650),
  /** The typed name; not needed to say no. */
  signature: z.string().max(120).optional(),
  /** The version of the text the client read (consentTextVersion). */
  textVersion: z.string().min(1).max(40),
  locale: clientLocaleSchema,
  /** Only with media 'none': an optional reason for saying no, stored without any link to the client. */
  declineReason: z.enum(declineReasonIds).optional(),
});
export type GiveConsentRequest = z.infer<typeof giveConsentRequestSchema>;

export const consentSummarySchema = z.object({
  id: z.string(),
  status: consentStatusSchema,
  media: consentMediaSchema,
  professionalConfirmed: z.boolean(),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type ConsentSummary = z.infer<typeof consentSummarySchema>;

/** The full record: the client's copy, also what the professional sees. */
export const consentCopySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  conversation: z.object({ heldOn: z.string(), kind: z.enum(['in_person', 'phone', 'video_call']) }),
  professionalName: z.string(),
  organisationName: z.string(),
  status: consentStatusSchema,
  media: consentMediaSchema,
  audience: consentAudienceSchema,
  reviewer: z.object({ id: z.string(), name: z.string(), independentFrom: z.string().nullable() }).nullable(),
  reviewerFrom: reviewerFromSchema,
  watchWithClient: z.boolean(),
  feedbackViaReviewer: z.boolean(),
  /** A fragment may be shown to policy or the management team; the client can take back just this. */
  policyViewing: z.boolean(),
  retentionDays: z.number().int(),
  textVersion: z.string(),
  locale: clientLocaleSchema,
  signedVia: z.enum(['tablet', 'own_device']),
  signature: z.string(),
  givenAt: z.string(),
  professionalConsentedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** For the professional: deleting the recordings after withdrawal is not finished yet (retried). */
  withdrawalPending: z.boolean(),
});
export type ConsentCopy = z.infer<typeof consentCopySchema>;

/** Everything the client's consent flow needs for one conversation. */
export const consentFormSchema = z.object({
  conversationId: z.string(),
  heldOn: z.string(),
  kind: z.enum(['in_person', 'phone', 'video_call']),
  professionalName: z.string(),
  organisationName: z.string(),
  /** independentFrom: the outside organisation of an independent reviewer, else null. */
  reviewer: z.object({ name: z.string(), independentFrom: z.string().nullable() }).nullable(),
  retentionDaysOptions: z.array(z.number().int()),
  retentionDaysDefault: z.number().int(),
  textVersion: z.string(),
  /** Set when the client already answered for this conversation (and may not answer again). */
  answeredConsentId: z.string().nullable(),
});
export type ConsentForm = z.infer<typeof consentFormSchema>;

/** The client's own page: what waits for them, and their copies. */
export const clientHomeSchema = z.object({
  organisationName: z.string(),
  professionalName: z.string(),
  waiting: z.array(z.object({ conversationId: z.string(), heldOn: z.string(), kind: z.enum(['in_person', 'phone', 'video_call']) })),
  consents: z.array(
    z.object({
      id: z.string(),
      conversationId: z.string(),
      heldOn: z.string(),
      status: consentStatusSchema,
      media: consentMediaSchema,
      givenAt: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
});
export type ClientHome = z.infer<typeof clientHomeSchema>;

export const professionalConsentRequestSchema = z.strictObject({ confirm: z.literal(true) });
