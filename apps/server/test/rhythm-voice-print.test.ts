import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALOGUES, makeDialogue } from '../../../scripts/fixtures/make-dialogue.mjs';
import { unwrapKey } from '../src/crypto/envelope.js';
import { openTextWithKey } from '../src/crypto/text-seal.js';
import { VoicePrints } from '../src/domain/rhythm/voice-prints.js';
import { loggerOptions } from '../src/main.js';
import { databaseUnderTest, demo, demoPassword, startTestServer, type TestServer } from './support/harness.js';
import { rawDatabase } from './support/raw-scan.js';
import { consentedConversation, type ConsentedConversation } from './support/review-fixtures.js';
import { httpLogin, listen, newStaff, readyUploadedRecording, type HttpAgent } from './support/recordings.js';

interface View {
  status: string;
  professionalSpeaker: string | null;
  suggestion: { speaker: string; basis: string } | null;
}

interface Contribution {
  recordingId: string;
  frames: number;
  mean: number[];
  variance: number[];
}

/**
 * "Who is who" from the professional's own voice print (issue 13), on real processed one-channel
 * two-voice recordings: the print is learned from their confirmation only, used for the
 * suggestion of their next recording, never reachable by anyone else, recomputed when a
 * contributing recording is withdrawn, gone with the account, and never in the logs.
 */
describe('conversation rhythm: the professional\'s own voice print', () => {
  let server: TestServer;
  let baseUrl: string;
  let owner: HttpAgent;
  let ownerId: string;
  let admin: HttpAgent;
  let colleagueId: string;
  let others: { name: string; agent: HttpAgent }[];
  let dialogue: string;
  const recordings: { id: string; conversation: ConsentedConversation }[] = [];
  const lines: string[] = [];
  const stdout: string[] = [];
  /** Keys, sealed bytes and numbers of the print as it was along the way: none may reach a log. */
  const secrets: string[] = [];

  async function viewOf(id: string): Promise<View> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const response = await owner.fetch(`/api/recordings/${id}/rhythm`);
      expect(response.status).toBe(200);
      const view = (await response.json()) as View;
      if (view.status !== 'pending' || Date.now() > deadline) return view;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function newRecording(): Promise<string> {
    const conversation = await consentedConversation(server, await server.login(demo.professional), { media: 'audio' });
    const id = (await readyUploadedRecording(owner, conversation.conversationId, dialogue, 'audio')).recordingId;
    recordings.push({ id, conversation });
    return id;
  }

  const printRow = () => server.spreekkamer.repositories.voicePrints.find(ownerId);
  function contributions(row: { wrapped_key: string; sealed: string }): Contribution[] {
    const opened = JSON.parse(openTextWithKey(unwrapKey(server.config.masterKey, row.wrapped_key), 'rhythm.voice_print', row.sealed)) as { contributions: Contribution[] };
    return opened.contributions;
  }
  /** Where the bytes are in a raw copy of the database: every SQLite file; the dump on PostgreSQL (dead tuples wait for vacuum there). */
  async function rawHits(values: string[]): Promise<string[]> {
    const sources = (await rawDatabase(server)).filter((s) => databaseUnderTest() === 'sqlite' || s.name === 'pg_dump');
    return values.flatMap((v) => sources.filter((s) => s.bytes.includes(Buffer.from(v))).map((s) => `${v.slice(0, 24)} in ${s.name}`));
  }

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    // The job queue logs to stdout: kept too, to be searched for the print.
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    });
    server = await startTestServer({}, { logger: { ...(loggerOptions('debug') as object), stream } });
    baseUrl = await listen(server);
    owner = await httpLogin(baseUrl, demo.professional, demoPassword);
    ownerId = (await server.spreekkamer.repositories.users.findByEmail(demo.professional))?.id ?? '';
    admin = await httpLogin(baseUrl, demo.admin, demoPassword);
    const colleague = await newStaff(baseUrl, admin, 'Sem Jansen', ['professional']);
    colleagueId = colleague.id;
    others = [
      { name: 'another professional', agent: colleague.agent },
      { name: 'reviewer', agent: await httpLogin(baseUrl, demo.reviewer, demoPassword) },
      { name: 'manager', agent: await httpLogin(baseUrl, demo.manager, demoPassword) },
      { name: 'policy advisor', agent: await httpLogin(baseUrl, demo.policy, demoPassword) },
      { name: 'administrator', agent: admin },
    ];
    // One microphone, so the voices are told apart by voice (two channels carry no voice statistics).
    const spec = DIALOGUES.find((d) => d.name === 'f-m-normal');
    if (!spec) throw new Error('fixture');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'voice-print-it-'));
    dialogue = (await makeDialogue({ out: path.join(dir, 'dialogue.wav'), spec: { ...spec, lines: 8 }, stereo: false })).file;
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
  });

  it('without a print the suggestion is whoever speaks first; nobody else can confirm and so create one', async () => {
    const first = await newRecording();
    const view = await viewOf(first);
    expect(view.status).toBe('ready');
    expect(view.suggestion).toEqual({ speaker: 'A', basis: 'first_speaker' });
    for (const { name, agent } of others) {
      expect((await agent.json(`/api/recordings/${first}/rhythm/speaker`, 'PUT', { professionalSpeaker: 'B' })).status, name).toBe(404);
    }
    expect(await printRow()).toBeUndefined();
    expect(await server.spreekkamer.repositories.voicePrints.find(colleagueId)).toBeUndefined();
  }, 240_000);

  it('the professional confirms the second voice; the print is sealed and holds only that recording', async () => {
    const [first] = recordings;
    const confirmed = await owner.json(`/api/recordings/${first?.id}/rhythm/speaker`, 'PUT', { professionalSpeaker: 'B' });
    expect(confirmed.status).toBe(200);
    const row = await printRow();
    expect(row?.organisation_id).toBeTruthy();
    if (!row) throw new Error('no print');
    expect(contributions(row).map((c) => c.recordingId)).toEqual([first?.id]);
    expect(contributions(row)[0]?.frames).toBeGreaterThan(50);
    // Sealed at rest: none of its fields, no recording id, no number of it as plain bytes.
    const mean = contributions(row)[0]?.mean ?? [];
    secrets.push(row.wrapped_key, row.sealed, ...mean.slice(0, 4).map((m) => JSON.stringify(m)));
    // (Job payloads hold "recordingId" in plain JSON, so the field names looked for are the print's own.)
    expect(await rawHits(['"variance"', '"contributions"', ...mean.slice(0, 4).map((m) => JSON.stringify(m))])).toEqual([]);
  });

  it('no other role can change it, and none has a route to read it', async () => {
    const [first] = recordings;
    const before = await printRow();
    for (const { name, agent } of others) {
      expect((await agent.json(`/api/recordings/${first?.id}/rhythm/speaker`, 'PUT', { professionalSpeaker: 'A' })).status, name).toBe(404);
      for (const url of [`/api/recordings/${first?.id}/rhythm`, `/api/users/${ownerId}/voice-print`, '/api/rhythm/voice-print']) expect((await agent.fetch(url)).status, `${name} ${url}`).toBe(404);
    }
    expect((await printRow())?.sealed).toBe(before?.sealed);
    // Another professional's recordings are never compared with it: for them there is no print.
    const prints = new VoicePrints({ voicePrints: server.spreekkamer.repositories.voicePrints, masterKey: server.config.masterKey, now: () => new Date() });
    const stats = before ? contributions(before)[0] : undefined;
    if (!stats) throw new Error('no stats');
    expect(await prints.suggest(colleagueId, { A: stats, B: { ...stats, mean: stats.mean.map((m) => m + 1) } })).toEqual({ speaker: 'A', basis: 'first_speaker' });
    expect(await prints.suggest(ownerId, { A: { ...stats, mean: stats.mean.map((m) => m + 1) }, B: stats })).toEqual({ speaker: 'B', basis: 'own_voice' });
  });

  it('the next recording of the same professional is suggested from the print: the second voice, not the first speaker', async () => {
    const second = await newRecording();
    const view = await viewOf(second);
    expect(view.status).toBe('ready');
    expect(view.suggestion).toEqual({ speaker: 'B', basis: 'own_voice' });
    expect(view.professionalSpeaker).toBeNull();
    expect((await owner.json(`/api/recordings/${second}/rhythm/speaker`, 'PUT', { professionalSpeaker: 'B' })).status).toBe(200);
    const row = await printRow();
    if (!row) throw new Error('no print');
    expect(contributions(row).map((c) => c.recordingId).sort()).toEqual(recordings.map((r) => r.id).sort());
    secrets.push(row.wrapped_key, row.sealed, ...(contributions(row)[0]?.mean.slice(0, 4).map((m) => JSON.stringify(m)) ?? []));
  }, 240_000);

  it('withdrawing a contributing recording recomputes the print from the remaining one; the old sealed print is gone from the raw database', async () => {
    const [first, second] = recordings;
    const before = await printRow();
    if (!before || !first || !second) throw new Error('setup');
    const withdrawn = await first.conversation.client.post(`/api/client/consents/${first.conversation.consentId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    await expect.poll(async () => (await printRow())?.wrapped_key, { timeout: 30_000 }).not.toBe(before.wrapped_key);
    const after = await printRow();
    if (!after) throw new Error('print dropped although a recording remains');
    expect(contributions(after).map((c) => c.recordingId)).toEqual([second.id]);
    expect(await rawHits([before.wrapped_key, before.sealed])).toEqual([]);
  });

  it('a contributing recording that reaches its retention date leaves the print too, through the daily job', async () => {
    const third = await newRecording();
    expect((await viewOf(third)).status).toBe('ready');
    expect((await owner.json(`/api/recordings/${third}/rhythm/speaker`, 'PUT', { professionalSpeaker: 'B' })).status).toBe(200);
    const before = await printRow();
    if (!before) throw new Error('setup');
    expect(contributions(before).map((c) => c.recordingId)).toContain(third);
    // The server's clock is real here, so the retention date moves into the past instead.
    await server.spreekkamer.database.db.updateTable('recordings').set({ retention_ends_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', third).execute();
    await server.spreekkamer.queue.enqueue('recordings.retention', {});
    await expect.poll(async () => (await printRow())?.wrapped_key, { timeout: 60_000 }).not.toBe(before.wrapped_key);
    const after = await printRow();
    if (!after) throw new Error('print dropped although a recording remains');
    expect(contributions(after).map((c) => c.recordingId)).toEqual([recordings[1]?.id]);
    expect(await rawHits([before.wrapped_key, before.sealed])).toEqual([]);
  }, 240_000);

  it('switching the account off deletes the print; neither its key nor its sealed bytes remain', async () => {
    const before = await printRow();
    if (!before) throw new Error('setup');
    expect(await rawHits([before.wrapped_key, before.sealed]), 'control: the scan sees the live print').not.toEqual([]);
    const off = await admin.json(`/api/admin/users/${ownerId}`, 'PATCH', { active: false });
    expect(off.status, await off.clone().text()).toBe(200);
    expect(await printRow()).toBeUndefined();
    await server.spreekkamer.database.scrub();
    expect(await rawHits([before.wrapped_key, before.sealed])).toEqual([]);
  });

  it('kept out of the logs: no key, sealed bytes or number of the print in any log line', () => {
    const log = lines.join('') + stdout.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(secrets.length).toBeGreaterThan(8);
    for (const secret of secrets) expect(log, secret).not.toContain(secret);
    expect(log).not.toContain('"mean"');
    expect(log).not.toContain('"variance"');
  });
});
