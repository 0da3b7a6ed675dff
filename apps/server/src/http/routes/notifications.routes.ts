import { idParamsSchema, notificationDigestRequestSchema, notificationDigestSchema, notificationListSchema, okResponseSchema } from '@spreekkamer/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

const tags = ['notifications'];

/** The reader's own notifications and their own choice of a daily e-mail digest (see packages/shared/src/api/notifications.ts). */
export function notificationsRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { notifications } = ctx.services;
  const actorOf = async (request: FastifyRequest) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.get('/notifications', { schema: { tags, response: { 200: notificationListSchema } } }, async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return notifications.list(await actorOf(request));
    });
    app.post('/notifications/:id/read', { schema: { tags, params: idParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await notifications.markRead(await actorOf(request), request.params.id);
      return { ok: true as const };
    });
    app.post('/notifications/read-all', { schema: { tags, response: { 200: okResponseSchema } } }, async (request) => {
      await notifications.markAllRead(await actorOf(request));
      return { ok: true as const };
    });
    app.get('/notifications/digest', { schema: { tags, response: { 200: notificationDigestSchema } } }, async (request) => notifications.digest(await actorOf(request)));
    app.put('/notifications/digest', { schema: { tags, body: notificationDigestRequestSchema, response: { 200: notificationDigestSchema } } }, async (request) =>
      notifications.setDigest(await actorOf(request), request.body.enabled),
    );
  };
}
