import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The reader's own notifications and their own choice of a daily e-mail digest. */
export function notificationsRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { notifications } = ctx.services;
  const endpoints = contract.notifications;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.list, async (_input, request) => notifications.list(await ctx.actorOf(request)));
    route(app, endpoints.markRead, async ({ params }, request) => {
      await notifications.markRead(await ctx.actorOf(request), params.id);
      return { ok: true as const };
    });
    route(app, endpoints.markAllRead, async (_input, request) => {
      await notifications.markAllRead(await ctx.actorOf(request));
      return { ok: true as const };
    });
    route(app, endpoints.digest, async (_input, request) => notifications.digest(await ctx.actorOf(request)));
    route(app, endpoints.setDigest, async ({ body }, request) => notifications.setDigest(await ctx.actorOf(request), body.enabled));
  };
}
