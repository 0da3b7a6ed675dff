import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The professional's own clients, conversations and the consents given for them. */
export function clientsRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { clients, consent } = ctx.services;
  const endpoints = contract.clients;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.list, async (_input, request) => ({ clients: await clients.list(await ctx.actorOf(request)) }));
    route(app, endpoints.create, async ({ body }, request) => clients.create(await ctx.actorOf(request), body));
    route(app, endpoints.get, async ({ params }, request) => clients.get(await ctx.actorOf(request), params.id));
    route(app, endpoints.update, async ({ params, body }, request) => clients.update(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.listConversations, async ({ params }, request) => ({ conversations: await clients.listConversations(await ctx.actorOf(request), params.id) }));
    route(app, endpoints.createConversation, async ({ params, body }, request) => clients.createConversation(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.getConversation, async ({ params }, request) => clients.getConversation(await ctx.actorOf(request), params.id));
    route(app, endpoints.updateConversation, async ({ params, body }, request) => clients.updateConversation(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.listReviewers, async (_input, request) => ({ reviewers: await clients.listReviewers(await ctx.actorOf(request)) }));

    route(app, contract.consent.copy, async ({ params }, request) => consent.copyForProfessional(await ctx.actorOf(request), params.id));
    route(app, contract.consent.confirmAsProfessional, async ({ params }, request) => consent.confirmAsProfessional(await ctx.actorOf(request), params.id));
  };
}
