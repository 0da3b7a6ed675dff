import path from 'node:path';
import type { Config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { createLocalDiskStore } from './local-disk.js';
import { createS3Store } from './s3.js';
import { createLocalUploadStore, createS3UploadStore, type UploadStore } from './uploads.js';

export interface StorageBackends {
  kind: 'local' | 's3';
  blobs: BlobStore;
  uploads: UploadStore;
  close(): void;
}

/** Local disk under DATA_DIR by default; S3-compatible storage (blobs and tus uploads) when S3_ENDPOINT is set. */
export function createStorageBackends(config: Pick<Config, 'dataDir' | 's3'>): StorageBackends {
  if (config.s3) {
    const blobs = createS3Store(config.s3);
    return { kind: 's3', blobs, uploads: createS3UploadStore(config.s3, blobs), close: () => blobs.destroy() };
  }
  return {
    kind: 'local',
    blobs: createLocalDiskStore(path.join(config.dataDir, 'blobs')),
    uploads: createLocalUploadStore(path.join(config.dataDir, 'uploads')),
    close: () => undefined,
  };
}
