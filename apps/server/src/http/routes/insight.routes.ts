import { declineReasonTotalsSchema, insightSchema } from '@spreekkamer/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

const tags = ['insight'];

/** Anonymous figures for team leads and policy advisors: session first, then the service checks the role; never about one person. */
export function insightRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { insight, declineReasons } = ctx.services;
  const actorOf = async (request: FastifyRequest) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    app.get('/insight/teams', { schema: { tags, response: { 200: insightSchema } } }, async (request) => insight.teams(await actorOf(request)));
    app.get('/insight/organisation', { schema: { tags, response: { 200: insightSchema } } }, async (request) => insight.organisation(await actorOf(request)));
    app.get('/insight/decline-reasons', { schema: { tags, response: { 200: declineReasonTotalsSchema } } }, async (request) => declineReasons.totals(await actorOf(request)));
  };
}
