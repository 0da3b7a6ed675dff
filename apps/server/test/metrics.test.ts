import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type TestServer } from './support/harness.js';

const token = randomBytes(24).toString('hex');
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function scrape(server: TestServer, headers: Record<string, string> = { authorization: `Bearer ${token}` }, remoteAddress?: string) {
  return server.request({ method: 'GET', url: '/metrics', headers, ...(remoteAddress ? { remoteAddress } : {}) });
}

describe('/metrics for operators', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: token, DEMO_RECORDING: 'false' });
    servers.push(server);
  });

  it('refuses without the token, or with a wrong one, in Dutch', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${randomBytes(24).toString('hex')}` }, { authorization: token }];
    for (const headers of attempts) {
      const response = await scrape(server, headers);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('metrics_not_allowed');
    }
  });

  it('serves request durations by route template, queue depth and job durations, and nothing personal', async () => {
    const professional = await server.login(demo.professional);
    const pseudonym = `Mevrouw Metriek ${randomBytes(3).toString('hex')}`;
    const contact = `metriek.${randomBytes(3).toString('hex')}@example.org`;
    const created = await professional.post('/api/clients', { pseudonym, contact });
    expect(created.statusCode).toBe(200);
    const clientId = (created.json() as { id: string }).id;
    expect((await professional.get(`/api/clients/${clientId}`)).statusCode).toBe(200);
    // A link token in a URL must not become a label either.
    const linkToken = randomBytes(24).toString('base64url');
    await server.request({ method: 'GET', url: `/api/invitations/${linkToken}` });

    await server.spreekkamer.queue.enqueue('recordings.retention', {});
    let body = '';
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      body = (await scrape(server)).body;
      if (/spreekkamer_job_duration_seconds_count\{job="recordings\.retention",outcome="done"\} [1-9]/.test(body)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const response = await scrape(server);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.headers['cache-control']).toBe('no-store');
    body = response.body;

    expect(body).toMatch(/spreekkamer_http_request_duration_seconds_count\{method="POST",route="\/api\/session",status="2xx"\} [1-9]/);
    expect(body).toMatch(/spreekkamer_http_request_duration_seconds_count\{method="GET",route="\/api\/clients\/:id",status="2xx"\} [1-9]/);
    expect(body).toMatch(/spreekkamer_job_duration_seconds_count\{job="recordings\.retention",outcome="done"\} [1-9]/);
    expect(body).toMatch(/spreekkamer_jobs_waiting\{job="recording\.process"\} 0/);
    expect(body).toMatch(/spreekkamer_jobs_oldest_waiting_seconds\{job="recording\.process"\} 0/);
    expect(body).toMatch(/spreekkamer_storage_errors_total/);

    for (const personal of [pseudonym, contact, demo.professional, clientId, linkToken, "@"]) expect(body).not.toContain(personal);
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    const labelValues = [...body.matchAll(/="([^"]*)"/g)].map((match) => match[1] ?? '');
    for (const value of labelValues) expect(value, 'a label value from a closed set').toMatch(/^[A-Za-z0-9_.:/\-*+ ]*$/);
  });

  it('counts a waiting job and its age', async () => {
    await server.spreekkamer.queue.enqueue('recordings.retention', {}, { delaySeconds: 3600 });
    const body = (await scrape(server)).body;
    // A job due in an hour is not waiting yet.
    expect(body).toMatch(/spreekkamer_jobs_oldest_waiting_seconds\{job="recordings\.retention"\} 0/);
  });
});

describe('/metrics is off unless configured, and a network can be allowed', () => {
  it('answers 404 when neither a token nor a network is set', async () => {
    const server = await startTestServer({ DEMO_RECORDING: 'false' });
    servers.push(server);
    expect((await scrape(server)).statusCode).toBe(404);
  });

  it('serves the allowed network without a token, and refuses another address', async () => {
    const server = await startTestServer({ METRICS_ALLOW_FROM: '127.0.0.0/8, 10.9.0.0/16', DEMO_RECORDING: 'false' });
    servers.push(server);
    expect((await scrape(server, {}, '127.0.0.1')).statusCode).toBe(200);
    expect((await scrape(server, {}, '10.9.3.4')).statusCode).toBe(200);
    const outside = await scrape(server, {}, '10.1.2.3');
    expect(outside.statusCode).toBe(403);
    expect(errorOf(outside).message).toMatch(/servers/);
  });
});
