import { z } from 'zod';
import { roles } from '../roles.js';
import { clientLocaleSchema } from '../client-languages.js';

export const locales = ['nl', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

/** A stored language as one we write in: anything we do not know reads as Dutch, the default. */
export function localeOf(stored: string | null | undefined): Locale {
  return stored === 'en' ? 'en' : 'nl';
}

export const emailSchema = z.string().trim().toLowerCase().min(3).max(254).email();
export const passwordSchema = z.string().min(1).max(256);
export const newPasswordSchema = z.string().min(12).max(256);
export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/);

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  totpCode: totpCodeSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(roles)),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  locale: localeSchema,
  totpEnabled: z.boolean(),
  /** True once the user went through "zo geef je feedback" (shown before their first comment). */
  feedbackGuideSeen: z.boolean().optional(),
});

export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  /** clientLocales: the languages this organisation offers its clients (Dutch first). */
  organisation: z.object({ id: z.string(), name: z.string(), requireTotp: z.boolean(), clientLocales: z.array(clientLocaleSchema) }),
  csrfToken: z.string(),
  /** True when the organisation requires TOTP and the user has not set it up yet. */
  mustSetUpTotp: z.boolean(),
  /** The last reset of this account's password: when, and which administrators did it. */
  passwordReset: z.object({ at: z.string(), requestedByName: z.string().nullable(), approvedByName: z.string().nullable() }).nullable().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: passwordSchema,
  newPassword: newPasswordSchema,
});

export const updateProfileRequestSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
});

export const totpSetupResponseSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});

export const totpConfirmRequestSchema = z.object({ code: totpCodeSchema });
export const totpDisableRequestSchema = z.object({ password: passwordSchema });

export const acceptInvitationRequestSchema = z.object({
  token: z.string().min(10).max(200),
  password: newPasswordSchema,
});

export const invitationInfoResponseSchema = z.object({
  name: z.string(),
  email: z.string(),
  organisationName: z.string(),
});

export const okResponseSchema = z.object({ ok: z.literal(true) });

export const passwordResetStartRequestSchema = z.object({ email: emailSchema });
export const passwordResetStartResponseSchema = z.object({
  /**
   * email: a link went to the address, if it belongs to an account. approval: no e-mail here; the
   * token stays in this browser, the code is shown to an administrator in person.
   */
  mode: z.enum(['email', 'approval']),
  token: z.string().optional(),
  code: z.string().optional(),
});
export const passwordResetCompleteRequestSchema = z.object({
  token: z.string().min(10).max(200),
  password: newPasswordSchema,
});
