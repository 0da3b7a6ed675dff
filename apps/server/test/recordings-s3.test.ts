import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Store, type S3BlobStore } from '../src/storage/s3.js';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation, inDays } from './support/review-fixtures.js';
import { decryptSegment, fetchPlaylist, httpLogin, listen, looksLikeTransportStream, media, playbackDescriptor, readyUploadedRecording, sharedSpanDescriptor, type HttpAgent } from './support/recordings.js';

let s3: S3TestServer;
let bucket: S3BlobStore;
let server: TestServer;
let owner: HttpAgent;

beforeAll(async () => {
  s3 = await startS3TestServer();
  bucket = createS3Store(s3.storeOptions);
  server = await startTestServer({
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: s3.storeOptions.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.storeOptions.secretAccessKey,
  });
  owner = await httpLogin(await listen(server), demo.professional, demoPassword);
});

afterAll(async () => {
  await server?.close();
  bucket?.destroy();
  await s3?.close();
});

describe('recordings on S3-compatible storage', () => {
  it('uploads through the tus S3 store, processes into the bucket, plays back, and withdrawal leaves no object', async () => {
    expect(server.spreekkamer.storage.kind).toBe('s3');
    const conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'video', audience: 'professional' });
    const { recordingId } = await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4());
    const objects = await bucket.list('');
    expect(objects.filter((key) => key.startsWith(`recordings/${recordingId}/`)).length).toBeGreaterThan(3);
    // The original goes just after the recording is marked ready (ready first, so a crash in between only repeats the removal).
    await expect.poll(async () => (await bucket.list('')).filter((key) => key.startsWith(recordingId)), { timeout: 15_000 }).toEqual([]);

    const played = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
    const key = Buffer.from(await (await owner.fetch(played.keyPath)).arrayBuffer());
    const segment = Buffer.from(await (await owner.fetch(played.segmentPaths[0] ?? '')).arrayBuffer());
    expect(looksLikeTransportStream(decryptSegment(key, played.iv, segment))).toBe(true);
    // What lies in the bucket is not playable as it is.
    const stored = await bucket.getBuffer(objects.find((k) => k.startsWith(`recordings/${recordingId}/`) && k.endsWith('.ts')) ?? '');
    expect(looksLikeTransportStream(stored)).toBe(false);

    expect((await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`)).statusCode).toBe(200);
    const deadline = Date.now() + 30_000;
    while ((await bucket.list('')).some((k) => k.includes(recordingId))) {
      if (Date.now() > deadline) throw new Error('objects left in the bucket');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('an exact cut of a shared span goes to the bucket under the recording, plays for the reviewer, and goes when the share is revoked', async () => {
    const conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'video', audience: 'peer_group' });
    const { recordingId } = await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4());
    const reviewer = await httpLogin(owner.baseUrl, demo.reviewer, demoPassword);
    const reviewerId = (await server.spreekkamer.repositories.users.findByEmail(demo.reviewer))?.id ?? '';
    const moment = ((await (await owner.json(`/api/recordings/${recordingId}/moments`, 'POST', { startSeconds: 5, endSeconds: 7.5, title: 'Midden' })).json()) as { id: string }).id;
    const shared = await owner.json(`/api/recordings/${recordingId}/shares`, 'POST', { momentIds: [moment], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(2) });
    const shareId = ((await shared.json()) as { id: string }).id;
    const { descriptor } = await sharedSpanDescriptor(() => reviewer.fetch(`/api/shares/${shareId}/moments/${moment}/playback`, { method: 'POST' }));
    const cutId = descriptor.playlistUrl.split('/spans/')[1]?.split('/')[0] ?? '';
    const inBucket = async () => (await bucket.list(`recordings/${recordingId}/spans/${cutId}/`)).length;
    expect(await inBucket()).toBeGreaterThan(1);

    const played = await fetchPlaylist(reviewer, descriptor);
    const key = Buffer.from(await (await reviewer.fetch(played.keyPath)).arrayBuffer());
    const segment = Buffer.from(await (await reviewer.fetch(played.segmentPaths[0] ?? '')).arrayBuffer());
    expect(looksLikeTransportStream(decryptSegment(key, played.iv, segment))).toBe(true);

    expect((await owner.fetch(`/api/shares/${shareId}/revoke`, { method: 'POST' })).status).toBe(200);
    expect((await reviewer.fetch(played.keyPath)).status).toBe(404);
    const deadline = Date.now() + 30_000;
    while ((await inBucket()) > 0) {
      if (Date.now() > deadline) throw new Error('cut objects left in the bucket');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});
