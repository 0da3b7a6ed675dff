import { randomUUID } from 'node:crypto';
import { overlapsAny, type NoShareStretch, type NoShareStretchInput } from '@spreekkamer/shared';
import type { ConsentsRepository } from '../../db/repositories/consents.repository.js';
import type { MomentsRepository } from '../../db/repositories/moments.repository.js';
import type { NoShareRepository, NoShareStretchRow } from '../../db/repositories/no-share.repository.js';
import type { SharesRepository } from '../../db/repositories/shares.repository.js';
import type { JobQueue } from '../../jobs/index.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { TransactionScope, UnitOfWork } from '../unit-of-work.js';
import { shareStateOf } from './share-content.js';

export interface NoShareDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  stretches: NoShareRepository;
  moments: MomentsRepository;
  shares: SharesRepository;
  consents: ConsentsRepository;
  /** Cutting a stretch out of the stored media is a job (recording.stretch_cut). */
  queue?: Pick<JobQueue, 'enqueue'>;
}

function toStretch(row: NoShareStretchRow): NoShareStretch {
  return { id: row.id, recordingId: row.recording_id, startSeconds: Number(row.start_seconds), endSeconds: Number(row.end_seconds), markedBy: row.marked_by, createdAt: row.created_at, cutRequested: row.cut_requested_at !== null };
}

/**
 * "Niet delen": the client (from the page of their consent) or the professional (in the review
 * room) marks a stretch of a recording. From then on no share or fragment may overlap it
 * (`assertOutside`, called by every path that creates or changes one), and active shares that
 * already overlap it end at once. A stretch holds times only, never content.
 */
export class NoShareService {
  constructor(private readonly deps: NoShareDependencies) {}

  async list(actor: Actor, recordingId: string): Promise<NoShareStretch[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    return (await this.deps.stretches.listForRecording(recordingId)).map(toStretch);
  }

  async mark(actor: Actor, recordingId: string, input: NoShareStretchInput): Promise<NoShareStretch> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    const recording = await this.deps.moments.findRecording(recordingId);
    if (!recording) throw new AppError('not_found');
    return this.add({ id: recording.id, organisation_id: recording.organisation_id, duration_seconds: recording.duration_seconds }, input, 'professional', actor.userId);
  }

  /** The professional can take back their own marks; the client's marks are the client's. */
  async remove(actor: Actor, stretchId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'no_share.recording_owner', ids: [stretchId] });
    const stretch = await this.deps.stretches.findById(stretchId);
    if (!stretch) throw new AppError('not_found');
    if (stretch.marked_by !== 'professional') throw new AppError('no_share_marked_by_client');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.noShare.delete(stretchId);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.no_share_removed', subjectType: 'recording', subjectId: stretch.recording_id, details: { stretchId } });
    });
  }

  async clientList(session: ClientSession, consentId: string): Promise<NoShareStretch[]> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'consent.giver', ids: [consentId] });
    const recordings = await this.clientRecordings(session, consentId);
    return (await this.deps.stretches.listForRecordings(recordings.map((r) => r.id))).map(toStretch);
  }

  /** Marks the stretch on every recording made under this consent (in practice: one). */
  async clientMark(session: ClientSession, consentId: string, input: NoShareStretchInput): Promise<NoShareStretch[]> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'consent.giver', ids: [consentId] });
    const recordings = await this.clientRecordings(session, consentId);
    const result: NoShareStretch[] = [];
    for (const recording of recordings) result.push(await this.add(recording, input, 'client', null));
    return result;
  }

  /** The client can take back their own marks, never the professional's. */
  async clientRemove(session: ClientSession, stretchId: string): Promise<void> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    const stretch = await this.clientStretch(session, stretchId);
    if (stretch.marked_by !== 'client') throw new AppError('no_share_marked_by_professional');
    if (stretch.cut_requested_at !== null) throw new AppError('no_share_cut_pending');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.noShare.delete(stretch.id);
      await audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'review.no_share_removed', subjectType: 'recording', subjectId: stretch.recording_id, details: { stretchId, markedBy: 'client' } });
    });
  }

  /** The owner asks to cut a stretch (anyone's mark) out of the stored media: it is then gone for good. */
  async requestCut(actor: Actor, stretchId: string): Promise<NoShareStretch> {
    await requireAccess(this.deps.gate, { actor, permission: 'no_share.recording_owner', ids: [stretchId] });
    const stretch = await this.deps.stretches.findById(stretchId);
    if (!stretch) throw new AppError('not_found');
    const recording = await this.deps.moments.findRecording(stretch.recording_id);
    if (!recording || recording.status !== 'ready') throw new AppError('not_found');
    return this.startCut(stretch, recording.organisation_id, actor.userId);
  }

  /** The client asks the same for a stretch they marked themselves. */
  async clientRequestCut(session: ClientSession, stretchId: string): Promise<NoShareStretch> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    const stretch = await this.clientStretch(session, stretchId);
    if (stretch.marked_by !== 'client') throw new AppError('no_share_marked_by_professional');
    return this.startCut(stretch, session.organisationId, null);
  }

  private async startCut(stretch: NoShareStretchRow, organisationId: string, actorUserId: string | null): Promise<NoShareStretch> {
    const queue = this.deps.queue;
    if (!queue) throw new AppError('conflict');
    if (stretch.cut_requested_at !== null) throw new AppError('no_share_cut_pending');
    // Active shares point at times that are about to move; they end first, by the professional's own hand.
    const now = this.deps.gate.now();
    const active = (await this.deps.shares.listForRecording(stretch.recording_id)).filter((s) => shareStateOf(s, now) === 'active');
    if (active.length > 0) throw new AppError('no_share_cut_shares_active');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      if (!(await repositories.noShare.setCutRequested(stretch.id, now.toISOString()))) throw new AppError('no_share_cut_pending');
      await audit.record({ organisationId, actorUserId, action: 'review.no_share_cut_requested', subjectType: 'recording', subjectId: stretch.recording_id, details: { stretchId: stretch.id } });
    });
    // After the commit: the queue has its own connection (and on SQLite, the transaction holds the only one).
    await queue.enqueue('recording.stretch_cut', { stretchId: stretch.id }, { singletonKey: `stretch-cut:${stretch.id}` });
    return toStretch({ ...stretch, cut_requested_at: now.toISOString() });
  }

  /** A stretch on a recording made under this client's own consent, still in force. */
  private async clientStretch(session: ClientSession, stretchId: string): Promise<NoShareStretchRow> {
    const stretch = await this.deps.stretches.findById(stretchId);
    if (!stretch) throw new AppError('not_found');
    const recording = await this.deps.moments.findRecording(stretch.recording_id);
    if (!recording || recording.status === 'deleted') throw new AppError('not_found');
    const consent = await this.deps.consents.findById(recording.consent_id);
    if (!consent || consent.client_id !== session.clientId || consent.status !== 'given' || recording.organisation_id !== session.organisationId) throw new AppError('not_found');
    return stretch;
  }

  /** The recordings made under a consent the gate let through as `consent.giver`. */
  private async clientRecordings(session: ClientSession, consentId: string) {
    const recordings = (await this.deps.stretches.recordingsOfConsent(consentId)).filter((r) => r.organisation_id === session.organisationId);
    if (recordings.length === 0) throw new AppError('not_found');
    return recordings;
  }

  private async add(recording: { id: string; organisation_id: string; duration_seconds: number | null }, input: NoShareStretchInput, markedBy: 'client' | 'professional', actorUserId: string | null): Promise<NoShareStretch> {
    const duration = recording.duration_seconds === null ? null : Number(recording.duration_seconds);
    if (duration !== null && input.startSeconds >= duration) throw new AppError('validation', [{ path: 'startSeconds', message: 'invalid' }]);
    const now = this.deps.gate.now();
    const row: NoShareStretchRow = {
      id: randomUUID(),
      recording_id: recording.id,
      start_seconds: input.startSeconds,
      end_seconds: duration === null ? input.endSeconds : Math.min(input.endSeconds, duration),
      marked_by: markedBy,
      created_at: now.toISOString(),
      cut_requested_at: null,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.noShare.insert(row);
      await audit.record({ organisationId: recording.organisation_id, actorUserId, action: 'review.no_share_marked', subjectType: 'recording', subjectId: recording.id, details: { stretchId: row.id, markedBy } });
      await this.endOverlappingShares({ repositories, audit }, recording, row, actorUserId, now);
    });
    return toStretch(row);
  }

  /** Shares that already show part of the stretch end now: a stretch is never part of any share. */
  private async endOverlappingShares({ repositories, audit }: TransactionScope, recording: { id: string; organisation_id: string }, row: NoShareStretchRow, actorUserId: string | null, now: Date): Promise<void> {
    const active = (await repositories.shares.listForRecording(recording.id)).filter((s) => shareStateOf(s, now) === 'active');
    if (active.length === 0) return;
    const links = await repositories.shares.momentIdsOf(active.map((s) => s.id));
    const moments = await repositories.moments.listByIds([...new Set(links.map((l) => l.moment_id))]);
    const span = [[row.start_seconds, row.end_seconds] as const];
    for (const share of active) {
      const ids = new Set(links.filter((l) => l.share_id === share.id).map((l) => l.moment_id));
      if (!moments.some((m) => ids.has(m.id) && overlapsAny(Number(m.start_seconds), Number(m.end_seconds), span))) continue;
      await repositories.shares.revoke(share.id, now.toISOString());
      await audit.record({ organisationId: recording.organisation_id, actorUserId, action: 'review.share_revoked', subjectType: 'recording', subjectId: recording.id, details: { shareId: share.id, reason: 'no_share_stretch' } });
    }
  }
}
