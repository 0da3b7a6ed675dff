import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALOGUES, makeDialogue } from '../../../scripts/fixtures/make-dialogue.mjs';
import { demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, type ConsentedConversation } from './support/review-fixtures.js';
import { expectDutchError, httpLogin, listen, newStaff, readyUploadedRecording, type HttpAgent } from './support/recordings.js';

interface View {
  status: string;
  turns: { speaker: 'A' | 'B'; start: number; end: number }[];
  metrics: { talkShare: { A: number; B: number }; turnSwitches: number } | null;
  professionalSpeaker: string | null;
  suggestion: { speaker: string; basis: string } | null;
  edited: boolean;
  durationSeconds: number | null;
}

/**
 * Conversation rhythm through the HTTP API on a real processed two-voice recording: the job runs
 * after processing, only the professional sees it, a reviewer gets the lane of a ticked share's
 * span only, and a withdrawal removes it.
 */
describe('conversation rhythm', () => {
  let server: TestServer;
  let baseUrl: string;
  let owner: HttpAgent;
  let reviewer: HttpAgent;
  let reviewerId: string;
  let others: { name: string; agent: HttpAgent }[];
  let conversation: ConsentedConversation;
  let recordingId: string;
  let view: View;
  /** Work folders the rhythm job asked for (the processing job asks for its own). */
  const rhythmFolders: string[] = [];

  async function rhythmOf(agent: HttpAgent, id: string): Promise<Response> {
    return agent.fetch(`/api/recordings/${id}/rhythm`);
  }

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await listen(server);
    const workFolders = server.spreekkamer.recordings.workFolders;
    const create = workFolders.create.bind(workFolders);
    vi.spyOn(workFolders, 'create').mockImplementation(async (owner) => {
      const byRhythm = new Error().stack?.includes('RhythmService') ?? false;
      const folder = await create(owner);
      if (byRhythm) rhythmFolders.push(folder);
      return folder;
    });
    owner = await httpLogin(baseUrl, demo.professional, demoPassword);
    reviewer = await httpLogin(baseUrl, demo.reviewer, demoPassword);
    reviewerId = (await server.spreekkamer.repositories.users.findByEmail(demo.reviewer))?.id ?? '';
    const admin = await httpLogin(baseUrl, demo.admin, demoPassword);
    const colleague = await newStaff(baseUrl, admin, 'Noor Visser', ['professional']);
    others = [
      { name: 'reviewer without a ticked share', agent: reviewer },
      { name: 'another professional', agent: colleague.agent },
      { name: 'manager', agent: await httpLogin(baseUrl, demo.manager, demoPassword) },
      { name: 'policy advisor', agent: await httpLogin(baseUrl, demo.policy, demoPassword) },
      { name: 'administrator', agent: admin },
    ];
    conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'audio', audience: 'reviewer', reviewerUserId: reviewerId });
    const spec = DIALOGUES.find((d) => d.name === 'f-m-normal');
    if (!spec) throw new Error('fixture');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rhythm-it-'));
    const truth = await makeDialogue({ out: path.join(dir, 'dialogue.wav'), spec: { ...spec, lines: 6 }, stereo: true });
    recordingId = (await readyUploadedRecording(owner, conversation.conversationId, truth.file, 'audio')).recordingId;
    // The rhythm job follows processing.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const response = await rhythmOf(owner, recordingId);
      expect(response.status).toBe(200);
      view = (await response.json()) as View;
      if (view.status !== 'pending' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 240_000);
  afterAll(async () => server?.close());

  it('runs after processing: turns of two speakers, A first, figures, a suggestion from who speaks first', () => {
    expect(view.status).toBe('ready');
    expect(view.turns.length).toBeGreaterThanOrEqual(5);
    expect(view.turns[0]?.speaker).toBe('A');
    expect(new Set(view.turns.map((t) => t.speaker))).toEqual(new Set(['A', 'B']));
    expect(view.metrics?.talkShare.A).toBeGreaterThan(0.2);
    expect(view.metrics?.turnSwitches).toBeGreaterThanOrEqual(4);
    expect(view.suggestion).toEqual({ speaker: 'A', basis: 'first_speaker' });
    expect(view.professionalSpeaker).toBeNull();
  });

  it('works in a swept per-job folder named after the recording, removed after the run; a stale one is swept', async () => {
    const workFolders = server.spreekkamer.recordings.workFolders;
    expect(rhythmFolders.length).toBeGreaterThanOrEqual(1);
    for (const folder of rhythmFolders) {
      expect(path.dirname(folder)).toBe(workFolders.root);
      expect(path.basename(folder).startsWith(`${recordingId}.`)).toBe(true);
    }
    // The folder goes in the job's last step, just after the rhythm reads as ready.
    await expect.poll(async () => (await readdir(workFolders.root)).filter((name) => rhythmFolders.some((f) => path.basename(f) === name)), { timeout: 10_000 }).toEqual([]);
    // What a rhythm job killed mid-run leaves: its folder (same name scheme, a process that no longer runs) with the decrypted audio.
    const [, host] = path.basename(rhythmFolders[0] ?? '').split('.');
    const stale = path.join(workFolders.root, `${recordingId}.${host}.2147483646.0badc0ffee00`);
    await mkdir(stale, { mode: 0o700 });
    await writeFile(path.join(stale, 'audio.ts'), 'plain decrypted audio');
    expect(await workFolders.sweep()).toBeGreaterThanOrEqual(1);
    expect(await readdir(workFolders.root)).not.toContain(path.basename(stale));
  });

  it('is sealed at rest: the stored rhythm does not show a single turn in plain text', async () => {
    const raw = await server.spreekkamer.storage.blobs.getBuffer(`recordings/${recordingId}/rhythm.sealed`);
    expect(raw.includes(Buffer.from('"speaker"'))).toBe(false);
    expect(raw.includes(Buffer.from('"turns"'))).toBe(false);
  });

  it('is refused to every other role, for reading, confirming, correcting and ticking', async () => {
    for (const { name, agent } of others) {
      expect((await rhythmOf(agent, recordingId)).status, name).toBe(404);
      expect((await agent.json(`/api/recordings/${recordingId}/rhythm/speaker`, 'PUT', { professionalSpeaker: 'B' })).status, name).toBe(404);
      expect((await agent.json(`/api/recordings/${recordingId}/rhythm/turns`, 'PUT', { turns: [] })).status, name).toBe(404);
    }
    const anonymous = await fetch(`${baseUrl}/api/recordings/${recordingId}/rhythm`);
    expect(anonymous.status).toBe(401);
    const row = await server.spreekkamer.repositories.rhythm.find(recordingId);
    expect(row?.professional_speaker).toBeNull();
  });

  it('the professional confirms their voice and corrects turns; figures follow; bad turns get a Dutch message', async () => {
    const confirmed = (await (await owner.json(`/api/recordings/${recordingId}/rhythm/speaker`, 'PUT', { professionalSpeaker: 'A' })).json()) as View;
    expect(confirmed.professionalSpeaker).toBe('A');

    const swapped = view.turns.map((t, i) => (i === 0 ? { ...t, speaker: 'B' as const } : t));
    const corrected = await owner.json(`/api/recordings/${recordingId}/rhythm/turns`, 'PUT', { turns: swapped });
    expect(corrected.status).toBe(200);
    const after = (await corrected.json()) as View;
    expect(after.edited).toBe(true);
    expect(after.turns[0]?.speaker).toBe('B');
    expect(after.metrics?.talkShare.A).toBeLessThan(view.metrics?.talkShare.A ?? 0);

    const bad = await owner.json(`/api/recordings/${recordingId}/rhythm/turns`, 'PUT', { turns: [{ speaker: 'A', start: 1, end: (view.durationSeconds ?? 0) + 60 }] });
    expect(bad.status).toBe(400);
    expectDutchError(await bad.json(), 'rhythm_turns_invalid');
    const unchanged = (await (await rhythmOf(owner, recordingId)).json()) as View;
    expect(unchanged.turns).toEqual(after.turns);
  });

  it('a reviewer gets the lane only for a ticked share, and only inside its span', async () => {
    const moment = await owner.json(`/api/recordings/${recordingId}/moments`, 'POST', { startSeconds: 2, endSeconds: 9, title: 'Begin' });
    expect(moment.status).toBe(200);
    const momentId = ((await moment.json()) as { id: string }).id;
    const created = await owner.json(`/api/recordings/${recordingId}/shares`, 'POST', { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(3) });
    expect(created.status, await created.clone().text()).toBe(200);
    const shareId = ((await created.json()) as { id: string }).id;

    expect((await reviewer.fetch(`/api/shares/${shareId}/rhythm`)).status).toBe(404);
    // Only the owner can tick it.
    expect((await reviewer.json(`/api/shares/${shareId}/rhythm-lane`, 'PUT', { include: true })).status).toBe(404);
    expect((await owner.json(`/api/shares/${shareId}/rhythm-lane`, 'PUT', { include: true })).status).toBe(200);

    const lane = (await (await reviewer.fetch(`/api/shares/${shareId}/rhythm`)).json()) as { ranges: [number, number][]; turns: { who: string; start: number; end: number }[] };
    expect(lane.ranges).toEqual([[2, 9]]);
    expect(lane.turns.length).toBeGreaterThan(0);
    expect(lane.turns.every((t) => t.start >= 2 && t.end <= 9)).toBe(true);
    expect(new Set(lane.turns.map((t) => t.who)).has('professional') || new Set(lane.turns.map((t) => t.who)).has('client')).toBe(true);
    // The reviewer still cannot see the full rhythm of the recording.
    expect((await rhythmOf(reviewer, recordingId)).status).toBe(404);
    for (const { name, agent } of others.slice(1)) expect((await agent.fetch(`/api/shares/${shareId}/rhythm`)).status, name).toBe(404);

    expect((await owner.json(`/api/shares/${shareId}/rhythm-lane`, 'PUT', { include: false })).status).toBe(200);
    expect((await reviewer.fetch(`/api/shares/${shareId}/rhythm`)).status).toBe(404);
  });

  it('withdrawal removes the turns, figures and voice prints', async () => {
    const withdrawn = await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await rhythmOf(owner, recordingId)).status).toBe(404);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await server.spreekkamer.repositories.rhythm.find(recordingId))) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await server.spreekkamer.repositories.rhythm.find(recordingId)).toBeUndefined();
    expect(await server.spreekkamer.storage.blobs.exists(`recordings/${recordingId}/rhythm.sealed`)).toBe(false);
  });
});
