import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** Learning questions, rounds, the leercoach and the development plan: session first, the service checks access. */
export function learningRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { learning } = ctx.services;
  const endpoints = contract.learning;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });

    route(app, endpoints.rhythm, async (_input, request) => learning.rounds.rhythm(await ctx.actorOf(request)));
    route(app, endpoints.setRhythm, async ({ body }, request) => learning.rounds.setRhythm(await ctx.actorOf(request), body));
    route(app, endpoints.round, async (_input, request) => learning.rounds.state(await ctx.actorOf(request)));
    route(app, endpoints.setStep, async ({ params, body }, request) => learning.rounds.setStep(await ctx.actorOf(request), params.key, params.step, body.state));
    route(app, endpoints.patchRound, async ({ params, body }, request) => learning.rounds.patch(await ctx.actorOf(request), params.key, body));

    route(app, endpoints.listQuestions, async (_input, request) => ({ questions: await learning.questions.list(await ctx.actorOf(request)) }));
    route(app, endpoints.createQuestion, async ({ body }, request) => learning.questions.create(await ctx.actorOf(request), body));
    route(app, endpoints.getQuestion, async ({ params }, request) => learning.questions.get(await ctx.actorOf(request), params.id));
    route(app, endpoints.updateQuestion, async ({ params, body }, request) => learning.questions.update(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.deleteQuestion, async ({ params }, request) => {
      await learning.questions.delete(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.addLink, async ({ params, body }, request) => learning.questions.addLink(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.removeLink, async ({ params }, request) => learning.questions.removeLink(await ctx.actorOf(request), params.id, params.linkId));
    route(app, endpoints.shareQuestion, async ({ params, body }, request) => learning.questions.share(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.revokeQuestionShare, async ({ params }, request) => {
      await learning.questions.unshare(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.sharedQuestions, async (_input, request) => ({ questions: await learning.questions.sharedWithMe(await ctx.actorOf(request)) }));

    route(app, endpoints.addAction, async ({ body }, request) => learning.questions.addAction(await ctx.actorOf(request), body));
    route(app, endpoints.updateAction, async ({ params, body }, request) => learning.questions.updateAction(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.deleteAction, async ({ params }, request) => {
      await learning.questions.deleteAction(await ctx.actorOf(request), params.id);
      return null;
    });

    route(app, endpoints.coachCandidates, async (_input, request) => ({ people: await learning.coach.candidates(await ctx.actorOf(request)) }));
    route(app, endpoints.inviteCoach, async ({ params, body }, request) => learning.coach.invite(await ctx.actorOf(request), params.key, body.coachUserId));
    route(app, endpoints.endCoaching, async ({ params }, request) => {
      await learning.coach.end(await ctx.actorOf(request), params.id);
      return null;
    });
    route(app, endpoints.coachView, async ({ params }, request) => learning.coach.view(await ctx.actorOf(request), params.id));
    route(app, endpoints.addCoachNote, async ({ params, body }, request) => learning.coach.addNote(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.coaching, async (_input, request) => learning.coach.coaching(await ctx.actorOf(request)));

    route(app, endpoints.plan, async (_input, request) => learning.plan.get(await ctx.actorOf(request)));
    route(app, endpoints.planMarkdown, async (_input, request) => learning.plan.markdown(await ctx.actorOf(request)));
  };
}
