import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** Signals to policy and the management team: session first, then the service checks access. */
export function signalsRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { signals } = ctx.services;
  const endpoints = contract.signals;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.access, async (_input, request) => signals.access(await ctx.actorOf(request)));
    route(app, endpoints.mine, async (_input, request) => signals.mine(await ctx.actorOf(request)));
    route(app, endpoints.send, async ({ body }, request) => signals.send(await ctx.actorOf(request), body));
    route(app, endpoints.inbox, async (_input, request) => signals.inbox(await ctx.actorOf(request)));
    route(app, endpoints.get, async ({ params }, request) => signals.get(await ctx.actorOf(request), params.id));
    route(app, endpoints.setGroup, async ({ params, body }, request) => signals.setGroup(await ctx.actorOf(request), params.id, body.groupId));
    route(app, endpoints.answer, async ({ params, body }, request) => signals.answer(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.createGroup, async ({ body }, request) => signals.createGroup(await ctx.actorOf(request), body.name));
    route(app, endpoints.answerGroup, async ({ params, body }, request) => signals.answerGroup(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.managementTeam, async (_input, request) => signals.managementTeam(await ctx.actorOf(request)));
    route(app, endpoints.setManagementTeam, async ({ params, body }, request) => signals.setManagementTeam(await ctx.actorOf(request), params.id, body.member));
  };
}
