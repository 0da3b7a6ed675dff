import type { RecordingKind } from '@spreekkamer/shared';

/**
 * Containers and codecs to try, best first. H.264 in WebM first: the server can then keep the
 * picture as it is instead of re-encoding it. VP8 is cheaper to encode than VP9 on a slow laptop.
 * MP4 last, for Safari, which records nothing else.
 */
const candidates: Record<RecordingKind, readonly string[]> = {
  video: [
    'video/webm;codecs=h264,opus',
    'video/webm;codecs=vp8,opus',
    'video/webm;codecs=vp9,opus',
    'video/webm',
    'video/mp4;codecs=avc1,mp4a.40.2',
    'video/mp4',
  ],
  audio: ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4;codecs=mp4a.40.2', 'audio/mp4', 'audio/ogg;codecs=opus'],
};

/** The first type this browser can record, or null when it records none of them. */
export function pickMimeType(kind: RecordingKind, isTypeSupported: (type: string) => boolean): string | null {
  return candidates[kind].find((type) => isTypeSupported(type)) ?? null;
}

/** File extension for a recorded type, so the server and the fingerprint see a sensible name. */
export function extensionFor(mimeType: string): string {
  const base = mimeType.split(';')[0] ?? '';
  if (base.endsWith('/mp4')) return base.startsWith('audio/') ? 'm4a' : 'mp4';
  if (base.endsWith('/ogg')) return 'ogg';
  return 'webm';
}

/** The recorded type without codec parameters, as a File's `type`. */
export function baseType(mimeType: string): string {
  return mimeType.split(';')[0]?.trim() ?? mimeType;
}

/** "opname-2026-03-03-14-05-09.webm": sortable and without characters file systems dislike. */
export function recordingFileName(startedAt: number, mimeType: string): string {
  const stamp = new Date(startedAt).toISOString().slice(0, 19).replace(/[T:]/g, '-');
  return `opname-${stamp}.${extensionFor(mimeType)}`;
}
