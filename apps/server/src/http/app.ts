import { explainerRoutes } from './routes/explainer.routes.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { apiVersion } from '@spreekkamer/shared';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from './context.js';
import { languageOf, registerErrorHandling, sendError } from './errors.js';
import { openApiOptions } from './openapi.js';
import { sharedRateLimitStore } from './plugins/rate-limit-store.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerSessions } from './plugins/session.js';
import { adminRoutes } from './routes/admin.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { ssoRoutes } from './routes/sso.routes.js';
import { clientAccessRoutes } from './routes/client-access.routes.js';
import { clientsRoutes } from './routes/clients.routes.js';
import { consentRoutes } from './routes/consent.routes.js';
import { allianceRoutes, clientAllianceRoutes } from './routes/alliance.routes.js';
import { clientFeedbackRoutes } from './routes/client-feedback.routes.js';
import { feedbackRoutes } from './routes/feedback.routes.js';
import { clientFollowUpRoutes, followUpRoutes } from './routes/follow-ups.routes.js';
import { preparationHelpRoutes } from './routes/preparation-help.routes.js';
import { teamAgendaRoutes } from './routes/team-agenda.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { learningRoutes } from './routes/learning.routes.js';
import { playbackRoutes } from './routes/playback.routes.js';
import { recordingsRoutes } from './routes/recordings.routes.js';
import { uploadRoutes } from './routes/uploads.routes.js';
import { notificationsRoutes } from './routes/notifications.routes.js';
import { insightRoutes } from './routes/insight.routes.js';
import { organisationPictureRoutes } from './routes/organisation-picture.routes.js';
import { clientReviewRoutes, reviewRoutes } from './routes/reviews.routes.js';
import { rhythmRoutes } from './routes/rhythm.routes.js';
import { signalsRoutes } from './routes/signals.routes.js';
import { metricsRoutes, type MetricsAccess } from './routes/metrics.routes.js';
import type { Metrics } from '../observability/metrics.js';

export interface AppOptions {
  logger: FastifyServerOptions['logger'];
  trustProxy: boolean;
  https: boolean;
  webDistDir: string | undefined;
  /** JSON bodies are small; media travels through the upload endpoint, which sets its own limit. */
  bodyLimitBytes?: number;
  /** Request durations go here; /metrics serves them to the configured token or network only. */
  metrics?: { metrics: Metrics; access: MetricsAccess | undefined };
}

/** Long opaque tokens in URLs (invitation and client links) must not end up in logs. */
export function redactUrl(url: string): string {
  return url.replace(/[A-Za-z0-9_-]{24,}/g, '…');
}

export async function buildApp(ctx: HttpContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: options.bodyLimitBytes ?? 64 * 1024,
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A JSON API: plain-text bodies are refused (415) rather than half-parsed.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);

  await registerSecurityHeaders(app, { https: options.https });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(ctx.rateLimitCounter) });
  await app.register(swagger, openApiOptions);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('API-Version', apiVersion);
  });
  registerSessions(app);
  const observed = options.metrics;
  if (observed) {
    // The route's template, never its URL: ids and link tokens stay out of the series.
    app.addHook('onResponse', async (request, reply) => {
      observed.metrics.observeRequest(request.method, request.routeOptions.url ?? null, reply.statusCode, reply.elapsedTime / 1000);
    });
    await app.register(metricsRoutes(observed.metrics, observed.access));
  }

  await app.register(healthRoutes(ctx));
  await app.register(
    async (api) => {
      // Everything here is personal or about credentials: never kept by a browser or proxy.
      api.addHook('onSend', async (_request, reply) => {
        if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
      });
      await api.register(authRoutes(ctx));
      await api.register(ssoRoutes(ctx));
      await api.register(adminRoutes(ctx));
      await api.register(clientAccessRoutes(ctx));
      await api.register(clientsRoutes(ctx));
      await api.register(consentRoutes(ctx));
      await api.register(feedbackRoutes(ctx));
      await api.register(clientFeedbackRoutes(ctx));
      await api.register(allianceRoutes(ctx));
      await api.register(clientAllianceRoutes(ctx));
      await api.register(followUpRoutes(ctx));
      await api.register(clientFollowUpRoutes(ctx));
      await api.register(preparationHelpRoutes(ctx));
      await api.register(reviewRoutes(ctx));
      await api.register(clientReviewRoutes(ctx));
      await api.register(recordingsRoutes(ctx));
      await api.register(playbackRoutes(ctx));
      await api.register(rhythmRoutes(ctx));
      await api.register(uploadRoutes(ctx));
      await api.register(learningRoutes(ctx));
      await api.register(notificationsRoutes(ctx));
      await api.register(insightRoutes(ctx));
      await api.register(explainerRoutes(ctx));
      await api.register(teamAgendaRoutes(ctx));
      await api.register(signalsRoutes(ctx));
      await api.register(organisationPictureRoutes(ctx));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webDist = options.webDistDir;
  const hasWeb = webDist !== undefined && existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (!hasWeb || pathname.startsWith('/api/') || request.method !== 'GET') return sendError(reply, 'not_found', languageOf(request));
    if (pathname.startsWith('/assets/')) return sendError(reply, 'not_found', languageOf(request));
    // Client-side routes: the single-page app decides what to show.
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
  return app;
}
