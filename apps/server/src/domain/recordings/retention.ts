import { localeOf, retentionNoticeEmail } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { RecordingRow, RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { Mailer } from '../../notify/mailer.js';
import type { UploadStore } from '../../storage/uploads.js';
import type { RecordingEraser } from './erasure.js';
import { RETENTION_NOTICE_DAYS } from './recordings.service.js';
import type { RecordingUploads } from './uploads.js';

export interface RetentionDependencies {
  recordings: RecordingsRepository;
  eraser: RecordingEraser;
  uploads: UploadStore;
  service: Pick<RecordingUploads, 'uploadFinished'>;
  audit: AuditLog;
  /** Also tells the professional by e-mail, when an SMTP server is configured. */
  mail?: { mailer: Mailer; users: UsersRepository; publicUrl: string | undefined } | undefined;
  now: Clock;
}

export interface RetentionResult {
  deleted: number;
  noticed: number;
  resumed: number;
  abandoned: number;
}

/** An upload that is not complete this long after the recording was started is given up. */
export const ABANDONED_UPLOAD_DAYS = 7;
const dayMs = 24 * 3600 * 1000;

/**
 * The daily job: recordings whose retention ended are deleted (key first, then files); those that
 * end within a week get a notice for their professional; uploads that finished without moving on
 * (a crash between the last byte and the queue) are handed to processing; uploads left unfinished
 * for a week are removed, because a half upload is unencrypted content that nobody will finish.
 */
export class RetentionRunner {
  private readonly now: Clock;

  constructor(private readonly deps: RetentionDependencies) {
    this.now = deps.now;
  }

  async run(): Promise<RetentionResult> {
    const now = this.now();
    let deleted = 0;
    for (const { id } of await this.deps.recordings.listRetentionEnded(now.toISOString())) {
      const row = await this.deps.recordings.findById(id);
      if (row && (await this.deps.eraser.destroy(row, 'retention', null))) deleted += 1;
    }

    let noticed = 0;
    const until = new Date(now.getTime() + RETENTION_NOTICE_DAYS * dayMs).toISOString();
    for (const row of await this.deps.recordings.listRetentionNoticeDue(until)) {
      if (await this.deps.recordings.updateIf(row.id, ['ready'], { retention_notice_at: now.toISOString() })) {
        await this.deps.audit.record({
          organisationId: row.organisation_id,
          actorUserId: null,
          action: 'recording.retention_notice',
          subjectType: 'recording',
          subjectId: row.id,
          details: { retentionEndsAt: row.retention_ends_at },
        });
        await this.emailNotice(row);
        noticed += 1;
      }
    }

    let resumed = 0;
    let abandoned = 0;
    const abandonedBefore = now.getTime() - ABANDONED_UPLOAD_DAYS * dayMs;
    for (const row of await this.deps.recordings.listUploading()) {
      const progress = row.upload_id ? await this.deps.uploads.progress(row.upload_id) : null;
      if (row.upload_id && progress && progress.size > 0 && progress.offset === progress.size) {
        await this.deps.service.uploadFinished(row.upload_id);
        resumed += 1;
      } else if (Date.parse(row.created_at) < abandonedBefore && (await this.deps.eraser.destroy(row, 'abandoned', null))) {
        abandoned += 1;
      }
    }
    return { deleted, noticed, resumed, abandoned };
  }

  /** The in-app notice is what counts; a mail server that fails does not stop the daily job. */
  private async emailNotice(row: RecordingRow): Promise<void> {
    const mail = this.deps.mail;
    const professional = mail ? await mail.users.findById(row.professional_id) : undefined;
    if (!mail || !professional || !professional.active || !row.retention_ends_at) return;
    const locale = localeOf(professional.locale);
    const endsOn = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(row.retention_ends_at));
    const link = mail.publicUrl ? `${mail.publicUrl}/opnames/${row.id}` : null;
    const outcome = await mail.mailer.send({ to: professional.email, ...retentionNoticeEmail(locale, { endsOn, link }) });
    if (outcome === 'sent') {
      await this.deps.audit.record({ organisationId: row.organisation_id, actorUserId: null, action: 'recording.retention_notice_emailed', subjectType: 'recording', subjectId: row.id });
    }
  }
}
