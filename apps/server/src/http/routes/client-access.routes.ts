import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import type { HttpContext } from '../context.js';
import { clearClientCookie, setClientCookie } from '../plugins/client-session.js';
import { route } from '../route.js';

export function clientAccessRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { clientAccess, myData } = ctx.services;
  const endpoints = contract.clientAccess;
  // Codes are six digits: a per-address limit on top of the per-link lockout.
  const rateLimit = { max: ctx.credentialAttemptsPerMinute, timeWindow: '1 minute' };
  const cookieOptions = { secure: ctx.cookie.secure, maxAgeSeconds: ctx.clientSessionMinutes * 60 };
  return async (app) => {
    route(
      app,
      endpoints.open,
      async ({ body }, _request, reply) => {
        const session = await clientAccess.open(body.token, body.code);
        setClientCookie(reply, session, cookieOptions);
        return clientAccess.describe(session);
      },
      { rateLimit },
    );
    route(app, endpoints.linkLanguages, async ({ params }) => clientAccess.linkLanguages(params.token), { rateLimit });
    route(app, endpoints.session, async (_input, request) => clientAccess.describe(await ctx.requireClient(request)));
    route(app, endpoints.setLocale, async ({ body }, request) => clientAccess.setLocale(await ctx.requireClient(request), body.locale));
    route(app, endpoints.myData, async (_input, request) => myData.forClient(await ctx.requireClient(request)));
    route(app, endpoints.close, async (_input, request, reply) => {
      await ctx.requireClient(request);
      clearClientCookie(reply, ctx.cookie.secure);
      return { ok: true as const };
    });

    route(app, endpoints.issue, async ({ params, body }, request) => {
      const actor = await ctx.actorOf(request);
      const origin = ctx.publicOrigin(request);
      const issued = await clientAccess.issue(actor, params.id, { emailOrigin: body?.sendByEmail === true ? origin : undefined });
      return { path: issued.path, code: issued.code, qrSvg: await QRCode.toString(`${origin}${issued.path}`, { type: 'svg', margin: 1 }), email: issued.email };
    });
    route(app, endpoints.handOver, async ({ params }, request, reply) => {
      const session = await clientAccess.handOver(await ctx.actorOf(request), params.id);
      setClientCookie(reply, session, cookieOptions);
      return clientAccess.describe(session);
    });
  };
}
