import { createDecipheriv } from 'node:crypto';
import { parseHlsPlaylist, type HlsPlaylist, type HlsSegment } from '../../media/index.js';
import { BlobNotFoundError, type BlobStore } from '../../storage/blob-store.js';
import { AppError } from '../errors.js';
import { blobNames, recordingPrefix } from './blob-keys.js';

/** The recording's own playlist from the blob store (not_found when it is gone). */
export async function readRecordingPlaylist(blobs: Pick<BlobStore, 'getBuffer'>, recordingId: string): Promise<HlsPlaylist> {
  try {
    return parseHlsPlaylist((await blobs.getBuffer(recordingPrefix(recordingId) + blobNames.playlist)).toString('utf8'));
  } catch (error) {
    if (error instanceof BlobNotFoundError) throw new AppError('not_found');
    throw error;
  }
}

/**
 * The plaintext MPEG-TS of the given segments, in order, one segment at a time: the one way a
 * job reads a recording back (rhythm analysis, exact span cuts). Nothing is written anywhere; the
 * caller decides where the bytes go (a 0600 file in a job folder, or ffmpeg's stdin).
 */
export async function* decryptedSegments(
  blobs: Pick<BlobStore, 'getBuffer'>,
  recordingId: string,
  playlist: HlsPlaylist,
  segments: readonly HlsSegment[],
  mediaKey: Buffer,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  const prefix = recordingPrefix(recordingId);
  for (const segment of segments) {
    signal?.throwIfAborted();
    const data = await blobs.getBuffer(prefix + segment.uri);
    if (!playlist.key || playlist.key.method !== 'AES-128') {
      yield data;
      continue;
    }
    const iv = playlist.key.iv ? Buffer.from(playlist.key.iv.replace(/^0x/i, ''), 'hex') : sequenceIv(segment.sequence);
    const decipher = createDecipheriv('aes-128-cbc', mediaKey, iv);
    yield Buffer.concat([decipher.update(data), decipher.final()]);
  }
}

/** HLS: without an explicit IV, the media sequence number is the IV. */
function sequenceIv(sequence: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(sequence >>> 0, 12);
  return iv;
}
