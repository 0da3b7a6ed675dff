import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/crypto/tokens.js';
import { runFfprobe } from '../src/media/index.js';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation } from './support/review-fixtures.js';
import {
  decryptSegment,
  fetchPlaylist,
  httpLogin,
  listen,
  looksLikeTransportStream,
  media,
  newStaff,
  playbackDescriptor,
  readyUploadedRecording,
  type Descriptor,
  type HttpAgent,
} from './support/recordings.js';

let server: TestServer;
let baseUrl: string;
let owner: HttpAgent;
let ownerId: string;
let recordingId: string;
let otherRecordingId: string;
let descriptor: Descriptor;
let media1: { keyPath: string; segmentPaths: string[]; iv: string };
const attackers: Record<string, HttpAgent> = {};

beforeAll(async () => {
  server = await startTestServer();
  baseUrl = await listen(server);
  owner = await httpLogin(baseUrl, demo.professional, demoPassword);
  ownerId = (await server.spreekkamer.repositories.users.findByEmail(demo.professional))?.id ?? '';
  const conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'video', audience: 'peer_group' });
  const file = await media.videoMp4();
  recordingId = (await readyUploadedRecording(owner, conversation.conversationId, file)).recordingId;
  otherRecordingId = (await readyUploadedRecording(owner, conversation.conversationId, await media.audioM4a(), 'audio')).recordingId;
  descriptor = await playbackDescriptor(owner, recordingId);
  media1 = await fetchPlaylist(owner, descriptor);

  const admin = await httpLogin(baseUrl, demo.admin, demoPassword);
  attackers['another professional'] = (await newStaff(baseUrl, admin, 'Andere Klantmanager', ['professional'])).agent;
  attackers['a team lead who also records'] = await httpLogin(baseUrl, demo.manager, demoPassword);
  attackers['a manager'] = (await newStaff(baseUrl, admin, 'Alleen Manager', ['manager'])).agent;
  attackers['an administrator'] = admin;
  attackers['a reviewer without a share'] = await httpLogin(baseUrl, demo.reviewer, demoPassword);
  attackers['someone not logged in'] = new (owner.constructor as typeof import('./support/recordings.js').HttpAgent)(baseUrl, undefined, undefined);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

async function status(agent: HttpAgent, urlPath: string, method = 'GET'): Promise<{ status: number; bytes: number; body: string }> {
  const response = await agent.fetch(urlPath, { method });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: body.length, body: body.toString('utf8') };
}

describe('nobody but the owner gets anything of a recording', () => {
  it.each(['another professional', 'a team lead who also records', 'a manager', 'an administrator', 'a reviewer without a share', 'someone not logged in'])(
    '%s: no details, no playback, no views, no delete, and the owner’s URLs give nothing',
    async (who) => {
      const agent = attackers[who];
      if (!agent) throw new Error(who);
      const expected = who === 'someone not logged in' ? [401] : [403, 404];
      for (const [urlPath, method] of [
        [`/api/recordings/${recordingId}`, 'GET'],
        [`/api/recordings/${recordingId}/playback`, 'POST'],
        [`/api/recordings/${recordingId}/views`, 'GET'],
        [`/api/recordings/${recordingId}`, 'DELETE'],
      ] as const) {
        const result = await status(agent, urlPath, method);
        expect(expected, `${method} ${urlPath}: ${result.status} ${result.body}`).toContain(result.status);
        expect(result.body).not.toContain(recordingId.slice(0, 8) + '-');
      }
      // Even with the owner's token (a copied URL), playlist, key, segments, peaks and poster give nothing.
      for (const urlPath of [descriptor.playlistUrl, media1.keyPath, media1.segmentPaths[0] ?? '', descriptor.peaksUrl, descriptor.posterUrl ?? '']) {
        const result = await status(agent, urlPath);
        expect(result.status, `${urlPath}: ${result.body}`).toBeGreaterThanOrEqual(400);
        expect(result.body).toMatch(/^\{"status"/);
      }
      // Their own list does not show it.
      const list = await agent.fetch('/api/recordings');
      if (list.status === 200) expect(JSON.stringify(await list.json())).not.toContain(recordingId);
      // Nothing changed for the owner.
      expect((await status(owner, `/api/recordings/${recordingId}`)).status).toBe(200);
    },
  );

  it('refuses expired, forged and cross-recording tokens for playlist, key and segments', async () => {
    const secret = server.config.sessionSecret;
    const claims = { r: recordingId, v: ownerId, a: 'all', k: 'owner' };
    const expired = signToken(secret, 'recording-playback', claims, 60, new Date(Date.now() - 3600_000));
    const forgedSecret = signToken(Buffer.alloc(32, 7), 'recording-playback', claims, 600);
    const [body = '', signature = ''] = descriptor.token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString('utf8')), r: otherRecordingId })).toString('base64url');
    const tampered = `${otherPayload}.${signature}`;
    const wrongPurpose = signToken(secret, 'client-session', claims, 600);
    const otherDescriptor = await playbackDescriptor(owner, otherRecordingId);

    const files = ['index.m3u8', 'key', path.basename(media1.segmentPaths[0]?.split('?')[0] ?? ''), 'peaks.json', 'poster.jpg'];
    for (const [label, token] of [
      ['expired', expired],
      ['signed with another secret', forgedSecret],
      ['payload changed', tampered],
      ['for another purpose', wrongPurpose],
      ['for another recording', otherDescriptor.token],
      ['missing', ''],
      ['garbage', 'abc.def'],
    ] as const) {
      for (const file of files) {
        const result = await status(owner, `/api/playback/${recordingId}/${file}?t=${encodeURIComponent(token)}`);
        expect(result.status, `${label} ${file}`).toBe(403);
        expect(JSON.parse(result.body).code).toBe('playback_token_invalid');
        expect(JSON.parse(result.body).title).toMatch(/verlopen of ongeldig/);
      }
    }
    // A valid token of this recording does not open the other one either.
    const cross = await status(owner, `/api/playback/${otherRecordingId}/key?t=${descriptor.token}`);
    expect(cross.status).toBe(403);
  });

  it('a token of another professional for their own recording opens nothing of ours', async () => {
    const other = attackers['another professional'];
    if (!other) throw new Error('missing');
    const result = await status(other, `/api/playback/${recordingId}/key?t=${descriptor.token}`);
    expect(result.status).toBe(403);
  });

  it('stores segments that cannot be played without the key, and the key only wrapped', async () => {
    const { blobs } = server.spreekkamer.storage;
    const keys = await blobs.list(`recordings/${recordingId}/`);
    const segments = keys.filter((key) => key.endsWith('.ts'));
    expect(segments.length).toBeGreaterThan(1);
    expect(keys.some((key) => /key/i.test(path.basename(key)))).toBe(false);
    const stored = await blobs.getBuffer(segments[0] ?? '');
    expect(looksLikeTransportStream(stored)).toBe(false);
    const file = path.join(server.config.dataDir, 'stolen-segment.ts');
    await writeFile(file, stored);
    // ffprobe finds no H.264 or AAC in it. (Random bytes now and then pass for a damaged stream of some old codec, so "no stream at all" would be a flaky claim.)
    const probed = await runFfprobe(['-v', 'error', '-show_streams', '-of', 'json', file]).then(
      (result) => (JSON.parse(result.stdout || '{}') as { streams?: { codec_name?: string }[] }).streams ?? [],
      () => [],
    );
    expect(probed.map((stream) => stream.codec_name)).not.toContain('h264');
    expect(probed.map((stream) => stream.codec_name)).not.toContain('aac');
    // Peaks and poster are sealed too: no JPEG or JSON in the store.
    for (const key of keys.filter((k) => !k.endsWith('.ts') && !k.endsWith('.m3u8'))) {
      const data = await blobs.getBuffer(key);
      expect(data.subarray(0, 2).toString('hex')).not.toBe('ffd8');
      expect(data.toString('utf8')).not.toContain('peaks');
    }
    // The row holds the key wrapped by the master key, never raw.
    const row = await server.spreekkamer.repositories.recordings.findById(recordingId);
    const key = Buffer.from(await (await owner.fetch(media1.keyPath)).arrayBuffer());
    expect(row?.wrapped_key).toMatch(/^v1\./);
    expect(row?.wrapped_key).not.toContain(key.toString('hex'));
    expect(row?.wrapped_key).not.toContain(key.toString('base64url'));
    // With the key it does play: the test above is not vacuous.
    expect(looksLikeTransportStream(decryptSegment(key, media1.iv, stored))).toBe(true);
  });

  it('serves media without caching or download headers, and logs each playlist fetch as one view', async () => {
    const before = ((await (await owner.fetch(`/api/recordings/${recordingId}/views`)).json()) as { views: unknown[] }).views.length;
    const response = await owner.fetch(descriptor.playlistUrl);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBeNull();
    for (const urlPath of [media1.keyPath, media1.segmentPaths[0] ?? '']) {
      const media = await owner.fetch(urlPath);
      expect(media.status).toBe(200);
      expect(media.headers.get('cache-control')).toBe('no-store');
      expect(media.headers.get('content-disposition')).toBeNull();
    }
    const after = ((await (await owner.fetch(`/api/recordings/${recordingId}/views`)).json()) as { views: { viewerName: string; at: string }[] }).views;
    expect(after.length).toBe(before + 1);
    expect(after[0]?.viewerName).toBe('Sanne de Vries');
    // The audit entry holds metadata only.
    const audit = await server.spreekkamer.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'recording.viewed').execute();
    expect(audit.every((event) => !/Sanne|\.ts|m3u8/.test(event.details_json))).toBe(true);
  });
});
