import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contract, surveyImportLimits } from '@spreekkamer/shared';
import { AppError } from '../../domain/errors.js';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** The survey (KTO) both ways, and the KAR canvas with its yearly picture. */
export function organisationPictureRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { survey, kar } = ctx.services.organisationPicture;
  return async (app) => {
    // The survey file arrives as it is. The parser's limit is generous so the service can answer an
    // oversized file with its own sentence; far beyond it Fastify refuses it (also 413).
    app.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: surveyImportLimits.maxBytes * 4 }, (_request, body, done) => done(null, body));

    route(app, contract.surveys.importResults, async (_input, request) => {
      const actor = await ctx.actorOf(request);
      // JSON or a form is not a survey file; no body at all is an empty one.
      if (request.body !== undefined && request.body !== null && !Buffer.isBuffer(request.body)) throw new AppError('survey_not_csv');
      return survey.importResults(actor, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
    });
    route(app, contract.surveys.comparison, async ({ query }, request) => survey.comparison(await ctx.actorOf(request), query.year));
    route(app, contract.surveys.questions, async (_input, request) => survey.questions(await ctx.actorOf(request)));
    route(app, contract.surveys.questionsCsv, async (_input, request) => survey.questionsCsv(await ctx.actorOf(request)));

    route(app, contract.kar.list, async (_input, request) => kar.list(await ctx.actorOf(request)));
    route(app, contract.kar.start, async ({ body }, request) => kar.start(await ctx.actorOf(request), body));
    route(app, contract.kar.get, async ({ params }, request) => kar.get(await ctx.actorOf(request), params.id));
    route(app, contract.kar.save, async ({ params, body }, request) => kar.save(await ctx.actorOf(request), params.id, body));
    route(app, contract.kar.picture, async ({ params }, request) => kar.picture(await ctx.actorOf(request), params.id));
    route(app, contract.kar.pictureCsv, async ({ params }, request) => kar.pictureCsv(await ctx.actorOf(request), params.id));
  };
}
