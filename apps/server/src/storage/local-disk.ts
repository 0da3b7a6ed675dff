import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore, ByteRange } from './blob-store.js';
import { BlobNotFoundError, BlobRangeError, validateKey, validatePrefix, validateRange } from './blob-store.js';

/**
 * Blob store on the local file system; keys map to paths below `rootDir`.
 * Writes go to a dot-file in the target directory and are renamed into place,
 * so readers never see a half-written object, even after a crash.
 * The content type is not stored: the server knows what it writes.
 */
export function createLocalDiskStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);

  function pathOf(key: string): string {
    return diskPath(validateKey(key));
  }

  // For keys read back from the disk, which were validated when written.
  function diskPath(key: string): string {
    return path.join(root, ...key.split('/'));
  }

  async function writeAtomically(key: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
    const target = pathOf(key);
    const { handle, tempPath } = await openTempFile(path.dirname(target));
    try {
      await write(handle);
      await handle.sync();
      await handle.close();
      await rename(tempPath, target);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(tempPath, { force: true });
      throw error;
    }
  }

  async function openTempFile(dir: string): Promise<{ handle: FileHandle; tempPath: string }> {
    // A concurrent delete may remove the directory between mkdir and open; try again then.
    for (let attempt = 1; ; attempt++) {
      await mkdir(dir, { recursive: true });
      const tempPath = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        return { handle: await open(tempPath, 'wx'), tempPath };
      } catch (error) {
        if (errorCode(error) !== 'ENOENT' || attempt >= 5) throw error;
      }
    }
  }

  /** Removes empty directories from `dir` upwards, stopping below the root. */
  async function pruneEmptyParents(dir: string): Promise<void> {
    for (let current = dir; current.startsWith(root + path.sep); current = path.dirname(current)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): nothing above can be empty either
      }
    }
  }

  /**
   * Collects the keys under `prefix`, the directories wholly inside it, and
   * leftover temporary files in those directories. Only directories that can
   * hold matching keys are read.
   */
  async function walk(prefix: string): Promise<{ keys: string[]; dirs: string[]; temps: string[] }> {
    const keys: string[] = [];
    const dirs: string[] = [];
    const temps: string[] = [];
    async function visit(dirKey: string): Promise<void> {
      let entries;
      try {
        entries = await readdir(diskPath(dirKey), { withFileTypes: true });
      } catch (error) {
        if (isNotFound(error)) return;
        throw error;
      }
      for (const entry of entries) {
        const key = dirKey + entry.name;
        if (entry.isDirectory()) {
          if (key.startsWith(prefix)) {
            dirs.push(key);
            await visit(`${key}/`);
          }
        } else if (entry.name.startsWith('.')) {
          if (dirKey !== '' && dirKey.startsWith(prefix)) temps.push(key);
        } else if (entry.isFile() && key.startsWith(prefix)) {
          keys.push(key);
        }
      }
    }
    await visit(prefix.slice(0, prefix.lastIndexOf('/') + 1));
    return { keys, dirs, temps };
  }

  return {
    async put(key, body) {
      await writeAtomically(key, (handle) => writeFile(handle, body));
    },

    async putFile(key, filePath) {
      // The source is opened only once the target is known to be writable, so no stream is left dangling.
      await writeAtomically(key, (handle) => writeFile(handle, createReadStream(filePath)));
    },

    async getStream(key, range?: ByteRange) {
      if (range) validateRange(range);
      let handle: FileHandle;
      try {
        handle = await open(pathOf(key), 'r');
      } catch (error) {
        if (isNotFound(error)) throw new BlobNotFoundError(key);
        throw error;
      }
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) throw new BlobNotFoundError(key);
        if (!range) return handle.createReadStream();
        if (range.start >= stats.size) {
          throw new BlobRangeError(`range starts at ${range.start}, past the end of a ${stats.size}-byte blob`);
        }
        return handle.createReadStream({ start: range.start, end: Math.min(range.end, stats.size - 1) });
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async getBuffer(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if (isNotFound(error)) throw new BlobNotFoundError(key);
        throw error;
      }
    },

    async size(key) {
      const stats = await stat(pathOf(key)).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      if (!stats?.isFile()) throw new BlobNotFoundError(key);
      return stats.size;
    },

    async exists(key) {
      const stats = await stat(pathOf(key)).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      return stats?.isFile() ?? false;
    },

    async delete(key) {
      const file = pathOf(key);
      try {
        await unlink(file);
      } catch (error) {
        if (isNotFound(error)) return;
        throw error;
      }
      await pruneEmptyParents(path.dirname(file));
    },

    async deletePrefix(prefix) {
      validatePrefix(prefix, false);
      const { keys, dirs, temps } = await walk(prefix);
      let deleted = 0;
      for (const key of keys) {
        try {
          await unlink(diskPath(key));
          deleted++;
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      // Leftovers of interrupted writes would keep the directories alive.
      for (const temp of temps) await rm(diskPath(temp), { force: true });
      // Deepest first, so parents are empty by the time we reach them.
      for (const dir of dirs.sort((a, b) => b.length - a.length)) {
        await rmdir(diskPath(dir)).catch(() => undefined);
      }
      const base = prefix.slice(0, prefix.lastIndexOf('/'));
      if (base !== '') await pruneEmptyParents(diskPath(base));
      return deleted;
    },

    async list(prefix) {
      validatePrefix(prefix, true);
      const { keys } = await walk(prefix);
      return keys.sort();
    },
  };
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

// ENOTDIR: a key's parent is a file; EISDIR: the key names a directory. Neither is a blob.
function isNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
