import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3StoreOptions } from '../../src/storage/s3.js';

/** s3rver accepts these fixed credentials. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  directory: string;
  /** Options for createS3Store against this server and bucket. */
  storeOptions: S3StoreOptions;
  close(): Promise<void>;
}

const CHILD_SCRIPT = fileURLToPath(new URL('./s3rver-child.mjs', import.meta.url));

/**
 * Starts a real s3rver on a free port with an empty bucket, storing its data
 * in a fresh temporary directory that close() removes again. For tests only.
 */
export async function startS3TestServer(options: { bucket?: string } = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'test';
  const directory = await mkdtemp(path.join(tmpdir(), 'spreekkamer-s3rver-'));
  const child = fork(CHILD_SCRIPT, [JSON.stringify({ directory, bucket })], {
    execArgv: ['--openssl-legacy-provider'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: unknown) => {
        const value = (message as { port?: unknown } | null)?.port;
        if (typeof value === 'number') resolve(value);
        else reject(new Error(`s3rver sent an unexpected message: ${JSON.stringify(message)}`));
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`s3rver exited early (code ${code}, signal ${signal})`)));
    });
  } catch (error) {
    child.kill();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    storeOptions: { endpoint, region: 'us-east-1', bucket, forcePathStyle: true, ...S3RVER_CREDENTIALS },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.disconnect();
        else child.kill();
        // s3rver waits for open connections; do not let a stuck one hang the test run.
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Creates another bucket on a test server, e.g. to keep tests apart. */
export async function makeBucket(endpoint: string, bucket: string): Promise<void> {
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
}
