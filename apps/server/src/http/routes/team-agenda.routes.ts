import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The team learning agenda: members bring lessons and questions, the team lead plans the werkoverleg. */
export function teamAgendaRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { teamAgenda } = ctx.services;
  const endpoints = contract.teamAgenda;
  return async (app) => {
    route(app, endpoints.overview, async (_input, request) => teamAgenda.overview(await ctx.actorOf(request)));
    route(app, endpoints.team, async ({ params }, request) => teamAgenda.team(await ctx.actorOf(request), params.id));
    route(app, endpoints.addItem, async ({ params, body }, request) => teamAgenda.addItem(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.withdrawItem, async ({ params }, request) => {
      await teamAgenda.withdrawItem(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.setNamed, async ({ params, body }, request) => teamAgenda.setNamed(await ctx.actorOf(request), params.id, body.named));
    route(app, endpoints.planItem, async ({ params, body }, request) => teamAgenda.planItem(await ctx.actorOf(request), params.id, body.meetingId));
    route(app, endpoints.setOutcome, async ({ params, body }, request) => teamAgenda.setOutcome(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.addMeeting, async ({ params, body }, request) => teamAgenda.addMeeting(await ctx.actorOf(request), params.id, body.date));
    route(app, endpoints.setMeetingNote, async ({ params, body }, request) => teamAgenda.setMeetingNote(await ctx.actorOf(request), params.id, body.note));
    route(app, endpoints.setLeaveChoice, async ({ body }, request) => teamAgenda.setLeaveChoice(await ctx.actorOf(request), body.choice));
  };
}
