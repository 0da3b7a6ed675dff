import {
  addLinkRequestSchema,
  coachingListSchema,
  coachInvitationSchema,
  coachNoteSchema,
  coachViewSchema,
  createCoachNoteSchema,
  createLearningActionSchema,
  createLearningQuestionSchema,
  developmentPlanSchema,
  idParamsSchema,
  inviteCoachRequestSchema,
  learningActionSchema,
  learningPeopleSchema,
  learningQuestionListSchema,
  learningQuestionSchema,
  learningRhythmSchema,
  learningRoundPatchSchema,
  learningRoundStateSchema,
  linkParamsSchema,
  patchLearningActionSchema,
  patchLearningQuestionSchema,
  roundKeyParamsSchema,
  setStepRequestSchema,
  sharedQuestionListSchema,
  shareQuestionRequestSchema,
  stepParamsSchema,
} from '@spreekkamer/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

const tags = ['learning'];

/** Learning questions, rounds, the leercoach and the development plan: session first, the service checks access. */
export function learningRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { learning } = ctx.services;
  const actorOf = async (request: FastifyRequest) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });

    app.get('/learning/rhythm', { schema: { tags, response: { 200: learningRhythmSchema } } }, async (request) => learning.rounds.rhythm(await actorOf(request)));
    app.put('/learning/rhythm', { schema: { tags, body: learningRhythmSchema, response: { 200: learningRhythmSchema } } }, async (request) =>
      learning.rounds.setRhythm(await actorOf(request), request.body),
    );

    app.get('/learning/round', { schema: { tags, response: { 200: learningRoundStateSchema } } }, async (request) => learning.rounds.state(await actorOf(request)));
    app.put('/learning/rounds/:key/steps/:step', { schema: { tags, params: stepParamsSchema, body: setStepRequestSchema, response: { 200: learningRoundStateSchema } } }, async (request) =>
      learning.rounds.setStep(await actorOf(request), request.params.key, request.params.step, request.body.state),
    );
    app.patch('/learning/rounds/:key', { schema: { tags, params: roundKeyParamsSchema, body: learningRoundPatchSchema, response: { 200: learningRoundStateSchema } } }, async (request) =>
      learning.rounds.patch(await actorOf(request), request.params.key, request.body),
    );

    app.get('/learning/questions', { schema: { tags, response: { 200: learningQuestionListSchema } } }, async (request) => ({ questions: await learning.questions.list(await actorOf(request)) }));
    app.post('/learning/questions', { schema: { tags, body: createLearningQuestionSchema, response: { 200: learningQuestionSchema } } }, async (request) =>
      learning.questions.create(await actorOf(request), request.body),
    );
    app.get('/learning/questions/:id', { schema: { tags, params: idParamsSchema, response: { 200: learningQuestionSchema } } }, async (request) =>
      learning.questions.get(await actorOf(request), request.params.id),
    );
    app.patch('/learning/questions/:id', { schema: { tags, params: idParamsSchema, body: patchLearningQuestionSchema, response: { 200: learningQuestionSchema } } }, async (request) =>
      learning.questions.update(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/learning/questions/:id', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await learning.questions.delete(await actorOf(request), request.params.id);
      return reply.status(204).send();
    });
    app.post('/learning/questions/:id/links', { schema: { tags, params: idParamsSchema, body: addLinkRequestSchema, response: { 200: learningQuestionSchema } } }, async (request) =>
      learning.questions.addLink(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/learning/questions/:id/links/:linkId', { schema: { tags, params: linkParamsSchema, response: { 200: learningQuestionSchema } } }, async (request) =>
      learning.questions.removeLink(await actorOf(request), request.params.id, request.params.linkId),
    );
    app.post('/learning/questions/:id/shares', { schema: { tags, params: idParamsSchema, body: shareQuestionRequestSchema, response: { 200: learningQuestionSchema } } }, async (request) =>
      learning.questions.share(await actorOf(request), request.params.id, request.body),
    );
    app.post('/learning/question-shares/:id/revoke', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await learning.questions.unshare(await actorOf(request), request.params.id);
      return reply.status(204).send();
    });
    app.get('/learning/shared-questions', { schema: { tags, response: { 200: sharedQuestionListSchema } } }, async (request) => ({ questions: await learning.questions.sharedWithMe(await actorOf(request)) }));

    app.post('/learning/actions', { schema: { tags, body: createLearningActionSchema, response: { 200: learningActionSchema } } }, async (request) =>
      learning.questions.addAction(await actorOf(request), request.body),
    );
    app.patch('/learning/actions/:id', { schema: { tags, params: idParamsSchema, body: patchLearningActionSchema, response: { 200: learningActionSchema } } }, async (request) =>
      learning.questions.updateAction(await actorOf(request), request.params.id, request.body),
    );
    app.delete('/learning/actions/:id', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await learning.questions.deleteAction(await actorOf(request), request.params.id);
      return reply.status(204).send();
    });

    app.get('/learning/coach-candidates', { schema: { tags, response: { 200: learningPeopleSchema } } }, async (request) => ({ people: await learning.coach.candidates(await actorOf(request)) }));
    app.post('/learning/rounds/:key/coach', { schema: { tags, params: roundKeyParamsSchema, body: inviteCoachRequestSchema, response: { 200: coachInvitationSchema } } }, async (request) =>
      learning.coach.invite(await actorOf(request), request.params.key, request.body.coachUserId),
    );
    app.post('/learning/coach-invitations/:id/end', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      await learning.coach.end(await actorOf(request), request.params.id);
      return reply.status(204).send();
    });
    app.get('/learning/coach-invitations/:id', { schema: { tags, params: idParamsSchema, response: { 200: coachViewSchema } } }, async (request) =>
      learning.coach.view(await actorOf(request), request.params.id),
    );
    app.post('/learning/coach-invitations/:id/notes', { schema: { tags, params: idParamsSchema, body: createCoachNoteSchema, response: { 200: coachNoteSchema } } }, async (request) =>
      learning.coach.addNote(await actorOf(request), request.params.id, request.body),
    );
    app.get('/learning/coaching', { schema: { tags, response: { 200: coachingListSchema } } }, async (request) => learning.coach.coaching(await actorOf(request)));

    app.get('/learning/plan', { schema: { tags, response: { 200: developmentPlanSchema } } }, async (request) => learning.plan.get(await actorOf(request)));
    app.get('/learning/plan.md', { schema: { tags } }, async (request, reply) => {
      const { filename, body } = await learning.plan.markdown(await actorOf(request));
      return reply.header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="${filename}"`).type('text/markdown; charset=utf-8').send(body);
    });
  };
}
