import { randomUUID } from 'node:crypto';
import type {
  CreateRecordingRequest,
  RecordingDetail,
  RecordingFailureCode,
  RecordingList,
  RecordingNotice,
  RecordingSummary,
  RecordingView,
  UploadCreation,
} from '@spreekkamer/shared';
import { recordingFailureMessage } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type { RecordingRow, RecordingsRepository, RecordingWithContext } from '../../db/repositories/recordings.repository.js';
import type { UploadStore } from '../../storage/uploads.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { assertMayRecord, type ConsentPolicy } from '../consent/consent-policy.js';
import { AppError } from '../errors.js';
import { recordingIdOfUpload } from './blob-keys.js';
import type { RecordingEraser } from './erasure.js';
import { viewsFromEvents } from './views.js';

export interface RecordingsSettings {
  maxUploadBytes: number;
  /** Named in the message of a recording refused for being too long. */
  maxRecordingSeconds: number;
  /** Suggested tus chunk size for clients. */
  chunkSizeBytes?: number;
}

export interface RecordingsDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  recordings: RecordingsRepository;
  conversations: ConversationsRepository;
  consentPolicy: ConsentPolicy;
  uploads: UploadStore;
  eraser: RecordingEraser;
  settings: RecordingsSettings;
  now: Clock;
}

const dayMs = 24 * 3600 * 1000;
/** The professional hears a week ahead that a recording will be deleted. */
export const RETENTION_NOTICE_DAYS = 7;
/** Removals stay in the notices for a month. */
const REMOVAL_NOTICE_DAYS = 30;
const uploadIdPattern = /^[0-9a-f-]{36}-[0-9a-f]{16}$/;

function noticeKind(row: RecordingRow): RecordingNotice['kind'] {
  if (row.status === 'ready') return 'retention_ending';
  if (row.deleted_reason === 'withdrawn') return 'removed_withdrawn';
  if (row.deleted_reason === 'abandoned') return 'removed_abandoned';
  return 'removed_retention';
}

/**
 * A professional's own recordings: create (consent checked), upload (tus, gated here), status,
 * delete, and who watched. Owner-only; someone else's recording answers not_found.
 */
export class RecordingsService {
  private readonly now: Clock;

  constructor(private readonly deps: RecordingsDependencies) {
    this.now = deps.now;
  }

  async list(actor: Actor, conversationId?: string): Promise<RecordingList> {
    await requireAccess(this.deps.gate, { actor, permission: 'recordings.own' });
    const rows = (await this.deps.recordings.listOwned(actor.userId, conversationId)).filter((row) => row.organisation_id === actor.organisationId);
    const now = this.now();
    const candidates = await this.deps.recordings.listNoticeCandidates(
      actor.userId,
      new Date(now.getTime() + RETENTION_NOTICE_DAYS * dayMs).toISOString(),
      new Date(now.getTime() - REMOVAL_NOTICE_DAYS * dayMs).toISOString(),
    );
    const notices: RecordingNotice[] = candidates
      .filter((row) => row.organisation_id === actor.organisationId && (!conversationId || row.conversation_id === conversationId))
      .map((row) => ({
        kind: noticeKind(row),
        recordingId: row.id,
        conversationId: row.conversation_id,
        conversationHeldOn: row.conversation_held_on,
        clientId: row.client_id,
        clientPseudonym: row.client_pseudonym,
        at: (row.status === 'ready' ? row.retention_ends_at : row.deleted_at) ?? row.updated_at,
      }));
    return { recordings: rows.map((row) => this.toSummary(row)), notices };
  }

  async get(actor: Actor, recordingId: string): Promise<RecordingDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.made', ids: [recordingId] });
    const row = await this.owned(actor, recordingId);
    const upload = row.status === 'uploading' && row.upload_id ? await this.deps.uploads.progress(row.upload_id) : null;
    const consent = row.status === 'deleted' ? null : await this.deps.consentPolicy.findActiveConsent(row.conversation_id);
    return {
      ...this.toSummary(row, upload),
      hasPoster: row.has_poster === 1,
      upload: upload ? { offset: upload.offset, length: upload.size } : null,
      consent: consent && consent.id === row.consent_id && consent.media !== 'none' ? { media: consent.media, audience: consent.audience, retentionDays: consent.retentionDays } : null,
    };
  }

  async create(actor: Actor, input: CreateRecordingRequest): Promise<UploadCreation> {
    await requireAccess(this.deps.gate, { actor, permission: 'conversation.owner', ids: [input.conversationId] });
    const conversation = await this.deps.conversations.findById(input.conversationId);
    if (!conversation) throw new AppError('not_found');
    const consent = await this.deps.consentPolicy.findActiveConsent(conversation.id);
    if (consent && consent.professionalId !== actor.userId) throw new AppError('recording_consent_missing');
    assertMayRecord(consent, input.kind);
    // Refused before anything exists, so an empty file leaves no recording, upload or key behind.
    if (input.sizeBytes === 0) throw new AppError('recording_empty');
    if (input.sizeBytes > this.deps.settings.maxUploadBytes) throw new AppError('recording_too_large');

    const nowIso = this.now().toISOString();
    const row: RecordingRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      professional_id: actor.userId,
      conversation_id: conversation.id,
      consent_id: consent.id,
      kind: input.kind,
      status: 'uploading',
      progress: 0,
      upload_id: null,
      upload_length: input.sizeBytes,
      wrapped_key: null,
      text_key: null,
      duration_seconds: null,
      has_poster: 0,
      failure_code: null,
      failure_message: null,
      created_at: nowIso,
      updated_at: nowIso,
      ready_at: null,
      retention_ends_at: null,
      retention_notice_at: null,
      deleted_at: null,
      deleted_reason: null,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.recordings.insert(row);
      await audit.record({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'recording.created',
        subjectType: 'recording',
        subjectId: row.id,
        details: { kind: input.kind, consentId: consent.id },
      });
    });
    const created = await this.owned(actor, row.id);
    return {
      recording: this.toSummary(created),
      upload: {
        endpoint: '/api/uploads',
        metadata: { recordingId: row.id },
        maxBytes: this.deps.settings.maxUploadBytes,
        chunkSizeBytes: this.deps.settings.chunkSizeBytes ?? 8 * 1024 * 1024,
      },
    };
  }

  async remove(actor: Actor, recordingId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.made', ids: [recordingId] });
    const row = await this.owned(actor, recordingId);
    if (row.status === 'deleted') return;
    await this.deps.eraser.destroy(row, 'professional', actor.userId);
  }

  async views(actor: Actor, recordingId: string): Promise<RecordingView[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.made', ids: [recordingId] });
    const row = await this.owned(actor, recordingId);
    const events = await this.deps.recordings.listViews(row.id);
    return viewsFromEvents(events);
  }

  // --- The tus upload gate: called by the upload routes around @tus/server. -----------------

  /** Before a tus upload is created: the recording is the actor's, still waiting for its file, and consent still holds. */
  async authorizeUploadCreate(actor: Actor, recordingId: string, uploadLength: number): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.made', ids: [recordingId] });
    const row = await this.owned(actor, recordingId);
    if (row.status !== 'uploading') throw new AppError('conflict');
    const consent = await this.deps.consentPolicy.findActiveConsent(row.conversation_id);
    if (!consent || consent.id !== row.consent_id) throw new AppError('recording_consent_missing');
    assertMayRecord(consent, row.kind);
    if (!Number.isSafeInteger(uploadLength) || uploadLength < 0) throw new AppError('upload_invalid');
    if (uploadLength > this.deps.settings.maxUploadBytes) throw new AppError('recording_too_large');
  }

  /** HEAD, PATCH and DELETE on an upload: only its owner, only the upload currently bound to the recording. */
  async authorizeUploadAccess(actor: Actor, uploadId: string): Promise<void> {
    // An id that is no upload id of ours names no recording, and so passes no gate.
    await requireAccess(this.deps.gate, { actor, permission: 'recording.made', ids: [(uploadIdPattern.test(uploadId) ? recordingIdOfUpload(uploadId) : null) ?? ''] });
    const recordingId = recordingIdOfUpload(uploadId) ?? '';
    const row = await this.owned(actor, recordingId);
    if (row.upload_id !== uploadId || (row.status !== 'uploading' && row.status !== 'processing')) throw new AppError('not_found');
  }

  private async owned(actor: Actor, recordingId: string): Promise<RecordingWithContext> {
    const row = await this.deps.recordings.findOwned(recordingId, actor.userId);
    if (!row || row.organisation_id !== actor.organisationId) throw new AppError('not_found');
    return row;
  }

  /** Rows failed before the catalogue kept their Dutch sentence; newer rows have only the code. */
  private failureMessage(code: RecordingFailureCode): string {
    return recordingFailureMessage(code, 'nl', { maxBytes: this.deps.settings.maxUploadBytes, maxDurationSeconds: this.deps.settings.maxRecordingSeconds });
  }

  private toSummary(row: RecordingWithContext, upload?: { offset: number; size: number } | null): RecordingSummary {
    const progress = row.status === 'ready' ? 1 : row.status === 'uploading' && upload && upload.size > 0 ? upload.offset / upload.size : row.status === 'failed' || row.status === 'deleted' ? 0 : row.progress;
    return {
      id: row.id,
      conversationId: row.conversation_id,
      conversationHeldOn: row.conversation_held_on,
      clientId: row.client_id,
      clientPseudonym: row.client_pseudonym,
      kind: row.kind,
      status: row.status,
      progress: Math.min(1, Math.max(0, progress)),
      durationSeconds: row.duration_seconds,
      createdAt: row.created_at,
      readyAt: row.ready_at,
      retentionEndsAt: row.retention_ends_at,
      failure: row.status === 'failed' && row.failure_code ? { code: row.failure_code as RecordingFailureCode, message: row.failure_message ?? this.failureMessage(row.failure_code as RecordingFailureCode) } : null,
      deletedAt: row.deleted_at,
      deletedReason: row.deleted_reason,
      // Only a hint for the lists: the share service checks the consent again on every share.
      // A coach or group, or "kijk met ons mee" (the client's policy choice) whatever the audience.
      mayShare: row.status === 'ready' && row.consent_status === 'given' && ((row.consent_audience !== null && row.consent_audience !== 'professional') || row.consent_policy_viewing === 1),
    };
  }
}
