import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { JobQueue } from '../../jobs/index.js';
import type { UploadStore } from '../../storage/uploads.js';
import { AppError } from '../errors.js';
import { recordingIdOfUpload } from './blob-keys.js';

export interface RecordingUploadsDependencies {
  recordings: RecordingsRepository;
  uploads: UploadStore;
  queue: Pick<JobQueue, 'enqueue'>;
  audit: AuditLog;
  now: Clock;
}

/**
 * What the tus server, the demo job and the retention job tell a recording about its upload.
 * There is no actor here: the person was checked when the upload was created or touched
 * (RecordingsService.authorizeUploadCreate / authorizeUploadAccess, through the access gate).
 */
export class RecordingUploads {
  constructor(private readonly deps: RecordingUploadsDependencies) {}

  /** For jobs that play the uploader (the demo seed). */
  async isAwaitingUpload(recordingId: string): Promise<boolean> {
    return (await this.deps.recordings.findById(recordingId))?.status === 'uploading';
  }

  newUploadId(recordingId: string): string {
    return `${recordingId}-${randomBytes(8).toString('hex')}`;
  }

  /** Links a freshly created tus upload to its recording; an earlier, abandoned upload is removed. */
  async bindUpload(uploadId: string, uploadLength: number): Promise<void> {
    const recordingId = recordingIdOfUpload(uploadId);
    const row = recordingId ? await this.deps.recordings.findById(recordingId) : undefined;
    if (!row || row.status !== 'uploading') throw new AppError('conflict');
    const bound = await this.deps.recordings.updateIf(row.id, ['uploading'], { upload_id: uploadId, upload_length: uploadLength, progress: 0, updated_at: this.deps.now().toISOString() });
    if (!bound) throw new AppError('conflict');
    if (row.upload_id && row.upload_id !== uploadId) await this.deps.uploads.remove(row.upload_id);
  }

  async uploadProgressed(uploadId: string, offset: number, size: number | undefined): Promise<void> {
    const recordingId = recordingIdOfUpload(uploadId);
    if (!recordingId || !size) return;
    await this.deps.recordings.updateIf(recordingId, ['uploading'], { progress: Math.min(1, offset / size), updated_at: this.deps.now().toISOString() });
  }

  /** The last byte arrived: hand the recording to processing. Safe to call twice. */
  async uploadFinished(uploadId: string): Promise<void> {
    const recordingId = recordingIdOfUpload(uploadId);
    const row = recordingId ? await this.deps.recordings.findById(recordingId) : undefined;
    if (!row || row.upload_id !== uploadId) return;
    const moved = await this.deps.recordings.updateIf(row.id, ['uploading'], { status: 'processing', progress: 0, updated_at: this.deps.now().toISOString() });
    if (!moved) return;
    await this.deps.audit.record({ organisationId: row.organisation_id, actorUserId: null, action: 'recording.uploaded', subjectType: 'recording', subjectId: row.id });
    await this.deps.queue.enqueue('recording.process', { recordingId: row.id });
  }

  /** After termination (tus DELETE) the recording waits for a new upload. */
  async uploadTerminated(uploadId: string): Promise<void> {
    const recordingId = recordingIdOfUpload(uploadId);
    if (!recordingId) return;
    const row = await this.deps.recordings.findById(recordingId);
    if (row?.upload_id === uploadId) await this.deps.recordings.updateIf(row.id, ['uploading'], { upload_id: null, progress: 0, updated_at: this.deps.now().toISOString() });
  }
}
