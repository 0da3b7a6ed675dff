import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { clearSessionCookie, setSessionCookie } from '../plugins/session.js';
import { route } from '../route.js';

export function authRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { auth, passwordResets } = ctx.services;
  const endpoints = contract.account;
  // Log-in is the target of password guessing: a per-address limit on top of the account lockout.
  const rateLimit = { max: ctx.credentialAttemptsPerMinute, timeWindow: '1 minute' };
  // Until the second step is done, a session may only see and finish its own account.
  const pendingTotp = { allowPendingTotp: true };
  return async (app) => {
    route(app, endpoints.session, async (_input, request) => auth.describe(await ctx.requireSession(request, pendingTotp)));
    route(
      app,
      endpoints.login,
      async ({ body }, _request, reply) => {
        const session = await auth.login(body);
        setSessionCookie(reply, session.token, ctx.cookie);
        return auth.describe(session);
      },
      { rateLimit },
    );
    route(app, endpoints.logout, async (_input, request, reply) => {
      await auth.logout(await ctx.requireSession(request, pendingTotp));
      clearSessionCookie(reply, ctx.cookie.secure);
      return { ok: true as const };
    });
    route(app, endpoints.updateProfile, async ({ body }, request) => auth.describe(await auth.updateProfile(await ctx.requireSession(request, pendingTotp), body)));
    route(app, endpoints.markFeedbackGuideSeen, async (_input, request) => auth.describe(await auth.markFeedbackGuideSeen(await ctx.requireSession(request))));
    route(app, endpoints.changePassword, async ({ body }, request) => {
      await auth.changePassword(await ctx.requireSession(request, pendingTotp), body.currentPassword, body.newPassword);
      return { ok: true as const };
    });
    route(app, endpoints.startTotpSetup, async (_input, request) => auth.startTotpSetup(await ctx.requireSession(request, pendingTotp)));
    route(app, endpoints.confirmTotp, async ({ body }, request) => auth.describe(await auth.confirmTotp(await ctx.requireSession(request, pendingTotp), body.code)));
    route(app, endpoints.disableTotp, async ({ body }, request) => auth.describe(await auth.disableTotp(await ctx.requireSession(request), body.password)));
    route(app, endpoints.startPasswordReset, async ({ body }, request) => passwordResets.start(body.email, ctx.publicOrigin(request)), { rateLimit });
    route(
      app,
      endpoints.completePasswordReset,
      async ({ body }) => {
        await passwordResets.complete(body.token, body.password);
        return { ok: true as const };
      },
      { rateLimit },
    );
    route(app, endpoints.invitation, async ({ params }) => auth.invitationInfo(params.token), { rateLimit });
    route(
      app,
      endpoints.acceptInvitation,
      async ({ body }, _request, reply) => {
        const session = await auth.acceptInvitation(body.token, body.password);
        setSessionCookie(reply, session.token, ctx.cookie);
        return auth.describe(session);
      },
      { rateLimit },
    );
  };
}
