import { z } from 'zod';
import { roles } from '../roles.js';

/** Why an SSO log-in was refused; the web app explains each on its own page. */
export const ssoRefusalReasons = ['no_role', 'link_required', 'linked_elsewhere', 'no_email', 'no_account', 'account_inactive', 'account_locked', 'unknown_team', 'provider_error', 'expired', 'not_configured'] as const;
export type SsoRefusalReason = (typeof ssoRefusalReasons)[number];

/** For the log-in page, before anyone is logged in. */
export const ssoInfoResponseSchema = z.object({
  enabled: z.boolean(),
  /** The words after "Inloggen met", as the organisation calls its account. */
  label: z.string().nullable(),
  /** Passwords switched off: the log-in page leads with the organisation account. */
  passwordsOff: z.boolean(),
});
export type SsoInfoResponse = z.infer<typeof ssoInfoResponseSchema>;

export const ssoMappedRoleSchema = z.object({ role: z.enum(roles), team: z.string().nullable() });

/** What arrived for one person at their last SSO log-in: role and group names only. */
export const adminUserSsoResponseSchema = z.object({
  identities: z.array(
    z.object({
      issuer: z.string(),
      lastLoginAt: z.string(),
      claims: z.array(z.object({ claim: z.string(), values: z.array(z.string()) })),
      mapped: z.array(ssoMappedRoleSchema),
    }),
  ),
});
export type AdminUserSsoResponse = z.infer<typeof adminUserSsoResponseSchema>;

export const adminSsoSettingsResponseSchema = z.object({
  configured: z.boolean(),
  label: z.string().nullable(),
  passwordsOff: z.boolean(),
  /** The administrator asking has logged in through SSO themself: only then may passwords go off. */
  provenByYou: z.boolean(),
  /** Break-glass: these administrators keep their password when passwords are off. */
  breakGlassCount: z.number().int(),
});
export type AdminSsoSettingsResponse = z.infer<typeof adminSsoSettingsResponseSchema>;

export const adminSsoSettingsRequestSchema = z.object({ passwordsOff: z.boolean() });

export const ssoLogoutResponseSchema = z.object({
  /** The identity provider's log-out page, when the session came from SSO; the browser goes there next. */
  redirectTo: z.string().nullable(),
});
export type SsoLogoutResponse = z.infer<typeof ssoLogoutResponseSchema>;
