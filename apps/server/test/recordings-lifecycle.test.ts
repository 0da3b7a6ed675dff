import { readdir, readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demo, demoPassword, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, type ConsentedConversation } from './support/review-fixtures.js';
import { startSmtpServer, type SmtpTestServer } from './support/smtp.js';
import {
  createRecording,
  fetchPlaylist,
  httpLogin,
  listen,
  media,
  playbackDescriptor,
  readyUploadedRecording,
  tusCreate,
  tusPatch,
  type HttpAgent,
} from './support/recordings.js';

const dayMs = 24 * 3600 * 1000;
let clock = Date.now();
let server: TestServer;
let baseUrl: string;
let professional: Agent;
let owner: HttpAgent;
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl', PUBLIC_URL: 'https://spreekkamer.voorbeeld.nl' }, { now: () => new Date(clock) });
  baseUrl = await listen(server);
  professional = await server.login(demo.professional);
  owner = await httpLogin(baseUrl, demo.professional, demoPassword);
});

afterEach(() => {
  // A test that moves the clock must not leave later tests with expired sessions when it fails.
  clock = Date.now();
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Everything of a recording that could still exist, in the stores and the tables. */
async function leftovers(recordingId: string): Promise<{ blobs: string[]; uploads: string[]; jobs: number; row: Record<string, unknown> | undefined }> {
  const { storage, database } = server.spreekkamer;
  const uploadsDir = path.join(server.config.dataDir, 'uploads');
  const uploads = (await readdir(uploadsDir).catch(() => [] as string[])).filter((name) => name.startsWith(recordingId));
  const jobs = await database.db.selectFrom('jobs').select('id').where('payload_json', 'like', `%${recordingId}%`).where('status', '!=', 'done').execute();
  const row = await server.spreekkamer.repositories.recordings.findById(recordingId);
  return { blobs: await storage.blobs.list(`recordings/${recordingId}`), uploads, jobs: jobs.length, row };
}

async function auditActions(recordingId: string): Promise<string[]> {
  const audit = await server.spreekkamer.database.db.selectFrom('audit_events').select('action').where('subject_id', '=', recordingId).execute();
  return audit.map((event) => event.action);
}

async function expectErased(recordingId: string, reason: string): Promise<void> {
  // The erase job's audit entry is its last step; on PostgreSQL the jobs live in pg-boss, not in
  // the jobs table, so the entry is what tells that the job has finished.
  await until(async () => {
    const left = await leftovers(recordingId);
    return left.blobs.length === 0 && left.uploads.length === 0 && left.jobs === 0 && (await auditActions(recordingId)).includes('recording.erased');
  });
  const { row } = await leftovers(recordingId);
  // What remains is a content-free tombstone: no key, no duration, no upload, no failure text.
  expect(row).toMatchObject({
    status: 'deleted',
    deleted_reason: reason,
    wrapped_key: null,
    upload_id: null,
    duration_seconds: null,
    has_poster: 0,
    failure_message: null,
    retention_ends_at: null,
  });
  const audit = await server.spreekkamer.database.db.selectFrom('audit_events').selectAll().where('subject_id', '=', recordingId).execute();
  expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['recording.deleted', 'recording.erased']));
  for (const event of audit) expect(event.details_json).not.toMatch(/Sanne|Klant|\.ts|m3u8|v1\./);
}

async function readyRecording(conversation: ConsentedConversation): Promise<{ recordingId: string; keyPath: string; segmentPath: string }> {
  const { recordingId } = await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4());
  const played = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
  return { recordingId, keyPath: played.keyPath, segmentPath: played.segmentPaths[0] ?? '' };
}

describe('withdrawal', () => {
  it('destroys the key in the withdrawal request itself, then removes every file and derived row', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const { recordingId, keyPath, segmentPath } = await readyRecording(conversation);

    const withdrawn = await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    // At once, before any job ran: no key, no playback, no key or segment with an earlier token.
    const row = await server.spreekkamer.repositories.recordings.findById(recordingId);
    expect(row?.wrapped_key).toBeNull();
    expect(row?.status).toBe('deleted');
    expect((await owner.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(404);
    expect((await owner.fetch(keyPath)).status).toBe(404);
    expect((await owner.fetch(segmentPath)).status).toBe(404);

    await expectErased(recordingId, 'withdrawn');
    // The professional sees that it happened, not why.
    const list = (await (await owner.fetch('/api/recordings')).json()) as { recordings: { id: string }[]; notices: { kind: string; recordingId: string }[] };
    expect(list.recordings.map((r) => r.id)).not.toContain(recordingId);
    expect(list.notices).toContainEqual(expect.objectContaining({ kind: 'removed_withdrawn', recordingId }));
    // No new recording can start for this conversation.
    const again = await createRecording(owner, conversation.conversationId, 'video', 1000);
    expect(again.status).toBe(409);
  });

  it('also removes an upload that was still half way', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const file = await media.videoMp4();
    const data = await readFile(file);
    const created = (await (await createRecording(owner, conversation.conversationId, 'video', data.length)).json()) as { recording: { id: string } };
    const recordingId = created.recording.id;
    const creation = await tusCreate(owner, data.length, { recordingId });
    expect(creation.status).toBe(201);
    const location = creation.headers.get('location') ?? '';
    const patched = await tusPatch(owner, location, 0, data.subarray(0, Math.floor(data.length / 2)));
    expect(patched.status).toBe(204);
    expect((await leftovers(recordingId)).uploads.length).toBeGreaterThan(0);

    await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`);
    await expectErased(recordingId, 'withdrawn');
    // The rest of the upload is refused.
    const rest = await tusPatch(owner, location, Math.floor(data.length / 2), data.subarray(Math.floor(data.length / 2)));
    expect(rest.status).toBe(404);
    expect((await leftovers(recordingId)).uploads).toEqual([]);
  });
});

describe('deletion by the professional', () => {
  it('deletes at once and erases everything; a second delete changes nothing', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const { recordingId, keyPath } = await readyRecording(conversation);
    const deleted = await owner.fetch(`/api/recordings/${recordingId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await server.spreekkamer.repositories.recordings.findById(recordingId))?.wrapped_key).toBeNull();
    expect((await owner.fetch(keyPath)).status).toBe(404);
    await expectErased(recordingId, 'professional');
    expect((await owner.fetch(`/api/recordings/${recordingId}`, { method: 'DELETE' })).status).toBe(204);
    const detail = (await (await owner.fetch(`/api/recordings/${recordingId}`)).json()) as { status: string; deletedReason: string };
    expect(detail).toMatchObject({ status: 'deleted', deletedReason: 'professional' });
  });
});

describe('retention', () => {
  it('warns a week ahead, then deletes on the day, through the daily job', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const { recordingId } = await readyRecording(conversation);
    const row = await server.spreekkamer.repositories.recordings.findById(recordingId);
    const endsAt = Date.parse(row?.retention_ends_at ?? '');
    expect(Math.round((endsAt - Date.parse(row?.ready_at ?? '')) / dayMs)).toBe(90);

    clock = endsAt - 6 * dayMs;
    let agent = await httpLogin(baseUrl, demo.professional, demoPassword);
    await server.spreekkamer.queue.enqueue('recordings.retention', {});
    await until(async () => (await server.spreekkamer.repositories.recordings.findById(recordingId))?.retention_notice_at != null);
    const list = (await (await agent.fetch('/api/recordings')).json()) as { notices: { kind: string; recordingId: string }[] };
    expect(list.notices).toContainEqual(expect.objectContaining({ kind: 'retention_ending', recordingId }));
    expect((await agent.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(200);
    // The professional also gets an e-mail that names no client: the details are behind the log-in.
    const mailsAbout = () => smtp.received.filter((mail) => mail.text.includes(`https://spreekkamer.voorbeeld.nl/opnames/${recordingId}`));
    await until(async () => mailsAbout().length === 1);
    expect(mailsAbout()[0]).toMatchObject({ to: [demo.professional], subject: 'Een opname wordt over een week verwijderd' });
    expect(mailsAbout()[0]?.text).not.toMatch(/Klant [0-9a-f]{4}|2026-11-20|20 november/);

    clock = endsAt + 60_000;
    agent = await httpLogin(baseUrl, demo.professional, demoPassword);
    await server.spreekkamer.queue.enqueue('recordings.retention', {});
    await expectErased(recordingId, 'retention');
    const after = (await (await agent.fetch('/api/recordings')).json()) as { notices: { kind: string; recordingId: string }[] };
    expect(after.notices).toContainEqual(expect.objectContaining({ kind: 'removed_retention', recordingId }));
    expect(mailsAbout()).toHaveLength(1);
  });
});

describe('an upload that finished without being handed over (a crash in between)', () => {
  it('is handed to processing by the daily job', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const file = await media.videoMp4();
    const data = await readFile(file);
    const created = (await (await createRecording(owner, conversation.conversationId, 'video', data.length)).json()) as { recording: { id: string } };
    const recordingId = created.recording.id;
    const { recordingUploads } = server.spreekkamer.services;
    const uploadId = recordingUploads.newUploadId(recordingId);
    await recordingUploads.bindUpload(uploadId, data.length);
    const { datastore } = server.spreekkamer.storage.uploads;
    await datastore.create(new Upload({ id: uploadId, size: data.length, offset: 0, metadata: { recordingId } }));
    await datastore.write(Readable.from([data]), uploadId, 0);
    expect((await server.spreekkamer.repositories.recordings.findById(recordingId))?.status).toBe('uploading');

    await server.spreekkamer.queue.enqueue('recordings.retention', {});
    await until(async () => (await server.spreekkamer.repositories.recordings.findById(recordingId))?.status === 'ready');
    // The original goes right after the recording became ready.
    await until(async () => (await leftovers(recordingId)).uploads.length === 0);
  });
});

describe('processing leaves no original behind', () => {
  it('deletes the tus upload after processing', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const { recordingId } = await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4());
    // Removed right after the recording became ready (in that order, so a crash in between loses nothing).
    await until(async () => (await leftovers(recordingId)).uploads.length === 0 && (await server.spreekkamer.repositories.recordings.findById(recordingId))?.upload_id === null);
    const blobs = (await leftovers(recordingId)).blobs;
    expect(blobs.some((key) => key.endsWith('index.m3u8'))).toBe(true);
    for (const key of blobs) expect((await stat(path.join(server.config.dataDir, 'blobs', key))).size).toBeGreaterThan(0);
  });
});

describe('an upload that is never finished', () => {
  it('stays for a week, then is removed with everything that arrived, and the professional is told', async () => {
    const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const data = await readFile(await media.videoMp4());
    const created = (await (await createRecording(owner, conversation.conversationId, 'video', data.length)).json()) as { recording: { id: string } };
    const recordingId = created.recording.id;
    const creation = await tusCreate(owner, data.length, { recordingId });
    const location = creation.headers.get('location') ?? '';
    const half = Math.floor(data.length / 2);
    const patched = await tusPatch(owner, location, 0, data.subarray(0, half));
    expect(patched.status).toBe(204);
    // A recording that was started but whose upload never began.
    const neverStarted = (await (await createRecording(owner, conversation.conversationId, 'video', data.length)).json()) as { recording: { id: string } };
    const startedAt = Date.parse((await server.spreekkamer.repositories.recordings.findById(recordingId))?.created_at ?? '');

    clock = startedAt + 6 * dayMs;
    expect((await server.spreekkamer.recordings.retention.run()).abandoned).toBe(0);
    expect((await server.spreekkamer.repositories.recordings.findById(recordingId))?.status).toBe('uploading');
    expect((await leftovers(recordingId)).uploads.length).toBeGreaterThan(0);

    clock = startedAt + 8 * dayMs;
    const agent = await httpLogin(baseUrl, demo.professional, demoPassword);
    await server.spreekkamer.queue.enqueue('recordings.retention', {});
    await expectErased(recordingId, 'abandoned');
    await expectErased(neverStarted.recording.id, 'abandoned');
    const list = (await (await agent.fetch('/api/recordings')).json()) as { notices: { kind: string; recordingId: string }[] };
    expect(list.notices).toContainEqual(expect.objectContaining({ kind: 'removed_abandoned', recordingId }));
    // The rest of the upload is refused; a new recording for the conversation can start.
    const rest = await tusPatch(agent, location, half, data.subarray(half));
    expect(rest.status).toBe(404);
    expect((await createRecording(agent, conversation.conversationId, 'video', data.length)).status).toBe(201);
  });
});
