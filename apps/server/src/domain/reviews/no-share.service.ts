import { randomUUID } from 'node:crypto';
import { overlapsAny, type NoShareStretch, type NoShareStretchInput } from '@spreekkamer/shared';
import type { MomentsRepository } from '../../db/repositories/moments.repository.js';
import type { NoShareRepository, NoShareStretchRow } from '../../db/repositories/no-share.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { TransactionScope, UnitOfWork } from '../unit-of-work.js';
import { shareStateOf } from './review-access.js';

export interface NoShareDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  stretches: NoShareRepository;
  moments: MomentsRepository;
}

function toStretch(row: NoShareStretchRow): NoShareStretch {
  return { id: row.id, recordingId: row.recording_id, startSeconds: Number(row.start_seconds), endSeconds: Number(row.end_seconds), markedBy: row.marked_by, createdAt: row.created_at };
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
