import { z } from 'zod';
import { clientLocaleSchema } from '../client-languages.js';
import { allianceItemIds } from '../method/alliance-check.js';
import { consentAudienceSchema, consentMediaSchema, consentStatusSchema, reviewerFromSchema } from './consent.js';
import { recordingDeletedReasonSchema, recordingStatusSchema, recordingViewSchema } from './recordings.js';

/**
 * The client's right of access (GDPR art. 15): everything stored about them, in one answer, for
 * the client alone, through their own link and code.
 *
 *   GET /client/my-data → myDataSchema   (client session opened with link and code, not a hand-over)
 *
 * Words the client wrote or said are not repeated here: they stay on the pages where the client
 * already reads them (the conversation's summary, the follow-up); this page says they exist.
 */
export const myDataSchema = z.object({
  organisationName: z.string(),
  professionalName: z.string(),
  language: clientLocaleSchema,
  /** Whether an e-mail address or phone number is stored (encrypted); the value itself is not sent back. */
  contactStored: z.boolean(),
  registeredAt: z.string(),
  consents: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      status: consentStatusSchema,
      media: consentMediaSchema,
      audience: consentAudienceSchema,
      reviewerFrom: reviewerFromSchema,
      retentionDays: z.number().int(),
      textVersion: z.string(),
      givenAt: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  recordings: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      kind: z.enum(['video', 'audio']),
      status: recordingStatusSchema,
      durationSeconds: z.number().nullable(),
      createdAt: z.string(),
      retentionEndsAt: z.string().nullable(),
      deletedAt: z.string().nullable(),
      deletedReason: recordingDeletedReasonSchema.nullable(),
      /** Who watched, when and which part: the same log the professional sees. */
      views: z.array(recordingViewSchema),
    }),
  ),
  checks: z.array(z.object({ sentAt: z.string(), answeredAt: z.string().nullable(), anonymous: z.boolean() })),
  /** Answers given with the client's name. Anonymous answers are stored without any link to the client, so they cannot be shown. */
  checkAnswers: z.array(z.object({ answeredOn: z.string(), scores: z.array(z.object({ item: z.enum(allianceItemIds), score: z.number().int().min(1).max(5) })) })),
  feedbackConversations: z.array(
    z.object({ id: z.string(), invitedAt: z.string(), status: z.enum(['invited', 'in_progress', 'completed']), completedAt: z.string().nullable() }),
  ),
  followUps: z.array(z.object({ id: z.string(), sentAt: z.string(), readAt: z.string().nullable() })),
});
export type MyData = z.infer<typeof myDataSchema>;
