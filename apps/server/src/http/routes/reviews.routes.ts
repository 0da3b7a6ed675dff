import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportCsv, exportMarkdown } from '../../domain/reviews/review-export.js';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** Staff routes of "foreign eyes": every one starts with the session, then the service checks access. */
export function reviewRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { reviews } = ctx.services;
  const endpoints = contract.reviews;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });

    route(app, endpoints.guide, async (_input, request) => reviews.guide.get(await ctx.actorOf(request)));
    route(app, endpoints.updateGuide, async ({ body }, request) => reviews.guide.update(await ctx.actorOf(request), body));
    route(app, endpoints.resetGuide, async (_input, request) => reviews.guide.reset(await ctx.actorOf(request)));

    route(app, endpoints.listMoments, async ({ params }, request) => ({ moments: await reviews.moments.list(await ctx.actorOf(request), params.id) }));
    route(app, endpoints.createMoment, async ({ params, body }, request) => reviews.moments.create(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.updateMoment, async ({ params, body }, request) => reviews.moments.update(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.deleteMoment, async ({ params }, request) => {
      await reviews.moments.delete(await ctx.actorOf(request), params.id);
      return null;
    });

    route(app, endpoints.listNoShareStretches, async ({ params }, request) => ({ stretches: await reviews.noShare.list(await ctx.actorOf(request), params.id) }));
    route(app, endpoints.markNoShareStretch, async ({ params, body }, request) => reviews.noShare.mark(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.removeNoShareStretch, async ({ params }, request) => {
      await reviews.noShare.remove(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.cutNoShareStretch, async ({ params }, request) => reviews.noShare.requestCut(await ctx.actorOf(request), params.id));

    route(app, endpoints.people, async (_input, request) => ({ people: await reviews.shares.people(await ctx.actorOf(request)) }));
    route(app, endpoints.shareOptions, async ({ params }, request) => reviews.shares.options(await ctx.actorOf(request), params.id));
    route(app, endpoints.listShares, async ({ params }, request) => ({ shares: await reviews.shares.list(await ctx.actorOf(request), params.id) }));
    route(app, endpoints.createShare, async ({ params, body }, request) => reviews.shares.create(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.revokeShare, async ({ params }, request) => reviews.shares.revoke(await ctx.actorOf(request), params.id));
    // The exact cut of one shared moment: all a recipient receives of the media.
    route(app, endpoints.momentPlayback, async ({ params }, request) => {
      const session = await ctx.requireSession(request);
      const cut = await reviews.shares.spanCut(session.actor, params.id, params.momentId);
      return ctx.services.playback.spanDescriptor(session.actor, session.user.name, cut);
    });
    route(app, endpoints.received, async (_input, request) => ({ shares: await reviews.shares.received(await ctx.actorOf(request)) }));
    route(app, endpoints.policyReceived, async (_input, request) => ({ shares: await reviews.shares.policyReceived(await ctx.actorOf(request)) }));
    route(app, endpoints.setPolicyNote, async ({ params, body }, request) => reviews.shares.setPolicyNote(await ctx.actorOf(request), params.id, body.note));
    route(app, endpoints.shareDetail, async ({ params }, request) => reviews.shares.detail(await ctx.actorOf(request), params.id));

    route(app, endpoints.listComments, async ({ params, query }, request) => ({ comments: await reviews.comments.list(await ctx.actorOf(request), params.id, query.shareId) }));
    route(app, endpoints.createComment, async ({ params, body }, request) => reviews.comments.create(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.deleteComment, async ({ params }, request) => {
      await reviews.comments.delete(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.setTakeaway, async ({ params, body }, request) => reviews.comments.setTakeaway(await ctx.actorOf(request), params.id, body.takeaway));

    route(app, endpoints.meeting, async ({ params }, request) => reviews.meetings.get(await ctx.actorOf(request), params.id));
    route(app, endpoints.updateMeeting, async ({ params, body }, request) => reviews.meetings.update(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.outcomes, async ({ params }, request) => reviews.meetings.outcomes(await ctx.actorOf(request), params.id));
    route(app, endpoints.addOutcome, async ({ params, body }, request) => reviews.meetings.addOutcome(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.deleteOutcome, async ({ params }, request) => {
      await reviews.meetings.deleteOutcome(await ctx.actorOf(request), params.id);
      return null;
    });

    route(app, endpoints.listClientPoints, async ({ params }, request) => ({ points: await reviews.clientPoints.listForReviewer(await ctx.actorOf(request), params.id) }));
    route(app, endpoints.addClientPoint, async ({ params, body }, request) => reviews.clientPoints.add(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.removeClientPoint, async ({ params }, request) => {
      await reviews.clientPoints.remove(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.anonymousClientPoints, async (_input, request) => reviews.clientPoints.anonymousForProfessional(await ctx.actorOf(request)));
    route(app, endpoints.relayedClientPoints, async ({ params }, request) => ({ points: await reviews.clientPoints.relayedForOwner(await ctx.actorOf(request), params.id) }));

    route(app, endpoints.listPeerGroups, async (_input, request) => ({ groups: await reviews.peerGroups.list(await ctx.actorOf(request)) }));
    route(app, endpoints.createPeerGroup, async ({ body }, request) => reviews.peerGroups.create(await ctx.actorOf(request), body));
    route(app, endpoints.inviteToPeerGroup, async ({ params, body }, request) => reviews.peerGroups.invite(await ctx.actorOf(request), params.id, body.userId));
    route(app, endpoints.removeFromPeerGroup, async ({ params }, request) => reviews.peerGroups.remove(await ctx.actorOf(request), params.id, params.userId));
    route(app, endpoints.acceptPeerGroup, async ({ params }, request) => reviews.peerGroups.accept(await ctx.actorOf(request), params.id));
    route(app, endpoints.leavePeerGroup, async ({ params }, request) => {
      await reviews.peerGroups.leave(await ctx.actorOf(request), params.id);
      return null;
    });

    route(app, endpoints.export, async ({ params }, request) => reviews.exports.build(await ctx.actorOf(request), params.id, 'json'));
    route(app, endpoints.exportMarkdown, async ({ params }, request) => {
      const data = await reviews.exports.build(await ctx.actorOf(request), params.id, 'markdown');
      return { filename: `terugkijken-${data.conversationHeldOn}.md`, body: exportMarkdown(data) };
    });
    route(app, endpoints.exportCsv, async ({ params }, request) => {
      const data = await reviews.exports.build(await ctx.actorOf(request), params.id, 'csv');
      return { filename: `terugkijken-${data.conversationHeldOn}.csv`, body: exportCsv(data) };
    });
  };
}

/** The client's side: their talks with a reviewer, and their choice per point. */
export function clientReviewRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { reviews } = ctx.services;
  const endpoints = contract.clientReviews;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    route(app, endpoints.talks, async (_input, request) => ({ talks: await reviews.clientPoints.talksForClient(await ctx.requireClient(request)) }));
    route(app, endpoints.noShareStretches, async ({ params }, request) => ({ stretches: await reviews.noShare.clientList(await ctx.requireClient(request), params.id) }));
    route(app, endpoints.markNoShareStretch, async ({ params, body }, request) => ({ stretches: await reviews.noShare.clientMark(await ctx.requireClient(request), params.id, body) }));
    route(app, endpoints.removeNoShareStretch, async ({ params }, request) => {
      await reviews.noShare.clientRemove(await ctx.requireClient(request), params.id);
      return null;
    });
    route(app, endpoints.cutNoShareStretch, async ({ params }, request) => reviews.noShare.clientRequestCut(await ctx.requireClient(request), params.id));
    route(app, endpoints.relay, async ({ params, body }, request) => reviews.clientPoints.decide(await ctx.requireClient(request), params.id, body.relay));
    // Played on the reviewer's device with the client present: both sessions are needed. A GET, so
    // neither CSRF token is involved; minting a short-lived token changes nothing.
    route(app, endpoints.talkPlayback, async ({ params, query }, request) => {
      const client = await ctx.requireClient(request);
      const session = await ctx.requireSession(request);
      const cut = await reviews.clientPoints.clientTalkCut(client, session.actor, params.shareId, query.fragment);
      return ctx.services.playback.spanDescriptor(session.actor, session.user.name, cut);
    });
  };
}
