import {
  addPeerGroupMemberRequestSchema,
  anonymousClientPointsSchema,
  clientPointForClientSchema,
  clientPointListSchema,
  clientPointSchema,
  clientRelayRequestSchema,
  clientReviewTalkListSchema,
  commentListQuerySchema,
  commentListSchema,
  commentSchema,
  createClientPointRequestSchema,
  createCommentRequestSchema,
  createOutcomeRequestSchema,
  createPeerGroupRequestSchema,
  createShareRequestSchema,
  idParamsSchema,
  momentInputSchema,
  momentListSchema,
  momentPatchSchema,
  momentSchema,
  noShareStretchInputSchema,
  noShareStretchListSchema,
  noShareStretchSchema,
  outcomeListSchema,
  outcomeSchema,
  peerGroupListSchema,
  peerGroupMemberParamsSchema,
  peerGroupSchema,
  peopleListSchema,
  playbackDescriptorSchema,
  receivedShareListSchema,
  relayedClientPointListSchema,
  reviewExportSchema,
  reviewGuideSchema,
  reviewGuideUpdateSchema,
  reviewMeetingSchema,
  reviewMeetingUpdateSchema,
  shareDetailSchema,
  shareListSchema,
  shareOptionsSchema,
  shareIdParamsSchema,
  shareMomentParamsSchema,
  clientTalkPlaybackQuerySchema,
  shareSchema,
  takeawayRequestSchema,
} from '@spreekkamer/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportCsv, exportMarkdown } from '../../domain/reviews/review-export.js';
import type { HttpContext } from '../context.js';

const tags = ['reviews'];

function noContent(reply: FastifyReply): FastifyReply {
  return reply.status(204).send();
}

/** Staff routes of "foreign eyes": every one starts with the session, then the service checks access. */
export function reviewRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { reviews } = ctx.services;
  const actorOf = async (request: FastifyRequest) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });

    app.get('/review-guide', { schema: { tags, response: { 200: reviewGuideSchema } } }, async (request) => reviews.guide.get(await actorOf(request)));
    app.put('/review-guide', { schema: { tags, body: reviewGuideUpdateSchema, response: { 200: reviewGuideSchema } } }, async (request) =>
      reviews.guide.update(await actorOf(request), request.body),
    );
    app.delete('/review-guide', { schema: { tags, response: { 200: reviewGuideSchema } } }, async (request) => reviews.guide.reset(await actorOf(request)));

    app.get('/recordings/:id/moments', { schema: { tags, params: idParamsSchema, response: { 200: momentListSchema } } }, async (request) => ({
      moments: await reviews.moments.list(await actorOf(request), request.params.id),
    }));
    app.post('/recordings/:id/moments', { schema: { tags, params: idParamsSchema, body: momentInputSchema, response: { 200: momentSchema } } }, async (request) =>
      reviews.moments.create(await actorOf(request), request.params.id, request.body),
    );
    app.patch('/moments/:id', { schema: { tags, params: idParamsSchema, body: momentPatchSchema, response: { 200: momentSchema } } }, async (request) =>
      reviews.moments.update(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/moments/:id', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await reviews.moments.delete(await actorOf(request), request.params.id);
      return noContent(reply);
    });

    app.get('/recordings/:id/no-share-stretches', { schema: { tags, params: idParamsSchema, response: { 200: noShareStretchListSchema } } }, async (request) => ({
      stretches: await reviews.noShare.list(await actorOf(request), request.params.id),
    }));
    app.post('/recordings/:id/no-share-stretches', { schema: { tags, params: idParamsSchema, body: noShareStretchInputSchema, response: { 200: noShareStretchSchema } } }, async (request) =>
      reviews.noShare.mark(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/no-share-stretches/:id', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await reviews.noShare.remove(await actorOf(request), request.params.id);
      return noContent(reply);
    });
    app.post('/no-share-stretches/:id/cut', { schema: { tags, params: idParamsSchema, response: { 200: noShareStretchSchema } } }, async (request) =>
      reviews.noShare.requestCut(await actorOf(request), request.params.id),
    );

    app.get('/reviews/people', { schema: { tags, response: { 200: peopleListSchema } } }, async (request) => ({ people: await reviews.shares.people(await actorOf(request)) }));
    app.get('/recordings/:id/share-options', { schema: { tags, params: idParamsSchema, response: { 200: shareOptionsSchema } } }, async (request) =>
      reviews.shares.options(await actorOf(request), request.params.id),
    );
    app.get('/recordings/:id/shares', { schema: { tags, params: idParamsSchema, response: { 200: shareListSchema } } }, async (request) => ({
      shares: await reviews.shares.list(await actorOf(request), request.params.id),
    }));
    app.post('/recordings/:id/shares', { schema: { tags, params: idParamsSchema, body: createShareRequestSchema, response: { 200: shareSchema } } }, async (request) =>
      reviews.shares.create(await actorOf(request), request.params.id, request.body),
    );
    app.post('/shares/:id/revoke', { schema: { tags, params: idParamsSchema, response: { 200: shareSchema } } }, async (request) =>
      reviews.shares.revoke(await actorOf(request), request.params.id),
    );
    // The exact cut of one shared moment: all a recipient receives of the media.
    app.post('/shares/:id/moments/:momentId/playback', { schema: { tags, params: shareMomentParamsSchema, response: { 200: playbackDescriptorSchema } } }, async (request, reply) => {
      const session = await ctx.requireSession(request);
      const cut = await reviews.shares.spanCut(session.actor, request.params.id, request.params.momentId);
      reply.header('Cache-Control', 'no-store');
      return ctx.services.playback.spanDescriptor(session.actor, session.user.name, cut);
    });
    app.get('/shares/received', { schema: { tags, response: { 200: receivedShareListSchema } } }, async (request) => ({ shares: await reviews.shares.received(await actorOf(request)) }));
    app.get('/shares/:id', { schema: { tags, params: idParamsSchema, response: { 200: shareDetailSchema } } }, async (request) =>
      reviews.shares.detail(await actorOf(request), request.params.id),
    );

    app.get('/moments/:id/comments', { schema: { tags, params: idParamsSchema, querystring: commentListQuerySchema, response: { 200: commentListSchema } } }, async (request) => ({
      comments: await reviews.comments.list(await actorOf(request), request.params.id, request.query.shareId),
    }));
    app.post('/moments/:id/comments', { schema: { tags, params: idParamsSchema, body: createCommentRequestSchema, response: { 200: commentSchema } } }, async (request) =>
      reviews.comments.create(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/comments/:id', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await reviews.comments.delete(await actorOf(request), request.params.id);
      return noContent(reply);
    });
    app.put('/comments/:id/takeaway', { schema: { tags, params: idParamsSchema, body: takeawayRequestSchema, response: { 200: commentSchema } } }, async (request) =>
      reviews.comments.setTakeaway(await actorOf(request), request.params.id, request.body.takeaway),
    );

    app.get('/shares/:id/meeting', { schema: { tags, params: idParamsSchema, response: { 200: reviewMeetingSchema } } }, async (request) =>
      reviews.meetings.get(await actorOf(request), request.params.id),
    );
    app.put('/shares/:id/meeting', { schema: { tags, params: idParamsSchema, body: reviewMeetingUpdateSchema, response: { 200: reviewMeetingSchema } } }, async (request) =>
      reviews.meetings.update(await actorOf(request), request.params.id, request.body),
    );
    app.get('/recordings/:id/outcomes', { schema: { tags, params: idParamsSchema, response: { 200: outcomeListSchema } } }, async (request) =>
      reviews.meetings.outcomes(await actorOf(request), request.params.id),
    );
    app.post('/recordings/:id/outcomes', { schema: { tags, params: idParamsSchema, body: createOutcomeRequestSchema, response: { 200: outcomeSchema } } }, async (request) =>
      reviews.meetings.addOutcome(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/outcomes/:id', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await reviews.meetings.deleteOutcome(await actorOf(request), request.params.id);
      return noContent(reply);
    });

    app.get('/shares/:id/client-points', { schema: { tags, params: idParamsSchema, response: { 200: clientPointListSchema } } }, async (request) => ({
      points: await reviews.clientPoints.listForReviewer(await actorOf(request), request.params.id),
    }));
    app.post('/shares/:id/client-points', { schema: { tags, params: idParamsSchema, body: createClientPointRequestSchema, response: { 200: clientPointSchema } } }, async (request) =>
      reviews.clientPoints.add(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/client-points/:id', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await reviews.clientPoints.remove(await actorOf(request), request.params.id);
      return noContent(reply);
    });
    app.get('/client-points/anonymous', { schema: { tags, response: { 200: anonymousClientPointsSchema } } }, async (request) =>
      reviews.clientPoints.anonymousForProfessional(await actorOf(request)),
    );
    app.get('/recordings/:id/client-points', { schema: { tags, params: idParamsSchema, response: { 200: relayedClientPointListSchema } } }, async (request) => ({
      points: await reviews.clientPoints.relayedForOwner(await actorOf(request), request.params.id),
    }));

    app.get('/peer-groups', { schema: { tags, response: { 200: peerGroupListSchema } } }, async (request) => ({ groups: await reviews.peerGroups.list(await actorOf(request)) }));
    app.post('/peer-groups', { schema: { tags, body: createPeerGroupRequestSchema, response: { 200: peerGroupSchema } } }, async (request) =>
      reviews.peerGroups.create(await actorOf(request), request.body),
    );
    app.post('/peer-groups/:id/members', { schema: { tags, params: idParamsSchema, body: addPeerGroupMemberRequestSchema, response: { 200: peerGroupSchema } } }, async (request) =>
      reviews.peerGroups.invite(await actorOf(request), request.params.id, request.body.userId),
    );
    app.delete('/peer-groups/:id/members/:userId', { schema: { tags, params: peerGroupMemberParamsSchema, response: { 200: peerGroupSchema } } }, async (request) =>
      reviews.peerGroups.remove(await actorOf(request), request.params.id, request.params.userId),
    );
    app.post('/peer-groups/:id/accept', { schema: { tags, params: idParamsSchema, response: { 200: peerGroupSchema } } }, async (request) =>
      reviews.peerGroups.accept(await actorOf(request), request.params.id),
    );
    app.post('/peer-groups/:id/leave', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await reviews.peerGroups.leave(await actorOf(request), request.params.id);
      return noContent(reply);
    });

    app.get('/recordings/:id/review-export', { schema: { tags, params: idParamsSchema, response: { 200: reviewExportSchema } } }, async (request) =>
      reviews.exports.build(await actorOf(request), request.params.id, 'json'),
    );
    app.get('/recordings/:id/review-export.md', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      const data = await reviews.exports.build(await actorOf(request), request.params.id, 'markdown');
      return reply
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="terugkijken-${data.conversationHeldOn}.md"`)
        .type('text/markdown; charset=utf-8')
        .send(exportMarkdown(data));
    });
    app.get('/recordings/:id/review-export.csv', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      const data = await reviews.exports.build(await actorOf(request), request.params.id, 'csv');
      return reply
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="terugkijken-${data.conversationHeldOn}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(exportCsv(data));
    });
  };
}

/** The client's side: their talks with a reviewer, and their choice per point. */
export function clientReviewRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { reviews } = ctx.services;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    app.get('/client/review-talks', { schema: { tags: ['client'], response: { 200: clientReviewTalkListSchema } } }, async (request) => ({
      talks: await reviews.clientPoints.talksForClient(await ctx.requireClient(request)),
    }));
    app.get('/client/consents/:id/no-share-stretches', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: noShareStretchListSchema } } }, async (request) => ({
      stretches: await reviews.noShare.clientList(await ctx.requireClient(request), request.params.id),
    }));
    app.post('/client/consents/:id/no-share-stretches', { schema: { tags: ['client'], params: idParamsSchema, body: noShareStretchInputSchema, response: { 200: noShareStretchListSchema } } }, async (request) => ({
      stretches: await reviews.noShare.clientMark(await ctx.requireClient(request), request.params.id, request.body),
    }));
    app.delete('/client/no-share-stretches/:id', { schema: { tags: ['client'], params: idParamsSchema } }, async (request, reply) => {
      await reviews.noShare.clientRemove(await ctx.requireClient(request), request.params.id);
      return noContent(reply);
    });
    app.post('/client/no-share-stretches/:id/cut', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: noShareStretchSchema } } }, async (request) =>
      reviews.noShare.clientRequestCut(await ctx.requireClient(request), request.params.id),
    );
    app.post('/client/client-points/:id/relay', { schema: { tags: ['client'], params: idParamsSchema, body: clientRelayRequestSchema, response: { 200: clientPointForClientSchema } } }, async (request) =>
      reviews.clientPoints.decide(await ctx.requireClient(request), request.params.id, request.body.relay),
    );
    // Played on the reviewer's device with the client present: both sessions are needed. A GET, so
    // neither CSRF token is involved; minting a short-lived token changes nothing.
    app.get('/client/review-talks/:shareId/playback', { schema: { tags: ['client'], params: shareIdParamsSchema, querystring: clientTalkPlaybackQuerySchema, response: { 200: playbackDescriptorSchema } } }, async (request, reply) => {
      const client = await ctx.requireClient(request);
      const session = await ctx.requireSession(request);
      const cut = await reviews.clientPoints.clientTalkCut(client, session.actor, request.params.shareId, request.query.fragment);
      reply.header('Cache-Control', 'no-store');
      return ctx.services.playback.spanDescriptor(session.actor, session.user.name, cut);
    });
  };
}
