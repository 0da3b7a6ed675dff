import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeBlobStoreContract } from '../../test/support/blob-store.contract.js';
import { createLocalDiskStore } from './local-disk.js';

describeBlobStoreContract('local disk', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'blob-local-'));
  return {
    store: createLocalDiskStore(root),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

/** All paths below `dir`, relative, directories ending in '/'. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => {
      const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
      return entry.isDirectory() ? `${relative}/` : relative;
    })
    .sort();
}

describe('local disk store specifics', () => {
  let base: string;
  let root: string;

  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'blob-local-'));
    root = path.join(base, 'root');
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('stores keys as files below the root and nowhere else', async () => {
    const store = createLocalDiskStore(root);
    await store.put('recordings/r1/seg_00001.ts', Buffer.from('x'));
    expect(await tree(base)).toEqual(['root/', 'root/recordings/', 'root/recordings/r1/', 'root/recordings/r1/seg_00001.ts']);
  });

  it('leaves no temporary files after successful and failed writes', async () => {
    const store = createLocalDiskStore(root);
    await store.put('a/ok', Buffer.from('x'));
    await store.put('a/streamed', Readable.from([Buffer.from('y')]));
    const broken = Readable.from(
      (async function* () {
        yield Buffer.from('partial');
        throw new Error('broken source');
      })(),
    );
    await expect(store.put('a/broken', broken)).rejects.toThrow('broken source');
    expect(await tree(root)).toEqual(['a/', 'a/ok', 'a/streamed']);
  });

  // Real S3 guarantees this too, but s3rver does not, so it is not part of the shared contract.
  it('ends up with one complete body when two writes race', async () => {
    const store = createLocalDiskStore(root);
    const a = Buffer.alloc(2_000_000, 'a');
    const b = Buffer.alloc(1_500_000, 'b');
    for (let round = 0; round < 5; round++) {
      await Promise.all([store.put('race/key', a), store.put('race/key', Readable.from([b.subarray(0, 1000), b.subarray(1000)]))]);
      const result = await store.getBuffer('race/key');
      expect(result.equals(a) || result.equals(b)).toBe(true);
    }
    expect(await tree(root)).toEqual(['race/', 'race/key']);
  });

  it('removes directories emptied by delete and deletePrefix, but keeps the root', async () => {
    const store = createLocalDiskStore(root);
    await store.put('recordings/r1/hls/seg_00001.ts', Buffer.from('1'));
    await store.put('recordings/r1/hls/index.m3u8', Buffer.from('2'));
    await store.put('recordings/r1/waveform.json', Buffer.from('3'));
    await store.put('recordings/r2/seg_00001.ts', Buffer.from('4'));

    expect(await store.deletePrefix('recordings/r1/')).toBe(3);
    expect(await tree(root)).toEqual(['recordings/', 'recordings/r2/', 'recordings/r2/seg_00001.ts']);

    await store.delete('recordings/r2/seg_00001.ts');
    expect(await tree(root)).toEqual([]);
  });

  it('removes leftovers of interrupted writes when deleting a prefix, without listing them', async () => {
    const store = createLocalDiskStore(root);
    await store.put('recordings/r1/seg_00001.ts', Buffer.from('1'));
    await writeFile(path.join(root, 'recordings/r1/.tmp-0123456789abcdef'), 'crashed write');
    await mkdir(path.join(root, 'recordings/r1/empty-subdir'));
    expect(await store.list('recordings/')).toEqual(['recordings/r1/seg_00001.ts']);

    expect(await store.deletePrefix('recordings/r1/')).toBe(1);
    expect(await tree(root)).toEqual([]);
  });

  it('never lists temporary files', async () => {
    const store = createLocalDiskStore(root);
    await store.put('a/b', Buffer.from('1'));
    await writeFile(path.join(root, 'a/.tmp-dangling'), 'x');
    expect(await store.list('')).toEqual(['a/b']);
  });

  it('resolves a relative root directory once, at creation', async () => {
    const previous = process.cwd();
    process.chdir(base);
    let store;
    try {
      store = createLocalDiskStore('relative-root');
    } finally {
      process.chdir(previous);
    }
    await store.put('k', Buffer.from('v'));
    expect(await tree(path.join(base, 'relative-root'))).toEqual(['k']);
  });
});
