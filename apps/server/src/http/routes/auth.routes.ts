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
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { clearSessionCookie, setSessionCookie } from '../plugins/session.js';

export function authRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { auth, passwordResets } = ctx.services;
  // Log-in is the target of password guessing: a per-address limit on top of the account lockout.
  const loginRateLimit = { max: ctx.credentialAttemptsPerMinute, timeWindow: '1 minute' };
  return async (app) => {
    app.get('/session', { schema: { tags: ['account'], response: { 200: sessionResponseSchema } } }, async (request) => {
      return auth.describe(await ctx.requireSession(request, { allowPendingTotp: true }));
    });

    app.post(
      '/session',
      { config: { rateLimit: loginRateLimit }, schema: { tags: ['account'], body: loginRequestSchema, response: { 200: sessionResponseSchema } } },
      async (request, reply) => {
        const session = await auth.login(request.body);
        setSessionCookie(reply, session.token, ctx.cookie);
        return auth.describe(session);
      },
    );

    app.delete('/session', { schema: { tags: ['account'], response: { 200: okResponseSchema } } }, async (request, reply) => {
      await auth.logout(await ctx.requireSession(request, { allowPendingTotp: true }));
      clearSessionCookie(reply, ctx.cookie.secure);
      return { ok: true as const };
    });

    app.patch('/account', { schema: { tags: ['account'], body: updateProfileRequestSchema, response: { 200: sessionResponseSchema } } }, async (request) => {
      const session = await ctx.requireSession(request, { allowPendingTotp: true });
      return auth.describe(await auth.updateProfile(session, request.body));
    });

    app.post('/account/feedback-guide', { schema: { tags: ['account'], response: { 200: sessionResponseSchema } } }, async (request) => {
      return auth.describe(await auth.markFeedbackGuideSeen(await ctx.requireSession(request)));
    });

    app.post('/account/password', { schema: { tags: ['account'], body: changePasswordRequestSchema, response: { 200: okResponseSchema } } }, async (request) => {
      const session = await ctx.requireSession(request, { allowPendingTotp: true });
      await auth.changePassword(session, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    });

    app.post('/account/totp/setup', { schema: { tags: ['account'], response: { 200: totpSetupResponseSchema } } }, async (request) => {
      return auth.startTotpSetup(await ctx.requireSession(request, { allowPendingTotp: true }));
    });

    app.post('/account/totp/confirm', { schema: { tags: ['account'], body: totpConfirmRequestSchema, response: { 200: sessionResponseSchema } } }, async (request) => {
      const session = await ctx.requireSession(request, { allowPendingTotp: true });
      return auth.describe(await auth.confirmTotp(session, request.body.code));
    });

    app.post('/account/totp/disable', { schema: { tags: ['account'], body: totpDisableRequestSchema, response: { 200: sessionResponseSchema } } }, async (request) => {
      const session = await ctx.requireSession(request);
      return auth.describe(await auth.disableTotp(session, request.body.password));
    });

    app.post(
      '/password-resets',
      { config: { rateLimit: loginRateLimit }, schema: { tags: ['account'], body: passwordResetStartRequestSchema, response: { 200: passwordResetStartResponseSchema } } },
      async (request) => passwordResets.start(request.body.email, ctx.publicOrigin(request)),
    );

    app.post(
      '/password-resets/complete',
      { config: { rateLimit: loginRateLimit }, schema: { tags: ['account'], body: passwordResetCompleteRequestSchema, response: { 200: okResponseSchema } } },
      async (request) => {
        await passwordResets.complete(request.body.token, request.body.password);
        return { ok: true as const };
      },
    );

    const tokenParams = z.object({ token: z.string().min(10).max(200) });
    app.get(
      '/invitations/:token',
      { config: { rateLimit: loginRateLimit }, schema: { tags: ['account'], params: tokenParams, response: { 200: invitationInfoResponseSchema } } },
      async (request) => auth.invitationInfo(request.params.token),
    );

    app.post(
      '/invitations/accept',
      { config: { rateLimit: loginRateLimit }, schema: { tags: ['account'], body: acceptInvitationRequestSchema, response: { 200: sessionResponseSchema } } },
      async (request, reply) => {
        const session = await auth.acceptInvitation(request.body.token, request.body.password);
        setSessionCookie(reply, session.token, ctx.cookie);
        return auth.describe(session);
      },
    );
  };
}
