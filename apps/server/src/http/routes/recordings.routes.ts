import {
  createRecordingRequestSchema,
  idParamsSchema,
  playbackDescriptorSchema,
  recordingDetailSchema,
  recordingListQuerySchema,
  recordingListSchema,
  recordingViewListSchema,
  uploadCreationSchema,
} from '@spreekkamer/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';

const tags = ['recordings'];

/** A professional's own recordings (see packages/shared/src/api/recordings.ts for the contract). */
export function recordingsRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { recordings, playback } = ctx.services;
  const actorOf = async (request: FastifyRequest) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });

    app.get('/recordings', { schema: { tags, querystring: recordingListQuerySchema, response: { 200: recordingListSchema } } }, async (request) =>
      recordings.list(await actorOf(request), request.query.conversationId),
    );
    app.post('/recordings', { schema: { tags, body: createRecordingRequestSchema, response: { 201: uploadCreationSchema } } }, async (request, reply) =>
      reply.status(201).send(await recordings.create(await actorOf(request), request.body)),
    );
    app.get('/recordings/:id', { schema: { tags, params: idParamsSchema, response: { 200: recordingDetailSchema } } }, async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return recordings.get(await actorOf(request), request.params.id);
    });
    app.delete('/recordings/:id', { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
      await recordings.remove(await actorOf(request), request.params.id);
      return reply.status(204).send(null);
    });
    app.post('/recordings/:id/playback', { schema: { tags, params: idParamsSchema, response: { 200: playbackDescriptorSchema } } }, async (request, reply) => {
      const session = await ctx.requireSession(request);
      reply.header('Cache-Control', 'no-store');
      return playback.descriptor(session.actor, session.user.name, request.params.id);
    });
    app.get('/recordings/:id/views', { schema: { tags, params: idParamsSchema, response: { 200: recordingViewListSchema } } }, async (request) => ({
      views: await recordings.views(await actorOf(request), request.params.id),
    }));
  };
}
