import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { contract } from '@spreekkamer/shared';
import { AppError } from '../../domain/errors.js';
import type { FilmBody } from '../../domain/explainer/organisation-film.service.js';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

/** "bytes=a-b" or "bytes=a-": the one form a video element asks for; anything else plays from the start. */
function rangeOf(request: FastifyRequest): { start: number; end: number } | null {
  const match = /^bytes=(\d+)-(\d*)$/.exec(String(request.headers.range ?? ''));
  if (!match) return null;
  return { start: Number(match[1]), end: match[2] ? Number(match[2]) : Number.MAX_SAFE_INTEGER };
}

function sendFilm(reply: FastifyReply, film: FilmBody): FastifyReply {
  reply.header('Cache-Control', 'private, no-store');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.header('Accept-Ranges', 'bytes');
  reply.type('video/mp4');
  if (film.range) {
    reply.code(206);
    reply.header('Content-Range', `bytes ${film.range.start}-${film.range.end}/${film.size}`);
    reply.header('Content-Length', String(film.range.end - film.range.start + 1));
  } else {
    reply.header('Content-Length', String(film.size));
  }
  return reply.send(film.stream);
}

/** The organisation's own explainer film: the administrator adds it, staff and clients watch it. */
export function explainerRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const films = ctx.services.organisationFilm;
  const actorOf = (request: FastifyRequest) => ctx.actorOf(request);
  return async (app) => {
    // The film arrives as the raw mp4; the service streams it to disk with its own size limit.
    app.addContentTypeParser('video/mp4', (_request, payload, done) => done(null, payload));

    route(app, contract.explainer.uploadFilm, async (_input, request) => {
      const actor = await actorOf(request);
      if (!request.body || typeof (request.body as Readable).pipe !== 'function') throw new AppError('film_invalid');
      return films.upload(actor, request.body as Readable);
    });
    route(app, contract.explainer.removeFilm, async (_input, request) => {
      await films.remove(await actorOf(request));
      return null;
    });
    route(app, contract.explainer.film, async (_input, request) => ({ film: await films.info(await actorOf(request)) }));
    app.get('/explainer/film.mp4', { schema: { tags: ['explainer'] } }, async (request, reply) => sendFilm(reply, await films.film(await actorOf(request), rangeOf(request))));
    route(app, contract.explainer.clientFilm, async (_input, request) => ({ film: await films.clientInfo(await ctx.requireClient(request)) }));
    app.get('/client/explainer/film.mp4', { schema: { tags: ['client'] } }, async (request, reply) =>
      sendFilm(reply, await films.clientFilm(await ctx.requireClient(request), rangeOf(request))),
    );
  };
}
