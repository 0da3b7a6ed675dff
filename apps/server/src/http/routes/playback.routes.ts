import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../domain/access.js';
import type { MediaBody } from '../../domain/recordings/playback.service.js';
import type { HttpContext } from '../context.js';

const paramsSchema = z.object({ id: z.string().uuid(), file: z.string().max(64) });
const spanParamsSchema = z.object({ id: z.string().uuid(), cutId: z.string().uuid(), file: z.string().max(64) });
/** A missing token is answered like a wrong one, not as a validation error. */
const querySchema = z.object({ t: z.string().max(8192).optional() });

/** Media must not be cached, stored or offered as a download anywhere on the way. */
function privateMedia(reply: FastifyReply, media: MediaBody): FastifyReply {
  reply.header('Cache-Control', 'no-store');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.type(media.contentType);
  if (media.size !== undefined) reply.header('Content-Length', String(media.size));
  return reply.send(media.body);
}

type PlaybackService = HttpContext['services']['playback'];
type Resource = (playback: PlaybackService, actor: Actor, id: string, token: string) => Promise<MediaBody>;

/**
 * Every resource a player can fetch besides the segments, by file name. Each one checks the token,
 * the viewer's session and today's access on every request; tests walk this table, so a resource
 * added here is attacked by them too.
 */
export const playbackResources: Record<string, Resource> = {
  'index.m3u8': async (playback, actor, id, token) => ({ contentType: 'application/vnd.apple.mpegurl', body: Buffer.from(await playback.playlist(actor, id, token)) }),
  key: async (playback, actor, id, token) => ({ contentType: 'application/octet-stream', body: await playback.key(actor, id, token) }),
  'peaks.json': (playback, actor, id, token) => playback.peaks(actor, id, token),
  'poster.jpg': (playback, actor, id, token) => playback.poster(actor, id, token),
};

type SpanResource = (playback: PlaybackService, actor: Actor, id: string, cutId: string, token: string) => Promise<MediaBody>;

/** The same for an exact cut of a shared span (besides its segments): its own playlist and its own key. */
export const spanResources: Record<string, SpanResource> = {
  'index.m3u8': async (playback, actor, id, cutId, token) => ({ contentType: 'application/vnd.apple.mpegurl', body: Buffer.from(await playback.spanPlaylist(actor, id, cutId, token)) }),
  key: async (playback, actor, id, cutId, token) => ({ contentType: 'application/octet-stream', body: await playback.spanKey(actor, id, cutId, token) }),
};

/**
 * HLS for players: /api/playback/:id/index.m3u8 | key | seg_00001.ts | peaks.json | poster.jpg (the
 * owner's whole recording), and /api/playback/:id/spans/:cutId/index.m3u8 | key | seg_00000.ts (an
 * exact cut of a shared span), each with `?t=<token>` from the playback descriptor, and the
 * viewer's own session cookie.
 */
export function playbackRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { playback } = ctx.services;
  return async (app) => {
    app.get('/playback/:id/:file', { schema: { hide: true, params: paramsSchema, querystring: querySchema } }, async (request, reply) => {
      const { id, file } = request.params;
      const token = request.query.t ?? '';
      const { actor } = await ctx.requireSession(request);
      const resource = Object.hasOwn(playbackResources, file) ? playbackResources[file] : undefined;
      return privateMedia(reply, resource ? await resource(playback, actor, id, token) : await playback.segment(actor, id, file, token));
    });
    app.get('/playback/:id/spans/:cutId/:file', { schema: { hide: true, params: spanParamsSchema, querystring: querySchema } }, async (request, reply) => {
      const { id, cutId, file } = request.params;
      const token = request.query.t ?? '';
      const { actor } = await ctx.requireSession(request);
      const resource = Object.hasOwn(spanResources, file) ? spanResources[file] : undefined;
      return privateMedia(reply, resource ? await resource(playback, actor, id, cutId, token) : await playback.spanSegment(actor, id, cutId, file, token));
    });
  };
}
