import { ApiError, apiErrorFrom } from '../../../api/client.js';

/** What tus-js-client tells us about a failed request, reduced to what decides our answer. */
export interface FailedRequest {
  /** 0 when no response arrived (network down, server gone). */
  status: number;
  body: string;
}

function ourError(request: FailedRequest): ApiError | null {
  let data: unknown;
  try {
    data = JSON.parse(request.body);
  } catch {
    return null;
  }
  const error = apiErrorFrom(request.status, data);
  return error.message.startsWith('HTTP ') ? null : error;
}

/**
 * Network trouble and server hiccups are worth another try; a refusal with our own error body
 * (no consent, too large, not logged in) will not change by asking again. 409 and 423 without our
 * body are tus's own "offset moved on" and "locked", which a retry resolves.
 */
export function shouldRetryUpload(request: FailedRequest): boolean {
  if (request.status === 0 || request.status >= 500) return true;
  if (request.status === 409 || request.status === 423) return ourError(request) === null;
  return false;
}

/** The error to show: the server's own (Dutch) message when it sent one. */
export function uploadErrorFrom(request: FailedRequest): ApiError {
  const ours = ourError(request);
  if (ours) return ours;
  if (request.status === 0) return new ApiError(0, 'network', 'De verbinding met Spreekkamer is weggevallen.');
  if (request.status >= 500) return new ApiError(request.status, 'internal', `HTTP ${request.status}`);
  return new ApiError(request.status, 'upload_invalid', `HTTP ${request.status}`);
}

/** Video files go in as video, sound files as sound. Recorders sometimes label audio-only WebM as video/webm. */
export function kindOfFile(file: { type: string }): 'video' | 'audio' | null {
  if (file.type.startsWith('video/')) return 'video';
  if (file.type.startsWith('audio/')) return 'audio';
  return null;
}
