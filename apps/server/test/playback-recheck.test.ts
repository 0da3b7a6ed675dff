import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playbackResources, spanResources } from '../src/http/routes/playback.routes.js';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation, inDays } from './support/review-fixtures.js';
import { fetchPlaylist, httpLogin, listen, media, newStaff, playbackDescriptor, readyUploadedRecording, sharedSpanDescriptor, type HttpAgent } from './support/recordings.js';

/**
 * Finding 4 of issue 8: every resource of the playback family re-checks access on every request,
 * not only when its token was minted. The list of resources is read from the route's own table
 * (plus the segments), so a resource added later is attacked here without editing this test.
 */
describe('every playback resource fails after the share ends', () => {
  let server: TestServer;
  let owner: HttpAgent;
  let reviewer: HttpAgent;
  let reviewerId: string;
  let colleague: { id: string; agent: HttpAgent };
  let recordingId: string;
  let momentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const baseUrl = await listen(server);
    owner = await httpLogin(baseUrl, demo.professional, demoPassword);
    reviewer = await httpLogin(baseUrl, demo.reviewer, demoPassword);
    reviewerId = (await server.spreekkamer.repositories.users.findByEmail(demo.reviewer))?.id ?? '';
    colleague = await newStaff(baseUrl, await httpLogin(baseUrl, demo.admin, demoPassword), 'Sam de Wit', ['professional']);
    const conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'video', audience: 'peer_group' });
    recordingId = (await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4())).recordingId;
    const moment = await owner.json(`/api/recordings/${recordingId}/moments`, 'POST', { startSeconds: 1, endSeconds: 3, title: 'Begin' });
    momentId = ((await moment.json()) as { id: string }).id;
  }, 240_000);
  afterAll(async () => server?.close());

  it('the route table is what the server registered: one playback route for all files, one for the files of a cut', () => {
    const routes = server.spreekkamer.app?.printRoutes({ commonPrefix: false }) ?? '';
    const playbackLines = routes.split('\n').filter((line) => line.includes('playback'));
    // One GET route serves every file by name (plus the descriptor routes); the tables list the files.
    expect(playbackLines.some((line) => line.includes('/api/playback/:id/:file'))).toBe(true);
    expect(playbackLines.some((line) => line.includes('/api/playback/:id/spans/:cutId/:file'))).toBe(true);
    expect(Object.keys(playbackResources).sort()).toEqual(['index.m3u8', 'key', 'peaks.json', 'poster.jpg']);
    expect(Object.keys(spanResources).sort()).toEqual(['index.m3u8', 'key']);
  });

  /**
   * Every URL of the family, with this viewer's token; the segment is the first one of the
   * playlist. The owner's come from the whole recording; a recipient's from the exact cut of the
   * shared moment (and the recording's own files with that token, which a recipient never gets).
   */
  async function everyResource(agent: HttpAgent, shareId?: string): Promise<Record<string, string>> {
    const descriptor = shareId
      ? (await sharedSpanDescriptor(() => agent.fetch(`/api/shares/${shareId}/moments/${momentId}/playback`, { method: 'POST' }))).descriptor
      : await playbackDescriptor(agent, recordingId);
    const playlist = await fetchPlaylist(agent, descriptor);
    const urls: Record<string, string> = {};
    for (const file of Object.keys(playbackResources)) urls[file] = `/api/playback/${recordingId}/${file}?t=${descriptor.token}`;
    if (shareId) {
      const cutBase = descriptor.playlistUrl.split('?')[0]?.replace(/index\.m3u8$/, '') ?? '';
      for (const file of Object.keys(spanResources)) urls[`span ${file}`] = `${cutBase}${file}?t=${descriptor.token}`;
    }
    urls.segment = playlist.segmentPaths[0] ?? '';
    return urls;
  }

  async function statuses(agent: HttpAgent, urls: Record<string, string>): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [name, url] of Object.entries(urls)) out[name] = (await agent.fetch(url)).status;
    return out;
  }

  async function expectAllServedThenRefused(agent: HttpAgent, shareId: string, end: () => Promise<void>): Promise<void> {
    const urls = await everyResource(agent, shareId);
    const before = await statuses(agent, urls);
    // A recipient never gets the poster (a frame from anywhere in the recording) nor the recording's
    // own playlist and key; the cut and the (flattened) waveform play.
    expect(before).toEqual({ ...Object.fromEntries(Object.keys(urls).map((name) => [name, 200])), 'poster.jpg': 404, 'index.m3u8': 404, key: 404 });
    await end();
    const after = await statuses(agent, urls);
    expect(after).toEqual(Object.fromEntries(Object.keys(urls).map((name) => [name, 404])));
  }

  it('after the share is revoked, with tokens minted before', async () => {
    const shared = await owner.json(`/api/recordings/${recordingId}/shares`, 'POST', { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(3) });
    const shareId = ((await shared.json()) as { id: string }).id;
    await expectAllServedThenRefused(reviewer, shareId, async () => {
      expect((await owner.fetch(`/api/shares/${shareId}/revoke`, { method: 'POST' })).status).toBe(200);
    });
  });

  it('after the viewer leaves the group, with tokens minted before', async () => {
    const group = (await (await owner.json('/api/peer-groups', 'POST', { name: 'Intervisie B', memberIds: [colleague.id] })).json()) as { id: string };
    expect((await colleague.agent.fetch(`/api/peer-groups/${group.id}/accept`, { method: 'POST' })).status).toBe(200);
    const shared = await owner.json(`/api/recordings/${recordingId}/shares`, 'POST', { momentIds: [momentId], recipient: { type: 'peer_group', groupId: group.id }, expiresAt: inDays(3) });
    expect(shared.status).toBe(200);
    const shareId = ((await shared.json()) as { id: string }).id;
    await expectAllServedThenRefused(colleague.agent, shareId, async () => {
      expect((await colleague.agent.fetch(`/api/peer-groups/${group.id}/leave`, { method: 'POST' })).status).toBe(204);
    });
  });

  it('the owner’s resources stop too once the recording is deleted', async () => {
    const urls = await everyResource(owner);
    expect(Object.values(await statuses(owner, urls)).every((status) => status === 200)).toBe(true);
    expect((await owner.fetch(`/api/recordings/${recordingId}`, { method: 'DELETE' })).status).toBe(204);
    expect(await statuses(owner, urls)).toEqual(Object.fromEntries(Object.keys(urls).map((name) => [name, 404])));
  });
});
