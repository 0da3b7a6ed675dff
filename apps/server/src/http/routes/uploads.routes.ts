import type { IncomingMessage } from 'node:http';
import { apiErrors, apiVersion, type ApiErrorCode } from '@spreekkamer/shared';
import { EVENTS, Metadata, Server, type Upload } from '@tus/server';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { HttpContext } from '../context.js';
import { languageOf, problemContentType, problemOf } from '../errors.js';

interface TusError {
  status_code: number;
  body: string;
}

function errorBody(code: ApiErrorCode, acceptLanguage: string | null | undefined): string {
  return JSON.stringify(problemOf(code, languageOf({ acceptLanguage })));
}

/** tus answers hook errors with the thrown object's status and body: give it our error shape. */
function asTusError(error: unknown, acceptLanguage: string | null): unknown {
  if (error instanceof AppError) return { status_code: apiErrors[error.code].status, body: errorBody(error.code, acceptLanguage) } satisfies TusError;
  return error;
}

function tusCodeFor(status: number): ApiErrorCode {
  if (status === 413) return 'recording_too_large';
  if (status === 404 || status === 410) return 'not_found';
  if (status >= 500) return 'internal';
  return 'upload_invalid';
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Resumable uploads (tus 1.0: creation, creation-with-upload, termination) under /api/uploads.
 * Fastify checks the session (and CSRF on POST/PATCH/DELETE) and asks the recordings service
 * whether this person may create or touch this upload; then @tus/server gets the raw request.
 * Upload state lives in the store, so any process can resume any upload after a restart.
 */
export function uploadRoutes(ctx: HttpContext): FastifyPluginAsync {
  const { recordings, recordingUploads } = ctx.services;
  // Set to the app's logger when the plugin registers; tus errors of our own (5xx) end up there.
  let log: Pick<FastifyBaseLogger, 'error'> = { error: () => undefined };
  const tus = new Server({
    path: '/api/uploads',
    datastore: ctx.uploads.store.datastore,
    locker: ctx.uploads.locker,
    maxSize: ctx.uploads.maxBytes,
    relativeLocation: true,
    disableTerminationForFinishedUploads: true,
    // Our own pre-check validated the metadata; the id carries the recording it belongs to.
    namingFunction: (_req, metadata) => recordingUploads.newUploadId(metadata?.recordingId ?? ''),
    onUploadCreate: async (req, upload) => {
      try {
        await recordingUploads.bindUpload(upload.id, upload.size ?? 0);
      } catch (error) {
        throw asTusError(error, req.headers.get('accept-language'));
      }
      return {};
    },
    onUploadFinish: async (req, upload) => {
      try {
        await recordingUploads.uploadFinished(upload.id);
      } catch (error) {
        throw asTusError(error, req.headers.get('accept-language'));
      }
      return {};
    },
    onResponseError: async (req, error) => {
      const known = error as Partial<TusError>;
      if (typeof known.body === 'string' && known.body.startsWith('{"status"')) return { status_code: known.status_code ?? 400, body: known.body };
      const status = typeof known.status_code === 'number' ? known.status_code : 500;
      if (status >= 500) log.error({ err: { type: (error as Error).name, message: (error as Error).message } }, 'upload store error');
      return { status_code: status, body: errorBody(tusCodeFor(status), req.headers.get('accept-language')) };
    },
  });
  tus.on(EVENTS.POST_RECEIVE, (_req: unknown, upload: Upload) => {
    void recordingUploads.uploadProgressed(upload.id, upload.offset, upload.size).catch(() => undefined);
  });
  tus.on(EVENTS.POST_TERMINATE, (_req: unknown, _res: unknown, id: string) => {
    void recordingUploads.uploadTerminated(id).catch(() => undefined);
  });

  async function gate(request: FastifyRequest<{ Params: { id?: string } }>): Promise<void> {
    if (request.method === 'OPTIONS') return;
    const { actor } = await ctx.requireSession(request);
    if (request.method !== 'POST') {
      await recordings.authorizeUploadAccess(actor, request.params.id ?? '');
      return;
    }
    let metadata: Record<string, string | null>;
    try {
      metadata = Metadata.parse(headerOf(request, 'upload-metadata')) ?? {};
    } catch {
      throw new AppError('upload_invalid');
    }
    const recordingId = metadata.recordingId;
    const lengthText = headerOf(request, 'upload-length');
    // A deferred length would let a file grow past the limit unannounced.
    if (!recordingId || !lengthText || !/^\d{1,15}$/.test(lengthText) || headerOf(request, 'upload-concat')) throw new AppError('upload_invalid');
    if (!/^[0-9a-f-]{36}$/.test(recordingId)) throw new AppError('not_found');
    await recordings.authorizeUploadCreate(actor, recordingId, Number(lengthText));
  }

  async function handle(request: FastifyRequest<{ Params: { id?: string } }>, reply: FastifyReply): Promise<void> {
    await gate(request);
    reply.hijack();
    // tus writes the answer itself, past Fastify's onSend hooks.
    reply.raw.setHeader('API-Version', apiVersion);
    reply.raw.setHeader('Cache-Control', 'no-store');
    const raw: IncomingMessage = request.raw;
    try {
      await tus.handle(raw, reply.raw);
    } catch (error) {
      request.log.error({ err: { type: (error as Error).name, message: (error as Error).message } }, 'upload handler failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'Content-Type': problemContentType, 'API-Version': apiVersion });
        reply.raw.end(errorBody('internal', headerOf(request, 'accept-language')));
      }
    }
  }

  return async (app) => {
    log = app.log;
    // The body is the file: tus reads it from the raw request, Fastify must leave it alone.
    app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    app.route({ method: ['POST', 'OPTIONS'], url: '/uploads', handler: handle });
    app.route({ method: ['HEAD', 'PATCH', 'DELETE', 'OPTIONS'], url: '/uploads/:id', handler: handle });
  };
}
