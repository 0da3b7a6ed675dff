import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { sendError, languageOf } from '../errors.js';

export function healthRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  return async (app) => {
    const status = z.object({ status: z.string() });
    app.get('/health', { schema: { hide: true, response: { 200: status } } }, async () => ({ status: 'ok' }));
    app.get('/ready', { schema: { hide: true, response: { 200: status } } }, async (request, reply) => {
      if (!(await ctx.isReady())) return sendError(reply, 'not_ready', languageOf(request));
      return { status: 'ready' };
    });
  };
}
