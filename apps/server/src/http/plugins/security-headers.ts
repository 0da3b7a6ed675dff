import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Strict headers for every response: no inline scripts, no framing, no referrer leaks of
 * personal links. HSTS only when we know we are served over TLS.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  const headers = Object.entries(await helmetHeaders(helmetOptions(options)));
  app.addHook('onRequest', (_request, reply, done) => {
    // On the raw response, as helmet does, so that hijacked replies (tus uploads) carry them too.
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    reply.header('permissions-policy', 'camera=(self), microphone=(self), geolocation=(), payment=()');
    done();
  });
}

/**
 * @fastify/helmet builds helmet's middleware anew (and parses the policy again) on every request:
 * a tenth of the time of a `/health` answer. The headers do not depend on the request, so they
 * are worked out once, by helmet itself, on a throwaway instance.
 */
async function helmetHeaders(configuration: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, configuration);
  probe.get('/', () => '');
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const own = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!own.has(name) && typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function helmetOptions(options: { https: boolean }): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  };
}
