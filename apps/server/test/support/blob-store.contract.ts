import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { BlobNotFoundError, BlobRangeError, InvalidBlobKeyError } from '../../src/storage/blob-store.js';

export interface BlobStoreFixture {
  store: BlobStore;
  cleanup(): Promise<void>;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

function failingStream(afterBytes: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield afterBytes;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('source broke off');
    })(),
  );
}

/**
 * Behaviour every BlobStore must share, so code above it can switch stores
 * without noticing. `factory` must return an empty, isolated store per test.
 */
export function describeBlobStoreContract(name: string, factory: () => Promise<BlobStoreFixture>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let fixture: BlobStoreFixture;
    let store: BlobStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    it('round-trips a buffer and reports size and existence', async () => {
      const body = Buffer.from('segment bytes \u0000\u00ff', 'latin1');
      await store.put('recordings/r1/seg_00001.ts', body, 'video/mp2t');
      expect((await store.getBuffer('recordings/r1/seg_00001.ts')).equals(body)).toBe(true);
      expect(await store.size('recordings/r1/seg_00001.ts')).toBe(body.length);
      expect(await store.exists('recordings/r1/seg_00001.ts')).toBe(true);
      expect((await readAll(await store.getStream('recordings/r1/seg_00001.ts'))).equals(body)).toBe(true);
    });

    it('treats a missing key as not found everywhere', async () => {
      await store.put('recordings/r1/a', Buffer.from('x'));
      for (const key of ['recordings/r1/missing', 'recordings/r2/a', 'recordings/r1', 'recordings']) {
        expect(await store.exists(key)).toBe(false);
        await expect(store.getBuffer(key)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.getStream(key)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.getStream(key, { start: 0, end: 1 })).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.size(key)).rejects.toBeInstanceOf(BlobNotFoundError);
      }
      await expect(store.getBuffer('recordings/r1/a/deeper')).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it('overwrites an existing key', async () => {
      await store.put('k/one', Buffer.from('first version, longer'));
      await store.put('k/one', Buffer.from('second'));
      expect((await store.getBuffer('k/one')).toString()).toBe('second');
      expect(await store.size('k/one')).toBe(6);
    });

    it('stores empty bodies from buffers and streams', async () => {
      await store.put('empty/buffer', Buffer.alloc(0));
      await store.put('empty/stream', Readable.from([]));
      for (const key of ['empty/buffer', 'empty/stream']) {
        expect(await store.exists(key)).toBe(true);
        expect(await store.size(key)).toBe(0);
        expect((await store.getBuffer(key)).length).toBe(0);
        expect((await readAll(await store.getStream(key))).length).toBe(0);
      }
    });

    it('streams a body of unknown length in many chunks', async () => {
      const chunks = Array.from({ length: 100 }, (_, i) => Buffer.alloc(1000, i));
      await store.put('stream/small', Readable.from(chunks), 'application/octet-stream');
      expect((await store.getBuffer('stream/small')).equals(Buffer.concat(chunks))).toBe(true);
    });

    it('streams a large body (larger than one multipart part) intact', { timeout: 60_000 }, async () => {
      const chunk = randomBytes(1024 * 1024);
      const chunkCount = 19; // 19 MiB: more than two 8 MiB parts
      const expected = createHash('sha256');
      for (let i = 0; i < chunkCount; i++) expected.update(chunk);
      await store.put(
        'stream/large',
        Readable.from(
          (function* () {
            for (let i = 0; i < chunkCount; i++) yield chunk;
          })(),
        ),
      );
      expect(await store.size('stream/large')).toBe(chunkCount * chunk.length);
      const actual = createHash('sha256');
      for await (const part of await store.getStream('stream/large')) actual.update(part as Buffer);
      expect(actual.digest('hex')).toBe(expected.digest('hex'));
    });

    it('uploads a file with putFile and rejects a missing file without creating the key', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'blob-contract-'));
      try {
        const file = path.join(dir, 'upload.bin');
        const body = randomBytes(300_000);
        await writeFile(file, body);
        await store.putFile('uploads/u1/original', file, 'video/mp4');
        expect((await store.getBuffer('uploads/u1/original')).equals(body)).toBe(true);

        await expect(store.putFile('uploads/u2/original', path.join(dir, 'missing.bin'))).rejects.toMatchObject({
          code: 'ENOENT',
        });
        expect(await store.exists('uploads/u2/original')).toBe(false);
        expect(await store.list('uploads/')).toEqual(['uploads/u1/original']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('leaves the previous version in place when a streamed write fails', async () => {
      await store.put('atomic/key', Buffer.from('old complete content'));
      await expect(store.put('atomic/key', failingStream(Buffer.from('new partial')))).rejects.toThrow();
      expect((await store.getBuffer('atomic/key')).toString()).toBe('old complete content');
      await expect(store.put('atomic/fresh', failingStream(Buffer.from('partial')))).rejects.toThrow();
      expect(await store.exists('atomic/fresh')).toBe(false);
      expect(await store.list('atomic/')).toEqual(['atomic/key']);
    });

    describe('byte ranges (inclusive, like HTTP Range)', () => {
      const body = Buffer.from('0123456789abcdefghij'); // 20 bytes

      beforeEach(async () => {
        await store.put('ranges/blob', body);
      });

      it.each([
        [{ start: 0, end: 19 }, '0123456789abcdefghij'],
        [{ start: 5, end: 9 }, '56789'],
        [{ start: 0, end: 0 }, '0'],
        [{ start: 0, end: 1 }, '01'],
        [{ start: 19, end: 19 }, 'j'],
        [{ start: 15, end: 1000 }, 'fghij'], // end is clamped
      ])('serves %j', async (range, expected) => {
        expect(await text(await store.getStream('ranges/blob', range))).toBe(expected);
      });

      it.each([
        { start: 20, end: 25 },
        { start: 100, end: 200 },
      ])('refuses %j past the end', async (range) => {
        await expect(store.getStream('ranges/blob', range)).rejects.toBeInstanceOf(BlobRangeError);
      });

      it.each([
        { start: 5, end: 4 },
        { start: -1, end: 4 },
        { start: 0.5, end: 4 },
        { start: 0, end: Number.NaN },
      ])('refuses malformed range %j', async (range) => {
        await expect(store.getStream('ranges/blob', range)).rejects.toBeInstanceOf(BlobRangeError);
      });

      it('refuses any range of an empty blob', async () => {
        await store.put('ranges/empty', Buffer.alloc(0));
        await expect(store.getStream('ranges/empty', { start: 0, end: 0 })).rejects.toBeInstanceOf(BlobRangeError);
      });
    });

    it('deletes a key, and deleting a missing key is not an error', async () => {
      await store.put('del/a', Buffer.from('a'));
      await store.put('del/b', Buffer.from('b'));
      await store.delete('del/a');
      expect(await store.exists('del/a')).toBe(false);
      expect(await store.exists('del/b')).toBe(true);
      await store.delete('del/a');
      await store.delete('never/existed');
      expect(await store.list('del/')).toEqual(['del/b']);
    });

    it('lists keys at any depth, sorted, as plain string prefixes', async () => {
      const keys = [
        'recordings/ab/seg_00002.ts',
        'recordings/ab/seg_00001.ts',
        'recordings/ab/hls/index.m3u8',
        'recordings/abc/seg_00001.ts',
        'recordings/b/seg_00001.ts',
        'uploads/x',
      ];
      for (const key of keys) await store.put(key, Buffer.from(key));
      expect(await store.list('recordings/ab/')).toEqual([
        'recordings/ab/hls/index.m3u8',
        'recordings/ab/seg_00001.ts',
        'recordings/ab/seg_00002.ts',
      ]);
      expect(await store.list('recordings/ab')).toEqual([
        'recordings/ab/hls/index.m3u8',
        'recordings/ab/seg_00001.ts',
        'recordings/ab/seg_00002.ts',
        'recordings/abc/seg_00001.ts',
      ]);
      expect(await store.list('recordings/ab/seg_')).toEqual(['recordings/ab/seg_00001.ts', 'recordings/ab/seg_00002.ts']);
      expect(await store.list('uploads/x')).toEqual(['uploads/x']);
      expect(await store.list('')).toEqual([...keys].sort());
      expect(await store.list('nothing/')).toEqual([]);
    });

    it('deletes by prefix, counting deleted objects and sparing neighbours', async () => {
      const keys = [
        'recordings/ab/seg_00001.ts',
        'recordings/ab/hls/index.m3u8',
        'recordings/abc/seg_00001.ts',
        'recordings/b/seg_00001.ts',
      ];
      for (const key of keys) await store.put(key, Buffer.from(key));
      expect(await store.deletePrefix('recordings/ab/')).toBe(2);
      expect(await store.list('')).toEqual(['recordings/abc/seg_00001.ts', 'recordings/b/seg_00001.ts']);
      expect(await store.deletePrefix('recordings/ab/')).toBe(0);
      expect(await store.deletePrefix('nothing/here/')).toBe(0);
      // A prefix without a trailing slash matches partial names, as in S3.
      expect(await store.deletePrefix('recordings/a')).toBe(1);
      expect(await store.list('')).toEqual(['recordings/b/seg_00001.ts']);
      // Writing after a delete works again.
      await store.put('recordings/ab/seg_00001.ts', Buffer.from('again'));
      expect(await store.getBuffer('recordings/ab/seg_00001.ts')).toEqual(Buffer.from('again'));
    });

    it('lists and deletes more objects than one page holds (1000)', { timeout: 120_000 }, async () => {
      const keys = Array.from({ length: 1003 }, (_, i) => `many/r/seg_${String(i).padStart(5, '0')}.ts`);
      for (let i = 0; i < keys.length; i += 25) {
        await Promise.all(keys.slice(i, i + 25).map((key) => store.put(key, Buffer.from('s'))));
      }
      await store.put('many/other', Buffer.from('keep'));
      expect(await store.list('many/r/')).toEqual(keys);
      expect(await store.deletePrefix('many/r/')).toBe(keys.length);
      expect(await store.list('many/')).toEqual(['many/other']);
    });

    it('rejects invalid keys and prefixes on every operation before touching storage', async () => {
      const bad = ['', '/abs/key', '../escape', 'a/../b', 'a//b', 'a\\b', 'a/./b', 'trailing/', '.hidden', 'a/.tmp-x', 'sp ace'];
      for (const key of bad) {
        await expect(store.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store.putFile(key, '/etc/hostname')).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store.getStream(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store.getBuffer(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store.size(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store.exists(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      }
      for (const prefix of ['', '/', '../', 'a//', '/abs/']) {
        await expect(store.deletePrefix(prefix)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      }
      for (const prefix of ['/', '../', 'a//', '/abs/']) {
        await expect(store.list(prefix)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      }
      expect(await store.list('')).toEqual([]);
    });
  });
}
