import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { HLS_SEGMENT_NAME } from '../src/media/index.js';
import { createLocalDiskStore } from '../src/storage/local-disk.js';
import { createS3Store } from '../src/storage/s3.js';
import { startS3TestServer } from './support/s3-test-server.js';
import { databaseUnderTest, demo, demoPassword, freshDatabase } from './support/harness.js';
import { consentedConversationHttp, moveAgent, startChildServer, type ChildServer } from './support/processes.js';
import { createRecording, decryptSegment, fetchPlaylist, httpLogin, looksLikeTransportStream, media, playbackDescriptor, tusCreate, tusPatch, waitForStatus, type HttpAgent } from './support/recordings.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function processedCount(env: Record<string, string>, recordingId: string): Promise<number> {
  const sql = "select count(*) as n from audit_events where action = 'recording.processed' and subject_id = $1";
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const result = await client.query<{ n: string }>(sql, [recordingId]);
    await client.end();
    return Number(result.rows[0]?.n ?? 0);
  }
  const db = new Database(path.join(env.DATA_DIR ?? '', 'spreekkamer.sqlite'), { readonly: true });
  const row = db.prepare(sql.replace('$1', '?')).get(recordingId) as { n: number };
  db.close();
  return row.n;
}

function track(server: ChildServer): ChildServer {
  cleanups.push(() => server.stop());
  return server;
}

/** Every file under a folder, with its mode. */
async function filesUnder(dir: string): Promise<{ file: string; mode: number }[]> {
  const out: { file: string; mode: number }[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(file)));
    else out.push({ file, mode: (await stat(file)).mode & 0o777 });
  }
  return out;
}

async function startProcessing(agent: HttpAgent, file: string): Promise<string> {
  const { conversationId } = await consentedConversationHttp(agent);
  const size = (await stat(file)).size;
  const created = (await (await createRecording(agent, conversationId, 'video', size)).json()) as { recording: { id: string } };
  const recordingId = created.recording.id;
  const creation = await tusCreate(agent, size, { recordingId });
  await tusPatch(agent, creation.headers.get('location') ?? '', 0, await readFile(file));
  return recordingId;
}

/** Waits until the worker is inside the packaging run: the key lies in its job folder now. */
async function catchPackaging(agent: HttpAgent, recordingId: string, jobsDir: string): Promise<{ folder: string; key: Buffer }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = (await (await agent.fetch(`/api/recordings/${recordingId}`)).json()) as { status: string; progress: number };
    if (state.status === 'ready' || Date.now() > deadline) throw new Error(`could not catch packaging: ${JSON.stringify(state)}`);
    if (state.status === 'processing' && state.progress > 0.1) {
      for (const name of await readdir(jobsDir).catch(() => [] as string[])) {
        const key = await readFile(path.join(jobsDir, name, 'media.key')).catch(() => null);
        if (key?.length === 16) return { folder: name, key };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function playsBack(agent: HttpAgent, recordingId: string): Promise<void> {
  const played = await fetchPlaylist(agent, await playbackDescriptor(agent, recordingId));
  const key = Buffer.from(await (await agent.fetch(played.keyPath)).arrayBuffer());
  const segment = Buffer.from(await (await agent.fetch(played.segmentPaths[0] ?? '')).arrayBuffer());
  expect(looksLikeTransportStream(decryptSegment(key, played.iv, segment))).toBe(true);
}

/**
 * A worker killed with SIGKILL in the middle of packaging: its job folder (0700, under the data
 * directory) still holds the HLS key and, on S3, the downloaded original. The next process sweeps
 * it before taking work, nothing of it lies in the system temp folder, and the recording still
 * becomes ready exactly once.
 */
describe('nothing readable is left behind by a crash', () => {
  it('sweeps the job folder of a worker killed mid-processing, and another worker makes the recording ready once within two minutes', { timeout: 300_000 }, async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const startedAt = Date.now();
    let env: Record<string, string> = {
      ...database.env,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      MASTER_KEY: randomBytes(32).toString('hex'),
      DEMO_SEED: 'true',
      DEMO_PASSWORD: demoPassword,
      DEMO_RECORDING: 'false',
      JOB_LEASE_SECONDS: '3',
    };
    const onS3 = databaseUnderTest() === 'postgres';
    if (onS3) {
      // The scaled-out set-up: the worker downloads the original from S3 into its job folder.
      const s3 = await startS3TestServer();
      cleanups.push(() => s3.close());
      env = { ...env, S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: s3.storeOptions.accessKeyId, S3_SECRET_ACCESS_KEY: s3.storeOptions.secretAccessKey, S3_FORCE_PATH_STYLE: 'true' };
    }
    const api = track(await startChildServer(env, onS3 ? 'api' : 'all'));
    const worker = onS3 ? track(await startChildServer({ ...env, DEMO_SEED: 'false' }, 'worker')) : api;
    const agent = await httpLogin(api.url ?? '', demo.professional, demoPassword);
    const recordingId = await startProcessing(agent, await media.slowVideoWebm());
    const jobsDir = path.join(database.dataDir, 'work', 'jobs');
    const caught = await catchPackaging(agent, recordingId, jobsDir);
    expect(caught.folder.startsWith(`${recordingId}.`)).toBe(true);
    expect((await stat(path.join(jobsDir, caught.folder))).mode & 0o777).toBe(0o700);
    if (onS3) expect((await stat(path.join(jobsDir, caught.folder, 'original'))).mode & 0o777).toBe(0o600);
    await worker.kill();

    // The crash left the folder behind: this is what the sweep is for.
    expect(await readdir(jobsDir)).toContain(caught.folder);
    // Nothing of the job went to the shared temp folder.
    const temp = await readdir(os.tmpdir(), { withFileTypes: true });
    const recentKeyDirs = await Promise.all(temp.filter((e) => e.name.startsWith('spreekkamer-key-')).map(async (e) => (await stat(path.join(os.tmpdir(), e.name))).mtimeMs));
    expect(recentKeyDirs.filter((mtime) => mtime >= startedAt)).toEqual([]);

    // Any process sweeps at start, before it takes work: on PostgreSQL a second worker, on SQLite
    // a new all-in-one process.
    const killedAt = Date.now();
    const next = onS3 ? track(await startChildServer({ ...env, DEMO_SEED: 'false' }, 'worker')) : track(await startChildServer(env));
    expect(await readdir(jobsDir)).not.toContain(caught.folder);
    const viewer = onS3 ? agent : moveAgent(agent, next.url ?? '');
    // The dead worker's lease runs out (JOB_LEASE_SECONDS, renewed only while a handler runs),
    // and another worker retries the job: well within two minutes on both queues.
    const state = await waitForStatus(viewer, recordingId, ['ready', 'failed'], 120_000);
    expect(state.status).toBe('ready');
    expect(Date.now() - killedAt).toBeLessThan(120_000);
    await playsBack(viewer, recordingId);
    expect(await processedCount(database.env, recordingId)).toBe(1);
    // Later jobs (rhythm) may be working in their own folders now; none is left of the killed process.
    expect((await readdir(jobsDir)).filter((name) => name.includes(`.${worker.child.pid}.`))).toEqual([]);
    // Exactly the playlist's segments are stored: no duplicate or orphaned segment of the crashed run.
    const store = onS3 ? createS3Store({ endpoint: env.S3_ENDPOINT ?? '', region: 'us-east-1', bucket: env.S3_BUCKET ?? '', accessKeyId: env.S3_ACCESS_KEY_ID ?? '', secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '', forcePathStyle: true }) : createLocalDiskStore(path.join(database.dataDir, 'blobs'));
    const prefix = `recordings/${recordingId}/`;
    const storedSegments = (await store.list(prefix)).map((key) => key.slice(prefix.length)).filter((name) => HLS_SEGMENT_NAME.test(name));
    const playlist = (await store.getBuffer(`${prefix}index.m3u8`)).toString('utf8');
    const listedSegments = playlist.split('\n').filter((line) => HLS_SEGMENT_NAME.test(line.trim())).map((line) => line.trim());
    expect(storedSegments.sort()).toEqual([...new Set(listedSegments)].sort());
    expect(listedSegments.length).toBeGreaterThan(0);

    // No file under the data directory holds the crashed run's key, and no work file is readable by others.
    for (const { file, mode } of await filesUnder(path.join(database.dataDir, 'work'))) {
      expect(mode & 0o077, file).toBe(0);
      expect((await readFile(file)).includes(caught.key), file).toBe(false);
    }
    for (const { file } of await filesUnder(database.dataDir)) {
      if (file.endsWith('.sqlite') || file.endsWith('-wal') || file.endsWith('-shm')) continue;
      expect((await readFile(file)).includes(caught.key), file).toBe(false);
    }
  });
});
