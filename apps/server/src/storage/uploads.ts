import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import { ERRORS, type DataStore } from '@tus/server';
import type { BlobStore } from './blob-store.js';
import type { S3StoreOptions } from './s3.js';

/**
 * Where resumable (tus) uploads live until processing has turned them into encrypted HLS. All
 * upload state is in the store itself (file + info), never in process memory, so a restarted or
 * different server process resumes an upload where it stopped.
 */
export interface UploadStore {
  readonly datastore: DataStore;
  read(uploadId: string): Promise<Readable>;
  /** The upload's file when it is on the local disk (no copy needed), else null. */
  localPath(uploadId: string): string | null;
  /** Bytes received and announced, or null when there is no such upload. */
  progress(uploadId: string): Promise<{ offset: number; size: number } | null>;
  /** Removes the upload and its info; removing a missing upload is not an error (retries after crashes). */
  remove(uploadId: string): Promise<void>;
}

function isNotFound(error: unknown): boolean {
  return error === ERRORS.FILE_NOT_FOUND || (typeof error === 'object' && error !== null && (error as { status_code?: unknown }).status_code === 404);
}

/** FileStore and S3Store both read a finished upload back; the base class does not declare it. */
type ReadableDataStore = DataStore & { read(id: string): Readable | Promise<unknown> };

class TusUploadStore implements UploadStore {
  constructor(
    readonly datastore: ReadableDataStore,
    /** For S3: the same bucket as a blob store, to sweep the store's side objects (.info, .part). */
    private readonly sideObjects: BlobStore | null,
    private readonly directory: string | null,
  ) {}

  localPath(uploadId: string): string | null {
    if (!this.directory || !/^[A-Za-z0-9_-]+$/.test(uploadId)) return null;
    return path.join(this.directory, uploadId);
  }

  async read(uploadId: string): Promise<Readable> {
    return (await this.datastore.read(uploadId)) as Readable;
  }

  async progress(uploadId: string): Promise<{ offset: number; size: number } | null> {
    try {
      const upload = await this.datastore.getUpload(uploadId);
      return { offset: upload.offset, size: upload.size ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async remove(uploadId: string): Promise<void> {
    try {
      await this.datastore.remove(uploadId);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    // Upload ids have a fixed length, so this prefix matches the upload's own objects only.
    if (this.sideObjects) await this.sideObjects.deletePrefix(uploadId);
  }
}

export function createLocalUploadStore(directory: string): UploadStore {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  return new TusUploadStore(new FileStore({ directory }), null, directory);
}

export function createS3UploadStore(options: S3StoreOptions, bucketStore: BlobStore): UploadStore {
  const datastore = new S3Store({
    partSize: 8 * 1024 * 1024,
    // Object tags are not supported by every S3-compatible server (s3rver among them).
    useTags: false,
    s3ClientConfig: {
      bucket: options.bucket,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  });
  return new TusUploadStore(datastore, bucketStore, null);
}
