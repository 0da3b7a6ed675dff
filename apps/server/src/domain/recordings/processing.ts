import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { RecordingFailureCode } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { sealDerived } from '../../crypto/derived-data.js';
import { generateMediaKey, wrapKey } from '../../crypto/envelope.js';
import type { RecordingRow, RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { JobContext } from '../../jobs/index.js';
import type { WorkFolders } from '../../jobs/work-folders.js';
import { computePeaks, extractPoster, MediaRejectedError, packageEncryptedHls, PLAYLIST_NAME, type MediaLimits, type MediaTools } from '../../media/index.js';
import { probeMedia } from '../../media/index.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { UploadStore } from '../../storage/uploads.js';
import { isConsentInForce, retentionEndsAt, type ConsentPolicy } from '../consent/consent-policy.js';
import { blobNames, recordingPrefix } from './blob-keys.js';
import type { RecordingEraser } from './erasure.js';

export const derivedLabels = { peaks: 'peaks', poster: 'poster' } as const;

export interface ProcessingDependencies {
  recordings: RecordingsRepository;
  consentPolicy: ConsentPolicy;
  blobs: BlobStore;
  uploads: UploadStore;
  eraser: RecordingEraser;
  audit: AuditLog;
  settings: { masterKey: Buffer; limits: MediaLimits; tools: MediaTools };
  /** Private per-job folders under the data directory, swept after a crash. */
  workFolders: WorkFolders;
  /** Work that follows a ready recording (conversation rhythm); queued before the original goes. */
  onReady?: (recordingId: string) => Promise<void>;
  now: Clock;
}

/** Parallel uploads of segments to the blob store (S3 latency dominates otherwise). */
const PUT_CONCURRENCY = 4;

/**
 * The processing job. Every step can run again after a crash: the output prefix is cleared
 * before writing, the key is stored only together with status "ready", and the original upload
 * is deleted only after that. A recording deleted meanwhile (withdrawal) is never revived.
 */
export class RecordingProcessor {
  private readonly now: Clock;

  constructor(private readonly deps: ProcessingDependencies) {
    this.now = deps.now;
  }

  async process(recordingId: string, context: Pick<JobContext, 'signal'>): Promise<void> {
    const { recordings } = this.deps;
    const row = await recordings.findById(recordingId);
    if (!row || row.status === 'deleted' || row.status === 'failed' || row.status === 'uploading') return;
    if (row.status === 'ready') {
      // A crash after the recording became ready but before the original was deleted.
      if (row.upload_id) await this.removeOriginal(row);
      return;
    }
    if (!row.upload_id) {
      await this.fail(row, 'processing_failed');
      return;
    }

    const consent = await this.deps.consentPolicy.findActiveConsent(row.conversation_id);
    if (!isConsentInForce(consent) || consent.id !== row.consent_id) {
      await this.deps.eraser.destroy(row, 'withdrawn', null);
      return;
    }

    const work = await this.deps.workFolders.create(row.id);
    const progress = this.progressReporter(row.id);
    try {
      let input = this.deps.uploads.localPath(row.upload_id);
      if (!input) {
        input = path.join(work, 'original');
        await pipeline(await this.deps.uploads.read(row.upload_id), createWriteStream(input, { mode: 0o600 }), { signal: context.signal });
      }
      await progress(0.05);

      let info;
      try {
        info = await probeMedia(input, this.deps.settings.limits, this.deps.settings.tools);
      } catch (error) {
        if (error instanceof MediaRejectedError) {
          await this.fail(row, error.code);
          return;
        }
        throw error;
      }
      await progress(0.1);

      // Audio only when the client chose it, when audio was announced, or when there is no picture.
      const audioOnly = consent.media === 'audio' || row.kind === 'audio' || !info.hasVideo;
      const mediaKey = generateMediaKey();
      const hlsDir = path.join(work, 'hls');
      const packaged = await packageEncryptedHls({
        input,
        outputDir: hlsDir,
        mediaKey,
        keyUri: 'key',
        keyDir: work,
        audioOnly,
        info,
        tools: this.deps.settings.tools,
        signal: context.signal,
        onProgress: (fraction) => void progress(0.1 + fraction * 0.7),
      });
      await this.assertStillProcessing(row.id);

      const prefix = recordingPrefix(row.id);
      await this.deps.blobs.deletePrefix(prefix);
      const files = [...packaged.segmentFiles];
      let done = 0;
      const workers = Array.from({ length: PUT_CONCURRENCY }, async () => {
        for (let file = files.shift(); file !== undefined; file = files.shift()) {
          context.signal.throwIfAborted();
          await this.deps.blobs.putFile(prefix + path.basename(file), file, 'video/mp2t');
          done += 1;
          await progress(0.8 + (done / packaged.segmentFiles.length) * 0.1);
        }
      });
      await Promise.all(workers);
      // The playlist goes last: its presence means all segments are there.
      await this.deps.blobs.putFile(prefix + blobNames.playlist, path.join(hlsDir, PLAYLIST_NAME), 'application/vnd.apple.mpegurl');

      const buckets = Math.min(20_000, Math.max(100, Math.ceil(packaged.durationSeconds * 10)));
      const peaks = await computePeaks(input, buckets, { tools: this.deps.settings.tools, signal: context.signal });
      await this.deps.blobs.put(
        prefix + blobNames.peaks,
        sealDerived(mediaKey, derivedLabels.peaks, Buffer.from(JSON.stringify({ durationSeconds: packaged.durationSeconds, peaks }))),
        'application/octet-stream',
      );
      let hasPoster = false;
      if (!audioOnly) {
        const posterFile = path.join(work, 'poster.jpg');
        await extractPoster(input, posterFile, Math.min(10, packaged.durationSeconds / 10), { tools: this.deps.settings.tools });
        await this.deps.blobs.put(prefix + blobNames.poster, sealDerived(mediaKey, derivedLabels.poster, await readFile(posterFile)), 'application/octet-stream');
        hasPoster = true;
      }

      const consentNow = await this.deps.consentPolicy.findActiveConsent(row.conversation_id);
      const readyAt = this.now();
      const ready =
        isConsentInForce(consentNow) &&
        consentNow.id === row.consent_id &&
        (await this.deps.recordings.updateIf(row.id, ['processing'], {
          status: 'ready',
          progress: 1,
          kind: audioOnly ? 'audio' : 'video',
          wrapped_key: wrapKey(this.deps.settings.masterKey, mediaKey),
          duration_seconds: Math.round(packaged.durationSeconds * 1000) / 1000,
          has_poster: hasPoster ? 1 : 0,
          failure_code: null,
          failure_message: null,
          ready_at: readyAt.toISOString(),
          retention_ends_at: retentionEndsAt(consentNow, readyAt).toISOString(),
          updated_at: readyAt.toISOString(),
        }));
      if (!ready) {
        // Withdrawn or deleted while we worked: what we wrote must not outlive it.
        await this.deps.blobs.deletePrefix(prefix);
        const current = await this.deps.recordings.findById(row.id);
        if (current && current.status !== 'deleted') await this.deps.eraser.destroy(current, 'withdrawn', null);
        await this.deps.uploads.remove(row.upload_id);
        return;
      }
      await this.deps.audit.record({
        organisationId: row.organisation_id,
        actorUserId: null,
        action: 'recording.processed',
        subjectType: 'recording',
        subjectId: row.id,
        details: { mode: packaged.mode, audioOnly, segments: packaged.segmentFiles.length },
      });
      await this.deps.onReady?.(row.id);
      await this.removeOriginal(row);
    } catch (error) {
      if (!(error instanceof RecordingGoneError)) throw error;
      // Deleted while we worked: the erase job removes the rest; nothing to retry.
      await this.deps.blobs.deletePrefix(recordingPrefix(row.id));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** After the last attempt: tell the professional, and do not keep the original. */
  async giveUp(recordingId: string): Promise<void> {
    const row = await this.deps.recordings.findById(recordingId);
    if (row && row.status === 'processing') await this.fail(row, 'processing_failed');
  }

  private async fail(row: RecordingRow, code: RecordingFailureCode): Promise<void> {
    // The unusable original and anything half-written go first; the status says "failed" only
    // when nothing of the file is left.
    await this.deps.blobs.deletePrefix(recordingPrefix(row.id));
    if (row.upload_id) await this.deps.uploads.remove(row.upload_id);
    const failed = await this.deps.recordings.updateIf(row.id, ['processing'], {
      status: 'failed',
      progress: 0,
      upload_id: null,
      upload_length: null,
      failure_code: code,
      // Only the code: the words come from the catalogue when the row is read (rows from before keep their text).
      failure_message: null,
      updated_at: this.now().toISOString(),
    });
    if (failed) {
      await this.deps.audit.record({
        organisationId: row.organisation_id,
        actorUserId: null,
        action: 'recording.failed',
        subjectType: 'recording',
        subjectId: row.id,
        details: { code },
      });
    }
  }

  private async removeOriginal(row: RecordingRow): Promise<void> {
    if (!row.upload_id) return;
    await this.deps.uploads.remove(row.upload_id);
    await this.deps.recordings.updateIf(row.id, ['ready'], { upload_id: null, upload_length: null });
  }

  private async assertStillProcessing(recordingId: string): Promise<void> {
    const current = await this.deps.recordings.findById(recordingId);
    if (current?.status !== 'processing') throw new RecordingGoneError();
  }

  /** Writes progress at most once a second, and only forward. */
  private progressReporter(recordingId: string): (fraction: number) => Promise<void> {
    let last = 0;
    let lastAt = 0;
    return async (fraction) => {
      const now = Date.now();
      if (fraction <= last || (now - lastAt < 1000 && fraction < 1)) return;
      last = fraction;
      lastAt = now;
      try {
        await this.deps.recordings.updateIf(recordingId, ['processing'], { progress: Math.round(fraction * 1000) / 1000 });
      } catch {
        // Progress is a courtesy; the job must not fail over it.
      }
    };
  }
}

/** The recording was deleted while it was processed; the job ends without retrying. */
export class RecordingGoneError extends Error {
  constructor() {
    super('recording deleted during processing');
    this.name = 'RecordingGoneError';
  }
}
