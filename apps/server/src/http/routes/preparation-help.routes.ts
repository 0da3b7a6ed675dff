import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/**
 * Help with preparing a Samenleergesprek from an independent coach, without any recording:
 * the professional invites, the client chooses what the helper sees and which points go on,
 * the helper reads what is shown and writes points down.
 */
export function preparationHelpRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { preparationHelp } = ctx.services;
  const endpoints = contract.preparationHelp;
  return async (app) => {
    // Professional
    route(app, endpoints.helpers, async ({ params }, request) => preparationHelp.helpers(await ctx.actorOf(request), params.id));
    route(app, endpoints.invite, async ({ params, body }, request) => preparationHelp.invite(await ctx.actorOf(request), params.id, params.participantId, body.helperId));
    route(app, endpoints.end, async ({ params }, request) => preparationHelp.end(await ctx.actorOf(request), params.id, params.participantId));

    // Helper
    route(app, endpoints.listForHelper, async (_input, request) => preparationHelp.listForHelper(await ctx.actorOf(request)));
    route(app, endpoints.getForHelper, async ({ params }, request) => preparationHelp.getForHelper(await ctx.actorOf(request), params.id));
    route(app, endpoints.addPoint, async ({ params, body }, request) => preparationHelp.addPoint(await ctx.actorOf(request), params.id, body.text));

    // Client
    route(app, endpoints.forClient, async ({ params }, request) => preparationHelp.forClient(await ctx.requireClient(request), params.id));
    route(app, endpoints.clientShow, async ({ params, body }, request) => preparationHelp.clientShow(await ctx.requireClient(request), params.id, body));
    route(app, endpoints.clientDecide, async ({ params, body }, request) => preparationHelp.clientDecide(await ctx.requireClient(request), params.id, params.pointId, body.relay));
  };
}
