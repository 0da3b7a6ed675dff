import { z } from 'zod';
import {
  clientHelperSchema,
  clientHelperShownSchema,
  clientPreparationPointDecisionSchema,
  feedbackHelpersSchema,
  feedbackIdParamsSchema,
  idParamsSchema,
  inviteHelperSchema,
  preparationHelpListSchema,
  preparationHelpSchema,
  preparationPointInputSchema,
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

const participantParamsSchema = z.object({ id: z.string().uuid(), participantId: z.string().uuid() });
const pointParamsSchema = z.object({ id: z.string().uuid(), pointId: z.string().uuid() });

/**
 * Help with preparing a Samenleergesprek from an independent coach, without any recording:
 * the professional invites, the client chooses what the helper sees and which points go on,
 * the helper reads what is shown and writes points down.
 */
export function preparationHelpRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { preparationHelp } = ctx.services;
  const actorOf = async (request: Parameters<HttpContext['requireSession']>[0]) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Professional
    app.get('/feedback/:id/helpers', { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, response: { 200: feedbackHelpersSchema } } }, async (request) =>
      preparationHelp.helpers(await actorOf(request), request.params.id),
    );
    app.put(
      '/feedback/:id/participants/:participantId/helper',
      { schema: { tags: ['feedback'], params: participantParamsSchema, body: inviteHelperSchema, response: { 200: feedbackHelpersSchema } } },
      async (request) => preparationHelp.invite(await actorOf(request), request.params.id, request.params.participantId, request.body.helperId),
    );
    app.delete('/feedback/:id/participants/:participantId/helper', { schema: { tags: ['feedback'], params: participantParamsSchema, response: { 200: feedbackHelpersSchema } } }, async (request) =>
      preparationHelp.end(await actorOf(request), request.params.id, request.params.participantId),
    );

    // Helper
    app.get('/preparation-helps', { schema: { tags: ['feedback'], response: { 200: preparationHelpListSchema } } }, async (request) => preparationHelp.listForHelper(await actorOf(request)));
    app.get('/preparation-helps/:id', { schema: { tags: ['feedback'], params: idParamsSchema, response: { 200: preparationHelpSchema } } }, async (request) =>
      preparationHelp.getForHelper(await actorOf(request), request.params.id),
    );
    app.post('/preparation-helps/:id/points', { schema: { tags: ['feedback'], params: idParamsSchema, body: preparationPointInputSchema, response: { 200: preparationHelpSchema } } }, async (request) =>
      preparationHelp.addPoint(await actorOf(request), request.params.id, request.body.text),
    );

    // Client (POST only: the client pages' API helper sends GET, POST and DELETE)
    app.get('/client/feedback/:id/helper', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: clientHelperSchema } } }, async (request) =>
      preparationHelp.forClient(await ctx.requireClient(request), request.params.id),
    );
    app.post('/client/feedback/:id/helper/shown', { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: clientHelperShownSchema, response: { 200: clientHelperSchema } } }, async (request) =>
      preparationHelp.clientShow(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.post(
      '/client/feedback/:id/helper/points/:pointId',
      { schema: { tags: ['client'], params: pointParamsSchema, body: clientPreparationPointDecisionSchema, response: { 200: clientHelperSchema } } },
      async (request) => preparationHelp.clientDecide(await ctx.requireClient(request), request.params.id, request.params.pointId, request.body.relay),
    );
  };
}
