import {
  clientChangeRequestSchema,
  clientFeedbackErasedSchema,
  clientFeedbackOverviewSchema,
  clientFeedbackSchema,
  clientMomentInputSchema,
  clientStepInputSchema,
  feedbackIdParamsSchema,
  feedbackVersionSchema,
  okResponseSchema,
  preparationInputSchema,
  voiceNoteContentTypes,
  voiceNoteLimits,
  voiceNoteSavedSchema,
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.js';
import type { HttpContext } from '../context.js';
import { sendVoiceNote } from '../voice-note-reply.js';

/** The client's side of a feedback conversation: their own session only, never the staff one. */
export function clientFeedbackRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { feedback } = ctx.services;
  return async (app) => {
    // Voice notes arrive as raw audio; scoped to this plugin, with their own size limit.
    app.addContentTypeParser(/^audio\//, { parseAs: 'buffer', bodyLimit: voiceNoteLimits.maxBytes }, (_request, body, done) => done(null, body));
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    app.get('/client/feedback', { schema: { tags: ['client'], response: { 200: clientFeedbackOverviewSchema } } }, async (request) =>
      feedback.client.overview(await ctx.requireClient(request)),
    );
    app.post('/client/feedback/erase', { schema: { tags: ['client'], response: { 200: clientFeedbackErasedSchema } } }, async (request) =>
      feedback.client.eraseTexts(await ctx.requireClient(request)),
    );
    app.get('/client/feedback/:id', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: clientFeedbackSchema } } }, async (request) =>
      feedback.client.get(await ctx.requireClient(request), request.params.id),
    );
    app.get('/client/feedback/:id/version', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: feedbackVersionSchema } } }, async (request) =>
      feedback.client.version(await ctx.requireClient(request), request.params.id),
    );
    // POST, not PUT: the client pages' API helper sends GET, POST and DELETE only.
    app.post(
      '/client/feedback/:id/preparation',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: preparationInputSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.client.prepare(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.post('/client/feedback/:id/voice-note', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: voiceNoteSavedSchema } } }, async (request) => {
      const session = await ctx.requireClient(request);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(voiceNoteContentTypes as readonly string[]).includes(contentType) || !Buffer.isBuffer(request.body)) throw new AppError('voice_note_invalid');
      return feedback.voiceNotes.clientPut(session, request.params.id, request.body, contentType);
    });
    app.get('/client/feedback/:id/voice-note', { schema: { tags: ['client'], params: feedbackIdParamsSchema } }, async (request, reply) =>
      sendVoiceNote(reply, await feedback.voiceNotes.clientGet(await ctx.requireClient(request), request.params.id)),
    );
    app.delete('/client/feedback/:id/voice-note', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await feedback.voiceNotes.clientDelete(await ctx.requireClient(request), request.params.id);
      return { ok: true as const };
    });
    app.post(
      '/client/feedback/:id/change-requests',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: clientChangeRequestSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.client.changeRequest(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.post(
      '/client/feedback/:id/moments',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: clientMomentInputSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.client.addMoment(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.post(
      '/client/feedback/:id/step',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: clientStepInputSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.client.setStep(await ctx.requireClient(request), request.params.id, request.body.step),
    );
  };
}
