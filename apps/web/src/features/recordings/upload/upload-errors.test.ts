import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.js';
import { kindOfFile, shouldRetryUpload, uploadErrorFrom } from './upload-errors.js';

const ours = (code: string, message: string, status = 409) => JSON.stringify({ status, title: message, detail: message, code });

describe('upload errors', () => {
  it('retries network drops, server errors and tus offset conflicts', () => {
    expect(shouldRetryUpload({ status: 0, body: '' })).toBe(true);
    expect(shouldRetryUpload({ status: 502, body: '<html>Bad gateway</html>' })).toBe(true);
    expect(shouldRetryUpload({ status: 409, body: 'Upload-Offset conflict' })).toBe(true);
    expect(shouldRetryUpload({ status: 423, body: '' })).toBe(true);
  });

  it('does not retry refusals: 4xx, and 409 with our own error body', () => {
    expect(shouldRetryUpload({ status: 403, body: ours('recording_consent_audio_only', 'Alleen geluid.') })).toBe(false);
    expect(shouldRetryUpload({ status: 409, body: ours('recording_consent_missing', 'Geen toestemming.') })).toBe(false);
    expect(shouldRetryUpload({ status: 413, body: ours('recording_too_large', 'Te groot.') })).toBe(false);
    expect(shouldRetryUpload({ status: 404, body: 'Not found' })).toBe(false);
  });

  it("passes the server's Dutch message and code on", () => {
    const error = uploadErrorFrom({ status: 409, body: ours('recording_consent_missing', 'Er is geen geldige toestemming.') });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('recording_consent_missing');
    expect(error.message).toBe('Er is geen geldige toestemming.');
    expect(error.status).toBe(409);
  });

  it('names a dropped connection and unreadable answers in general terms', () => {
    expect(uploadErrorFrom({ status: 0, body: '' }).code).toBe('network');
    expect(uploadErrorFrom({ status: 500, body: 'oops' }).code).toBe('internal');
    expect(uploadErrorFrom({ status: 400, body: '{"not":"ours"}' }).code).toBe('upload_invalid');
  });

  it('tells video from sound by the file type', () => {
    expect(kindOfFile({ type: 'video/mp4' })).toBe('video');
    expect(kindOfFile({ type: 'audio/x-m4a' })).toBe('audio');
    expect(kindOfFile({ type: 'text/plain' })).toBeNull();
    expect(kindOfFile({ type: '' })).toBeNull();
  });
});
