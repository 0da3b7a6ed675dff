import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, openClient, type ConsentedConversation } from './support/review-fixtures.js';
import { fetchPlaylist, httpLogin, listen, media, newStaff, playbackDescriptor, readyUploadedRecording, sharedSpanDescriptor, type Descriptor, type HttpAgent, type SpanDescriptor } from './support/recordings.js';

/**
 * Playback of shared moments against a real processed recording (12 s, 4 s segments): a recipient
 * plays only the exact cut of a shared moment (its own HLS and key), never the recording's own
 * segments; every address is checked again on every request.
 */
describe('reviews: playing shared moments', () => {
  let server: TestServer;
  let baseUrl: string;
  let owner: HttpAgent;
  let reviewer: HttpAgent;
  let reviewerId: string;
  let colleague: { id: string; agent: HttpAgent };
  let conversation: ConsentedConversation;
  let recordingId: string;
  let ownerMedia: { keyPath: string; segmentPaths: string[]; iv: string };
  let momentEarly: string;
  let momentLate: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await listen(server);
    owner = await httpLogin(baseUrl, demo.professional, demoPassword);
    reviewer = await httpLogin(baseUrl, demo.reviewer, demoPassword);
    reviewerId = (await server.spreekkamer.repositories.users.findByEmail(demo.reviewer))?.id ?? '';
    const admin = await httpLogin(baseUrl, demo.admin, demoPassword);
    colleague = await newStaff(baseUrl, admin, 'Noor Visser', ['professional']);
    conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'video', audience: 'peer_group', feedbackViaReviewer: true });
    recordingId = (await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4())).recordingId;
    ownerMedia = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
    const moment = async (start: number, end: number) => {
      const response = await owner.json(`/api/recordings/${recordingId}/moments`, 'POST', { startSeconds: start, endSeconds: end, title: `Moment ${start}` });
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    momentEarly = await moment(1, 3);
    momentLate = await moment(9, 11);
  }, 180_000);
  afterAll(async () => server?.close());

  const segmentName = (urlPath: string) => urlPath.split('?')[0]?.split('/').pop() ?? '';

  async function share(momentIds: string[], recipient: Record<string, string>, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await owner.json(`/api/recordings/${recordingId}/shares`, 'POST', { momentIds, recipient, expiresAt: inDays(3), ...extra });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }

  /** The exact cut of one shared moment, once it is ready. */
  async function spanOf(agent: HttpAgent, shareId: string, momentId: string): Promise<SpanDescriptor> {
    return (await sharedSpanDescriptor(() => agent.fetch(`/api/shares/${shareId}/moments/${momentId}/playback`, { method: 'POST' }))).descriptor;
  }

  /** The segment URLs a viewer would try for the whole recording, with the viewer's own token. */
  function allSegmentsWith(descriptor: Descriptor): string[] {
    return ownerMedia.segmentPaths.map((p) => `/api/playback/${recordingId}/${segmentName(p)}?t=${descriptor.token}`);
  }

  it('the owner’s playlist has every segment; a reviewer without a share gets nothing', async () => {
    expect(ownerMedia.segmentPaths.length).toBe(3);
    expect((await reviewer.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(404);
  });

  it('a reviewer plays exactly the shared span from its own cut; the recording’s own segments are refused by the server', async () => {
    const shareId = await share([momentEarly], { type: 'reviewer', userId: reviewerId });
    // The whole-recording descriptor is the owner's only.
    expect((await reviewer.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(404);
    const descriptor = await spanOf(reviewer, shareId, momentEarly);
    expect(descriptor.allowedRanges).toEqual([[1, 3]]);
    expect(descriptor.startsAtSeconds).toBe(1);
    expect(descriptor.posterUrl).toBeNull();
    const playlist = await fetchPlaylist(reviewer, descriptor);
    expect(playlist.segmentPaths.every((p) => p.startsWith(`/api/playback/${recordingId}/spans/`))).toBe(true);
    expect((await reviewer.fetch(playlist.keyPath)).status).toBe(200);
    expect(await Promise.all(playlist.segmentPaths.map(async (p) => (await reviewer.fetch(p)).status))).toEqual(playlist.segmentPaths.map(() => 200));
    // Not one of the recording's own segments, not even the one the span lies in.
    expect(await Promise.all(allSegmentsWith(descriptor).map(async (p) => (await reviewer.fetch(p)).status))).toEqual([404, 404, 404]);

    // The waveform is flat outside the span.
    const peaks = (await (await reviewer.fetch(descriptor.peaksUrl)).json()) as { durationSeconds: number; peaks: number[] };
    const step = peaks.durationSeconds / peaks.peaks.length;
    const outside = peaks.peaks.filter((_, i) => i * step >= 4);
    expect(outside.every((v) => v === 0)).toBe(true);

    // A forged token asking for everything is not signed, so it is refused.
    const [body = '', signature = ''] = descriptor.token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, a: 'all' })).toString('base64url')}.${signature}`;
    expect((await reviewer.fetch(`/api/playback/${recordingId}/${segmentName(ownerMedia.segmentPaths[2] ?? '')}?t=${forged}`)).status).toBe(403);

    // Revoking ends it at once: playlist, key and every segment of the cut.
    expect((await owner.fetch(`/api/shares/${shareId}/revoke`, { method: 'POST' })).status).toBe(200);
    expect((await reviewer.fetch(descriptor.playlistUrl)).status).toBe(404);
    expect((await reviewer.fetch(playlist.keyPath)).status).toBe(404);
    expect((await reviewer.fetch(playlist.segmentPaths[0] ?? '')).status).toBe(404);
    expect((await reviewer.fetch(`/api/shares/${shareId}/moments/${momentEarly}/playback`, { method: 'POST' })).status).toBe(404);
  });

  it('two shares, two cuts: each token opens only its own cut', async () => {
    const first = await share([momentEarly], { type: 'reviewer', userId: reviewerId });
    const second = await share([momentLate], { type: 'reviewer', userId: reviewerId });
    const early = await spanOf(reviewer, first, momentEarly);
    const late = await spanOf(reviewer, second, momentLate);
    expect(late.startsAtSeconds).toBe(9);
    expect(early.playlistUrl).not.toBe(late.playlistUrl);
    // A moment that is not in the share has no cut there.
    expect((await reviewer.fetch(`/api/shares/${first}/moments/${momentLate}/playback`, { method: 'POST' })).status).toBe(404);
    // The early token on the late cut's address: refused.
    const lateCut = late.playlistUrl.split('?')[0] ?? '';
    expect((await reviewer.fetch(`${lateCut}?t=${early.token}`)).status).toBe(403);
    expect((await reviewer.fetch(late.playlistUrl)).status).toBe(200);
    for (const id of [first, second]) await owner.fetch(`/api/shares/${id}/revoke`, { method: 'POST' });
  });

  it('a group member plays the group’s span until they leave', async () => {
    const group = (await (await owner.json('/api/peer-groups', 'POST', { name: 'Intervisie', memberIds: [colleague.id] })).json()) as { id: string };
    expect((await colleague.agent.fetch(`/api/peer-groups/${group.id}/accept`, { method: 'POST' })).status).toBe(200);
    const shareId = await share([momentLate], { type: 'peer_group', groupId: group.id });
    const descriptor = await spanOf(colleague.agent, shareId, momentLate);
    expect(descriptor.allowedRanges).toEqual([[9, 11]]);
    const playlist = await fetchPlaylist(colleague.agent, descriptor);
    expect((await colleague.agent.fetch(playlist.segmentPaths[0] ?? '')).status).toBe(200);
    expect(await Promise.all(allSegmentsWith(descriptor).map(async (p) => (await colleague.agent.fetch(p)).status))).toEqual([404, 404, 404]);
    expect((await colleague.agent.fetch(`/api/peer-groups/${group.id}/leave`, { method: 'POST' })).status).toBe(204);
    expect((await colleague.agent.fetch(descriptor.playlistUrl)).status).toBe(404);
    expect((await colleague.agent.fetch(playlist.segmentPaths[0] ?? '')).status).toBe(404);
    expect((await colleague.agent.fetch(`/api/shares/${shareId}/moments/${momentLate}/playback`, { method: 'POST' })).status).toBe(404);
  });

  it('the client’s talk plays only its fragments, and only with the named reviewer on the same device', async () => {
    const talk = await share([momentEarly], { type: 'reviewer', userId: reviewerId }, { clientTalk: true });
    await share([momentLate], { type: 'reviewer', userId: reviewerId });
    const client = await openClient(server, conversation.token, conversation.code);
    const clientCookie = client.cookie ?? '';
    const talkUrl = `/api/client/review-talks/${talk}/playback?fragment=1`;

    // The client alone (no reviewer logged in on the device): nothing plays.
    const alone = await fetch(new URL(talkUrl, baseUrl), { headers: { cookie: clientCookie } });
    expect(alone.status).toBe(401);
    // The reviewer alone (no client): the client route is closed.
    expect((await reviewer.fetch(talkUrl)).status).toBe(401);
    // Another staff member with the client: not the named reviewer.
    const together = (agent: HttpAgent, url = talkUrl) => fetch(new URL(url, baseUrl), { headers: { cookie: `${clientCookie}; ${agent.cookie ?? ''}` } });
    expect((await together(colleague.agent)).status).toBe(404);
    expect((await together(owner)).status).toBe(404);
    // Only the talk's fragments are numbered: there is no second one.
    expect((await together(reviewer, `/api/client/review-talks/${talk}/playback?fragment=2`)).status).toBe(404);

    const { descriptor } = await sharedSpanDescriptor(() => together(reviewer));
    // Only the talk's fragment, from its own cut, although the reviewer may see more of this recording.
    expect(descriptor.allowedRanges).toEqual([[1, 3]]);
    expect(descriptor.playlistUrl).toContain('/spans/');
    expect((await reviewer.fetch(descriptor.playlistUrl)).status).toBe(200);
    expect(await Promise.all(allSegmentsWith(descriptor).map(async (p) => (await reviewer.fetch(p)).status))).toEqual([404, 404, 404]);

    // Another client's session gets nothing of this talk.
    const other = await consentedConversation(server, await server.login(demo.professional), { audience: 'reviewer', feedbackViaReviewer: true });
    const otherCookie = other.client.cookie ?? '';
    const foreign = await fetch(new URL(talkUrl, baseUrl), { headers: { cookie: `${otherCookie}; ${reviewer.cookie ?? ''}` } });
    expect(foreign.status).toBe(404);
  });

  it('deleting the recording ends every share at once and then removes the review data', async () => {
    const shareId = await share([momentEarly], { type: 'reviewer', userId: reviewerId });
    const descriptor = await spanOf(reviewer, shareId, momentEarly);
    const playlist = await fetchPlaylist(reviewer, descriptor);
    expect((await owner.fetch(`/api/recordings/${recordingId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await reviewer.fetch(`/api/shares/${shareId}`)).status).toBe(404);
    expect((await reviewer.fetch(descriptor.playlistUrl)).status).toBe(404);
    expect((await reviewer.fetch(playlist.keyPath)).status).toBe(404);
    expect((await reviewer.fetch(playlist.segmentPaths[0] ?? '')).status).toBe(404);
    const db = server.spreekkamer.database.db;
    const remaining = async () => Number((await db.selectFrom('moments').select((eb) => eb.fn.countAll().as('n')).where('recording_id', '=', recordingId).executeTakeFirstOrThrow()).n);
    const deadline = Date.now() + 30_000;
    while ((await remaining()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await remaining()).toBe(0);
    const shares = Number((await db.selectFrom('shares').select((eb) => eb.fn.countAll().as('n')).where('recording_id', '=', recordingId).executeTakeFirstOrThrow()).n);
    expect(shares).toBe(0);
  });
});
