import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { defaultOptions, Upload, type DetailedError, type PreviousUpload } from 'tus-js-client';
import { contract, type RecordingKind, type SessionResponse, uploadsPath } from '@spreekkamer/shared';
import { ApiError, call } from '../../../api/client.js';
import { sessionKey } from '../../auth/session.js';
import { createRecording, recordingKeys } from '../api.js';
import { shouldRetryUpload, uploadErrorFrom, type FailedRequest } from './upload-errors.js';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'starting'; fileName: string }
  | { phase: 'uploading' | 'paused'; fileName: string; recordingId: string; sent: number; total: number; resumed: boolean; reconnecting: boolean }
  | { phase: 'error'; fileName: string; recordingId: string | null; sent: number; total: number; error: unknown }
  | { phase: 'done'; fileName: string; recordingId: string };

/** Waits between attempts after a network drop: quick at first, then up to half a minute. */
const retryDelays = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];

/**
 * The same file for the same conversation is the same upload, also after the tab was closed:
 * tus-js-client keeps the upload URL in localStorage under this fingerprint, so choosing the file
 * again (or rebuilding a recording from the browser's storage) continues where it stopped.
 */
export function uploadFingerprint(conversationId: string, file: File): string {
  return ['spreekkamer', conversationId, file.name, file.type, file.size, file.lastModified].join('|');
}

function failedRequest(error: Error | DetailedError): FailedRequest {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  return { status: response?.getStatus() ?? 0, body: response?.getBody() ?? '' };
}

function absolute(url: string): string {
  return new URL(url, window.location.href).href;
}

/** The newest stored upload of this file whose recording still waits for bytes, if any. */
async function resumableUpload(upload: Upload): Promise<{ previous: PreviousUpload; recordingId: string; offset: number } | null> {
  const previous = (await upload.findPreviousUploads().catch(() => [])).sort(
    (a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime),
  );
  for (const candidate of previous) {
    const recordingId = candidate.metadata.recordingId;
    const recording = recordingId
      ? await call(contract.recordings.get, { params: { id: recordingId } }).catch(() => null)
      : null;
    if (recordingId && recording?.status === 'uploading') return { previous: candidate, recordingId, offset: recording.upload?.offset ?? 0 };
    // Finished, failed or deleted since: this stored URL is of no use any more.
    await defaultOptions.urlStorage.removeUpload(candidate.urlStorageKey).catch(() => undefined);
  }
  return null;
}

/**
 * Uploads one file for one conversation with tus: creates the recording (POST /recordings) or
 * continues an earlier upload of the same file, reports progress, pauses, resumes and retries.
 */
export function useRecordingUpload(conversationId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const uploadRef = useRef<Upload | null>(null);

  // Leaving the page stops sending; the stored URL lets the next visit continue.
  useEffect(
    () => () => {
      void uploadRef.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async (file: File, kind: RecordingKind) => {
      void uploadRef.current?.abort();
      uploadRef.current = null;
      setState({ phase: 'starting', fileName: file.name });
      let recordingId: string | null = null;
      // What the server already has: the bar starts there, not at zero, when an upload continues.
      let alreadySent = 0;

      const upload = new Upload(file, {
        endpoint: absolute(`/api${uploadsPath}`),
        fingerprint: () => Promise.resolve(uploadFingerprint(conversationId, file)),
        retryDelays,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onBeforeRequest: (request) => {
          // Read per request: the token lives with the session, which may have been refreshed.
          const session = queryClient.getQueryData<SessionResponse | null>(sessionKey);
          if (session) request.setHeader('x-csrf-token', session.csrfToken);
        },
        onProgress: (sent, total) => {
          setState((previous) =>
            previous.phase === 'uploading' || previous.phase === 'paused'
              ? { ...previous, sent, total, reconnecting: false }
              : previous,
          );
        },
        onShouldRetry: (error) => {
          const retry = shouldRetryUpload(failedRequest(error));
          if (retry) setState((previous) => (previous.phase === 'uploading' ? { ...previous, reconnecting: true } : previous));
          return retry;
        },
        onError: (error) => {
          setState((previous) => ({
            phase: 'error',
            fileName: file.name,
            recordingId,
            sent: 'sent' in previous ? previous.sent : 0,
            total: 'total' in previous ? previous.total : file.size,
            error: uploadErrorFrom(failedRequest(error)),
          }));
        },
        onSuccess: () => {
          if (!recordingId) return;
          setState({ phase: 'done', fileName: file.name, recordingId });
          void queryClient.invalidateQueries({ queryKey: recordingKeys.all });
        },
      });
      uploadRef.current = upload;

      try {
        const earlier = await resumableUpload(upload);
        if (earlier) {
          recordingId = earlier.recordingId;
          alreadySent = earlier.offset;
          upload.options.metadata = earlier.previous.metadata;
          upload.resumeFromPreviousUpload(earlier.previous);
        } else {
          const creation = await createRecording({ conversationId, kind, sizeBytes: file.size });
          recordingId = creation.recording.id;
          upload.options.endpoint = absolute(creation.upload.endpoint);
          upload.options.chunkSize = creation.upload.chunkSizeBytes;
          upload.options.metadata = { ...creation.upload.metadata, filename: file.name, filetype: file.type };
        }
      } catch (error) {
        setState({ phase: 'error', fileName: file.name, recordingId, sent: 0, total: file.size, error });
        return;
      }
      // Another file may have been chosen while we were asking the server.
      if (uploadRef.current !== upload) return;
      setState({
        phase: 'uploading',
        fileName: file.name,
        recordingId,
        sent: alreadySent,
        total: file.size,
        resumed: upload.url !== null,
        reconnecting: false,
      });
      void queryClient.invalidateQueries({ queryKey: recordingKeys.all });
      upload.start();
    },
    [conversationId, queryClient],
  );

  const pause = useCallback(() => {
    void uploadRef.current?.abort();
    setState((previous) => (previous.phase === 'uploading' ? { ...previous, phase: 'paused', reconnecting: false } : previous));
  }, []);

  const resume = useCallback(() => {
    const upload = uploadRef.current;
    if (!upload) return;
    setState((previous) => {
      if (previous.phase === 'paused') return { ...previous, phase: 'uploading' };
      if (previous.phase === 'error' && previous.recordingId) {
        return {
          phase: 'uploading',
          fileName: previous.fileName,
          recordingId: previous.recordingId,
          sent: previous.sent,
          total: previous.total,
          resumed: true,
          reconnecting: false,
        };
      }
      return previous;
    });
    upload.start();
  }, []);

  const reset = useCallback(() => {
    void uploadRef.current?.abort();
    uploadRef.current = null;
    setState({ phase: 'idle' });
  }, []);

  // Back online after the retries ran out: carry on without making anyone press a button.
  useEffect(() => {
    if (state.phase !== 'error' || !state.recordingId) return;
    const error = state.error;
    if (!(error instanceof ApiError) || error.status !== 0) return;
    window.addEventListener('online', resume);
    return () => window.removeEventListener('online', resume);
  }, [state, resume]);

  return { state, start, pause, resume, reset };
}
