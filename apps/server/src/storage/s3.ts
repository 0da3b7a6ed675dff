import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BlobStore, ByteRange } from './blob-store.js';
import { BlobNotFoundError, BlobRangeError, validateKey, validatePrefix, validateRange } from './blob-store.js';

export interface S3StoreOptions {
  /** For S3-compatible stores (MinIO, Ceph, Garage, s3rver); omit for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface S3BlobStore extends BlobStore {
  /** Closes the client's idle connections, e.g. at shutdown or after a test. */
  destroy(): void;
}

// Multipart part size for streamed bodies; bodies below it are sent in one PutObject.
const PART_SIZE = 8 * 1024 * 1024;

export function createS3Store(options: S3StoreOptions): S3BlobStore {
  const { bucket } = options;
  const client = new S3Client({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's default CRC32 checksums send streamed bodies as aws-chunked
    // with trailers, which several S3-compatible servers (s3rver, older
    // MinIO/Ceph) reject. Checksums are only added where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  async function putStream(key: string, body: Readable, contentType: string | undefined): Promise<void> {
    // Upload buffers parts, so streams of unknown length work and large
    // bodies go up as a multipart upload (aborted again on failure).
    const upload = new Upload({
      client,
      params: { Bucket: bucket, Key: key, Body: body, ...(contentType ? { ContentType: contentType } : {}) },
      partSize: PART_SIZE,
      queueSize: 2,
    });
    await upload.done();
  }

  async function listPage(prefix: string, continuationToken: string | undefined) {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        ...(prefix ? { Prefix: prefix } : {}),
        ...(continuationToken ? { ContinuationToken: continuationToken } : {}),
      }),
    );
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
    return { keys, next: page.IsTruncated ? page.NextContinuationToken : undefined };
  }

  return {
    async put(key, body, contentType) {
      validateKey(key);
      if (Buffer.isBuffer(body)) {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentLength: body.length,
            ...(contentType ? { ContentType: contentType } : {}),
          }),
        );
        return;
      }
      await putStream(key, body instanceof Readable ? body : Readable.from(body), contentType);
    },

    async putFile(key, filePath, contentType) {
      validateKey(key);
      await stat(filePath); // fail with the file system's own error before any request
      await putStream(key, createReadStream(filePath), contentType);
    },

    async getStream(key, range?: ByteRange) {
      validateKey(key);
      if (range) validateRange(range);
      let response;
      try {
        response = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
      } catch (error) {
        if (range && isInvalidRange(error)) {
          throw new BlobRangeError(`range ${range.start}-${range.end} is not satisfiable for ${key}`);
        }
        throw notFoundOr(error, key);
      }
      const body = response.Body;
      if (!(body instanceof Readable)) throw new Error(`object store returned no readable body for ${key}`);
      return range ? checkRange(body, range, response.ContentRange, key) : body;
    },

    async getBuffer(key) {
      validateKey(key);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!response.Body) throw new Error(`object store returned no body for ${key}`);
        return Buffer.from(await response.Body.transformToByteArray());
      } catch (error) {
        throw notFoundOr(error, key);
      }
    },

    async size(key) {
      validateKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        if (head.ContentLength === undefined) throw new Error(`object store returned no size for ${key}`);
        return head.ContentLength;
      } catch (error) {
        throw notFoundOr(error, key);
      }
    },

    async exists(key) {
      validateKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        if (notFoundOr(error, key) instanceof BlobNotFoundError) return false;
        throw error;
      }
    },

    async delete(key) {
      validateKey(key);
      // S3 answers 204 for missing keys too, which matches the interface.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async deletePrefix(prefix) {
      validatePrefix(prefix, false);
      let deleted = 0;
      let token: string | undefined;
      do {
        // Continuation tokens point after the last listed key, so deleting
        // the listed page does not make the next page skip anything.
        const { keys, next } = await listPage(prefix, token);
        if (keys.length > 0) {
          const result = await client.send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
            }),
          );
          const errors = result.Errors ?? [];
          if (errors.length > 0) {
            const first = errors[0];
            throw new Error(
              `could not delete ${errors.length} of ${keys.length} objects under ${prefix}: ` +
                `${first?.Key ?? '?'}: ${first?.Code ?? '?'} ${first?.Message ?? ''}`.trim(),
            );
          }
          deleted += keys.length;
        }
        token = next;
      } while (token);
      return deleted;
    },

    async list(prefix) {
      validatePrefix(prefix, true);
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await listPage(prefix, token);
        keys.push(...page.keys);
        token = page.next;
      } while (token);
      return keys.sort();
    },

    destroy() {
      client.destroy();
    },
  };
}

/**
 * Checks that the server served the range that was asked for. s3rver treats
 * `bytes=0-0` as open-ended and answers an empty object's range with 206, so
 * both cases are corrected here to keep the stores interchangeable.
 */
function checkRange(body: Readable, range: ByteRange, contentRange: string | undefined, key: string): Readable {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange ?? '');
  if (!match || Number(match[1]) !== range.start) {
    body.destroy();
    throw new Error(
      `object store answered range ${range.start}-${range.end} of ${key} with ${contentRange ?? 'the whole object'}`,
    );
  }
  const total = Number(match[3]);
  if (range.start >= total) {
    body.destroy();
    throw new BlobRangeError(`range starts at ${range.start}, past the end of a ${total}-byte blob`);
  }
  const wanted = Math.min(range.end, total - 1) - range.start + 1;
  const served = Number(match[2]) - range.start + 1;
  return served > wanted ? takeBytes(body, wanted) : body;
}

function takeBytes(source: Readable, length: number): Readable {
  return Readable.from(
    (async function* () {
      let remaining = length;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        const part = chunk.subarray(0, remaining);
        remaining -= part.length;
        if (part.length > 0) yield part;
        if (remaining === 0) break; // ends the source stream too
      }
    })(),
  );
}

function isInvalidRange(error: unknown): boolean {
  return (
    error instanceof S3ServiceException && (error.name === 'InvalidRange' || error.$metadata.httpStatusCode === 416)
  );
}

/** Maps "no such key" to BlobNotFoundError; a missing bucket stays a configuration error. */
function notFoundOr(error: unknown, key: string): unknown {
  if (
    error instanceof S3ServiceException &&
    error.name !== 'NoSuchBucket' &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  ) {
    return new BlobNotFoundError(key);
  }
  return error;
}
