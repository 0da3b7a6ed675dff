import { createDecipheriv } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playedSeconds } from '../src/media/index.js';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, type ConsentedConversation } from './support/review-fixtures.js';
import { expectDutchError, fetchPlaylist, httpLogin, listen, media, newStaff, parseHlsPlaylist, playbackDescriptor, readyUploadedRecording, sharedSpanDescriptor, type HttpAgent, type SpanDescriptor } from './support/recordings.js';

/**
 * Finding 3 of issue 8: a reviewer receives exactly the shared span. Everything a reviewer can
 * fetch is decrypted and measured with ffprobe; it must last the span (±0.1 s), and every one of
 * those addresses must fail once the share ends (revoke, leaving the group, withdrawal).
 */
describe('reviewers receive exactly the shared span', () => {
  let server: TestServer;
  let owner: HttpAgent;
  let reviewer: HttpAgent;
  let reviewerId: string;
  let colleague: { id: string; agent: HttpAgent };
  let conversation: ConsentedConversation;
  let recordingId: string;
  let ownerKey: Buffer;
  let moment: string;
  let work: string;
  const span: [number, number] = [2, 4.9];

  beforeAll(async () => {
    server = await startTestServer();
    const baseUrl = await listen(server);
    owner = await httpLogin(baseUrl, demo.professional, demoPassword);
    reviewer = await httpLogin(baseUrl, demo.reviewer, demoPassword);
    reviewerId = (await server.spreekkamer.repositories.users.findByEmail(demo.reviewer))?.id ?? '';
    colleague = await newStaff(baseUrl, await httpLogin(baseUrl, demo.admin, demoPassword), 'Iris Bakker', ['professional']);
    conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'video', audience: 'peer_group' });
    recordingId = (await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4())).recordingId;
    const ownerPlaylist = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
    ownerKey = Buffer.from(await (await owner.fetch(ownerPlaylist.keyPath)).arrayBuffer());
    const created = await owner.json(`/api/recordings/${recordingId}/moments`, 'POST', { startSeconds: span[0], endSeconds: span[1], title: 'Het begin' });
    moment = ((await created.json()) as { id: string }).id;
    work = await mkdtemp(path.join(os.tmpdir(), 'span-cut-test-'));
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function share(recipient: Record<string, string>): Promise<string> {
    const response = await owner.json(`/api/recordings/${recordingId}/shares`, 'POST', { momentIds: [moment], recipient, expiresAt: inDays(3) });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }

  /** Asks for the cut's descriptor until it is ready; the first answers say "being prepared" (a Dutch message). */
  async function spanDescriptor(agent: HttpAgent, shareId: string): Promise<{ descriptor: SpanDescriptor; sawPreparing: boolean }> {
    const first = await agent.fetch(`/api/shares/${shareId}/moments/${moment}/playback`, { method: 'POST' });
    if (first.status === 409) expectDutchError(await first.json(), 'span_preparing');
    else expect(first.status).toBe(200);
    const result = await sharedSpanDescriptor(() => agent.fetch(`/api/shares/${shareId}/moments/${moment}/playback`, { method: 'POST' }));
    return { descriptor: result.descriptor, sawPreparing: first.status === 409 || result.sawPreparing };
  }

  /** Every address a player can reach from the descriptor: playlist, key, segments, waveform. */
  async function reachable(agent: HttpAgent, descriptor: SpanDescriptor): Promise<{ urls: string[]; key: Buffer; iv: string; segments: { url: string; sequence: number }[] }> {
    const text = await (await agent.fetch(descriptor.playlistUrl)).text();
    const playlist = parseHlsPlaylist(text);
    const base = new URL(descriptor.playlistUrl, agent.baseUrl);
    const pathOf = (uri: string) => {
      const url = new URL(uri, base);
      return url.pathname + url.search;
    };
    const keyUrl = pathOf(playlist.key?.uri ?? '');
    const keyResponse = await agent.fetch(keyUrl);
    expect(keyResponse.status).toBe(200);
    const segments = playlist.segments.map((s) => ({ url: pathOf(s.uri), sequence: s.sequence }));
    return { urls: [descriptor.playlistUrl, keyUrl, ...segments.map((s) => s.url), descriptor.peaksUrl], key: Buffer.from(await keyResponse.arrayBuffer()), iv: playlist.key?.iv ?? '', segments };
  }

  async function decryptedDuration(agent: HttpAgent, found: Awaited<ReturnType<typeof reachable>>, name: string): Promise<number> {
    const parts: Buffer[] = [];
    for (const segment of found.segments) {
      const response = await agent.fetch(segment.url);
      expect(response.status).toBe(200);
      const iv = found.iv ? Buffer.from(found.iv.replace(/^0x/i, ''), 'hex') : Buffer.concat([Buffer.alloc(12), Buffer.from([0, 0, 0, segment.sequence])]);
      const decipher = createDecipheriv('aes-128-cbc', found.key, iv);
      parts.push(Buffer.concat([decipher.update(Buffer.from(await response.arrayBuffer())), decipher.final()]));
    }
    const file = path.join(work, `${name}.ts`);
    await writeFile(file, Buffer.concat(parts));
    return playedSeconds(file);
  }

  async function statuses(agent: HttpAgent, urls: string[]): Promise<number[]> {
    return Promise.all(urls.map(async (url) => (await agent.fetch(url)).status));
  }

  const db = () => server.spreekkamer.database.db;
  const cutRows = async () => db().selectFrom('share_cuts').selectAll().where('recording_id', '=', recordingId).execute();
  const spanBlobs = () => server.spreekkamer.storage.blobs.list(`recordings/${recordingId}/spans/`);
  async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('a reviewer decrypts everything they can reach and gets exactly the span, under a key of its own; revoking ends every address', async () => {
    const shareId = await share({ type: 'reviewer', userId: reviewerId });
    const { descriptor, sawPreparing } = await spanDescriptor(reviewer, shareId);
    expect(sawPreparing).toBe(true);
    expect(descriptor.startsAtSeconds).toBe(span[0]);
    expect(descriptor.allowedRanges).toEqual([span]);
    expect(descriptor.posterUrl).toBeNull();
    expect(descriptor.playlistUrl).toContain(`/api/playback/${recordingId}/spans/`);

    const found = await reachable(reviewer, descriptor);
    expect(found.key.length).toBe(16);
    expect(found.key.equals(ownerKey)).toBe(false);
    const seconds = await decryptedDuration(reviewer, found, 'reviewer');
    expect(Math.abs(seconds - (span[1] - span[0])), `played ${seconds} s`).toBeLessThanOrEqual(0.1);

    // Nothing of the recording's own media: not through the whole-recording routes, not with this token.
    expect((await reviewer.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(404);
    for (const file of ['index.m3u8', 'key', 'seg_00000.ts', 'seg_00001.ts']) {
      expect((await reviewer.fetch(`/api/playback/${recordingId}/${file}?t=${descriptor.token}`)).status, file).toBe(404);
    }
    // The token names its cut: another cut id with it is refused.
    const cutId = descriptor.playlistUrl.split('/spans/')[1]?.split('/')[0] ?? '';
    expect((await reviewer.fetch(descriptor.playlistUrl.replace(cutId, '00000000-0000-4000-8000-000000000000'))).status).toBe(403);
    // Someone else with the reviewer's addresses: their session is not the token's viewer.
    expect(await statuses(colleague.agent, found.urls)).toEqual(found.urls.map(() => 403));

    expect((await cutRows()).map((row) => row.id)).toEqual([cutId]);
    expect((await spanBlobs()).length).toBeGreaterThan(0);
    expect((await owner.fetch(`/api/shares/${shareId}/revoke`, { method: 'POST' })).status).toBe(200);
    expect(await statuses(reviewer, found.urls)).toEqual(found.urls.map(() => 404));
    expect(await cutRows()).toEqual([]);
    await eventually(async () => (await spanBlobs()).length === 0);
  });

  it('a group member who leaves loses every address; the group’s cut gets a new key', async () => {
    const group = (await (await owner.json('/api/peer-groups', 'POST', { name: 'Intervisie C', memberIds: [colleague.id] })).json()) as { id: string };
    expect((await colleague.agent.fetch(`/api/peer-groups/${group.id}/accept`, { method: 'POST' })).status).toBe(200);
    const shareId = await share({ type: 'peer_group', groupId: group.id });
    const { descriptor } = await spanDescriptor(colleague.agent, shareId);
    const found = await reachable(colleague.agent, descriptor);
    expect(Math.abs((await decryptedDuration(colleague.agent, found, 'member')) - (span[1] - span[0]))).toBeLessThanOrEqual(0.1);
    const before = (await cutRows()).map((row) => row.id);

    expect((await colleague.agent.fetch(`/api/peer-groups/${group.id}/leave`, { method: 'POST' })).status).toBe(204);
    expect(await statuses(colleague.agent, found.urls)).toEqual(found.urls.map(() => 404));
    expect((await colleague.agent.fetch(`/api/shares/${shareId}/moments/${moment}/playback`, { method: 'POST' })).status).toBe(404);
    const after = await cutRows();
    expect(after.some((row) => before.includes(row.id))).toBe(false);
    expect(after.every((row) => row.share_id === shareId)).toBe(true);
    expect((await owner.fetch(`/api/shares/${shareId}/revoke`, { method: 'POST' })).status).toBe(200);
  });

  it('an expired share’s cut is swept: salt row and files', async () => {
    const shareId = await share({ type: 'reviewer', userId: reviewerId });
    const { descriptor } = await spanDescriptor(reviewer, shareId);
    const found = await reachable(reviewer, descriptor);
    await db().updateTable('shares').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', shareId).execute();
    expect(await statuses(reviewer, found.urls)).toEqual(found.urls.map(() => 404));
    expect(await server.spreekkamer.services.reviews.cuts.sweep()).toBe(1);
    expect(await cutRows()).toEqual([]);
    await eventually(async () => (await spanBlobs()).length === 0);
  });

  it('changing a shared moment’s span ends its cut; the next view gets a new cut of the new span', async () => {
    const shareId = await share({ type: 'reviewer', userId: reviewerId });
    const { descriptor } = await spanDescriptor(reviewer, shareId);
    const found = await reachable(reviewer, descriptor);
    expect((await owner.json(`/api/moments/${moment}`, 'PATCH', { endSeconds: 6 })).status).toBe(200);
    expect(await statuses(reviewer, found.urls.slice(0, -1))).toEqual(found.urls.slice(0, -1).map(() => 404));
    const { descriptor: next } = await spanDescriptor(reviewer, shareId);
    expect(next.allowedRanges).toEqual([[span[0], 6]]);
    expect(next.playlistUrl.split('?')[0]).not.toBe(descriptor.playlistUrl.split('?')[0]);
    const again = await reachable(reviewer, next);
    expect(Math.abs((await decryptedDuration(reviewer, again, 'changed')) - (6 - span[0]))).toBeLessThanOrEqual(0.1);
    expect((await owner.json(`/api/moments/${moment}`, 'PATCH', { endSeconds: span[1] })).status).toBe(200);
    expect((await owner.fetch(`/api/shares/${shareId}/revoke`, { method: 'POST' })).status).toBe(200);
    await eventually(async () => (await cutRows()).length === 0 && (await spanBlobs()).length === 0);
  });

  it('withdrawal ends every cut at once and removes its files', async () => {
    const shareId = await share({ type: 'reviewer', userId: reviewerId });
    const { descriptor } = await spanDescriptor(reviewer, shareId);
    const found = await reachable(reviewer, descriptor);
    const withdrawn = await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await statuses(reviewer, found.urls)).toEqual(found.urls.map(() => 404));
    await eventually(async () => (await cutRows()).length === 0 && (await spanBlobs()).length === 0);
  });
});
