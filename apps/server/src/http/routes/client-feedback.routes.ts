import { contract, voiceNoteContentTypes, voiceNoteLimits } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.js';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The client's side of a feedback conversation: their own session only, never the staff one. */
export function clientFeedbackRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { feedback } = ctx.services;
  const endpoints = contract.clientFeedback;
  return async (app) => {
    // Voice notes arrive as raw audio; scoped to this plugin, with their own size limit.
    app.addContentTypeParser(/^audio\//, { parseAs: 'buffer', bodyLimit: voiceNoteLimits.maxBytes }, (_request, body, done) => done(null, body));
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    route(app, endpoints.overview, async (_input, request) => feedback.client.overview(await ctx.requireClient(request)));
    route(app, endpoints.erase, async (_input, request) => feedback.client.eraseTexts(await ctx.requireClient(request)));
    route(app, endpoints.get, async ({ params }, request) => feedback.client.get(await ctx.requireClient(request), params.id));
    route(app, endpoints.version, async ({ params }, request) => feedback.client.version(await ctx.requireClient(request), params.id));
    route(app, endpoints.prepare, async ({ params, body }, request) => feedback.client.prepare(await ctx.requireClient(request), params.id, body));
    route(app, endpoints.saveVoiceNote, async ({ params }, request) => {
      const session = await ctx.requireClient(request);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(voiceNoteContentTypes as readonly string[]).includes(contentType) || !Buffer.isBuffer(request.body)) throw new AppError('voice_note_invalid');
      return feedback.voiceNotes.clientPut(session, params.id, request.body, contentType);
    });
    route(app, endpoints.voiceNote, async ({ params }, request) => feedback.voiceNotes.clientGet(await ctx.requireClient(request), params.id));
    route(app, endpoints.deleteVoiceNote, async ({ params }, request) => {
      await feedback.voiceNotes.clientDelete(await ctx.requireClient(request), params.id);
      return { ok: true as const };
    });
    route(app, endpoints.addChangeRequest, async ({ params, body }, request) => feedback.client.changeRequest(await ctx.requireClient(request), params.id, body));
    route(app, endpoints.addMoment, async ({ params, body }, request) => feedback.client.addMoment(await ctx.requireClient(request), params.id, body));
    route(app, endpoints.setStep, async ({ params, body }, request) => feedback.client.setStep(await ctx.requireClient(request), params.id, body.step));
  };
}
