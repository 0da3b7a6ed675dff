import { z } from 'zod';
import { idSchema } from './admin.js';
import { feedbackDateSchema, optionalPlainText, plainText, themeIdSchema } from './feedback.js';
import type { IdentifyingDetailKind } from '../identifying-details.js';
import { signalStatuses } from './signals.js';

/**
 * The team learning agenda (seed 000 §6.4.2): lessons and questions members choose to bring to
 * their team, planned for a werkoverleg by the team lead. An item never carries its author's id;
 * a name only when the author chose to be named, and `mine` tells the author their own items.
 */

export const agendaItemKinds = ['lesson', 'question'] as const;
export const agendaItemKindSchema = z.enum(agendaItemKinds);
export type AgendaItemKind = z.infer<typeof agendaItemKindSchema>;

/** nieuw, besproken, we gaan het proberen, afgerond. */
export const agendaStatuses = ['new', 'discussed', 'trying', 'done'] as const;
export const agendaStatusSchema = z.enum(agendaStatuses);
export type AgendaStatus = z.infer<typeof agendaStatusSchema>;

export const agendaLeaveChoices = ['anonymous', 'withdraw'] as const;
export const agendaLeaveChoiceSchema = z.enum(agendaLeaveChoices);
export type AgendaLeaveChoiceValue = z.infer<typeof agendaLeaveChoiceSchema>;

export const agendaTextMaxLength = 2000;
export const agendaNoteMaxLength = 4000;

const identifyingDetailKinds = ['name', 'bsn', 'phone', 'email', 'postal_address', 'exact_date'] as const satisfies readonly IdentifyingDetailKind[];
export const identifyingDetailSchema = z.object({ kind: z.enum(identifyingDetailKinds), text: z.string(), index: z.number().int().min(0) });

export const agendaItemSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  kind: agendaItemKindSchema,
  text: z.string(),
  themes: z.array(themeIdSchema),
  status: agendaStatusSchema,
  agreement: z.string(),
  meetingId: z.string().nullable(),
  createdAt: z.string(),
  /** The reader brought this item in ("door u"). */
  mine: z.boolean(),
  /** Only when the author chose to be named. */
  authorName: z.string().nullable(),
  /** The status of each signal to policy or the management team sent about this item; never who sent it. */
  signalStatuses: z.array(z.enum(signalStatuses)),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaMeetingSchema = z.object({ id: z.string(), date: z.string(), note: z.string() });
export type AgendaMeeting = z.infer<typeof agendaMeetingSchema>;

export const agendaTeamSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  lead: z.boolean(),
  newCount: z.number().int().min(0),
  nextMeeting: agendaMeetingSchema.nullable(),
});
export type AgendaTeamSummary = z.infer<typeof agendaTeamSummarySchema>;

export const agendaOverviewSchema = z.object({ teams: z.array(agendaTeamSummarySchema), leaveChoice: agendaLeaveChoiceSchema });
export type AgendaOverview = z.infer<typeof agendaOverviewSchema>;

export const teamAgendaSchema = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  lead: z.boolean(),
  items: z.array(agendaItemSchema),
  meetings: z.array(agendaMeetingSchema),
});
export type TeamAgenda = z.infer<typeof teamAgendaSchema>;

export const createAgendaItemSchema = z.object({
  kind: agendaItemKindSchema,
  text: plainText(agendaTextMaxLength),
  themes: z.array(themeIdSchema).max(4).default([]),
  named: z.boolean().default(false),
  /** "Ik heb het nagekeken": save even though the check found something. */
  confirmed: z.boolean().default(false),
});
export type CreateAgendaItem = z.input<typeof createAgendaItemSchema>;

/** Saved with the item, or not saved with what the check found so the author can look again. */
export const agendaSaveResultSchema = z.object({ item: agendaItemSchema.nullable(), findings: z.array(identifyingDetailSchema) });
export type AgendaSaveResult = z.infer<typeof agendaSaveResultSchema>;

/** The author changes their mind about being named. */
export const agendaItemNamedSchema = z.object({ named: z.boolean() });
export const planAgendaItemSchema = z.object({ meetingId: idSchema.nullable() });
export const agendaOutcomeSchema = z.object({ status: agendaStatusSchema, agreement: optionalPlainText(agendaTextMaxLength) });
export type AgendaOutcome = z.input<typeof agendaOutcomeSchema>;
export const createAgendaMeetingSchema = z.object({ date: feedbackDateSchema });
export const agendaMeetingNoteSchema = z.object({ note: optionalPlainText(agendaNoteMaxLength) });
export const agendaLeaveChoiceRequestSchema = z.object({ choice: agendaLeaveChoiceSchema });
