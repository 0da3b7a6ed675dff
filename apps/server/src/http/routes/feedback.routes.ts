import {
  allianceAnswerSchema,
  allianceDeclineSchema,
  allianceOverviewSchema,
  allianceRequestCreatedSchema,
  allianceTrendSchema,
  clientChangeRequestSchema,
  clientFeedbackOverviewSchema,
  clientFeedbackSchema,
  clientFollowUpSchema,
  clientMomentInputSchema,
  clientStepInputSchema,
  createAllianceRequestSchema,
  createFeedbackRequestSchema,
  createFollowUpSchema,
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
  followUpListQuerySchema,
  followUpListSchema,
  followUpSchema,
  idParamsSchema,
  okResponseSchema,
  clientFeedbackErasedSchema,
  participantShortVersionInputSchema,
  preparationInputSchema,
  roomChangeRequestSchema,
  updateFeedbackRequestSchema,
  updateFollowUpSchema,
  voiceNoteContentTypes,
  voiceNoteLimits,
  voiceNoteSavedSchema,
} from '@spreekkamer/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import type { HttpContext } from '../context.js';

const participantParamsSchema = z.object({ id: z.string().uuid(), participantId: z.string().uuid() });

function sendAudio(reply: FastifyReply, note: { audio: Buffer; contentType: string }) {
  // Private, never cached, never offered as a download.
  return reply.type(note.contentType).header('Cache-Control', 'no-store').header('Content-Disposition', 'inline').send(note.audio);
}

/**
 * Client feedback: the feedback conversation, the alliance check and the follow-up. Professional
 * routes take the staff session; /client/… routes take only the client's own session.
 */
export function feedbackRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { feedback, alliance, followUps } = ctx.services;
  const actorOf = async (request: Parameters<HttpContext['requireSession']>[0]) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Voice notes arrive as raw audio; scoped to this plugin, with their own size limit.
    app.addContentTypeParser(/^audio\//, { parseAs: 'buffer', bodyLimit: voiceNoteLimits.maxBytes }, (_request, body, done) => done(null, body));

    // --- Professional: feedback conversations ------------------------------------------------
    app.get('/feedback', { schema: { tags: ['feedback'], response: { 200: feedbackListSchema } } }, async (request) => ({
      conversations: await feedback.list(await actorOf(request)),
    }));
    app.post('/feedback', { schema: { tags: ['feedback'], body: createFeedbackRequestSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.create(await actorOf(request), request.body),
    );
    app.get('/feedback/home', { schema: { tags: ['feedback'], response: { 200: feedbackHomeSchema } } }, async (request) => {
      const actor = await actorOf(request);
      return { ...(await feedback.home(actor)), signals: await alliance.signals(actor) };
    });
    app.get('/feedback/:id', { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.get(await actorOf(request), request.params.id),
    );
    app.get('/feedback/:id/version', { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, response: { 200: feedbackVersionSchema } } }, async (request) =>
      feedback.version(await actorOf(request), request.params.id),
    );
    app.patch(
      '/feedback/:id',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: updateFeedbackRequestSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.update(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/feedback/:id', { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await feedback.remove(await actorOf(request), request.params.id);
      return { ok: true as const };
    });
    app.post(
      '/feedback/:id/moments',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: feedbackMomentInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.addMoment(await actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/feedback/:id/moments/:itemId',
      { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, body: feedbackMomentUpdateSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.updateMoment(await actorOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete('/feedback/:id/moments/:itemId', { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.removeMoment(await actorOf(request), request.params.id, request.params.itemId),
    );
    app.put(
      '/feedback/:id/entries',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: feedbackEntryInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.putEntry(await actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/feedback/:id/actions',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: feedbackActionInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.addAction(await actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/feedback/:id/actions/:itemId',
      { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, body: feedbackActionUpdateSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.updateAction(await actorOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete('/feedback/:id/actions/:itemId', { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, response: { 200: feedbackDetailSchema } } }, async (request) =>
      feedback.removeAction(await actorOf(request), request.params.id, request.params.itemId),
    );
    app.post(
      '/feedback/:id/change-requests',
      { schema: { tags: ['feedback'], params: feedbackIdParamsSchema, body: roomChangeRequestSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.addRoomChangeRequest(await actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/feedback/:id/change-requests/:itemId/resolve',
      { schema: { tags: ['feedback'], params: feedbackItemParamsSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.resolveChangeRequest(await actorOf(request), request.params.id, request.params.itemId),
    );
    app.put(
      '/feedback/:id/participants/:participantId/short-version',
      { schema: { tags: ['feedback'], params: participantParamsSchema, body: participantShortVersionInputSchema, response: { 200: feedbackDetailSchema } } },
      async (request) => feedback.putShortVersion(await actorOf(request), request.params.id, request.params.participantId, request.body),
    );
    app.get('/feedback/:id/participants/:participantId/voice-note', { schema: { tags: ['feedback'], params: participantParamsSchema } }, async (request, reply) =>
      sendAudio(reply, await feedback.voiceNoteForProfessional(await actorOf(request), request.params.id, request.params.participantId)),
    );

    // --- Professional: alliance check and follow-up ------------------------------------------
    app.post('/alliance/requests', { schema: { tags: ['alliance'], body: createAllianceRequestSchema, response: { 200: allianceRequestCreatedSchema } } }, async (request) =>
      alliance.request(await actorOf(request), request.body),
    );
    app.get('/alliance/overview', { schema: { tags: ['alliance'], response: { 200: allianceOverviewSchema } } }, async (request) => alliance.overview(await actorOf(request)));
    app.get('/alliance/clients/:id', { schema: { tags: ['alliance'], params: idParamsSchema, response: { 200: allianceTrendSchema } } }, async (request) =>
      alliance.trend(await actorOf(request), request.params.id),
    );

    app.get('/follow-ups', { schema: { tags: ['follow-ups'], querystring: followUpListQuerySchema, response: { 200: followUpListSchema } } }, async (request) => ({
      followUps: await followUps.list(await actorOf(request), request.query.clientId),
    }));
    app.post('/follow-ups', { schema: { tags: ['follow-ups'], body: createFollowUpSchema, response: { 200: followUpSchema } } }, async (request) =>
      followUps.create(await actorOf(request), request.body),
    );
    app.patch('/follow-ups/:id', { schema: { tags: ['follow-ups'], params: idParamsSchema, body: updateFollowUpSchema, response: { 200: followUpSchema } } }, async (request) =>
      followUps.update(await actorOf(request), request.params.id, request.body),
    );
    app.post('/follow-ups/:id/send', { schema: { tags: ['follow-ups'], params: idParamsSchema, response: { 200: followUpSchema } } }, async (request) =>
      followUps.send(await actorOf(request), request.params.id),
    );
    app.delete('/follow-ups/:id', { schema: { tags: ['follow-ups'], params: idParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await followUps.remove(await actorOf(request), request.params.id);
      return { ok: true as const };
    });

    // --- Client (own session only) -------------------------------------------------------------
    app.get('/client/feedback', { schema: { tags: ['client'], response: { 200: clientFeedbackOverviewSchema } } }, async (request) =>
      feedback.clientOverview(await ctx.requireClient(request)),
    );
    app.post('/client/feedback/erase', { schema: { tags: ['client'], response: { 200: clientFeedbackErasedSchema } } }, async (request) =>
      feedback.clientEraseTexts(await ctx.requireClient(request)),
    );
    app.get('/client/feedback/:id', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: clientFeedbackSchema } } }, async (request) =>
      feedback.clientGet(await ctx.requireClient(request), request.params.id),
    );
    app.get('/client/feedback/:id/version', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: feedbackVersionSchema } } }, async (request) =>
      feedback.clientVersion(await ctx.requireClient(request), request.params.id),
    );
    // POST, not PUT: the client pages' API helper sends GET, POST and DELETE only.
    app.post(
      '/client/feedback/:id/preparation',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: preparationInputSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.clientPrepare(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.post('/client/feedback/:id/voice-note', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: voiceNoteSavedSchema } } }, async (request) => {
      const session = await ctx.requireClient(request);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(voiceNoteContentTypes as readonly string[]).includes(contentType) || !Buffer.isBuffer(request.body)) throw new AppError('voice_note_invalid');
      return feedback.clientPutVoiceNote(session, request.params.id, request.body, contentType);
    });
    app.get('/client/feedback/:id/voice-note', { schema: { tags: ['client'], params: feedbackIdParamsSchema } }, async (request, reply) =>
      sendAudio(reply, await feedback.clientGetVoiceNote(await ctx.requireClient(request), request.params.id)),
    );
    app.delete('/client/feedback/:id/voice-note', { schema: { tags: ['client'], params: feedbackIdParamsSchema, response: { 200: okResponseSchema } } }, async (request) => {
      await feedback.clientDeleteVoiceNote(await ctx.requireClient(request), request.params.id);
      return { ok: true as const };
    });
    app.post(
      '/client/feedback/:id/change-requests',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: clientChangeRequestSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.clientChangeRequest(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.post(
      '/client/feedback/:id/moments',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: clientMomentInputSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.clientAddMoment(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.post(
      '/client/feedback/:id/step',
      { schema: { tags: ['client'], params: feedbackIdParamsSchema, body: clientStepInputSchema, response: { 200: clientFeedbackSchema } } },
      async (request) => feedback.clientSetStep(await ctx.requireClient(request), request.params.id, request.body.step),
    );

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

    app.get('/client/follow-ups/:id', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: clientFollowUpSchema } } }, async (request) =>
      followUps.clientGet(await ctx.requireClient(request), request.params.id),
    );
    app.post('/client/follow-ups/:id/read', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: clientFollowUpSchema } } }, async (request) =>
      followUps.clientMarkRead(await ctx.requireClient(request), request.params.id),
    );
  };
}
