import path from 'node:path';
import type { Config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { createLocalDiskStore } from './local-disk.js';
import { createS3Store } from './s3.js';
import { createUploadLocker } from './upload-locker.js';
import type { Locker } from '@tus/server';
import { createLocalUploadStore, createS3UploadStore, type UploadStore } from './uploads.js';

export interface StorageBackends {
  kind: 'local' | 's3';
  blobs: BlobStore;
  uploads: UploadStore;
  /** Keeps two requests on one upload apart, across processes when they share PostgreSQL. */
  uploadLocker: Locker;
  close(): Promise<void>;
}

/** Local disk under DATA_DIR by default; S3-compatible storage (blobs and tus uploads) when S3_ENDPOINT is set. */
export function createStorageBackends(config: Pick<Config, 'dataDir' | 's3' | 'database'>): StorageBackends {
  const uploadLocker = createUploadLocker(config.database);
  if (config.s3) {
    const blobs = createS3Store(config.s3);
    return {
      kind: 's3',
      blobs,
      uploads: createS3UploadStore(config.s3, blobs),
      uploadLocker,
      close: async () => {
        blobs.destroy();
        await uploadLocker.close();
      },
    };
  }
  return {
    kind: 'local',
    blobs: createLocalDiskStore(path.join(config.dataDir, 'blobs')),
    uploads: createLocalUploadStore(path.join(config.dataDir, 'uploads')),
    uploadLocker,
    close: () => uploadLocker.close(),
  };
}
