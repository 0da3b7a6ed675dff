import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demo, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation } from './support/review-fixtures.js';

/**
 * Issue 8: a garbled or forged client cookie (`sk_client`) is refused before any database query.
 * The client cookie is an HMAC-signed token (like staff session tokens); only a token this server
 * signed can cost a lookup. Every query Kysely runs goes through the database's one executor, so a
 * spy on it counts them all.
 */
describe('client cookie', () => {
  let server: TestServer;
  let professional: Agent;
  let client: Agent;

  beforeAll(async () => {
    // API role only: a worker's job polling would be counted as well, on a busy machine now and then.
    server = await startTestServer({ DEMO_RECORDING: 'false', ROLE: 'api' });
    professional = await server.login(demo.professional);
    client = (await consentedConversation(server, professional)).client;
  });
  afterAll(async () => server?.close());

  async function queriesFor(cookie: string): Promise<{ status: number; queries: number }> {
    const executor = server.spreekkamer.database.db.getExecutor();
    const spy = vi.spyOn(executor, 'executeQuery');
    try {
      const response = await server.request({ method: 'GET', url: '/api/client/session', headers: { cookie } });
      return { status: response.statusCode, queries: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('a real client cookie is looked up (the control: the counter sees queries)', async () => {
    const result = await queriesFor(client.cookie ?? '');
    expect(result.status).toBe(200);
    expect(result.queries).toBeGreaterThan(0);
  });

  it('garbage, truncated, re-signed and forged client cookies cost no query at all', async () => {
    const real = (client.cookie ?? '').replace(/^sk_client=/, '');
    const [body = '', signature = ''] = real.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const otherBody = Buffer.from(JSON.stringify({ ...payload, clientId: '00000000-0000-4000-8000-000000000000' }), 'utf8').toString('base64url');
    const wrongSecret = createHmac('sha256', randomBytes(32)).update(otherBody, 'utf8').digest('base64url');
    const cookies = [
      'sk_client=%%%',
      `sk_client=${randomBytes(48).toString('base64url')}`,
      `sk_client=${randomBytes(32).toString('base64url')}.${randomBytes(32).toString('base64url')}`,
      `sk_client=${body}`,
      `sk_client=${body}.${signature.slice(0, -2)}`,
      // Another client's id under the real signature, and under a signature made with a guessed secret.
      `sk_client=${otherBody}.${signature}`,
      `sk_client=${otherBody}.${wrongSecret}`,
      `sk_client=${'a'.repeat(9000)}`,
    ];
    for (const cookie of cookies) {
      const result = await queriesFor(cookie);
      expect(result, cookie.slice(0, 40)).toEqual({ status: 401, queries: 0 });
    }
  });

  it('garbage staff session cookies cost no query either, on /api/session and on /health', async () => {
    const executor = server.spreekkamer.database.db.getExecutor();
    const spy = vi.spyOn(executor, 'executeQuery');
    try {
      for (const cookie of [`sk_session=${randomBytes(32).toString('base64url')}`, `sk_session=${randomBytes(32).toString('base64url')}.${randomBytes(16).toString('hex')}`, 'sk_session=%%%']) {
        expect((await server.request({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
        expect((await server.request({ method: 'GET', url: '/health', headers: { cookie } })).statusCode).toBeLessThan(500);
      }
      expect(spy.mock.calls.length).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('a garbage client cookie on a state-changing client route is refused without a query too', async () => {
    const executor = server.spreekkamer.database.db.getExecutor();
    const spy = vi.spyOn(executor, 'executeQuery');
    try {
      const response = await server.request({ method: 'PUT', url: '/api/client/locale', headers: { cookie: `sk_client=${randomBytes(40).toString('base64url')}`, 'x-csrf-token': 'x' }, payload: { locale: 'en' } });
      expect(response.statusCode).toBe(401);
      expect(spy.mock.calls.length).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });
});
