import { z } from 'zod';
import {
  acceptInvitationRequestSchema,
  changePasswordRequestSchema,
  invitationInfoResponseSchema,
  loginRequestSchema,
  okResponseSchema,
  passwordResetCompleteRequestSchema,
  passwordResetStartRequestSchema,
  passwordResetStartResponseSchema,
  sessionResponseSchema,
  totpConfirmRequestSchema,
  totpDisableRequestSchema,
  totpSetupResponseSchema,
  updateProfileRequestSchema,
} from '../api/auth.js';
import { endpoints } from './endpoint.js';

const invitationTokenParamsSchema = z.object({ token: z.string().min(10).max(200) });

/** Logging in and out, one's own account, invitations and forgotten passwords. */
export const account = endpoints('account', {
  session: { method: 'GET', path: '/session', audience: 'staff', summary: 'Who is logged in (also while the second step is pending)', response: sessionResponseSchema },
  login: { method: 'POST', path: '/session', audience: 'public', summary: 'Log in with e-mail, password and, when set up, an authenticator code', body: loginRequestSchema, response: sessionResponseSchema },
  logout: { method: 'DELETE', path: '/session', audience: 'staff', summary: 'Log out on this device', response: okResponseSchema },
  updateProfile: { method: 'PATCH', path: '/account', audience: 'staff', summary: 'Change one\'s own name or language', body: updateProfileRequestSchema, response: sessionResponseSchema },
  markFeedbackGuideSeen: { method: 'POST', path: '/account/feedback-guide', audience: 'staff', summary: 'Remember that the feedback guide was read', response: sessionResponseSchema },
  changePassword: { method: 'POST', path: '/account/password', audience: 'staff', summary: 'Change one\'s own password', body: changePasswordRequestSchema, response: okResponseSchema },
  startTotpSetup: { method: 'POST', path: '/account/totp/setup', audience: 'staff', summary: 'Start setting up an authenticator app', response: totpSetupResponseSchema },
  confirmTotp: { method: 'POST', path: '/account/totp/confirm', audience: 'staff', summary: 'Confirm the authenticator app with its first code', body: totpConfirmRequestSchema, response: sessionResponseSchema },
  disableTotp: { method: 'POST', path: '/account/totp/disable', audience: 'staff', summary: 'Switch the authenticator app off (needs the password)', body: totpDisableRequestSchema, response: sessionResponseSchema },
  startPasswordReset: { method: 'POST', path: '/password-resets', audience: 'public', summary: 'Ask for a new password', body: passwordResetStartRequestSchema, response: passwordResetStartResponseSchema },
  completePasswordReset: { method: 'POST', path: '/password-resets/complete', audience: 'public', summary: 'Set a new password with an approved reset link', body: passwordResetCompleteRequestSchema, response: okResponseSchema },
  invitation: { method: 'GET', path: '/invitations/:token', audience: 'public', summary: 'What an invitation link is for', params: invitationTokenParamsSchema, response: invitationInfoResponseSchema },
  acceptInvitation: { method: 'POST', path: '/invitations/accept', audience: 'public', summary: 'Accept an invitation by choosing a password', body: acceptInvitationRequestSchema, response: sessionResponseSchema },
});
