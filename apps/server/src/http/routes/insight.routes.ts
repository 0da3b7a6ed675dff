import { declineReasonTotalsSchema } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

/** Anonymous figures for managers and policy staff: organisation totals only, never about one person. */
export function insightRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { declineReasons } = ctx.services;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.get('/insight/decline-reasons', { schema: { tags: ['insight'], response: { 200: declineReasonTotalsSchema } } }, async (request) =>
      declineReasons.totals((await ctx.requireSession(request)).actor),
    );
  };
}
