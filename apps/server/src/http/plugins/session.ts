import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqualText } from '../../crypto/random.js';
import type { AuthenticatedSession, AuthService } from '../../domain/auth/auth.service.js';
import { AppError } from '../../domain/errors.js';

export const sessionCookieName = 'sk_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in session, resolved only when a route asks for it, and at most once per request. */
    sessionPromise: Promise<AuthenticatedSession | null> | null;
  }
}

export interface SessionCookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

/** Routes that need no session (health, static files, client pages) never look one up. */
export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('sessionPromise', null);
}

function sessionOf(request: FastifyRequest, auth: AuthService): Promise<AuthenticatedSession | null> {
  if (!request.sessionPromise) {
    const token = request.cookies[sessionCookieName];
    request.sessionPromise = token ? auth.authenticate(token) : Promise.resolve(null);
  }
  return request.sessionPromise;
}

export interface RequireSessionOptions {
  /** Account and TOTP set-up must work before the organisation's required second factor exists. */
  allowPendingTotp?: boolean;
}

/**
 * Every authenticated route starts here: no session → 401; a state-changing request without the
 * session's CSRF token → 403; an organisation that requires TOTP → only set-up until it is on.
 */
export function requireSessionWith(auth: AuthService) {
  return async (request: FastifyRequest, options: RequireSessionOptions = {}): Promise<AuthenticatedSession> => {
    const session = await sessionOf(request, auth);
    if (!session) throw new AppError('unauthenticated');
    if (unsafeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !timingSafeEqualText(sent, auth.csrfTokenFor(session.token))) throw new AppError('csrf');
    }
    if (!options.allowPendingTotp && session.organisation.require_totp === 1 && session.user.totp_enabled !== 1) {
      throw new AppError('totp_setup_required');
    }
    return session;
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, options: SessionCookieOptions): void {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
