import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDiskStore } from '../storage/local-disk.js';
import { BlobNotFoundError } from '../storage/blob-store.js';
import { createMetrics, instrumentBlobStore, instrumentJobHandlers } from './metrics.js';
import type { JobHandlers } from '../jobs/job-map.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function counted(metrics: ReturnType<typeof createMetrics>, pattern: RegExp): Promise<number> {
  const line = (await metrics.registry.metrics()).split('\n').find((candidate) => pattern.test(candidate));
  return Number(line?.split(' ').pop() ?? 0);
}

describe('instrumented media store', () => {
  it('counts failures by operation, but not a missing object, and still answers as the store does', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sk-metrics-'));
    folders.push(folder);
    const metrics = createMetrics();
    const store = instrumentBlobStore(createLocalDiskStore(folder), metrics.storageErrors);
    await store.put('recordings/a/b.txt', Buffer.from('x'));
    expect((await store.getBuffer('recordings/a/b.txt')).toString()).toBe('x');
    await expect(store.getBuffer('recordings/a/missing.txt')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await counted(metrics, /^spreekkamer_storage_errors_total\{operation="getBuffer"\}/)).toBe(0);
    await expect(store.put('../outside', Buffer.from('x'))).rejects.toThrow();
    expect(await counted(metrics, /^spreekkamer_storage_errors_total\{operation="put"\}/)).toBe(1);
  });
});

describe('instrumented job handlers', () => {
  it('times runs as done or failed and keeps onGiveUp', async () => {
    const metrics = createMetrics();
    const gaveUp: string[] = [];
    const handlers = {
      'recordings.retention': { run: async () => undefined },
      'recording.erase': {
        run: async () => {
          throw new Error('store down');
        },
        onGiveUp: async ({ recordingId }: { recordingId: string }) => {
          gaveUp.push(recordingId);
        },
      },
    } as unknown as JobHandlers;
    const timed = instrumentJobHandlers(handlers, metrics.jobDuration);
    const context = { attempt: 1, isLastAttempt: true, signal: new AbortController().signal };
    await timed['recordings.retention'].run({}, context);
    await expect(timed['recording.erase'].run({ recordingId: 'r', uploadId: null }, context)).rejects.toThrow('store down');
    await timed['recording.erase'].onGiveUp?.({ recordingId: 'r', uploadId: null }, new Error('x'));
    expect(gaveUp).toEqual(['r']);
    expect(await counted(metrics, /^spreekkamer_job_duration_seconds_count\{job="recordings\.retention",outcome="done"\}/)).toBe(1);
    expect(await counted(metrics, /^spreekkamer_job_duration_seconds_count\{job="recording\.erase",outcome="failed"\}/)).toBe(1);
  });
});
