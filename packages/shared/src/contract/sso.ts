import { z } from 'zod';
import { adminSsoSettingsRequestSchema, adminSsoSettingsResponseSchema, adminUserSsoResponseSchema, ssoInfoResponseSchema, ssoLogoutResponseSchema } from '../api/sso.js';
import { endpoints } from './endpoint.js';

const userIdParamsSchema = z.object({ id: z.string().uuid() });

/**
 * Single sign-on with the organisation's account (OpenID Connect). The browser redirects of the
 * log-in itself (/sso/login, /sso/link, /sso/callback) and the provider's back-channel log-out are
 * not JSON calls; sso.routes.ts registers them beside these.
 */
export const sso = endpoints('sso', {
  info: { method: 'GET', path: '/sso', audience: 'public', summary: 'Whether log-in with the organisation account is offered, and its label', response: ssoInfoResponseSchema },
  logout: { method: 'POST', path: '/sso/logout', audience: 'staff', summary: 'Log out; after single sign-on, also where the provider\'s log-out page is', response: ssoLogoutResponseSchema },
  settings: { method: 'GET', path: '/admin/sso', audience: 'staff', summary: 'Single sign-on as configured, and whether passwords are switched off', response: adminSsoSettingsResponseSchema },
  setPasswordsOff: { method: 'PUT', path: '/admin/sso', audience: 'staff', summary: 'Switch password log-in off or on for the organisation', body: adminSsoSettingsRequestSchema, response: adminSsoSettingsResponseSchema },
  userClaims: { method: 'GET', path: '/admin/users/:id/sso', audience: 'staff', summary: 'What arrived for a user at their last single sign-on (roles and groups only)', params: userIdParamsSchema, response: adminUserSsoResponseSchema },
});
