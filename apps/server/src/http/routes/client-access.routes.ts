import { myDataSchema, clientAccessIssuedSchema, clientLinkLanguagesSchema, clientLinkParamsSchema, clientSessionResponseSchema, idParamsSchema, issueClientAccessRequestSchema, okResponseSchema, openClientSessionRequestSchema, setClientLocaleRequestSchema } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import type { HttpContext } from '../context.js';
import { clearClientCookie, setClientCookie } from '../plugins/client-session.js';

export function clientAccessRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { clientAccess, myData } = ctx.services;
  // Codes are six digits: a per-address limit on top of the per-link lockout.
  const codeRateLimit = { max: ctx.credentialAttemptsPerMinute, timeWindow: '1 minute' };
  const cookieOptions = { secure: ctx.cookie.secure, maxAgeSeconds: ctx.clientSessionMinutes * 60 };
  return async (app) => {
    app.post(
      '/client/session',
      { config: { rateLimit: codeRateLimit }, schema: { tags: ['client'], body: openClientSessionRequestSchema, response: { 200: clientSessionResponseSchema } } },
      async (request, reply) => {
        const session = await clientAccess.open(request.body.token, request.body.code);
        setClientCookie(reply, session, cookieOptions);
        return clientAccess.describe(session);
      },
    );
    app.get(
      '/client/links/:token/languages',
      { config: { rateLimit: codeRateLimit }, schema: { tags: ['client'], params: clientLinkParamsSchema, response: { 200: clientLinkLanguagesSchema } } },
      async (request) => clientAccess.linkLanguages(request.params.token),
    );
    app.get('/client/session', { schema: { tags: ['client'], response: { 200: clientSessionResponseSchema } } }, async (request) =>
      clientAccess.describe(await ctx.requireClient(request)),
    );
    app.put('/client/locale', { schema: { tags: ['client'], body: setClientLocaleRequestSchema, response: { 200: clientSessionResponseSchema } } }, async (request) =>
      clientAccess.setLocale(await ctx.requireClient(request), request.body.locale),
    );
    app.get('/client/my-data', { schema: { tags: ['client'], response: { 200: myDataSchema } } }, async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return myData.forClient(await ctx.requireClient(request));
    });
    app.delete('/client/session', { schema: { tags: ['client'], response: { 200: okResponseSchema } } }, async (request, reply) => {
      await ctx.requireClient(request);
      clearClientCookie(reply, ctx.cookie.secure);
      return { ok: true as const };
    });

    app.post(
      '/clients/:id/access',
      { schema: { tags: ['clients'], params: idParamsSchema, body: issueClientAccessRequestSchema.nullish(), response: { 200: clientAccessIssuedSchema } } },
      async (request) => {
        const { actor } = await ctx.requireSession(request);
        const origin = ctx.publicOrigin(request);
        const issued = await clientAccess.issue(actor, request.params.id, { emailOrigin: request.body?.sendByEmail === true ? origin : undefined });
        return { path: issued.path, code: issued.code, qrSvg: await QRCode.toString(`${origin}${issued.path}`, { type: 'svg', margin: 1 }), email: issued.email };
      },
    );
    app.post('/clients/:id/hand-over', { schema: { tags: ['clients'], params: idParamsSchema, response: { 200: clientSessionResponseSchema } } }, async (request, reply) => {
      const { actor } = await ctx.requireSession(request);
      const session = await clientAccess.handOver(actor, request.params.id);
      setClientCookie(reply, session, cookieOptions);
      return clientAccess.describe(session);
    });
  };
}
