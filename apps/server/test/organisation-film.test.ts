import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation } from './support/review-fixtures.js';
import { expectDutchError, httpLogin, listen, media, type HttpAgent } from './support/recordings.js';

/** Issue #16: the organisation's own explainer film, added by an administrator, seen by staff and clients. */
describe('organisation film in the explainer', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: HttpAgent;
  let professional: HttpAgent;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await listen(server);
    admin = await httpLogin(baseUrl, demo.admin, demoPassword);
    professional = await httpLogin(baseUrl, demo.professional, demoPassword);
  }, 120_000);
  afterAll(async () => server?.close());

  const put = (agent: HttpAgent, body: Buffer) => agent.fetch('/api/admin/explainer/film', { method: 'PUT', headers: { 'content-type': 'video/mp4' }, body });

  it('refuses bad files with a clear Dutch message, and anyone but an administrator', async () => {
    expect((await (await professional.fetch('/api/explainer/film')).json()) as unknown).toEqual({ film: null });
    for (const file of [await media.textAsMp4(), await media.truncatedMp4(), await media.empty(), await media.audioM4a()]) {
      const response = await put(admin, await readFile(file));
      expect(response.status, file).toBe(422);
      const body = (await response.json()) as { title: string };
      expectDutchError(body, 'film_invalid');
      expect(body.title).toMatch(/film/);
    }
    expect((await put(professional, await readFile(await media.videoMp4()))).status).toBe(403);
    expect((await professional.fetch('/api/explainer/film.mp4')).status).toBe(404);
  });

  it('keeps a good mp4 and serves it, with ranges, to staff and to clients through their link', async () => {
    const film = await readFile(await media.videoMp4());
    const stored = await put(admin, film);
    expect(stored.status, await stored.clone().text()).toBe(200);
    const info = (await stored.json()) as { durationSeconds: number; sizeBytes: number };
    expect(info.sizeBytes).toBe(film.length);
    expect(info.durationSeconds).toBeGreaterThan(11);

    const whole = await professional.fetch('/api/explainer/film.mp4');
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(film)).toBe(true);
    const part = await professional.fetch('/api/explainer/film.mp4', { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${film.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(film.subarray(100, 200))).toBe(true);

    const conversation = await consentedConversation(server, await server.login(demo.professional));
    expect((await conversation.client.get('/api/client/explainer/film')).json().film.sizeBytes).toBe(film.length);
    const clientFilm = await conversation.client.get('/api/client/explainer/film.mp4');
    expect(clientFilm.statusCode).toBe(200);
    expect(clientFilm.rawPayload.equals(film)).toBe(true);
    expect((await server.request({ method: 'GET', url: '/api/client/explainer/film.mp4' })).statusCode).toBe(401);
    expect((await server.request({ method: 'GET', url: '/api/explainer/film.mp4' })).statusCode).toBe(401);

    // A new film replaces the old one; its file goes.
    const keysBefore = await server.spreekkamer.storage.blobs.list('organisations/');
    expect((await put(admin, film)).status).toBe(200);
    const keysAfter = await server.spreekkamer.storage.blobs.list('organisations/');
    expect(keysAfter).toHaveLength(1);
    expect(keysAfter.filter((key) => keysBefore.includes(key))).toEqual([]);
    expect((await admin.fetch('/api/admin/explainer/film', { method: 'DELETE' })).status).toBe(204);
    expect(await server.spreekkamer.storage.blobs.list('organisations/')).toEqual([]);
  }, 120_000);
});
