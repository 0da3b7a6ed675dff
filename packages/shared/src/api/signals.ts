import { z } from 'zod';
import { themeIds } from '../method/feedback-conversation.js';

/**
 * Signals to policy ("wat knelt, wat werkt"), seed 000 §6.3: a professional tells policy advisors
 * (and, through the open chair, the management team) about a rule, a way of working or an offer
 * that helps or hinders conversations with clients. De-identified: the author is shown only when
 * they chose to be named, and no answer to anyone but the author carries the author's id.
 */
export const signalKinds = ['knelt', 'werkt'] as const;
export type SignalKind = (typeof signalKinds)[number];

/** What the signal is about: a rule, a way of working (process) or an offer to clients. */
export const signalSubjects = ['rule', 'process', 'offer'] as const;
export type SignalSubject = (typeof signalSubjects)[number];

/** The feedback conversation's theme cards: the same words for what goes well or badly in a conversation. */
export const signalThemes = themeIds;
export type SignalTheme = (typeof signalThemes)[number];

/**
 * What was done with a signal: ontvangen (nobody looked yet), in behandeling, beantwoord,
 * opgepakt (policy or practice changed), niet aangepast (answered, nothing changes, and why).
 */
export const signalStatuses = ['received', 'in_progress', 'answered', 'adopted', 'not_adopted'] as const;
export type SignalStatus = (typeof signalStatuses)[number];
/** An answer moves a signal to one of these; "ontvangen" is where every signal starts. */
export const signalAnswerStatuses = ['in_progress', 'answered', 'adopted', 'not_adopted'] as const;

export const signalTextMaxLength = 2000;
export const signalAnswerMaxLength = 2000;
export const signalGroupNameMaxLength = 120;

export const newSignalSchema = z
  .object({
    kind: z.enum(signalKinds),
    subject: z.enum(signalSubjects),
    theme: z.enum(signalThemes),
    text: z.string().trim().min(1).max(signalTextMaxLength),
    /** Default: not named. */
    named: z.boolean().default(false),
    toPolicy: z.boolean().default(true),
    /** The open chair: the management team reads and answers it too. */
    toManagement: z.boolean().default(false),
    /** The author saw the identification check's findings and sends it anyway. */
    confirmIdentifying: z.boolean().default(false),
    /** An item of one of the sender's teams' learning agenda that the signal comes from. */
    agendaItemId: z.string().min(1).max(100).nullable().default(null),
  })
  .strict()
  .refine((value) => value.toPolicy || value.toManagement, { path: ['toPolicy'], message: 'Kies wie het signaal krijgt: beleid, het managementteam of allebei.' });
export type NewSignal = z.input<typeof newSignalSchema>;
export type SignalRequest = z.output<typeof newSignalSchema>;

/**
 * The agenda item a signal comes from. Its kind, themes and status for every reader; its id, team
 * and text only for a reader who may see the item on the team's agenda (a member or lead of that
 * team), so a recipient outside the team never learns which team the sender is in.
 */
export const signalAgendaItemSchema = z.object({
  kind: z.enum(['lesson', 'question']),
  themes: z.array(z.enum(themeIds)),
  status: z.enum(['new', 'discussed', 'trying', 'done']),
  /** Null unless the reader may see the item on its team's agenda. */
  id: z.string().nullable(),
  teamId: z.string().nullable(),
  text: z.string().nullable(),
});
export type SignalAgendaItem = z.infer<typeof signalAgendaItemSchema>;

export const signalSchema = z.object({
  id: z.string(),
  kind: z.enum(signalKinds),
  subject: z.enum(signalSubjects),
  theme: z.enum(signalThemes),
  text: z.string(),
  status: z.enum(signalStatuses),
  /** The author's own signal (only ever true for the author). */
  mine: z.boolean(),
  named: z.boolean(),
  /** Only when the author chose to be named. */
  authorName: z.string().nullable(),
  toPolicy: z.boolean(),
  toManagement: z.boolean(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  /** The agenda item it comes from, if any (and if it is still on the agenda). */
  agendaItem: signalAgendaItemSchema.nullable(),
});
export type Signal = z.infer<typeof signalSchema>;

export const signalListSchema = z.object({ signals: z.array(signalSchema) });
export type SignalList = z.infer<typeof signalListSchema>;

export const signalGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Signals in the group that the reader may see. */
  signalCount: z.number().int().min(0),
  status: z.enum(signalStatuses),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SignalGroup = z.infer<typeof signalGroupSchema>;

export const signalInboxSchema = z.object({
  signals: z.array(signalSchema),
  groups: z.array(signalGroupSchema),
  /** Signals nobody has answered yet (ontvangen or in behandeling): the home page's number. */
  open: z.number().int().min(0),
});
export type SignalInbox = z.infer<typeof signalInboxSchema>;

/** What the signed-in person can do with signals: send, and read as policy or as management team. */
export const signalAccessSchema = z.object({ send: z.boolean(), policy: z.boolean(), management: z.boolean() });
export type SignalAccess = z.infer<typeof signalAccessSchema>;

export const signalGroupRequestSchema = z.object({ name: z.string().trim().min(1).max(signalGroupNameMaxLength) }).strict();
export const signalGroupingRequestSchema = z.object({ groupId: z.string().min(1).max(100).nullable() }).strict();
export const signalAnswerRequestSchema = z
  .object({ answer: z.string().trim().min(1).max(signalAnswerMaxLength), status: z.enum(signalAnswerStatuses) })
  .strict();
export type SignalAnswerRequest = z.infer<typeof signalAnswerRequestSchema>;

/** The management team (the open chair's addressee): a flag an administrator sets on a manager. */
export const managementTeamSchema = z.object({ userIds: z.array(z.string()) });
export const managementTeamMemberRequestSchema = z.object({ member: z.boolean() }).strict();
export const managementTeamMemberSchema = z.object({ userId: z.string(), member: z.boolean() });
