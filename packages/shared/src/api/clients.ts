import { z } from 'zod';
import { idSchema } from './admin.js';
import { clientLocaleSchema } from '../client-languages.js';
import { consentSummarySchema } from './consent.js';

/** A pseudonym, never a full name: what the professional recognises the client by. */
export const pseudonymSchema = z.string().trim().min(1).max(80);

const phonePattern = /^\+?[0-9][0-9 ()-]{5,22}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a client's contact is an e-mail address (rather than a phone number). */
export function isEmailContact(contact: string | null): contact is string {
  return contact !== null && emailPattern.test(contact);
}

/** Phone number or e-mail address, used only to send the client their link. */
export const clientContactSchema = z
  .string()
  .trim()
  .max(254)
  .refine((value) => value === '' || phonePattern.test(value) || emailPattern.test(value), { message: 'contact_format' })
  .transform((value) => (value === '' ? null : value));

/** client: a client of a professional; staff: a staff member in a manager's own conversation. */
export const partnerKindSchema = z.enum(['client', 'staff']);
export type PartnerKind = z.infer<typeof partnerKindSchema>;

export const createClientRequestSchema = z.strictObject({
  pseudonym: pseudonymSchema,
  /** Left out: a client for a professional, a staff member for a manager who is not a professional. */
  partnerKind: partnerKindSchema.optional(),
  contact: clientContactSchema.nullable().optional(),
  locale: clientLocaleSchema.optional(),
});
export type CreateClientRequest = z.input<typeof createClientRequestSchema>;

/** Months between reminders to ask this client for feedback. */
export const feedbackReminderMonths = [3, 6, 12] as const;
export const feedbackReminderMonthsSchema = z.union([z.literal(3), z.literal(6), z.literal(12)]);

export const updateClientRequestSchema = z.strictObject({
  pseudonym: pseudonymSchema.optional(),
  /** A recurring reminder to ask for feedback; null turns it off. */
  feedbackReminderMonths: feedbackReminderMonthsSchema.nullable().optional(),
  /** "Done for now": the next reminder comes a whole period from today. */
  feedbackReminderDone: z.literal(true).optional(),
  /** null or '' removes it. */
  contact: clientContactSchema.nullable().optional(),
  locale: clientLocaleSchema.optional(),
});
export type UpdateClientRequest = z.input<typeof updateClientRequestSchema>;

export const clientSchema = z.object({
  id: z.string(),
  pseudonym: z.string(),
  /** Only ever sent to the client's own professional. */
  contact: z.string().nullable(),
  locale: clientLocaleSchema,
  hasAccess: z.boolean(),
  /** The contact is an e-mail address and this installation can send e-mail. */
  canEmailLink: z.boolean(),
  conversationCount: z.number().int(),
  createdAt: z.string(),
  partnerKind: partnerKindSchema,
  /** The recurring feedback reminder: every `months`, shown on the home page from `dueOn`. */
  feedbackReminder: z.object({ months: z.number().int(), dueOn: z.string(), due: z.boolean() }).nullable().optional(),
});
export type Client = z.infer<typeof clientSchema>;

export const clientListSchema = z.object({ clients: z.array(clientSchema) });

export const conversationKinds = ['in_person', 'phone', 'video_call'] as const;
export const conversationKindSchema = z.enum(conversationKinds);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

/** A calendar date, yyyy-mm-dd, that exists. */
export const isoDateSchema = z.iso.date();

export const createConversationRequestSchema = z.strictObject({
  heldOn: isoDateSchema,
  kind: conversationKindSchema,
  /** A reviewer proposed to the client; leave out or null to leave it open. */
  reviewerUserId: idSchema.nullable().optional(),
});
export type CreateConversationRequest = z.input<typeof createConversationRequestSchema>;

export const updateConversationRequestSchema = z.strictObject({
  heldOn: isoDateSchema.optional(),
  kind: conversationKindSchema.optional(),
  reviewerUserId: idSchema.nullable().optional(),
});

export const conversationSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientPseudonym: z.string(),
  heldOn: z.string(),
  kind: conversationKindSchema,
  reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The latest answer of the client for this conversation; null when not asked yet. */
  consent: consentSummarySchema.nullable(),
  createdAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationListSchema = z.object({ conversations: z.array(conversationSchema) });

export const reviewerListSchema = z.object({ reviewers: z.array(z.object({ id: z.string(), name: z.string() })) });
