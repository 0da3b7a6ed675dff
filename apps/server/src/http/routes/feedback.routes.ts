import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The professional's feedback conversations: staff session only; the client's side is in client-feedback.routes.ts. */
export function feedbackRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { feedback, alliance } = ctx.services;
  const endpoints = contract.feedback;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.list, async (_input, request) => ({ conversations: await feedback.lifecycle.list(await ctx.actorOf(request)) }));
    route(app, endpoints.create, async ({ body }, request) => feedback.lifecycle.create(await ctx.actorOf(request), body));
    route(app, endpoints.home, async (_input, request) => {
      const actor = await ctx.actorOf(request);
      return { ...(await feedback.home.home(actor)), signals: await alliance.signals(actor) };
    });
    route(app, endpoints.get, async ({ params }, request) => feedback.lifecycle.get(await ctx.actorOf(request), params.id));
    route(app, endpoints.version, async ({ params }, request) => feedback.lifecycle.version(await ctx.actorOf(request), params.id));
    route(app, endpoints.update, async ({ params, body }, request) => feedback.lifecycle.update(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.remove, async ({ params }, request) => {
      await feedback.lifecycle.remove(await ctx.actorOf(request), params.id);
      return { ok: true as const };
    });
    route(app, endpoints.addMoment, async ({ params, body }, request) => feedback.items.addMoment(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.updateMoment, async ({ params, body }, request) => feedback.items.updateMoment(await ctx.actorOf(request), params.id, params.itemId, body));
    route(app, endpoints.removeMoment, async ({ params }, request) => feedback.items.removeMoment(await ctx.actorOf(request), params.id, params.itemId));
    route(app, endpoints.putEntry, async ({ params, body }, request) => feedback.items.putEntry(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.addAction, async ({ params, body }, request) => feedback.items.addAction(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.updateAction, async ({ params, body }, request) => feedback.items.updateAction(await ctx.actorOf(request), params.id, params.itemId, body));
    route(app, endpoints.removeAction, async ({ params }, request) => feedback.items.removeAction(await ctx.actorOf(request), params.id, params.itemId));
    route(app, endpoints.addChangeRequest, async ({ params, body }, request) => feedback.items.addRoomChangeRequest(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.resolveChangeRequest, async ({ params }, request) => feedback.items.resolveChangeRequest(await ctx.actorOf(request), params.id, params.itemId));
    route(app, endpoints.putShortVersion, async ({ params, body }, request) =>
      feedback.lifecycle.putShortVersion(await ctx.actorOf(request), params.id, params.participantId, body),
    );
    route(app, endpoints.voiceNote, async ({ params }, request) => feedback.voiceNotes.forProfessional(await ctx.actorOf(request), params.id, params.participantId));
  };
}
