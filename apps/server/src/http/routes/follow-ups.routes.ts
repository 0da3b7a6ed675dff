import {
  clientFollowUpSchema,
  createFollowUpSchema,
  followUpListQuerySchema,
  followUpListSchema,
  followUpSchema,
  idParamsSchema,
  okResponseSchema,
  updateFollowUpSchema,
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

/** The professional's follow-ups after a conversation: write, send, change and remove. */
export function followUpRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { followUps } = ctx.services;
  const actorOf = async (request: Parameters<HttpContext['requireSession']>[0]) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.get('/follow-ups', { schema: { tags: ['follow-ups'], querystring: followUpListQuerySchema, response: { 200: followUpListSchema } } }, async (request) => ({
      followUps: await followUps.list(await actorOf(request), request.query.clientId),
    }));
    app.post('/follow-ups', { schema: { tags: ['follow-ups'], body: createFollowUpSchema, response: { 200: followUpSchema } } }, async (request) =>
      followUps.create(await actorOf(request), request.body),
    );
    app.patch('/follow-ups/:id', { schema: { tags: ['follow-ups'], params: idParamsSchema, body: updateFollowUpSchema, response: { 200: followUpSchema } } }, async (request) =>
      followUps.update(await actorOf(request), request.params.id, request.body),
    );
    app.post('/follow-ups/:id/send', { schema: { tags: ['follow-ups'], params: idParamsSchema, response: { 200: followUpSchema } } }, async (request) =>
      followUps.send(await actorOf(request), request.params.id),
    );
    app.delete('/follow-ups/:id', { schema: { tags: ['follow-ups'], params: idParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await followUps.remove(await actorOf(request), request.params.id);
      return { ok: true as const };
    });
  };
}

/** The client reads a follow-up sent to them, with their own session only. */
export function clientFollowUpRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { followUps } = ctx.services;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    app.get('/client/follow-ups/:id', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: clientFollowUpSchema } } }, async (request) =>
      followUps.clientGet(await ctx.requireClient(request), request.params.id),
    );
    app.post('/client/follow-ups/:id/read', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: clientFollowUpSchema } } }, async (request) =>
      followUps.clientMarkRead(await ctx.requireClient(request), request.params.id),
    );
  };
}
