import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AuditLog } from '../../audit/audit-log.js';
import { openDerived, sealDerived } from '../../crypto/derived-data.js';
import { unwrapKey } from '../../crypto/envelope.js';
import type { NoShareRepository } from '../../db/repositories/no-share.repository.js';
import type { RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { StretchCutRepository } from '../../db/repositories/stretch-cut.repository.js';
import type { JobContext } from '../../jobs/index.js';
import type { WorkFolders } from '../../jobs/work-folders.js';
import { HLS_SEGMENT_NAME, PLAYLIST_NAME, removeSpanEncryptedHls, type MediaTools } from '../../media/index.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { blobNames, recordingPrefix, spanPrefix } from './blob-keys.js';
import { decryptedSegments, readRecordingPlaylist } from './hls-source.js';
import { derivedLabels } from './processing.js';
import type { Clock } from '../../clock.js';

/**
 * Where a time of the recording lands once [from, to) is cut out: before the cut it stays, after
 * it moves back by the cut's length, inside it falls on the seam. The recording keeps one clock,
 * the clock of the media as it is now; a moment wholly inside the cut collapses to a point and goes.
 */
export function timeAfterCut(seconds: number, from: number, to: number): number {
  if (seconds <= from) return seconds;
  if (seconds >= to) return seconds - (to - from);
  return from;
}

/** The waveform without the buckets of the cut span; the buckets keep their width. */
export function peaksAfterCut(data: { durationSeconds: number; peaks: number[] }, from: number, to: number): { durationSeconds: number; peaks: number[] } {
  const step = data.peaks.length > 0 ? data.durationSeconds / data.peaks.length : 0;
  const peaks = step > 0 ? data.peaks.filter((_, index) => (index + 0.5) * step < from || (index + 0.5) * step >= to) : data.peaks;
  return { durationSeconds: Math.max(0, data.durationSeconds - (to - from)), peaks };
}

export interface StretchCutterDependencies {
  recordings: RecordingsRepository;
  stretches: NoShareRepository;
  stretchCuts: StretchCutRepository;
  blobs: BlobStore;
  audit: AuditLog;
  workFolders: WorkFolders;
  settings: { masterKey: Buffer; tools: MediaTools };
  /** After the cut: conversation rhythm is measured again on the new media. */
  onCut?: (recordingId: string) => Promise<void>;
  now: Clock;
}

/**
 * The job that cuts a "niet delen" stretch out of the stored media. The recording is decrypted
 * segment by segment into ffmpeg and re-encoded without the span, under the same media key, into
 * segments with new names. The new playlist is written after all its segments, so a crash before
 * it leaves the old recording whole; then the times in the database move (one transaction) and the
 * old segments are erased.
 */
export class StretchCutter {
  private readonly now: Clock;

  constructor(private readonly deps: StretchCutterDependencies) {
    this.now = deps.now;
  }

  async cut(stretchId: string, context: Pick<JobContext, 'signal'>): Promise<void> {
    const stretch = await this.deps.stretches.findById(stretchId);
    if (!stretch || stretch.cut_requested_at === null) return;
    const recording = await this.deps.recordings.findById(stretch.recording_id);
    if (!recording || recording.status !== 'ready' || !recording.wrapped_key || recording.duration_seconds === null) return;
    const mediaKey = unwrapKey(this.deps.settings.masterKey, recording.wrapped_key);
    const duration = Number(recording.duration_seconds);
    const from = Math.max(0, Number(stretch.start_seconds));
    const to = Math.min(duration, Number(stretch.end_seconds));
    const prefix = recordingPrefix(recording.id);

    const playlist = await readRecordingPlaylist(this.deps.blobs, recording.id);
    const playlistSeconds = playlist.segments.reduce((sum, segment) => sum + segment.durationSeconds, 0);
    // A crash after the new playlist was written: the media is cut already, only the rest is left to do.
    const alreadyCut = Math.abs(playlistSeconds - (duration - (to - from))) < Math.abs(playlistSeconds - duration);
    const work = await this.deps.workFolders.create(recording.id);
    try {
      let cutSeconds = playlistSeconds;
      if (!alreadyCut) {
        const startNumber = Math.max(0, ...playlist.segments.map((s) => Number(/(\d+)\.ts$/.exec(s.uri)?.[1] ?? 0))) + 1;
        const output = await removeSpanEncryptedHls({
          input: Readable.from(decryptedSegments(this.deps.blobs, recording.id, playlist, playlist.segments, mediaKey, context.signal)),
          fromSeconds: from,
          toSeconds: to,
          totalSeconds: duration,
          audioOnly: recording.kind === 'audio',
          outputDir: path.join(work, 'hls'),
          mediaKey,
          keyUri: 'key',
          keyDir: work,
          startNumber,
          tools: this.deps.settings.tools,
          signal: context.signal,
        });
        if (!(await this.stillSame(recording.id, recording.wrapped_key, stretchId))) return;
        for (const file of output.segmentFiles) {
          context.signal.throwIfAborted();
          await this.deps.blobs.putFile(prefix + path.basename(file), file, 'video/mp2t');
        }
        // The switch: from here on the recording plays without the stretch.
        await this.deps.blobs.putFile(prefix + blobNames.playlist, path.join(work, 'hls', PLAYLIST_NAME), 'application/vnd.apple.mpegurl');
        cutSeconds = output.durationSeconds;
      }

      const peaks = JSON.parse(openDerived(mediaKey, derivedLabels.peaks, await this.deps.blobs.getBuffer(prefix + blobNames.peaks)).toString('utf8')) as { durationSeconds: number; peaks: number[] };
      if (Math.abs(peaks.durationSeconds - duration) < Math.abs(peaks.durationSeconds - (duration - (to - from)))) {
        await this.deps.blobs.put(prefix + blobNames.peaks, sealDerived(mediaKey, derivedLabels.peaks, Buffer.from(JSON.stringify(peaksAfterCut(peaks, from, to)))), 'application/octet-stream');
      }
      // The still is taken early in the recording; if it came from the cut part, it goes.
      const posterAt = Math.min(10, duration / 10);
      const keepPoster = recording.has_poster === 1 && (posterAt < from || posterAt >= to);
      if (recording.has_poster === 1 && !keepPoster) await this.deps.blobs.delete(prefix + blobNames.poster);

      const durationSeconds = Math.round(cutSeconds * 1000) / 1000;
      const result = await this.deps.stretchCuts.applyCut({
        recordingId: recording.id,
        stretchId,
        map: (seconds) => Math.min(durationSeconds, timeAfterCut(seconds, from, to)),
        durationSeconds,
        hasPoster: keepPoster,
        at: this.now().toISOString(),
      });
      // The old segments go: the new playlist names none of them.
      const current = new Set((await readRecordingPlaylist(this.deps.blobs, recording.id)).segments.map((segment) => prefix + segment.uri));
      for (const key of await this.deps.blobs.list(prefix)) {
        if (HLS_SEGMENT_NAME.test(key.slice(prefix.length)) && !current.has(key)) await this.deps.blobs.delete(key);
      }
      for (const cutId of result.shareCutIds) await this.deps.blobs.deletePrefix(spanPrefix(recording.id, cutId));
      await this.deps.audit.record({
        organisationId: recording.organisation_id,
        actorUserId: null,
        action: 'recording.stretch_cut',
        subjectType: 'recording',
        subjectId: recording.id,
        details: { stretchId, seconds: Math.round((to - from) * 1000) / 1000, momentsRemoved: result.momentsRemoved },
      });
      await this.deps.onCut?.(recording.id);
    } catch (error) {
      // Deleted or withdrawn meanwhile (the work folder goes with the recording): nothing to retry.
      if (await this.stillSame(recording.id, recording.wrapped_key, stretchId)) throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** After the last attempt: the stretch stays marked "niet delen", and can be asked to be cut again. */
  async giveUp(stretchId: string): Promise<void> {
    await this.deps.stretches.setCutRequested(stretchId, null);
  }

  private async stillSame(recordingId: string, wrappedKey: string, stretchId: string): Promise<boolean> {
    const [recording, stretch] = await Promise.all([this.deps.recordings.findById(recordingId), this.deps.stretches.findById(stretchId)]);
    return recording?.status === 'ready' && recording.wrapped_key === wrappedKey && stretch?.cut_requested_at !== null && stretch !== undefined;
  }
}
