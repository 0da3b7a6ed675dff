import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingPrefix } from '../src/domain/recordings/blob-keys.js';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation } from './support/review-fixtures.js';
import { expectDutchError, httpLogin, listen, media, playbackDescriptor, readyUploadedRecording, type HttpAgent } from './support/recordings.js';

/**
 * The playback path writes playlists only through media/hls.ts, whose checks refuse a stored
 * playlist that names a segment outside the recording: served as it is, the player would send the
 * viewer's token to that address.
 */
describe('playback refuses a stored playlist that points outside the recording', () => {
  let server: TestServer;
  let owner: HttpAgent;
  let recordingId: string;

  beforeAll(async () => {
    server = await startTestServer();
    owner = await httpLogin(await listen(server), demo.professional, demoPassword);
    const conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'audio' });
    recordingId = (await readyUploadedRecording(owner, conversation.conversationId, await media.audioM4a(), 'audio')).recordingId;
  }, 240_000);
  afterAll(async () => server?.close());

  it('answers an error without the foreign address or the token', async () => {
    const unsafe = ['#EXTM3U', '#EXT-X-TARGETDURATION:4', '#EXT-X-KEY:METHOD=AES-128,URI="key"', '#EXTINF:4.000000,', 'https://elders.example/seg_00000.ts', '#EXT-X-ENDLIST', ''].join('\n');
    const playlistKey = recordingPrefix(recordingId) + 'index.m3u8';
    expect((await server.spreekkamer.storage.blobs.getBuffer(playlistKey)).toString('utf8')).toContain('seg_00000.ts');
    await server.spreekkamer.storage.blobs.put(playlistKey, Buffer.from(unsafe));

    const descriptor = await playbackDescriptor(owner, recordingId);
    const refused = await owner.fetch(descriptor.playlistUrl);
    const body = await refused.text();
    expect(refused.status).toBe(500);
    expect(body).not.toContain('elders.example');
    expect(body).not.toContain(descriptor.token);
    expect(body).not.toContain('#EXTM3U');
    expectDutchError(JSON.parse(body), 'internal');
  });
});
