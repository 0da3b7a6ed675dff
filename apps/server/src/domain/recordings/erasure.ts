import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { RecordingRow, RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { JobQueue } from '../../jobs/index.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { UploadStore } from '../../storage/uploads.js';
import type { WorkFolders } from '../../jobs/work-folders.js';
import type { ConsentWithdrawalListener, ConsentWithdrawnEvent } from '../consent/withdrawal.js';
import { recordingPrefix } from './blob-keys.js';

export type DeletionReason = NonNullable<RecordingRow['deleted_reason']>;

/** Later features (moments, comments, transcripts) register how to delete their rows of a recording. */
export type DerivedDataEraser = (recordingId: string) => Promise<void>;

export interface RecordingEraserDependencies {
  recordings: RecordingsRepository;
  blobs: BlobStore;
  uploads: UploadStore;
  queue: JobQueue;
  audit: AuditLog;
  /** Work files of a recording still being processed in this process's data directory. */
  workFolders: Pick<WorkFolders, 'removeFor'>;
  now: Clock;
}

/**
 * Ending a recording happens in two steps. First, in the request itself, the wrapped key and every
 * content column are destroyed in one statement (crypto-shredding): from that moment nothing of
 * the recording can be decrypted or played, in any process. Then a job removes the files and
 * derived rows; being a job, it is retried until it succeeds, also across crashes.
 */
export class RecordingEraser implements ConsentWithdrawalListener {
  private readonly now: Clock;
  private readonly derivedErasers: DerivedDataEraser[] = [];

  constructor(private readonly deps: RecordingEraserDependencies) {
    this.now = deps.now;
  }

  addDerivedDataEraser(eraser: DerivedDataEraser): void {
    this.derivedErasers.push(eraser);
  }

  /** Destroys the key now and schedules the removal of everything else; false when already gone. */
  async destroy(recording: Pick<RecordingRow, 'id' | 'organisation_id'>, reason: DeletionReason, actorUserId: string | null): Promise<boolean> {
    const shredded = await this.deps.recordings.shred(recording.id, reason, this.now().toISOString());
    if (!shredded) return false;
    // A job may be working on it right now; its files go with the key (the erase job repeats this on a worker).
    await this.deps.workFolders.removeFor(recording.id);
    await this.deps.audit.record({
      organisationId: recording.organisation_id,
      actorUserId,
      action: 'recording.deleted',
      subjectType: 'recording',
      subjectId: recording.id,
      details: { reason },
    });
    await this.deps.queue.enqueue('recording.erase', { recordingId: recording.id, uploadId: shredded.uploadId });
    return true;
  }

  /** The erase job: idempotent, so a retry after a partial run finishes the work. */
  async erase(recordingId: string, uploadId: string | null): Promise<void> {
    await this.deps.workFolders.removeFor(recordingId);
    await this.deps.blobs.deletePrefix(recordingPrefix(recordingId));
    if (uploadId) await this.deps.uploads.remove(uploadId);
    for (const eraser of this.derivedErasers) await eraser(recordingId);
    const row = await this.deps.recordings.findById(recordingId);
    await this.deps.audit.record({
      organisationId: row?.organisation_id ?? null,
      actorUserId: null,
      action: 'recording.erased',
      subjectType: 'recording',
      subjectId: recordingId,
    });
  }

  /** Withdrawal: every recording of the conversation loses its key before this returns. */
  async onConsentWithdrawn(event: ConsentWithdrawnEvent): Promise<void> {
    for (const { id } of await this.deps.recordings.listIdsForConversation(event.conversationId)) {
      const row = await this.deps.recordings.findById(id);
      if (row) await this.destroy(row, 'withdrawn', null);
    }
  }
}
