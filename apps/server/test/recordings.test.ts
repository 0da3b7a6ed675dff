import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, demoPassword, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation } from './support/review-fixtures.js';
import {
  createRecording,
  decryptSegment,
  httpLogin,
  listen,
  looksLikeTransportStream,
  media,
  parseHlsPlaylist,
  tusUpload,
  waitForStatus,
  type HttpAgent,
} from './support/recordings.js';

let server: TestServer;
let baseUrl: string;
let professional: Agent;
let prof: HttpAgent;

beforeAll(async () => {
  server = await startTestServer();
  baseUrl = await listen(server);
  professional = await server.login(demo.professional);
  prof = await httpLogin(baseUrl, demo.professional, demoPassword);
});

afterAll(async () => {
  await server?.close();
});

describe('a recording from upload to playback', () => {
  it('uploads with tus, processes to encrypted HLS, and plays back for the owner', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const file = await media.videoMp4();
    const size = (await stat(file)).size;
    const created = await createRecording(prof, conversation.conversationId, 'video', size);
    expect(created.status, await created.clone().text()).toBe(201);
    const { recording, upload } = (await created.json()) as { recording: { id: string; status: string }; upload: { endpoint: string; metadata: { recordingId: string } } };
    expect(recording.status).toBe('uploading');
    expect(upload.endpoint).toBe('/api/uploads');

    await tusUpload(prof, file, recording.id, { chunkSize: 100_000 });
    const ready = await waitForStatus(prof, recording.id, ['ready', 'failed']);
    expect(ready.failure).toBeNull();
    expect(ready.status).toBe('ready');
    expect(ready.durationSeconds).toBeGreaterThan(11);
    expect(ready.retentionEndsAt).not.toBeNull();

    const descriptor = (await (await prof.fetch(`/api/recordings/${recording.id}/playback`, { method: 'POST' })).json()) as {
      playlistUrl: string;
      viewerName: string;
      posterUrl: string | null;
      peaksUrl: string;
      token: string;
    };
    expect(descriptor.viewerName).toBe('Sanne de Vries');
    const playlistResponse = await prof.fetch(descriptor.playlistUrl);
    expect(playlistResponse.status).toBe(200);
    expect(playlistResponse.headers.get('cache-control')).toBe('no-store');
    expect(playlistResponse.headers.get('content-disposition')).toBeNull();
    const playlistText = await playlistResponse.text();
    const playlist = parseHlsPlaylist(playlistText);
    expect(playlist.segments.length).toBeGreaterThan(1);
    expect(playlist.key?.method).toBe('AES-128');

    const playlistUrl = new URL(descriptor.playlistUrl, baseUrl);
    const keyResponse = await prof.fetch(new URL(playlist.key?.uri ?? '', playlistUrl).pathname + new URL(playlist.key?.uri ?? '', playlistUrl).search);
    expect(keyResponse.status).toBe(200);
    const key = Buffer.from(await keyResponse.arrayBuffer());
    expect(key.length).toBe(16);

    const first = playlist.segments[0];
    if (!first) throw new Error('no segment');
    const segmentUrl = new URL(first.uri, playlistUrl);
    const segmentResponse = await prof.fetch(segmentUrl.pathname + segmentUrl.search);
    expect(segmentResponse.status).toBe(200);
    const encrypted = Buffer.from(await segmentResponse.arrayBuffer());
    expect(looksLikeTransportStream(encrypted)).toBe(false);
    const decrypted = decryptSegment(key, playlist.key?.iv ?? '', encrypted);
    expect(looksLikeTransportStream(decrypted)).toBe(true);

    const peaks = (await (await prof.fetch(descriptor.peaksUrl)).json()) as { peaks: number[] };
    expect(peaks.peaks.length).toBeGreaterThan(50);
    expect(Math.max(...peaks.peaks)).toBe(1);
    expect(descriptor.posterUrl).not.toBeNull();
    const poster = Buffer.from(await (await prof.fetch(descriptor.posterUrl ?? '')).arrayBuffer());
    expect(poster.subarray(0, 2).toString('hex')).toBe('ffd8');

    const views = (await (await prof.fetch(`/api/recordings/${recording.id}/views`)).json()) as { views: { viewerName: string; role: string }[] };
    expect(views.views).toEqual([expect.objectContaining({ viewerName: 'Sanne de Vries', role: 'owner', momentRange: null })]);

    // The original upload goes right after the recording became ready.
    const deadline = Date.now() + 10_000;
    while ((await server.spreekkamer.repositories.recordings.findById(recording.id))?.upload_id !== null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const row = await server.spreekkamer.repositories.recordings.findById(recording.id);
    expect(row?.upload_id).toBeNull();
    expect(row?.wrapped_key).toMatch(/^v1\./);
  });
});
