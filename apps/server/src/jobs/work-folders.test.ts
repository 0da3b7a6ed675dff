import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkFolders } from './work-folders.js';

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function folders(): Promise<WorkFolders> {
  const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'work-folders-')), 'jobs');
  roots.push(path.dirname(root));
  return new WorkFolders(root);
}

describe('WorkFolders', () => {
  it('makes private folders and sweeps only those of processes that no longer run', async () => {
    const work = await folders();
    const mine = await work.create('3f0c1d2e-0000-4000-8000-000000000001');
    expect((await stat(mine)).mode & 0o777).toBe(0o700);
    await writeFile(path.join(mine, 'media.key'), Buffer.alloc(16, 1), { mode: 0o600 });
    // A folder of a crashed process on this machine: the same name scheme, a pid that does not run.
    const host = path.basename(mine).split('.')[1] ?? '';
    const crashed = path.join(work.root, `3f0c1d2e-0000-4000-8000-000000000002.${host}.2147483646.abcdef`);
    await mkdir(crashed, { mode: 0o700 });
    await writeFile(path.join(crashed, 'original'), 'plain');
    expect(await work.sweep()).toBe(1);
    expect(await readdir(work.root)).toEqual([path.basename(mine)]);
  });

  it('removes every folder of one recording at once, running or not', async () => {
    const work = await folders();
    const id = '3f0c1d2e-0000-4000-8000-000000000003';
    await work.create(id);
    await work.create(id);
    const other = await work.create('3f0c1d2e-0000-4000-8000-000000000004');
    await work.removeFor(id);
    expect(await readdir(work.root)).toEqual([path.basename(other)]);
  });

  it('refuses an owner that is not an id', async () => {
    await expect((await folders()).create('../etc')).rejects.toThrow(/id/);
  });
});
