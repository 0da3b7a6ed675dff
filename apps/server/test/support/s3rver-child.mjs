// Runs s3rver for tests in a process of its own. s3rver encrypts list
// continuation tokens with DES, which OpenSSL 3 only offers behind
// --openssl-legacy-provider; that flag should not leak into the test runner.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import S3rver from 's3rver';

const { directory, bucket } = JSON.parse(process.argv[2] ?? '{}');
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});
// s3rver lacks ListParts and AbortMultipartUpload, which resumable uploads (@tus/s3-store) need
// and every real S3-compatible store has. Served here from s3rver's own part files, before its router.
server.middleware.splice(server.middleware.length - 1, 0, async (ctx, next) => {
  const uploadId = ctx.query.uploadId;
  const isList = ctx.method === 'GET' && typeof uploadId === 'string';
  const isAbort = ctx.method === 'DELETE' && typeof uploadId === 'string';
  if (!isList && !isAbort) return next();
  const [, bucketName, ...keyParts] = ctx.path.split('/');
  const key = decodeURIComponent(keyParts.join('/'));
  const uploadDir = path.join(server.store.getResourcePath(bucketName, undefined, 'uploads'), uploadId);
  const xml = (body) => {
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  };
  if (!existsSync(uploadDir)) {
    ctx.status = 404;
    return xml(`<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${uploadId}</UploadId></Error>`);
  }
  if (isAbort) {
    await rm(uploadDir, { recursive: true, force: true });
    ctx.status = 204;
    ctx.body = null;
    return;
  }
  const marker = Number(ctx.query['part-number-marker'] ?? 0);
  const numbers = (await readdir(uploadDir)).filter((name) => /^\d+$/.test(name)).map(Number).filter((n) => n > marker).sort((a, b) => a - b);
  const parts = await Promise.all(
    numbers.map(async (n) => {
      const file = path.join(uploadDir, String(n));
      const [info, md5] = await Promise.all([stat(file), readFile(`${file}.md5`, 'utf8')]);
      return `<Part><PartNumber>${n}</PartNumber><LastModified>${info.mtime.toISOString()}</LastModified><ETag>"${md5}"</ETag><Size>${info.size}</Size></Part>`;
    }),
  );
  xml(
    `<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${bucketName}</Bucket><Key>${key.replace(/[<>&]/g, '')}</Key><UploadId>${uploadId}</UploadId>` +
      `<PartNumberMarker>${marker}</PartNumberMarker><NextPartNumberMarker>${numbers.at(-1) ?? marker}</NextPartNumberMarker><MaxParts>10000</MaxParts><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`,
  );
});
const address = await server.run();
// The parent closing the IPC channel (close() or the parent dying) ends this process.
process.on('disconnect', () => {
  server.close().finally(() => process.exit(0));
});
process.send?.({ port: address.port });
