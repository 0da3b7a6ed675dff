import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, readyRecording, userIdOf, type ConsentedConversation } from './support/review-fixtures.js';

/**
 * "Passed on without my name" has to hold against a professional who knows whom they recorded:
 * nameless points arrive only in batches from at least k clients, and no response the
 * professional can ask for puts such a point next to a recording, share, moment or client.
 */
describe('client points passed on without a name', () => {
  let server: TestServer;
  let professional: Agent;
  let professionalId: string;
  let reviewer: Agent;
  let reviewerId: string;
  let admin: Agent;
  // The smallest minimum group size an organisation may choose.
  const k = 5;
  const talks: { conversation: ConsentedConversation; recordingId: string; shareId: string; momentId: string; pointId: string; text: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    admin = await server.login(demo.admin);
    professionalId = await userIdOf(admin, demo.professional);
    reviewerId = await userIdOf(admin, demo.reviewer);
    const settings = (await admin.get('/api/admin/settings')).json();
    expect((await admin.put('/api/admin/settings', { ...settings, minimumGroupSize: k })).statusCode).toBe(200);

    for (let i = 0; i < k; i += 1) {
      const conversation = await consentedConversation(server, professional, { audience: 'reviewer', reviewerUserId: reviewerId, feedbackViaReviewer: true });
      const recordingId = await readyRecording(server, professionalId, conversation, 120);
      const momentId = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 10, endSeconds: 20, title: `Moment ${i}`, notes: '' })).json().id as string;
      const share = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(10), clientTalk: true });
      expect(share.statusCode, share.body).toBe(200);
      const shareId = share.json().id as string;
      const text = `Geheim punt nummer ${i} van deze klant`;
      const point = await reviewer.post(`/api/shares/${shareId}/client-points`, { text, momentId });
      expect(point.statusCode, point.body).toBe(200);
      talks.push({ conversation, recordingId, shareId, momentId, pointId: point.json().id, text });
    }
  });
  afterAll(async () => server?.close());

  /** Every GET the API offers (from its own OpenAPI document), with each id the professional knows filled in. */
  async function everyProfessionalResponse(): Promise<{ url: string; body: string }[]> {
    const document = (await professional.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    // The ids a point could hang from; the moment and point ids appear in no path of their own.
    const ids = talks.flatMap((t) => [t.recordingId, t.shareId, t.conversation.clientId, t.conversation.conversationId]);
    const urls = new Set<string>();
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!('get' in methods)) continue;
      const params = path.match(/\{[^}]+\}/g) ?? [];
      if (params.length === 0) urls.add(path);
      else if (params.length === 1) for (const id of ids) urls.add(path.replace(/\{[^}]+\}/, id));
    }
    const responses = [];
    for (const url of urls) responses.push({ url, body: (await professional.get(url)).body });
    return responses;
  }

  it('stays invisible to the professional until points from k different clients are waiting', async () => {
    for (const talk of talks.slice(0, k - 1)) {
      expect((await talk.conversation.client.post(`/api/client/client-points/${talk.pointId}/relay`, { relay: 'anonymous' })).statusCode).toBe(200);
    }
    const anonymous = (await professional.get('/api/client-points/anonymous')).json();
    expect(anonymous).toEqual({ minimumClients: k, batches: [] });
    const responses = await everyProfessionalResponse();
    expect(responses.length).toBeGreaterThan(40);
    for (const { url, body } of responses) expect(body, url).not.toContain('Geheim punt');
  }, 240_000);

  it('then arrives as one batch of bare texts that leads back to no recording, share, moment or client', async () => {
    const last = talks[k - 1];
    expect((await last?.conversation.client.post(`/api/client/client-points/${last.pointId}/relay`, { relay: 'anonymous' }))?.statusCode).toBe(200);

    const response = await professional.get('/api/client-points/anonymous');
    const anonymous = response.json() as { batches: { releasedOn: string; texts: string[] }[] };
    expect(anonymous.batches).toHaveLength(1);
    expect(anonymous.batches[0]?.texts).toEqual(talks.map((t) => t.text).sort());
    expect(anonymous.batches[0]?.releasedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const talk of talks) {
      for (const id of [talk.recordingId, talk.shareId, talk.momentId, talk.pointId, talk.conversation.clientId, talk.conversation.conversationId]) expect(response.body).not.toContain(id);
    }
    expect(response.body).not.toContain('Youssef');

    // Every other response still holds none of the texts: not per recording, not per share.
    for (const { url, body } of await everyProfessionalResponse()) {
      if (url === '/api/client-points/anonymous') continue;
      expect(body, url).not.toContain('Geheim punt');
    }
  }, 240_000);

  it('is final once released: the client can no longer change it, so the batch cannot shrink to one person', async () => {
    const first = talks[0];
    const change = await first?.conversation.client.post(`/api/client/client-points/${first.pointId}/relay`, { relay: 'private' });
    expect(change?.statusCode).toBe(409);
    expect(errorOf(change!).code).toBe('client_point_released');
    expect((await professional.get('/api/client-points/anonymous')).json().batches[0].texts).toHaveLength(k);
  });

  it('reaches only professionals, and only their own batches', async () => {
    expect((await reviewer.get('/api/client-points/anonymous')).body).not.toContain('Geheim punt');
    expect((await admin.get('/api/client-points/anonymous')).statusCode).toBe(403);
    const manager = await server.login(demo.manager);
    const asManager = await manager.get('/api/client-points/anonymous');
    expect(asManager.body).not.toContain('Geheim punt');
    expect((await server.anonymous().get('/api/client-points/anonymous')).statusCode).toBe(401);
  });
});
