import type { RecordingRow } from '../../db/repositories/recordings.repository.js';
import { parseHlsPlaylist, type HlsPlaylist } from '../../media/index.js';
import { BlobNotFoundError, type BlobStore } from '../../storage/blob-store.js';
import { AppError } from '../errors.js';
import { blobNames, recordingPrefix } from './blob-keys.js';

/**
 * Parsed playlists, a few per process. A ready recording's playlist changes only when a stretch is cut
 * out of it, which also moves the recording's updated_at: that is the cache's version.
 */
const PLAYLIST_CACHE_SIZE = 200;

/** The recording's own parsed playlist, read from the blob store once per version. No access check: the caller did it. */
export class RecordingPlaylists {
  private readonly playlists = new Map<string, { version: string; playlist: HlsPlaylist }>();

  constructor(private readonly blobs: Pick<BlobStore, 'getBuffer'>) {}

  async load(recording: Pick<RecordingRow, 'id' | 'updated_at'>): Promise<HlsPlaylist> {
    const recordingId = recording.id;
    const cached = this.playlists.get(recordingId);
    if (cached?.version === recording.updated_at) return cached.playlist;
    this.playlists.delete(recordingId);
    let text: string;
    try {
      text = (await this.blobs.getBuffer(recordingPrefix(recordingId) + blobNames.playlist)).toString('utf8');
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new AppError('not_found');
      throw error;
    }
    const playlist = parseHlsPlaylist(text);
    if (this.playlists.size >= PLAYLIST_CACHE_SIZE) {
      const oldest = this.playlists.keys().next().value;
      if (oldest !== undefined) this.playlists.delete(oldest);
    }
    this.playlists.set(recordingId, { version: recording.updated_at, playlist });
    return playlist;
  }
}
