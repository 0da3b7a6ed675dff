import {
  allianceAnswerSchema,
  allianceDeclineSchema,
  allianceOverviewSchema,
  allianceRequestCreatedSchema,
  allianceTrendSchema,
  createAllianceRequestSchema,
  idParamsSchema,
  okResponseSchema,
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.js';
import type { HttpContext } from '../context.js';

/** The professional's alliance check: asking, the overview and one client's trend. */
export function allianceRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { alliance } = ctx.services;
  const actorOf = async (request: Parameters<HttpContext['requireSession']>[0]) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.post('/alliance/requests', { schema: { tags: ['alliance'], body: createAllianceRequestSchema, response: { 200: allianceRequestCreatedSchema } } }, async (request) =>
      alliance.request(await actorOf(request), request.body),
    );
    app.get('/alliance/overview', { schema: { tags: ['alliance'], response: { 200: allianceOverviewSchema } } }, async (request) => alliance.overview(await actorOf(request)));
    app.get('/alliance/clients/:id', { schema: { tags: ['alliance'], params: idParamsSchema, response: { 200: allianceTrendSchema } } }, async (request) =>
      alliance.trend(await actorOf(request), request.params.id),
    );
  };
}

/** The client's side of the alliance check: answering or saying no, with their own session only. */
export function clientAllianceRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { alliance } = ctx.services;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    app.post('/client/alliance/:id/answer', { schema: { tags: ['client'], params: idParamsSchema, body: allianceAnswerSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await alliance.clientAnswer(await ctx.requireClient(request), request.params.id, request.body.scores);
      return { ok: true as const };
    });
    app.post('/client/alliance/:id/decline', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      // The body is optional (saying no needs no reason), so it is checked here rather than by the schema.
      const client = await ctx.requireClient(request);
      const body = allianceDeclineSchema.safeParse(request.body ?? undefined);
      if (!body.success) throw new AppError('validation', [{ path: 'reason', message: 'invalid' }]);
      await alliance.clientDecline(client, request.params.id, body.data?.reason);
      return { ok: true as const };
    });
  };
}
