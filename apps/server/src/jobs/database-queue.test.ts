import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DatabaseJobQueue } from './database-queue.js';
import { assertCompleteHandlers, jobPolicies, type JobHandlers, type JobMap } from './job-map.js';

let dir: string;
let database: DatabaseHandle;
const queues: DatabaseJobQueue[] = [];

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spreekkamer-queue-'));
  database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') });
  await migrateToLatest(database);
});

afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.stop();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

function queue(options: ConstructorParameters<typeof DatabaseJobQueue>[1] = {}): DatabaseJobQueue {
  const q = new DatabaseJobQueue(database.db, { pollIntervalMs: 20, ...options });
  queues.push(q);
  return q;
}

function handlers(overrides: Partial<JobHandlers>): JobHandlers {
  const idle = { run: async () => undefined };
  return { 'recording.process': idle, 'recording.erase': idle, 'recordings.retention': idle, 'recording.demo': idle, 'learning.reminders': idle, 'notifications.digest': idle, 'recording.rhythm': idle, 'share.cut': idle, 'recording.stretch_cut': idle, 'share.cuts.erase': idle, 'share.cuts.sweep': idle, ...overrides };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('job handler table', () => {
  it('refuses to start a worker when a job type has no handler', async () => {
    const partial = { 'recording.process': { run: async () => undefined } };
    expect(() => assertCompleteHandlers(partial)).toThrow(/recording\.erase.*recordings\.retention/);
    // @ts-expect-error -- a missing handler is a compile error too
    await expect(queue().work(partial)).rejects.toThrow(/No job handler/);
  });
});

describe('database job queue', () => {
  it('runs each job once, with its payload, and removes it when done', async () => {
    const seen: string[] = [];
    const q = queue();
    await q.work(handlers({ 'recording.process': { run: async ({ recordingId }) => void seen.push(recordingId) } }));
    const ids = Array.from({ length: 5 }, () => randomUUID());
    for (const recordingId of ids) await q.enqueue('recording.process', { recordingId });
    await until(() => seen.length === 5);
    expect(seen.sort()).toEqual([...ids].sort());
    await until(async () => (await database.db.selectFrom('jobs').select('id').where('name', '=', 'recording.process').execute()).length === 0);
  });

  it('never runs one job twice when several workers compete', async () => {
    const runs = new Map<string, number>();
    const run = async ({ recordingId }: JobMap['recording.process']) => {
      runs.set(recordingId, (runs.get(recordingId) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const [a, b, c] = [queue(), queue(), queue()];
    for (const q of [a, b, c]) await q.work(handlers({ 'recording.process': { run } }));
    const ids = Array.from({ length: 30 }, () => randomUUID());
    for (const recordingId of ids) await a.enqueue('recording.process', { recordingId });
    await until(() => runs.size === 30, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it('retries with backoff and gives up after the maximum, telling the handler once', async () => {
    let attempts = 0;
    const gaveUp: unknown[] = [];
    // Every look at the clock is a minute later, so the backoff (15 s, 30 s, 60 s) passes in a few polls.
    let minutes = 0;
    const q = queue({ now: () => new Date(Date.now() + (minutes += 1) * 60_000), leaseSeconds: 24 * 3600 });
    await q.work(
      handlers({
        'recording.process': {
          run: async () => {
            attempts += 1;
            throw new Error(`boom ${attempts}`);
          },
          onGiveUp: async (_payload, error) => void gaveUp.push(error),
        },
      }),
    );
    await q.enqueue('recording.process', { recordingId: randomUUID() });
    await until(() => gaveUp.length === 1, 10_000);
    expect(attempts).toBe(jobPolicies['recording.process'].maxAttempts);
    const row = await database.db.selectFrom('jobs').selectAll().where('name', '=', 'recording.process').executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toBe(`boom ${attempts}`);
  });

  it('picks up a job whose worker crashed once its lease has run out', async () => {
    const recordingId = randomUUID();
    const past = new Date(Date.now() - 1000).toISOString();
    // What a crashed worker leaves behind: running, attempt 1, lease in the past.
    await database.db
      .insertInto('jobs')
      .values({
        id: randomUUID(),
        name: 'recording.process',
        payload_json: JSON.stringify({ recordingId }),
        status: 'running',
        attempts: 1,
        max_attempts: 4,
        run_after: past,
        locked_until: past,
        locked_by: 'a-worker-that-died',
        singleton_key: null,
        last_error: null,
        created_at: past,
        updated_at: past,
      })
      .execute();
    const seen: { id: string; attempt: number }[] = [];
    await queue().work(handlers({ 'recording.process': { run: async (payload, context) => void seen.push({ id: payload.recordingId, attempt: context.attempt }) } }));
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ id: recordingId, attempt: 2 }]);
  });

  it('keeps a running job leased while it runs, so nobody else takes it', async () => {
    let release: () => void = () => undefined;
    let starts = 0;
    const slow = {
      run: () =>
        new Promise<void>((resolve) => {
          starts += 1;
          release = resolve;
        }),
    };
    const a = queue({ leaseSeconds: 0.3 });
    const b = queue({ leaseSeconds: 0.3 });
    await a.work(handlers({ 'recording.process': slow }));
    await a.enqueue('recording.process', { recordingId: randomUUID() });
    await until(() => starts === 1);
    await b.work(handlers({ 'recording.process': slow }));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(starts).toBe(1);
    release();
  });

  it('hands a job back without using up an attempt when the worker stops', async () => {
    const q = queue();
    let started = false;
    await q.work(
      handlers({
        'recording.process': {
          run: (_payload, context) =>
            new Promise<void>((_resolve, reject) => {
              started = true;
              context.signal.addEventListener('abort', () => reject(new Error('aborted')));
            }),
        },
      }),
    );
    await q.enqueue('recording.process', { recordingId: randomUUID() });
    await until(() => started);
    await q.stop();
    const row = await database.db.selectFrom('jobs').selectAll().where('name', '=', 'recording.process').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 0, locked_until: null });
  });

  it('schedules the daily retention job once per day across workers', async () => {
    let runs = 0;
    const at = () => new Date('2030-01-02T05:00:00Z');
    for (const q of [queue({ now: at }), queue({ now: at })]) await q.work(handlers({ 'recordings.retention': { run: async () => void (runs += 1) } }));
    await until(() => runs === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toBe(1);
    const rows = await database.db.selectFrom('jobs').selectAll().where('name', '=', 'recordings.retention').execute();
    expect(rows.map((row) => [row.status, row.singleton_key])).toEqual([['done', 'schedule:recordings.retention:2030-01-02']]);
  });
});
