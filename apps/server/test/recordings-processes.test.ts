import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import * as tus from 'tus-js-client';
import { createS3Store } from '../src/storage/s3.js';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { databaseUnderTest, demo, demoPassword, freshDatabase } from './support/harness.js';
import { consentedConversationHttp, moveAgent, startChildServer, type ChildServer } from './support/processes.js';
import {
  createRecording,
  decryptSegment,
  fetchPlaylist,
  httpLogin,
  looksLikeTransportStream,
  media,
  playbackDescriptor,
  tusCreate,
  tusPatch,
  waitForStatus,
  type HttpAgent,
} from './support/recordings.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function secretsEnv(): Promise<Record<string, string>> {
  const database = await freshDatabase();
  cleanups.push(() => database.drop());
  return {
    ...database.env,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    MASTER_KEY: randomBytes(32).toString('hex'),
    DEMO_SEED: 'true',
    DEMO_PASSWORD: demoPassword,
    DEMO_RECORDING: 'false',
  };
}

function track(server: ChildServer): ChildServer {
  cleanups.push(() => server.stop());
  return server;
}

function resumeWithTus(agent: HttpAgent, file: string, uploadPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    readFile(file).then((data) => {
      const resumed = new tus.Upload(data, {
        uploadUrl: new URL(uploadPath, agent.baseUrl).toString(),
        endpoint: new URL('/api/uploads', agent.baseUrl).toString(),
        headers: agent.headers({}, 'PATCH'),
        chunkSize: 64 * 1024,
        retryDelays: [],
        storeFingerprintForResuming: false,
        onError: reject,
        onSuccess: () => resolve(),
      });
      resumed.start();
    }, reject);
  });
}

async function playsBack(agent: HttpAgent, recordingId: string): Promise<void> {
  const played = await fetchPlaylist(agent, await playbackDescriptor(agent, recordingId));
  const key = Buffer.from(await (await agent.fetch(played.keyPath)).arrayBuffer());
  expect(key.length).toBe(16);
  for (const segmentPath of [played.segmentPaths[0] ?? '', played.segmentPaths.at(-1) ?? '']) {
    const segment = Buffer.from(await (await agent.fetch(segmentPath)).arrayBuffer());
    expect(looksLikeTransportStream(decryptSegment(key, played.iv, segment))).toBe(true);
  }
}

describe('nothing is lost when a server process dies', () => {
  it('resumes an upload after the server was killed with SIGKILL mid-upload', async () => {
    const env = await secretsEnv();
    const first = track(await startChildServer(env));
    let agent = await httpLogin(first.url ?? '', demo.professional, demoPassword);
    const { conversationId } = await consentedConversationHttp(agent);
    const file = await media.videoMp4();
    const data = await readFile(file);
    const created = (await (await createRecording(agent, conversationId, 'video', data.length)).json()) as { recording: { id: string } };
    const recordingId = created.recording.id;
    const creation = await tusCreate(agent, data.length, { recordingId });
    expect(creation.status).toBe(201);
    const location = creation.headers.get('location') ?? '';
    const half = Math.floor(data.length / 2);
    const patched = await tusPatch(agent, location, 0, data.subarray(0, half));
    expect(patched.status).toBe(204);

    await first.kill();
    const second = track(await startChildServer(env));
    agent = moveAgent(agent, second.url ?? '');
    const head = await agent.fetch(location, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    expect((await waitForStatus(agent, recordingId, ['uploading'])).status).toBe('uploading');

    await resumeWithTus(agent, file, location);
    const state = await waitForStatus(agent, recordingId, ['ready', 'failed']);
    expect(state.status).toBe('ready');
    expect(state.durationSeconds).toBeGreaterThan(11);
    await playsBack(agent, recordingId);
  });

  it.runIf(databaseUnderTest() === 'sqlite')('picks processing up again after the worker was killed mid-job', async () => {
    const env = { ...(await secretsEnv()), JOB_LEASE_SECONDS: '3' };
    const first = track(await startChildServer(env));
    let agent = await httpLogin(first.url ?? '', demo.professional, demoPassword);
    const { conversationId } = await consentedConversationHttp(agent);
    // A transcode of a busy picture takes long enough to be interrupted, even on a fast machine.
    const file = await media.slowVideoWebm();
    const size = (await stat(file)).size;
    const created = (await (await createRecording(agent, conversationId, 'video', size)).json()) as { recording: { id: string } };
    const recordingId = created.recording.id;
    const creation = await tusCreate(agent, size, { recordingId });
    await tusPatch(agent, creation.headers.get('location') ?? '', 0, await readFile(file));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = (await (await agent.fetch(`/api/recordings/${recordingId}`)).json()) as { status: string; progress: number };
      if (state.status === 'processing' && state.progress > 0) break;
      if (state.status === 'ready' || Date.now() > deadline) throw new Error(`could not catch processing: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await first.kill();

    const second = track(await startChildServer(env));
    agent = moveAgent(agent, second.url ?? '');
    const state = await waitForStatus(agent, recordingId, ['ready', 'failed'], 90_000);
    expect(state.status).toBe('ready');
    await playsBack(agent, recordingId);
  });
});

describe.runIf(databaseUnderTest() === 'postgres')('at scale: two API processes and a worker on PostgreSQL and S3', () => {
  let s3: S3TestServer;

  it('uploads half through one API process, the rest through the other, plays back through either, and withdrawal empties the bucket', async () => {
    s3 = await startS3TestServer();
    cleanups.push(() => s3.close());
    const env = {
      ...(await secretsEnv()),
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.storeOptions.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.storeOptions.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
    const apiOne = track(await startChildServer(env, 'api'));
    const apiTwo = track(await startChildServer({ ...env, DEMO_SEED: 'false' }, 'api'));
    track(await startChildServer({ ...env, DEMO_SEED: 'false' }, 'worker'));

    const one = await httpLogin(apiOne.url ?? '', demo.professional, demoPassword);
    const two = moveAgent(one, apiTwo.url ?? '');
    const { conversationId, consentId, client } = await consentedConversationHttp(one);
    const file = await media.videoMp4();
    const data = await readFile(file);
    const created = (await (await createRecording(one, conversationId, 'video', data.length)).json()) as { recording: { id: string } };
    const recordingId = created.recording.id;
    const creation = await tusCreate(one, data.length, { recordingId });
    expect(creation.status, await creation.clone().text()).toBe(201);
    const location = creation.headers.get('location') ?? '';
    const half = Math.floor(data.length / 2);
    const first = await tusPatch(one, location, 0, data.subarray(0, half));
    expect(first.status, await first.clone().text()).toBe(204);
    await resumeWithTus(two, file, location);

    const state = await waitForStatus(two, recordingId, ['ready', 'failed'], 120_000);
    expect(state.status).toBe('ready');
    await playsBack(two, recordingId);
    await playsBack(one, recordingId);

    const bucket = createS3Store(s3.storeOptions);
    cleanups.push(async () => bucket.destroy());
    const objects = await bucket.list('');
    expect(objects.filter((key) => key.startsWith(`recordings/${recordingId}/`)).length).toBeGreaterThan(3);
    // The original upload is removed from the bucket just after the recording is marked ready.
    await expect.poll(async () => (await bucket.list('')).filter((key) => key.startsWith(recordingId)), { timeout: 15_000 }).toEqual([]);

    const withdrawn = await moveAgent(client, apiTwo.url ?? '').fetch(`/api/client/consents/${consentId}/withdraw`, { method: 'POST' });
    expect(withdrawn.status).toBe(200);
    expect((await playbackDescriptorStatus(one, recordingId))).toBe(404);
    const deadline = Date.now() + 60_000;
    while ((await bucket.list('')).some((key) => key.includes(recordingId))) {
      if (Date.now() > deadline) throw new Error(`objects left: ${(await bucket.list('')).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
});

async function playbackDescriptorStatus(agent: HttpAgent, recordingId: string): Promise<number> {
  return (await agent.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status;
}
