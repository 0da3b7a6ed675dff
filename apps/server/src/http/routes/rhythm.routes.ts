import {
  idParamsSchema,
  rhythmSpeakerRequestSchema,
  rhythmTurnsRequestSchema,
  rhythmViewSchema,
  sharedRhythmLaneSchema,
  shareRhythmLaneRequestSchema,
  shareRhythmLaneSchema,
} from '@spreekkamer/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

const tags = ['rhythm'];

/** Conversation rhythm: session first, then the service checks access. */
export function rhythmRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { rhythm } = ctx.services;
  const actorOf = async (request: FastifyRequest) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.get('/recordings/:id/rhythm', { schema: { tags, params: idParamsSchema, response: { 200: rhythmViewSchema } } }, async (request) =>
      rhythm.get(await actorOf(request), request.params.id),
    );
    app.put('/recordings/:id/rhythm/speaker', { schema: { tags, params: idParamsSchema, body: rhythmSpeakerRequestSchema, response: { 200: rhythmViewSchema } } }, async (request) =>
      rhythm.confirmSpeaker(await actorOf(request), request.params.id, request.body.professionalSpeaker),
    );
    app.put('/recordings/:id/rhythm/turns', { schema: { tags, params: idParamsSchema, body: rhythmTurnsRequestSchema, response: { 200: rhythmViewSchema } } }, async (request) =>
      rhythm.saveTurns(await actorOf(request), request.params.id, request.body.turns),
    );
    app.put('/shares/:id/rhythm-lane', { schema: { tags, params: idParamsSchema, body: shareRhythmLaneRequestSchema, response: { 200: shareRhythmLaneSchema } } }, async (request) =>
      rhythm.setShareLane(await actorOf(request), request.params.id, request.body.include),
    );
    app.get('/shares/:id/rhythm', { schema: { tags, params: idParamsSchema, response: { 200: sharedRhythmLaneSchema } } }, async (request) =>
      rhythm.sharedLane(await actorOf(request), request.params.id),
    );
  };
}
