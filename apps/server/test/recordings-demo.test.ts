import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRecording } from '../src/seed/demo-recording.js';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { fetchPlaylist, httpLogin, listen, playbackDescriptor, waitForStatus } from './support/recordings.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('the demo recording', () => {
  it('is seeded with a consented conversation and made by the same pipeline as any upload', async () => {
    const started = Date.now();
    const recordingId = await seedDemoRecording(server.spreekkamer);
    // Seeding only enqueues: it returns long before the media exist.
    expect(Date.now() - started).toBeLessThan(5000);
    if (!recordingId) throw new Error('no demo recording');
    const owner = await httpLogin(await listen(server), demo.professional, demoPassword);
    const state = await waitForStatus(owner, recordingId, ['ready', 'failed'], 150_000);
    expect(state).toMatchObject({ status: 'ready', kind: 'video', hasPoster: true });
    expect(state.durationSeconds).toBeGreaterThan(55);
    const detail = (await (await owner.fetch(`/api/recordings/${recordingId}`)).json()) as { consent: unknown; clientPseudonym: string };
    expect(detail.consent).toEqual({ media: 'video', audience: 'reviewer', retentionDays: 90 });
    const played = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
    expect(played.segmentPaths.length).toBeGreaterThanOrEqual(15);
    const processed = await server.spreekkamer.database.db.selectFrom('audit_events').select('details_json').where('subject_id', '=', recordingId).where('action', '=', 'recording.processed').executeTakeFirstOrThrow();
    expect(JSON.parse(processed.details_json)).toMatchObject({ mode: 'remux' });
  }, 180_000);
});
