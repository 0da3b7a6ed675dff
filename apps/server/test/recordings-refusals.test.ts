import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/media/index.js';
import { demo, demoPassword, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation } from './support/review-fixtures.js';
import {
  createRecording,
  decryptSegment,
  expectDutchError,
  fetchPlaylist,
  httpLogin,
  listen,
  media,
  playbackDescriptor,
  readyUploadedRecording,
  tusUpload,
  waitForStatus,
  type HttpAgent,
} from './support/recordings.js';

let server: TestServer;
let professional: Agent;
let owner: HttpAgent;
let conversationId: string;
const messages = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({ MAX_RECORDING_MINUTES: '1' });
  const baseUrl = await listen(server);
  professional = await server.login(demo.professional);
  owner = await httpLogin(baseUrl, demo.professional, demoPassword);
  conversationId = (await consentedConversation(server, professional, { media: 'video', audience: 'professional' })).conversationId;
}, 180_000);

afterAll(async () => {
  // Every kind of refusal has its own sentence.
  expect(new Set(messages.values()).size).toBe(messages.size);
  await server?.close();
});

async function fixture(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(server.config.dataDir, name);
  await writeFile(file, bytes);
  return file;
}

async function refused(file: string): Promise<{ code: string; message: string }> {
  const size = (await stat(file)).size;
  const created = await createRecording(owner, conversationId, 'video', size);
  expect(created.status, await created.clone().text()).toBe(201);
  const recordingId = ((await created.json()) as { recording: { id: string } }).recording.id;
  await tusUpload(owner, file, recordingId, { size });
  const state = await waitForStatus(owner, recordingId, ['ready', 'failed']);
  expect(state.status).toBe('failed');
  // Nothing left behind: no original, no key, no stored media, nothing to play.
  expect(await server.spreekkamer.repositories.recordings.findById(recordingId)).toMatchObject({ upload_id: null, wrapped_key: null });
  expect(await server.spreekkamer.storage.blobs.list(`recordings/${recordingId}`)).toEqual([]);
  expect((await owner.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(404);
  const failure = state.failure ?? { code: '', message: '' };
  messages.set(failure.code, failure.message);
  return failure;
}

describe('every held-back file gets its own clear Dutch refusal and leaves nothing behind', () => {
  it('an empty file is refused before anything is created, with its own message', async () => {
    const before = (await (await owner.fetch(`/api/recordings?conversationId=${conversationId}`)).json()) as { recordings: unknown[] };
    const response = await createRecording(owner, conversationId, 'video', 0);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; title: string };
    expectDutchError(body, 'recording_empty');
    expect(body.title).toMatch(/leeg/);
    expect(body.title).not.toMatch(/velden/);
    messages.set('recording_empty', body.title);
    const after = (await (await owner.fetch(`/api/recordings?conversationId=${conversationId}`)).json()) as { recordings: unknown[] };
    expect(after.recordings).toHaveLength(before.recordings.length);
  });

  it.each([
    ['random bytes', 'random.mp4', () => randomBytes(64 * 1024), 'not_media'],
    ['a zip archive renamed .mp4', 'archive.mp4', () => Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'), randomBytes(4096)]), 'archive'],
    ['a gzip archive', 'archive.webm', () => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(4096)]), 'archive'],
  ] as const)('%s', async (_label, name, bytes, code) => {
    const failure = await refused(await fixture(name, bytes()));
    expect(failure.code).toBe(code);
  });

  it('a renamed text file', async () => {
    const failure = await refused(await media.textAsMp4());
    expect(failure).toMatchObject({ code: 'text', message: expect.stringMatching(/tekstbestand/) });
  });

  it('a truncated recording', async () => {
    expect((await refused(await media.truncatedMp4())).code).toBe('truncated');
  });

  it('a video without sound', async () => {
    const file = path.join(server.config.dataDir, 'silent.mp4');
    await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc=duration=2:size=160x120:rate=10', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-y', file]);
    expect((await refused(file)).code).toBe('no_audio');
  });

  it('a recording longer than allowed', async () => {
    const file = path.join(server.config.dataDir, 'long.m4a');
    await runFfmpeg(['-f', 'lavfi', '-i', 'sine=frequency=300:duration=75', '-c:a', 'aac', '-b:a', '32k', '-y', file]);
    const failure = await refused(file);
    expect(failure.code).toBe('too_long');
    expect(failure.message).toMatch(/1 minuut/);
  });

  it('media with HTML and script appended is accepted, and nothing of the appendix is ever served', async () => {
    const appendix = '<html><body><script>alert("spreekkamer")</script></body></html>';
    const file = await fixture('with-appendix.mp4', Buffer.concat([await readFile(await media.videoMp4()), Buffer.from(appendix)]));
    const { recordingId } = await readyUploadedRecording(owner, conversationId, file);
    const played = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
    const key = Buffer.from(await (await owner.fetch(played.keyPath)).arrayBuffer());
    for (const segmentPath of played.segmentPaths) {
      const response = await owner.fetch(segmentPath);
      expect(response.headers.get('content-type') ?? '').not.toMatch(/html|javascript|text/);
      const plain = decryptSegment(key, played.iv, Buffer.from(await response.arrayBuffer()));
      expect(plain.includes('<script')).toBe(false);
    }
    // The original (with the appendix) is gone once processed; only re-packaged, encrypted media remain.
    const blobs = await server.spreekkamer.storage.blobs.list(`recordings/${recordingId}`);
    expect(blobs.length).toBeGreaterThan(0);
    for (const blob of blobs) expect(blob).toMatch(/\.(ts|m3u8|bin|json|jpg|enc|key)$|peaks|poster|playlist|segment/);
  });
});
