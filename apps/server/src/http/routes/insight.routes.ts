import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** Anonymous figures for team leads and policy advisors: session first, then the service checks the role; never about one person. */
export function insightRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { insight, declineReasons } = ctx.services;
  const endpoints = contract.insight;
  return async (app) => {
    route(app, endpoints.teams, async (_input, request) => insight.teams(await ctx.actorOf(request)));
    route(app, endpoints.organisation, async (_input, request) => insight.organisation(await ctx.actorOf(request)));
    route(app, endpoints.declineReasons, async (_input, request) => declineReasons.totals(await ctx.actorOf(request)));
  };
}
