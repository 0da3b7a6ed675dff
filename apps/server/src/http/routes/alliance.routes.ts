import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The professional's alliance check: asking, the overview and one client's trend. */
export function allianceRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { alliance } = ctx.services;
  const endpoints = contract.alliance;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.request, async ({ body }, request) => alliance.request(await ctx.actorOf(request), body));
    route(app, endpoints.overview, async (_input, request) => alliance.overview(await ctx.actorOf(request)));
    route(app, endpoints.trend, async ({ params }, request) => alliance.trend(await ctx.actorOf(request), params.id));
  };
}

/** The client's side of the alliance check: answering or saying no, with their own session only. */
export function clientAllianceRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { alliance } = ctx.services;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    route(app, contract.clientFeedback.answerAlliance, async ({ params, body }, request) => {
      await alliance.clientAnswer(await ctx.requireClient(request), params.id, body.scores);
      return { ok: true as const };
    });
    // Saying no needs no reason: the body may be left out.
    route(app, contract.clientFeedback.declineAlliance, async ({ params, body }, request) => {
      await alliance.clientDecline(await ctx.requireClient(request), params.id, body?.reason);
      return { ok: true as const };
    });
  };
}
