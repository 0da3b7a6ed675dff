/** Everything of a recording in the blob store lives under this prefix. */
export function recordingPrefix(recordingId: string): string {
  return `recordings/${recordingId}/`;
}

/** An exact cut of a shared span: its own playlist and segments, inside the recording's prefix (so erasure takes it along). */
export function spanPrefix(recordingId: string, cutId: string): string {
  return `${recordingPrefix(recordingId)}spans/${cutId}/`;
}

export const blobNames = {
  playlist: 'index.m3u8',
  peaks: 'peaks.sealed',
  poster: 'poster.sealed',
} as const;

/** tus upload ids carry their recording: `<recording uuid>-<16 hex>`, a fresh one per upload attempt. */
const UPLOAD_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-[0-9a-f]{16}$/;

export function recordingIdOfUpload(uploadId: string): string | null {
  return UPLOAD_ID.exec(uploadId)?.[1] ?? null;
}
