import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqualText } from '../../crypto/random.js';
import type { ClientAccessService, ClientSession } from '../../domain/client-access/client-access.service.js';
import { AppError } from '../../domain/errors.js';

export const clientCookieName = 'sk_client';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Client pages authenticate with their own cookie, separate from staff sessions, so a tablet in
 * the room never mixes the professional's access with the client's.
 */
export function requireClientWith(access: ClientAccessService) {
  return async (request: FastifyRequest): Promise<ClientSession> => {
    const token = request.cookies[clientCookieName];
    const session = token ? await access.authenticate(token) : null;
    if (!session) throw new AppError('client_unauthenticated');
    if (unsafeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !timingSafeEqualText(sent, access.csrfTokenFor(session))) throw new AppError('csrf');
    }
    return session;
  };
}

export function setClientCookie(reply: FastifyReply, session: ClientSession, options: { secure: boolean; maxAgeSeconds: number }): void {
  reply.setCookie(clientCookieName, session.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: options.secure, maxAge: options.maxAgeSeconds });
}

export function clearClientCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(clientCookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
