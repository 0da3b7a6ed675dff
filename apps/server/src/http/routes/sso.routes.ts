import { contract, okResponseSchema } from '@spreekkamer/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SsoRefusal } from '../../domain/auth/oidc.service.js';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';
import { clearSessionCookie, setSessionCookie } from '../plugins/session.js';

const transactionCookie = 'sk_sso';
/** The web app's page that explains a refused SSO log-in. */
export const ssoRefusedPath = '/inloggen/organisatie-account';

/** Single sign-on (OpenID Connect): log-in, linking, log-out and the administrator's settings. */
export function ssoRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { sso } = ctx.services;
  const rateLimit = { max: ctx.credentialAttemptsPerMinute, timeWindow: '1 minute' };
  // Lax, not Strict: the provider's redirect back to us is a cross-site navigation, and must carry it.
  const transactionCookieOptions = { path: '/api/sso', httpOnly: true, sameSite: 'lax' as const, secure: ctx.cookie.secure };

  const toProvider = async (reply: FastifyReply, begun: Promise<{ url: string; transaction: string }>) => {
    try {
      const { url, transaction } = await begun;
      reply.setCookie(transactionCookie, transaction, { ...transactionCookieOptions, maxAge: 600 });
      return reply.header('Cache-Control', 'no-store').redirect(url);
    } catch (error) {
      if (error instanceof SsoRefusal) return reply.redirect(`${ssoRefusedPath}?reden=${error.reason}`);
      throw error;
    }
  };

  return async (app) => {
    // The provider posts its back-channel log-out as a form; only these routes read forms.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });

    route(app, contract.sso.info, async () => sso.info());

    app.get('/sso/login', { config: { rateLimit }, schema: { tags: ['account'], hide: true } }, async (_request, reply) => toProvider(reply, sso.begin(null)));

    /** The explicit link: a person logged in with their password connects their organisation account. */
    app.get('/sso/link', { config: { rateLimit }, schema: { tags: ['account'], hide: true } }, async (request, reply) => {
      const session = await ctx.requireSession(request, { allowPendingTotp: true });
      return toProvider(reply, sso.begin(session));
    });

    app.get('/sso/callback', { config: { rateLimit }, schema: { tags: ['account'], hide: true } }, async (request: FastifyRequest, reply) => {
      const sealed = request.cookies[transactionCookie];
      reply.clearCookie(transactionCookie, transactionCookieOptions);
      reply.header('Cache-Control', 'no-store');
      try {
        const callbackUrl = new URL(ctx.ssoRedirectUri ?? `${ctx.publicOrigin(request)}/api/sso/callback`);
        callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
        const session = await sso.finish(callbackUrl, sealed);
        setSessionCookie(reply, session.token, ctx.cookie);
        return reply.redirect('/');
      } catch (error) {
        if (error instanceof SsoRefusal) return reply.redirect(`${ssoRefusedPath}?reden=${error.reason}`);
        throw error;
      }
    });

    route(app, contract.sso.logout, async (_input, request, reply) => {
      const redirectTo = await sso.logout(await ctx.requireSession(request, { allowPendingTotp: true }));
      clearSessionCookie(reply, ctx.cookie.secure);
      return { redirectTo };
    });

    app.post(
      '/sso/backchannel-logout',
      { config: { rateLimit }, schema: { tags: ['account'], body: z.object({ logout_token: z.string().min(1).max(8192) }), response: { 200: okResponseSchema } } },
      async (request, reply) => {
        await sso.backChannelLogout(request.body.logout_token);
        reply.header('Cache-Control', 'no-store');
        return { ok: true as const };
      },
    );

    route(app, contract.sso.settings, async (_input, request) => ctx.services.ssoSettings.settings(await ctx.actorOf(request)));
    route(app, contract.sso.setPasswordsOff, async ({ body }, request) => ctx.services.ssoSettings.setPasswordsOff(await ctx.actorOf(request), body.passwordsOff));
    route(app, contract.sso.userClaims, async ({ params }, request) => ctx.services.ssoSettings.userClaims(await ctx.actorOf(request), params.id));
  };
}
