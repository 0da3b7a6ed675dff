import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError } from './blob-store.js';
import { describeBlobStoreContract } from '../../test/support/blob-store.contract.js';
import { createS3Store } from './s3.js';
import type { S3TestServer } from '../../test/support/s3-test-server.js';
import { makeBucket, S3RVER_CREDENTIALS, startS3TestServer } from '../../test/support/s3-test-server.js';

let server: S3TestServer;
let bucketCounter = 0;

beforeAll(async () => {
  server = await startS3TestServer();
});

afterAll(async () => {
  await server.close();
});

// A fresh bucket per test keeps the contract's "empty store" promise.
describeBlobStoreContract('s3 (s3rver)', async () => {
  const bucket = `contract-${++bucketCounter}`;
  await makeBucket(server.endpoint, bucket);
  const store = createS3Store({ ...server.storeOptions, bucket });
  return {
    store,
    cleanup: async () => {
      store.destroy();
    },
  };
});

describe('s3 store specifics', () => {
  it('records the content type, also for large streamed bodies', { timeout: 60_000 }, async () => {
    const store = createS3Store(server.storeOptions);
    const client = new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
    try {
      await store.put('typed/playlist.m3u8', Buffer.from('#EXTM3U\n'), 'application/vnd.apple.mpegurl');
      const small = await client.send(new HeadObjectCommand({ Bucket: server.bucket, Key: 'typed/playlist.m3u8' }));
      expect(small.ContentType).toBe('application/vnd.apple.mpegurl');

      const chunk = Buffer.alloc(1024 * 1024, 7);
      await store.put('typed/large.ts', Readable.from(Array.from({ length: 17 }, () => chunk)), 'video/mp2t');
      const large = await client.send(new HeadObjectCommand({ Bucket: server.bucket, Key: 'typed/large.ts' }));
      expect(large.ContentType).toBe('video/mp2t');
      expect(large.ContentLength).toBe(17 * chunk.length);
    } finally {
      client.destroy();
      store.destroy();
    }
  });

  it('reports a missing bucket as a configuration error, not as a missing blob', async () => {
    const store = createS3Store({ ...server.storeOptions, bucket: 'no-such-bucket' });
    try {
      const error: unknown = await store.getBuffer('a/b').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(BlobNotFoundError);
      expect((error as Error).name).toBe('NoSuchBucket');
    } finally {
      store.destroy();
    }
  });

  // s3rver does not verify V4 signatures, so only an unknown access key can be tested here.
  it('fails clearly with an unknown access key', async () => {
    const store = createS3Store({ ...server.storeOptions, accessKeyId: 'UNKNOWN' });
    try {
      await expect(store.put('a/b', Buffer.from('x'))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    } finally {
      store.destroy();
    }
  });
});
