import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The professional's follow-ups after a conversation: write, send, change and remove. */
export function followUpRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { followUps } = ctx.services;
  const endpoints = contract.followUps;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.list, async ({ query }, request) => ({ followUps: await followUps.list(await ctx.actorOf(request), query.clientId) }));
    route(app, endpoints.create, async ({ body }, request) => followUps.create(await ctx.actorOf(request), body));
    route(app, endpoints.update, async ({ params, body }, request) => followUps.update(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.send, async ({ params }, request) => followUps.send(await ctx.actorOf(request), params.id));
    route(app, endpoints.remove, async ({ params }, request) => {
      await followUps.remove(await ctx.actorOf(request), params.id);
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
    route(app, contract.clientFeedback.followUp, async ({ params }, request) => followUps.clientGet(await ctx.requireClient(request), params.id));
    route(app, contract.clientFeedback.readFollowUp, async ({ params }, request) => followUps.clientMarkRead(await ctx.requireClient(request), params.id));
  };
}
