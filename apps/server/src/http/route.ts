import type { IncomingMessage, ServerResponse } from 'node:http';
import { successStatus, type Endpoint, type HandlerInput, type ResponseOf } from '@spreekkamer/shared';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** A Fastify instance (or plugin scope) that validates and serializes with zod. */
export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What a download handler gives back: the file's name and its text. */
export interface Download {
  filename: string;
  body: string;
}

/** A voice note to play: private, never cached, never offered as a download. */
export interface Audio {
  audio: Buffer;
  contentType: string;
}

type HandlerResult<E extends Endpoint> = E['download'] extends string ? Download : E extends { audio: true; response: null } ? Audio : ResponseOf<E>;

export type Handler<E extends Endpoint> = (input: HandlerInput<E>, request: FastifyRequest, reply: FastifyReply) => Promise<HandlerResult<E>>;

export interface RouteOptions {
  /** Per-address limit on top of the global one, for endpoints that take guessable secrets. */
  rateLimit?: { max: number; timeWindow: string };
}

/**
 * Registers one endpoint of the contract: its method, path, schemas and OpenAPI description come
 * from packages/shared/src/contract, the route file gives only the handler.
 */
export function route<E extends Endpoint>(app: ZodApp, endpoint: E, handler: Handler<E>, options: RouteOptions = {}): void {
  const status = successStatus(endpoint);
  const response = endpoint.response ? { [status]: endpoint.response } : status === 204 && !endpoint.audio ? { 204: z.null() } : undefined;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.rateLimit ? { config: { rateLimit: options.rateLimit } } : {}),
    schema: {
      operationId: endpoint.operationId,
      tags: [endpoint.tag],
      summary: endpoint.summary,
      description: endpoint.summary,
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      ...(response ? { response } : {}),
    },
    handler: async (request, reply) => {
      const input = { params: request.params, query: request.query, body: request.body } as HandlerInput<E>;
      const result = await handler(input, request, reply);
      if (endpoint.download) {
        const { filename, body } = result as Download;
        return reply.header('Content-Disposition', `attachment; filename="${filename}"`).type(`${endpoint.download}; charset=utf-8`).send(body);
      }
      if (endpoint.audio && !endpoint.response) {
        const { audio, contentType } = result as Audio;
        return reply.type(contentType).header('Content-Disposition', 'inline').send(audio);
      }
      return reply.status(status).send(status === 204 ? null : result);
    },
  });
}
