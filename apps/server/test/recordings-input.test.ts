import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfprobe } from '../src/media/index.js';
import { demo, demoPassword, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentTextVersion } from '@spreekkamer/shared';
import { consentedConversation, openClient } from './support/review-fixtures.js';
import {
  createRecording,
  decryptSegment,
  expectDutchError,
  fetchPlaylist,
  httpLogin,
  listen,
  media,
  newStaff,
  playbackDescriptor,
  readyUploadedRecording,
  tusCreate,
  tusPatch,
  tusUpload,
  waitForStatus,
  type HttpAgent,
} from './support/recordings.js';

let server: TestServer;
let baseUrl: string;
let professional: Agent;
let owner: HttpAgent;
let conversationId: string;
let keeper: string;

beforeAll(async () => {
  server = await startTestServer({ MAX_UPLOAD_MB: '1' });
  baseUrl = await listen(server);
  professional = await server.login(demo.professional);
  owner = await httpLogin(baseUrl, demo.professional, demoPassword);
  conversationId = (await consentedConversation(server, professional, { media: 'video', audience: 'professional' })).conversationId;
  // A good recording that must survive every bad attempt below.
  keeper = (await readyUploadedRecording(owner, conversationId, await media.videoMp4())).recordingId;
}, 180_000);

afterAll(async () => {
  // Nothing else lost: the good recording still plays after all of it.
  const played = await fetchPlaylist(owner, await playbackDescriptor(owner, keeper));
  expect(played.segmentPaths.length).toBeGreaterThan(1);
  await server?.close();
});

async function uploadAndFail(file: string, declaredSize?: number): Promise<{ code: string; message: string; recordingId: string }> {
  const size = declaredSize ?? (await stat(file)).size;
  const created = await createRecording(owner, conversationId, 'video', Math.max(1, size));
  expect(created.status, await created.clone().text()).toBe(201);
  const recordingId = ((await created.json()) as { recording: { id: string } }).recording.id;
  await tusUpload(owner, file, recordingId, { size });
  const state = await waitForStatus(owner, recordingId, ['ready', 'failed']);
  expect(state.status).toBe('failed');
  // The original is gone, nothing was stored, no key exists.
  const row = await server.spreekkamer.repositories.recordings.findById(recordingId);
  expect(row).toMatchObject({ upload_id: null, wrapped_key: null });
  expect(await server.spreekkamer.storage.blobs.list(`recordings/${recordingId}`)).toEqual([]);
  expect((await owner.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(404);
  return { ...(state.failure ?? { code: '', message: '' }), recordingId };
}

describe('files that cannot be used get a clear Dutch message', () => {
  it('a text file renamed .mp4', async () => {
    const failure = await uploadAndFail(await media.textAsMp4());
    expect(failure.code).toBe('text');
    expect(failure.message).toBe('Dit is een tekstbestand met een andere naam, geen opname. Kies het bestand met het gesprek zelf.');
  });

  it('a truncated MP4', async () => {
    const failure = await uploadAndFail(await media.truncatedMp4());
    expect(failure.code).toBe('truncated');
    expect(failure.message).toMatch(/^Dit bestand is niet compleet\./);
  });

  it('a zero-byte file', async () => {
    const failure = await uploadAndFail(await media.empty(), 0);
    expect(failure.code).toBe('empty');
    expect(failure.message).toBe('Dit bestand is leeg. Kies een opname van een gesprek.');
    // Only the code is stored; the words come from the catalogue when the row is read.
    const row = await server.spreekkamer.database.db.selectFrom('recordings').select(['failure_code', 'failure_message']).where('id', '=', failure.recordingId).executeTakeFirstOrThrow();
    expect(row).toEqual({ failure_code: 'empty', failure_message: null });
    // A row that failed before kept its own Dutch sentence, and it is shown as it was.
    await server.spreekkamer.database.db.updateTable('recordings').set({ failure_message: 'Een zin van vroeger.' }).where('id', '=', failure.recordingId).execute();
    const shown = (await (await owner.fetch(`/api/recordings/${failure.recordingId}`)).json()) as { failure: { code: string; message: string } | null };
    expect(shown.failure).toEqual({ code: 'empty', message: 'Een zin van vroeger.' });
  });

  it('a failed recording is listed with its message, and the good one is untouched', async () => {
    const list = (await (await owner.fetch(`/api/recordings?conversationId=${conversationId}`)).json()) as { recordings: { id: string; status: string; failure: { message: string } | null }[] };
    expect(list.recordings.find((r) => r.id === keeper)?.status).toBe('ready');
    expect(list.recordings.filter((r) => r.status === 'failed').every((r) => /^[A-Z].*\.$/.test(r.failure?.message ?? ''))).toBe(true);
  });
});

describe('uploads the server refuses before a byte is stored', () => {
  it('a file over the limit: refused when announced, and by the upload endpoint', async () => {
    const tooBig = 2 * 1024 * 1024;
    const response = await createRecording(owner, conversationId, 'video', tooBig);
    expect(response.status).toBe(413);
    expectDutchError(await response.json(), 'recording_too_large');

    const created = (await (await createRecording(owner, conversationId, 'video', 1000)).json()) as { recording: { id: string } };
    const tus = await tusCreate(owner, tooBig, { recordingId: created.recording.id });
    expect(tus.status).toBe(413);
    expectDutchError(await tus.json(), 'recording_too_large');
    expect((await server.spreekkamer.repositories.recordings.findById(created.recording.id))?.upload_id).toBeNull();
  });

  it('more bytes than announced are refused', async () => {
    const created = (await (await createRecording(owner, conversationId, 'video', 1000)).json()) as { recording: { id: string } };
    const tus = await tusCreate(owner, 1000, { recordingId: created.recording.id });
    expect(tus.status).toBe(201);
    const patched = await tusPatch(owner, tus.headers.get('location') ?? '', 0, Buffer.alloc(5000, 1));
    expect(patched.status).toBe(413);
    expectDutchError(await patched.json(), 'recording_too_large');
  });

  it('an upload without consent, with a declined consent, or not yet confirmed by the professional', async () => {
    async function conversationWith(answer: 'none' | 'unconfirmed' | null): Promise<string> {
      const clientId = ((await professional.post('/api/clients', { pseudonym: 'Zonder toestemming' })).json() as { id: string }).id;
      const id = ((await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-11-20', kind: 'phone' })).json() as { id: string }).id;
      if (answer === null) return id;
      const issued = (await professional.post(`/api/clients/${clientId}/access`)).json() as { path: string; code: string };
      const client = await openClient(server, issued.path.split('/').pop() ?? '', issued.code);
      const given = await client.post(`/api/client/conversations/${id}/consent`, {
        media: answer === 'none' ? 'none' : 'video',
        audience: 'professional',
        watchWithClient: false,
        feedbackViaReviewer: false,
        retentionDays: 90,
        ...(answer === 'none' ? {} : { signature: 'Jan de Klant' }),
        textVersion: consentTextVersion,
        locale: 'nl',
      });
      expect(given.statusCode, given.body).toBe(200);
      return id;
    }
    for (const answer of [null, 'none', 'unconfirmed'] as const) {
      const id = await conversationWith(answer);
      const response = await createRecording(owner, id, 'audio', 1000);
      expect(response.status, String(answer)).toBe(409);
      const body = (await response.json()) as { title: string };
      expectDutchError(body, 'recording_consent_missing');
      expect(body.title).toBe('Er is geen geldige toestemming voor dit gesprek. Vraag eerst toestemming aan de cliënt.');
      expect(((await (await owner.fetch(`/api/recordings?conversationId=${id}`)).json()) as { recordings: unknown[] }).recordings).toEqual([]);
    }
  });

  it('a video upload under an audio-only consent', async () => {
    const audioOnly = await consentedConversation(server, professional, { media: 'audio', audience: 'professional' });
    const response = await createRecording(owner, audioOnly.conversationId, 'video', 1000);
    expect(response.status).toBe(403);
    expectDutchError(await response.json(), 'recording_consent_audio_only');
  });

  it('a video file announced as audio under an audio-only consent is stored without its picture', async () => {
    const audioOnly = await consentedConversation(server, professional, { media: 'audio', audience: 'professional' });
    const { recordingId, state } = await readyUploadedRecording(owner, audioOnly.conversationId, await media.videoMp4(), 'audio');
    expect(state).toMatchObject({ kind: 'audio', hasPoster: false });
    const descriptor = await playbackDescriptor(owner, recordingId);
    expect(descriptor.posterUrl).toBeNull();
    const played = await fetchPlaylist(owner, descriptor);
    const key = Buffer.from(await (await owner.fetch(played.keyPath)).arrayBuffer());
    const segment = Buffer.from(await (await owner.fetch(played.segmentPaths[0] ?? '')).arrayBuffer());
    const file = path.join(server.config.dataDir, 'audio-only-check.ts');
    await writeFile(file, decryptSegment(key, played.iv, segment));
    const { stdout } = await runFfprobe(['-v', 'error', '-show_streams', '-of', 'json', file]);
    const streams = (JSON.parse(stdout) as { streams: { codec_type: string }[] }).streams.map((s) => s.codec_type);
    expect(streams).toEqual(['audio']);
  });

  it('someone else’s conversation or recording answers not found', async () => {
    const admin = await httpLogin(baseUrl, demo.admin, demoPassword);
    const other = (await newStaff(baseUrl, admin, 'Tweede Klantmanager', ['professional'])).agent;
    const response = await createRecording(other, conversationId, 'video', 1000);
    expect(response.status).toBe(404);
    expectDutchError(await response.json(), 'not_found');
    const created = (await (await createRecording(owner, conversationId, 'video', 1000)).json()) as { recording: { id: string } };
    const tus = await tusCreate(other, 1000, { recordingId: created.recording.id });
    expect(tus.status).toBe(404);
    expectDutchError(await tus.json(), 'not_found');
    // Nor can they touch the owner's upload.
    const mine = await tusCreate(owner, 1000, { recordingId: created.recording.id });
    const location = mine.headers.get('location') ?? '';
    for (const method of ['HEAD', 'PATCH', 'DELETE']) {
      const touched = await other.fetch(location, { method, headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, ...(method === 'PATCH' ? { body: Buffer.alloc(10) } : {}) });
      expect(touched.status, method).toBe(404);
    }
    const head = await owner.fetch(location, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
    expect(head.headers.get('upload-offset')).toBe('0');
  });

  it('bad upload requests: no session, no CSRF header, no length, bad metadata, no recording', async () => {
    const created = (await (await createRecording(owner, conversationId, 'video', 1000)).json()) as { recording: { id: string } };
    const anonymous = await fetch(new URL('/api/uploads', baseUrl), { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(anonymous.status).toBe(401);
    expectDutchError(await anonymous.json(), 'unauthenticated');
    const noCsrf = await fetch(new URL('/api/uploads', baseUrl), { method: 'POST', headers: { cookie: owner.cookie ?? '', 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(noCsrf.status).toBe(403);
    expectDutchError(await noCsrf.json(), 'csrf');
    const deferred = await tusCreate(owner, null, { recordingId: created.recording.id }, { 'upload-defer-length': '1' });
    expect(deferred.status).toBe(400);
    expectDutchError(await deferred.json(), 'upload_invalid');
    const badMetadata = await owner.fetch('/api/uploads', { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': 'recordingId !!!,,' } });
    expect(badMetadata.status).toBe(400);
    expectDutchError(await badMetadata.json(), 'upload_invalid');
    const noRecording = await tusCreate(owner, 10, { filename: 'x.mp4' });
    expect(noRecording.status).toBe(400);
    const unknown = await tusCreate(owner, 10, { recordingId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    // Downloading an upload is not a thing.
    const mine = await tusCreate(owner, 10, { recordingId: created.recording.id });
    expect((await owner.fetch(mine.headers.get('location') ?? '')).status).toBe(404);
  });

  it('bad values for a new recording', async () => {
    for (const body of [{}, { conversationId, kind: 'film', sizeBytes: 10 }, { conversationId, kind: 'video', sizeBytes: -1 }, { conversationId: 'abc', kind: 'video', sizeBytes: 10 }]) {
      const response = await owner.json('/api/recordings', 'POST', body);
      expect(response.status).toBe(400);
      expectDutchError(await response.json(), 'validation');
    }
    expect((await owner.fetch('/api/recordings/not-a-uuid')).status).toBe(400);
  });
});

describe('the transcode path', () => {
  it('turns a browser-style VP9/Opus WebM into playable H.264/AAC HLS', async () => {
    const { recordingId } = await readyUploadedRecording(owner, conversationId, await media.videoWebm());
    const processed = await server.spreekkamer.database.db.selectFrom('audit_events').select('details_json').where('subject_id', '=', recordingId).where('action', '=', 'recording.processed').executeTakeFirstOrThrow();
    expect(JSON.parse(processed.details_json)).toMatchObject({ mode: 'transcode', audioOnly: false });
    const played = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
    const key = Buffer.from(await (await owner.fetch(played.keyPath)).arrayBuffer());
    const segment = Buffer.from(await (await owner.fetch(played.segmentPaths[0] ?? '')).arrayBuffer());
    const file = path.join(server.config.dataDir, 'transcoded.ts');
    await writeFile(file, decryptSegment(key, played.iv, segment));
    const { stdout } = await runFfprobe(['-v', 'error', '-show_streams', '-of', 'json', file]);
    const codecs = (JSON.parse(stdout) as { streams: { codec_name: string }[] }).streams.map((s) => s.codec_name).sort();
    expect(codecs).toEqual(['aac', 'h264']);
    expect((await readFile(file)).length).toBeGreaterThan(0);
  });
});
