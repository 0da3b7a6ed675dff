import {
  createFeedbackRequestSchema,
  feedbackActionInputSchema,
  feedbackActionUpdateSchema,
  feedbackDetailSchema,
  feedbackEntryInputSchema,
  feedbackHomeSchema,
  feedbackIdParamsSchema,
  feedbackItemParamsSchema,
  feedbackListSchema,
  feedbackMomentInputSchema,
  feedbackMomentUpdateSchema,
  feedbackVersionSchema,
  okResponseSchema,
  participantShortVersionInputSchema,
  roomChangeRequestSchema,
  updateFeedbackRequestSchema,
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { sendVoiceNote } from '../voice-note-reply.js';

const participantParamsSchema = z.object({ id: z.string().uuid(), participantId: z.string().uuid() });

/** The professional's feedback conversations: staff session only; the client's side is in client-feedback.routes.ts. */
export function feedbackRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { feedback, alliance } = ctx.services;
  const actorOf = async (request: Parameters<HttpContext['requireSession']>[0]) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.get('/feedback', { schema: { tags: ['feedback'], response: { 200: feedbackListSchema } } }, async (request) => ({
      conversations: await feedback.lifecycle.list(await actorOf(request)),
    }));
    app.post('/feedback', { schema: { tags: ['feedback'], body: createFeedbackRequestSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.lifecycle.create(await actorOf(request), request.body),
    );
    app.get('/feedback/home', { schema: { tags: ['feedback'], response: { 200: feedbackHomeSchema } } }, async (request) => {
      const actor = await actorOf(request);
      return { ...(await feedback.home.home(actor)), signals: await alliance.signals(actor) };
    });
    app.get('/feedback/:id', { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.lifecycle.get(await actorOf(request), request.params.id),
    );
    app.get('/feedback/:id/version', { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, response: { 200: feedbackVersionSchema } } }, async (request) =>
      feedback.lifecycle.version(await actorOf(request), request.params.id),
    );
    app.patch(
      '/feedback/:id',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: updateFeedbackRequestSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.lifecycle.update(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/feedback/:id', { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await feedback.lifecycle.remove(await actorOf(request), request.params.id);
      return { ok: true as const };
    });
    app.post(
      '/feedback/:id/moments',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: feedbackMomentInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.items.addMoment(await actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/feedback/:id/moments/:itemId',
      { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, body: feedbackMomentUpdateSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.items.updateMoment(await actorOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete('/feedback/:id/moments/:itemId', { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.items.removeMoment(await actorOf(request), request.params.id, request.params.itemId),
    );
    app.put(
      '/feedback/:id/entries',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: feedbackEntryInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.items.putEntry(await actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/feedback/:id/actions',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: feedbackActionInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.items.addAction(await actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/feedback/:id/actions/:itemId',
      { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, body: feedbackActionUpdateSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.items.updateAction(await actorOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete('/feedback/:id/actions/:itemId', { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.items.removeAction(await actorOf(request), request.params.id, request.params.itemId),
    );
    app.post(
      '/feedback/:id/change-requests',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: roomChangeRequestSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.items.addRoomChangeRequest(await actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/feedback/:id/change-requests/:itemId/resolve',
      { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.items.resolveChangeRequest(await actorOf(request), request.params.id, request.params.itemId),
    );
    app.put(
      '/feedback/:id/participants/:participantId/short-version',
      { schema: { tags: ['feedback'], params: participantParamsSchema, body: participantShortVersionInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.lifecycle.putShortVersion(await actorOf(request), request.params.id, request.params.participantId, request.body),
    );
    app.get('/feedback/:id/participants/:participantId/voice-note', { schema: { tags: ['feedback'], params: participantParamsSchema } }, async (request, reply) =>
      sendVoiceNote(reply, await feedback.voiceNotes.forProfessional(await actorOf(request), request.params.id, request.params.participantId)),
    );
  };
}
