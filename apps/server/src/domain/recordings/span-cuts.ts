import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { deriveCutKey } from '../../crypto/derived-data.js';
import { unwrapKey } from '../../crypto/envelope.js';
import type { RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { ShareCutRow, ShareCutsRepository } from '../../db/repositories/share-cuts.repository.js';
import type { JobContext } from '../../jobs/index.js';
import type { WorkFolders } from '../../jobs/work-folders.js';
import { cutEncryptedHls, PLAYLIST_NAME, selectHlsSegments, type MediaTools } from '../../media/index.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { blobNames, spanPrefix } from './blob-keys.js';
import { decryptedSegments, readRecordingPlaylist } from './hls-source.js';

export interface SpanCutterDependencies {
  recordings: RecordingsRepository;
  cuts: ShareCutsRepository;
  blobs: BlobStore;
  audit: AuditLog;
  workFolders: WorkFolders;
  settings: { masterKey: Buffer; tools: MediaTools };
  now: Clock;
}

/** The cut's key, or null when its recording's key is gone. */
export function cutKeyOf(masterKey: Buffer, wrappedRecordingKey: string | null, cut: Pick<ShareCutRow, 'id' | 'salt'>): Buffer | null {
  if (!wrappedRecordingKey) return null;
  return deriveCutKey(unwrapKey(masterKey, wrappedRecordingKey), Buffer.from(cut.salt, 'base64url'), cut.id);
}

/**
 * The span-cut job: decrypts only the recording's segments around the span, in memory, straight
 * into ffmpeg, which re-encodes exactly [start, end) into a new HLS under the cut's own key. The
 * files go to `recordings/<id>/spans/<cutId>/`, the playlist last; the row turns "ready" only if
 * it still exists (a share revoked meanwhile takes its files with it).
 */
export class SpanCutter {
  private readonly now: Clock;

  constructor(private readonly deps: SpanCutterDependencies) {
    this.now = deps.now;
  }

  async cut(cutId: string, context: Pick<JobContext, 'signal'>): Promise<void> {
    const cut = await this.deps.cuts.findById(cutId);
    if (!cut || cut.status !== 'pending') return;
    const recording = await this.deps.recordings.findById(cut.recording_id);
    if (!recording || recording.status !== 'ready' || !recording.wrapped_key) return;
    const mediaKey = unwrapKey(this.deps.settings.masterKey, recording.wrapped_key);
    const cutKey = cutKeyOf(this.deps.settings.masterKey, recording.wrapped_key, cut);
    if (!cutKey) return;

    const playlist = await readRecordingPlaylist(this.deps.blobs, recording.id);
    const segments = selectHlsSegments(playlist, cut.start_seconds, cut.end_seconds);
    const first = segments[0];
    if (!first) {
      await this.fail(cut);
      return;
    }
    // Named after the recording, so a withdrawal removes this folder at once, running or not.
    const work = await this.deps.workFolders.create(recording.id);
    const prefix = spanPrefix(recording.id, cut.id);
    try {
      const output = await cutEncryptedHls({
        input: Readable.from(decryptedSegments(this.deps.blobs, recording.id, playlist, segments, mediaKey, context.signal)),
        offsetSeconds: Math.max(0, cut.start_seconds - first.startSeconds),
        durationSeconds: cut.end_seconds - cut.start_seconds,
        audioOnly: recording.kind === 'audio',
        outputDir: path.join(work, 'hls'),
        mediaKey: cutKey,
        keyUri: 'key',
        keyDir: work,
        tools: this.deps.settings.tools,
        signal: context.signal,
      });
      await this.deps.blobs.deletePrefix(prefix);
      for (const file of output.segmentFiles) {
        context.signal.throwIfAborted();
        await this.deps.blobs.putFile(prefix + path.basename(file), file, 'video/mp2t');
      }
      await this.deps.blobs.putFile(prefix + blobNames.playlist, path.join(work, 'hls', PLAYLIST_NAME), 'application/vnd.apple.mpegurl');
      if (!(await this.deps.cuts.finish(cut.id, 'ready', this.now().toISOString()))) {
        await this.deps.blobs.deletePrefix(prefix);
        return;
      }
      await this.deps.audit.record({
        organisationId: recording.organisation_id,
        actorUserId: null,
        action: 'review.span_cut',
        subjectType: 'recording',
        subjectId: recording.id,
        details: { cutId: cut.id, shareId: cut.share_id, segments: output.segmentFiles.length },
      });
    } catch (error) {
      // Revoked, deleted or withdrawn meanwhile (the work folder goes with the recording): nothing to retry.
      const [still, stillRecording] = await Promise.all([this.deps.cuts.findById(cut.id), this.deps.recordings.findById(recording.id)]);
      if (still?.status === 'pending' && stillRecording?.status === 'ready' && stillRecording.wrapped_key === recording.wrapped_key) throw error;
      await this.deps.blobs.deletePrefix(prefix);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** After the last attempt: the reviewer is told it did not work, and nothing half-written stays. */
  async giveUp(cutId: string): Promise<void> {
    const cut = await this.deps.cuts.findById(cutId);
    if (cut) await this.fail(cut);
  }

  /** The files of cuts whose rows (and so keys) are already gone. */
  async erase(recordingId: string, cutIds: readonly string[]): Promise<void> {
    for (const cutId of cutIds) await this.deps.blobs.deletePrefix(spanPrefix(recordingId, cutId));
  }

  private async fail(cut: ShareCutRow): Promise<void> {
    await this.deps.blobs.deletePrefix(spanPrefix(cut.recording_id, cut.id));
    await this.deps.cuts.finish(cut.id, 'failed', this.now().toISOString());
  }
}
