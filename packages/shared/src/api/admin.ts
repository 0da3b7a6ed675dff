import { z } from 'zod';
import { roles } from '../roles.js';
import { emailSchema } from './auth.js';
import { clientLocaleSchema, clientLocales } from '../client-languages.js';

export const idSchema = z.string().uuid();
export const idParamsSchema = z.object({ id: idSchema });

export const membershipSchema = z.object({
  role: z.enum(roles),
  /** Team roles (professional, manager) name a team; organisation roles leave it null. */
  teamId: idSchema.nullable(),
});
export type MembershipInput = z.infer<typeof membershipSchema>;

export const adminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  hasPassword: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  memberships: z.array(z.object({ role: z.enum(roles), teamId: z.string().nullable(), teamName: z.string().nullable() })),
  createdAt: z.string(),
  /**
   * A password reset in progress without e-mail: 'requested' once the person asked at the log-in
   * page, 'awaiting_approval' once an administrator checked their code, with who that was.
   */
  passwordReset: z
    .object({ status: z.enum(['requested', 'awaiting_approval']), requestedBy: z.string().nullable(), requestedByName: z.string().nullable() })
    .nullable()
    .optional(),
  external: z.object({ organisation: z.string(), accessUntil: z.string() }).nullable(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserListSchema = z.object({ users: z.array(adminUserSchema) });

/**
 * An independent reviewer from outside the organisation (a coach on contract, a researcher): the
 * organisation they come from, shown as "onafhankelijk", and the last day their account works.
 */
export const externalAccountSchema = z.object({
  organisation: z.string().trim().min(1).max(120),
  accessUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ExternalAccount = z.infer<typeof externalAccountSchema>;

export const inviteUserRequestSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email: emailSchema,
  memberships: z.array(membershipSchema).min(1).max(20),
  external: externalAccountSchema.nullable().default(null),
});

export const inviteUserResponseSchema = z.object({
  user: adminUserSchema,
  /** Path of the one-time link, to send to the person (e-mail delivery is the organisation's own). */
  invitationPath: z.string(),
  expiresAt: z.string(),
});

export const updateUserRequestSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  active: z.boolean().optional(),
  memberships: z.array(membershipSchema).min(1).max(20).optional(),
  external: externalAccountSchema.nullable().optional(),
});

export const teamSchema = z.object({ id: z.string(), name: z.string(), memberCount: z.number().int() });
export const teamListSchema = z.object({ teams: z.array(teamSchema) });
export const teamNameRequestSchema = z.object({ name: z.string().trim().min(1).max(120) });

/** The smallest minimum group size an organisation may choose: below five, people in a figure are too easy to recognise. */
export const minimumGroupSizeFloor = 5;

export const organisationSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  requireTotp: z.boolean(),
  /** Minimum number of people an aggregate must include before it is shown (invariant 7); never below 5. */
  minimumGroupSize: z.number().int().max(50).refine((size) => size >= minimumGroupSizeFloor, 'group_size_below_floor'),
  retentionDaysOptions: z.array(z.number().int().min(1).max(3650)).min(1).max(6),
  retentionDaysDefault: z.number().int().min(1).max(3650),
  /** Alliance checks: answers are anonymous toward the professional (only period totals of at least minimumGroupSize). */
  allianceCheckAnonymous: z.boolean().optional(),
  /** Alliance checks: an average below this (1–5) raises a quiet signal for that professional only. */
  allianceSignalBelow: z.number().min(1).max(5).multipleOf(0.5).optional(),
  /** Languages offered on client pages; Dutch is always offered. */
  clientLocales: z.array(clientLocaleSchema).max(clientLocales.length).optional(),
});
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
});
export const auditListQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditListSchema = z.object({ events: z.array(auditEventSchema), nextBefore: z.number().int().nullable() });
export const auditVerifySchema = z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable() });

/** Without e-mail the code the person shows the administrator in person is required. */
export const adminPasswordResetRequestSchema = z.object({ code: z.string().trim().min(4).max(20).optional() });
export const adminPasswordResetResponseSchema = z.object({
  /** email: the link went to the account's own address · awaiting_approval / approved: the no-mail path. */
  status: z.enum(['email_sent', 'email_failed', 'awaiting_approval', 'approved']),
  user: adminUserSchema,
});

/**
 * The register of processing activities (GDPR art. 30), generated from the live configuration as
 * a starting point for the DPIA. Codes only: the web app words them in the reader's language.
 */
export const processingActivityIds = ['accounts', 'clients', 'consent', 'recordings', 'reviews', 'client_feedback', 'learning', 'insight', 'audit_log', 'email'] as const;
export const processingRecipientIds = ['professional', 'chosen_reviewers', 'external_reviewers', 'peer_group', 'leercoach', 'client', 'administrators', 'managers_aggregate', 'mail_server', 'storage_provider', 'hosting'] as const;
export const processingRetentionIds = ['account_lifetime', 'client_relation', 'consent_with_recording', 'recording_days', 'until_withdrawn_or_recording', 'learning_owner', 'aggregate_only', 'audit_chain', 'not_stored'] as const;
export const securityMeasureIds = [
  'encryption_per_recording',
  'text_sealing',
  'crypto_shredding',
  'totp_required',
  'totp_optional',
  'session_limits',
  'login_lockout',
  'audit_hash_chain',
  'no_content_for_admins',
  'k_anonymity',
  'https',
  'private_work_folders',
  'backup_without_key',
  'metrics_without_personal_data',
] as const;
export const processingRegisterSchema = z.object({
  organisation: z.string(),
  generatedAt: z.string(),
  deployment: z.object({
    database: z.enum(['sqlite', 'postgres']),
    mediaStore: z.enum(['local', 's3']),
    email: z.boolean(),
    https: z.boolean(),
    sessionIdleMinutes: z.number().int(),
    sessionMaxHours: z.number().int(),
    loginMaxFailures: z.number().int(),
  }),
  settings: z.object({
    requireTotp: z.boolean(),
    minimumGroupSize: z.number().int(),
    retentionDaysOptions: z.array(z.number().int()),
    retentionDaysDefault: z.number().int(),
    clientLocales: z.array(z.string()),
  }),
  activities: z.array(
    z.object({
      id: z.enum(processingActivityIds),
      recipients: z.array(z.enum(processingRecipientIds)),
      retention: z.enum(processingRetentionIds),
    }),
  ),
  securityMeasures: z.array(z.enum(securityMeasureIds)),
});
export type ProcessingRegister = z.infer<typeof processingRegisterSchema>;
