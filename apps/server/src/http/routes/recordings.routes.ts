import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** A professional's own recordings (contract: packages/shared/src/contract/recordings.ts). */
export function recordingsRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { recordings, playback } = ctx.services;
  const endpoints = contract.recordings;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.list, async ({ query }, request) => recordings.list(await ctx.actorOf(request), query.conversationId));
    route(app, endpoints.create, async ({ body }, request) => recordings.create(await ctx.actorOf(request), body));
    route(app, endpoints.get, async ({ params }, request) => recordings.get(await ctx.actorOf(request), params.id));
    route(app, endpoints.remove, async ({ params }, request) => {
      await recordings.remove(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.playback, async ({ params }, request) => {
      const session = await ctx.requireSession(request);
      return playback.descriptor(session.actor, session.user.name, params.id);
    });
    route(app, endpoints.views, async ({ params }, request) => ({ views: await recordings.views(await ctx.actorOf(request), params.id) }));
  };
}
