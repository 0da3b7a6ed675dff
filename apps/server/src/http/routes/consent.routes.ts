import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The client's side of consent, behind the client session (link + code, or a hand-over). */
export function consentRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { consent } = ctx.services;
  const endpoints = contract.clientConsent;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    route(app, endpoints.home, async (_input, request) => consent.clientHome(await ctx.requireClient(request)));
    route(app, endpoints.form, async ({ params }, request) => consent.formFor(await ctx.requireClient(request), params.id));
    route(app, endpoints.give, async ({ params, body }, request) => consent.give(await ctx.requireClient(request), params.id, body));
    route(app, endpoints.copy, async ({ params }, request) => consent.copyForClient(await ctx.requireClient(request), params.id));
    route(app, endpoints.withdrawPolicyViewing, async ({ params }, request) => consent.withdrawPolicyViewing(await ctx.requireClient(request), params.id));
    route(app, endpoints.withdraw, async ({ params }, request) => consent.withdraw(await ctx.requireClient(request), params.id));
  };
}
