import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** Conversation rhythm: session first, then the service checks access. */
export function rhythmRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { rhythm } = ctx.services;
  const endpoints = contract.rhythm;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.get, async ({ params }, request) => rhythm.get(await ctx.actorOf(request), params.id));
    route(app, endpoints.confirmSpeaker, async ({ params, body }, request) => rhythm.confirmSpeaker(await ctx.actorOf(request), params.id, body.professionalSpeaker));
    route(app, endpoints.saveTurns, async ({ params, body }, request) => rhythm.saveTurns(await ctx.actorOf(request), params.id, body.turns));
    route(app, endpoints.setShareLane, async ({ params, body }, request) => rhythm.setShareLane(await ctx.actorOf(request), params.id, body.include));
    route(app, endpoints.sharedLane, async ({ params }, request) => rhythm.sharedLane(await ctx.actorOf(request), params.id));
  };
}
