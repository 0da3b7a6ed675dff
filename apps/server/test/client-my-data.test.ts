import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, myDataSchema, type MyData } from '@spreekkamer/shared';
import { Agent, demo, demoPassword, errorOf, startTestServer, type TestServer, expectProblem } from './support/harness.js';
import { fetchPlaylist, httpLogin, listen, media, playbackDescriptor, readyUploadedRecording } from './support/recordings.js';
import { consentedConversation, openClient, type ConsentedConversation } from './support/review-fixtures.js';

/**
 * The client's right of access (GDPR art. 15): through their own link and code, a client sees
 * every consent, recording (with who watched), check, feedback conversation and follow-up kept
 * about them, and nothing about anyone else. Tried as every wrong person.
 */
describe('the client sees what is kept about them', () => {
  let server: TestServer;
  let professional: Agent;
  let mine: ConsentedConversation;
  let other: ConsentedConversation;
  let recordingId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const baseUrl = await listen(server);
    professional = await server.login(demo.professional);
    mine = await consentedConversation(server, professional, { audience: 'reviewer', reviewerFrom: 'external' });
    other = await consentedConversation(server, professional);
    // A real upload, processed by ffmpeg and played once by its owner: that view is what the client must see.
    const owner = await httpLogin(baseUrl, demo.professional, demoPassword);
    recordingId = (await readyUploadedRecording(owner, mine.conversationId, await media.videoMp4())).recordingId;
    await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  async function myData(client: Agent): Promise<MyData> {
    const response = await client.get('/api/client/my-data');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return myDataSchema.parse(response.json());
  }

  it('lists consents with their text version, the recording with who watched it, and the audit notes the look', async () => {
    const data = await myData(mine.client);
    expect(data.professionalName).toBe('Sanne de Vries');
    expect(data.consents).toEqual([
      expect.objectContaining({ id: mine.consentId, status: 'given', media: 'video', audience: 'reviewer', reviewerFrom: 'external', retentionDays: 90, withdrawnAt: null }),
    ]);
    expect(data.consents[0]?.textVersion).toMatch(/\S/);
    expect(data.recordings).toEqual([expect.objectContaining({ id: recordingId, status: 'ready', kind: 'video', deletedAt: null })]);
    expect(data.recordings[0]?.views).toEqual([expect.objectContaining({ viewerName: 'Sanne de Vries', role: 'owner', momentRange: null })]);
    const rows = await server.spreekkamer.database.db.selectFrom('audit_events').select(['action', 'subject_id', 'actor_user_id']).where('action', '=', 'client.my_data_viewed').execute();
    expect(rows).toContainEqual({ action: 'client.my_data_viewed', subject_id: mine.clientId, actor_user_id: null });
  });

  it('shows named check answers with their scores, and anonymous ones only as "answered"', async () => {
    const named = await professional.call(contract.alliance.request, { body: { clientId: mine.clientId } });
    expect(named.anonymous).toBe(false);
    await mine.client.call(contract.clientFeedback.answerAlliance, { params: { id: named.id }, body: { scores: { collaboration: 4, achievement: 5, fit: null, own_topics: null, overall: 3 } } });
    let data = await myData(mine.client);
    expect(data.checks).toEqual([expect.objectContaining({ anonymous: false, answeredAt: expect.any(String) })]);
    expect(data.checkAnswers).toHaveLength(1);
    expect(data.checkAnswers[0]?.scores).toEqual([
      { item: 'collaboration', score: 4 },
      { item: 'achievement', score: 5 },
      { item: 'overall', score: 3 },
    ]);

    const admin = await server.login(demo.admin);
    const settings = await admin.call(contract.admin.settings);
    await admin.call(contract.admin.updateSettings, { body: { ...settings, allianceCheckAnonymous: true } });
    const anonymous = await professional.call(contract.alliance.request, { body: { clientId: mine.clientId } });
    expect(anonymous.anonymous).toBe(true);
    await mine.client.call(contract.clientFeedback.answerAlliance, { params: { id: anonymous.id }, body: { scores: { collaboration: 1, achievement: 1, fit: 1, own_topics: 1, overall: 1 } } });
    data = await myData(mine.client);
    expect(data.checks.filter((check) => check.anonymous && check.answeredAt !== null)).toHaveLength(1);
    // Anonymous answers carry no link to the client: the page can only say they were given.
    expect(data.checkAnswers).toHaveLength(1);
    await admin.call(contract.admin.updateSettings, { body: { ...settings, allianceCheckAnonymous: false } });
  });

  it('shows another client nothing of this client, and refuses everyone who is not a client on their own device', async () => {
    const theirs = await myData(other.client);
    const text = JSON.stringify(theirs);
    expect(text).not.toContain(mine.consentId);
    expect(text).not.toContain(recordingId);
    expect(theirs.consents.map((c) => c.id)).toEqual([other.consentId]);
    expect(theirs.recordings).toEqual([]);

    for (const stranger of [server.anonymous(), professional, await server.login(demo.admin), await server.login(demo.manager)]) {
      const response = await stranger.get('/api/client/my-data');
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('client_unauthenticated');
      expect(response.body).not.toContain(mine.consentId);
    }
    const forged = new Agent(server, 'sk_client=v1.dGhpcyBpcyBub3QgYSB0b2tlbg', undefined);
    await expectProblem(forged.call(contract.clientAccess.myData), 401);

    // A tablet handed over in the professional's room is not the client's own device.
    const handed = await professional.post(`/api/clients/${mine.clientId}/hand-over`);
    expect(handed.statusCode).toBe(200);
    const cookie = handed.cookies.find((c) => c.name === 'sk_client');
    const tablet = new Agent(server, `sk_client=${cookie?.value ?? ''}`, handed.json().csrfToken);
    const refused = await tablet.get('/api/client/my-data');
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused)).toMatchObject({ code: 'client_own_device_only', message: expect.stringMatching(/eigen telefoon/) });
    expect(refused.body).not.toContain(recordingId);
  });

  it('after withdrawal, shows the consent withdrawn and the recording deleted for that reason, the watch log kept', async () => {
    await mine.client.call(contract.clientConsent.withdraw, { params: { id: mine.consentId } });
    // Reopen with link and code: a new device, as the client would after some time.
    const again = await openClient(server, mine.token, mine.code);
    const data = await myData(again);
    expect(data.consents[0]).toMatchObject({ id: mine.consentId, status: 'withdrawn', withdrawnAt: expect.any(String) });
    await expect
      .poll(async () => (await myData(again)).recordings[0], { timeout: 30_000 })
      .toMatchObject({ id: recordingId, status: 'deleted', deletedReason: 'withdrawn', deletedAt: expect.any(String), durationSeconds: null });
    expect((await myData(again)).recordings[0]?.views).toHaveLength(1);
  });
});
