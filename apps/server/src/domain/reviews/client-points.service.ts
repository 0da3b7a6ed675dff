import { randomUUID } from 'node:crypto';
import type { ClientPoint, ClientReviewTalk } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ClientPointRow, ClientPointsRepository } from '../../db/repositories/client-points.repository.js';
import type { MomentsRepository, ReviewRecordingRow } from '../../db/repositories/moments.repository.js';
import type { ShareCutRow } from '../../db/repositories/share-cuts.repository.js';
import type { ShareRow, SharesRepository } from '../../db/repositories/shares.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { ShareContent } from './share-content.js';
import { mayShareWith, type ConsentPolicy } from '../consent/index.js';

export interface ClientPointsDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  moments: MomentsRepository;
  content: ShareContent;
  shares: SharesRepository;
  points: ClientPointsRepository;
  users: UsersRepository;
  consentPolicy: ConsentPolicy;
  audit: AuditLog;
  /** The organisation's k: the fewest clients an anonymous batch may hold. */
  minimumGroupSize: (organisationId: string) => Promise<number>;
}

function toPoint(row: ClientPointRow): ClientPoint {
  return { id: row.id, shareId: row.share_id, momentId: row.moment_id, text: row.text, relay: row.relay, decidedAt: row.decided_at, createdAt: row.created_at };
}

/**
 * Client feedback via a reviewer. The reviewer writes down what the client says; for each point
 * only the client chooses: pass it on, pass it on without their name, or keep it between them.
 * The professional sees named points per recording, and anonymous ones only in batches across
 * at least k clients (see anonymousForProfessional).
 */
export class ClientPointsService {
  constructor(private readonly deps: ClientPointsDependencies) {}

  async listForReviewer(actor: Actor, shareId: string): Promise<ClientPoint[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.reviewer', ids: [shareId] });
    const { share } = await this.reviewerTalk(actor, shareId);
    return (await this.deps.points.listForShares([share.id])).map(toPoint);
  }

  async add(actor: Actor, shareId: string, input: { text: string; momentId: string | null }): Promise<ClientPoint> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.reviewer', ids: [shareId] });
    const { share, recording } = await this.reviewerTalk(actor, shareId);
    if (input.momentId) {
      const links = await this.deps.shares.momentIdsOf([share.id]);
      if (!links.some((l) => l.moment_id === input.momentId)) throw new AppError('not_found', [{ path: 'momentId', message: 'id' }]);
    }
    const row: ClientPointRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      share_id: share.id,
      moment_id: input.momentId,
      reviewer_id: actor.userId,
      client_id: recording.client_id,
      text: input.text,
      relay: 'pending',
      decided_at: null,
      created_at: this.deps.gate.now().toISOString(),
      released_batch: null,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.clientPoints.insert(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.client_point_added', subjectType: 'recording', subjectId: share.recording_id, details: { shareId, pointId: row.id } });
    });
    return toPoint(row);
  }

  async remove(actor: Actor, pointId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'client_point.reviewer', ids: [pointId] });
    const point = await this.deps.points.findById(pointId);
    if (!point) throw new AppError('not_found');
    // Only while the talk is still open to them: a reviewer whose share ended changes nothing.
    await requireAccess(this.deps.gate, { actor, permission: 'share.reviewer', ids: [point.share_id] });
    await this.reviewerTalk(actor, point.share_id);
    if (!(await this.deps.points.deletePending(pointId))) throw new AppError('client_point_decided');
  }

  /** The professional, per recording: only points the client passed on with their name. */
  async relayedForOwner(actor: Actor, recordingId: string) {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    const rows = await this.deps.points.listRelayedForRecording(recordingId);
    return rows.map((row) => ({ id: row.id, text: row.text, reviewerName: row.reviewer_name, momentId: row.moment_id, decidedAt: row.decided_at ?? row.created_at }));
  }

  /**
   * The professional: points passed on without a name. They arrive only in batches that hold
   * points of at least k different clients (the organisation's minimum group size), with no
   * recording, moment, reviewer, id or time beside them, in alphabetical order: "without my name"
   * then holds even for a professional who knows whom they recorded.
   */
  async anonymousForProfessional(actor: Actor): Promise<{ minimumClients: number; batches: { releasedOn: string; texts: string[] }[] }> {
    await requireAccess(this.deps.gate, { actor, permission: 'recordings.own' });
    const minimumClients = await this.deps.minimumGroupSize(actor.organisationId);
    const batches = new Map<string, string[]>();
    for (const row of await this.deps.points.listReleased(actor.userId)) {
      batches.set(row.released_batch, [...(batches.get(row.released_batch) ?? []), row.text]);
    }
    return { minimumClients, batches: [...batches].map(([batch, texts]) => ({ releasedOn: batch.slice(0, 10), texts })) };
  }

  /** Releases the waiting anonymous points of one professional once they come from at least k clients. */
  private async releaseAnonymous(points: ClientPointsRepository, professionalId: string, minimumClients: number): Promise<void> {
    const waiting = await points.listUnreleasedAnonymous(professionalId);
    const clients = new Set(waiting.map((p) => p.client_id));
    if (clients.size < minimumClients) return;
    // The batch name is only the day plus randomness: no order of decisions can be read from it.
    await points.release(
      waiting.map((p) => p.id),
      `${this.deps.gate.now().toISOString().slice(0, 10)}:${randomUUID()}`,
    );
  }

  /** The client's own talks: fragments by number and time, and the points the reviewer wrote. */
  async talksForClient(session: ClientSession): Promise<ClientReviewTalk[]> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    const shares = await this.activeTalksOf(session);
    const points = await this.deps.points.listForShares(shares.map((s) => s.id));
    const talks: ClientReviewTalk[] = [];
    for (const share of shares) {
      const reviewer = share.recipient_user_id ? await this.deps.users.findById(share.recipient_user_id) : undefined;
      const moments = await this.deps.content.momentsOf(share);
      const numberOf = new Map(moments.map((m, i) => [m.id, i + 1]));
      talks.push({
        shareId: share.id,
        reviewerName: reviewer?.name ?? '',
        conversationHeldOn: share.held_on,
        recordingKind: share.kind,
        fragments: moments.map((m, i) => ({ number: i + 1, startSeconds: Number(m.start_seconds), endSeconds: Number(m.end_seconds) })),
        points: points
          .filter((p) => p.share_id === share.id && p.client_id === session.clientId)
          .map((p) => ({ id: p.id, text: p.text, relay: p.relay, momentNumber: p.moment_id ? (numberOf.get(p.moment_id) ?? null) : null })),
      });
    }
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'review.client_talks_viewed', subjectType: 'client', subjectId: session.clientId, details: { talks: talks.length } });
    return talks;
  }

  /** Only the client decides; they may change their mind while the talk is open. */
  async decide(session: ClientSession, pointId: string, relay: 'pass_on' | 'anonymous' | 'private') {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client_point.subject', ids: [pointId] });
    const point = await this.deps.points.findById(pointId);
    if (!point) throw new AppError('not_found');
    const share = (await this.activeTalksOf(session)).find((s) => s.id === point.share_id);
    if (!share) throw new AppError('not_found');
    if (point.released_batch !== null) throw new AppError('client_point_released');
    const at = this.deps.gate.now().toISOString();
    const minimumClients = relay === 'anonymous' ? await this.deps.minimumGroupSize(session.organisationId) : Number.POSITIVE_INFINITY;
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.clientPoints.setRelay(pointId, relay, at);
      if (relay === 'anonymous') await this.releaseAnonymous(repositories.clientPoints, share.professional_id, minimumClients);
      await audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'review.client_point_decided', subjectType: 'client', subjectId: session.clientId, details: { pointId, relay } });
    });
    const moments = await this.deps.content.momentsOf(share);
    const index = moments.findIndex((m) => m.id === point.moment_id);
    return { id: point.id, text: point.text, relay, momentNumber: index >= 0 ? index + 1 : null };
  }

  /**
   * What may be played in a talk: only its fragments, and only with both present on the device,
   * the client (their session) and the reviewer the share names (theirs). What plays is the exact
   * cut of the one fragment, never the recording's own media.
   */
  async clientTalkCut(session: ClientSession, reviewer: Actor, shareId: string, fragment: number): Promise<ShareCutRow> {
    await requireAccess(this.deps.gate, { actor: reviewer, permission: 'share.reviewer', ids: [shareId] });
    const share = (await this.activeTalksOf(session)).find((s) => s.id === shareId);
    if (!share || share.recipient_user_id !== reviewer.userId || share.organisation_id !== reviewer.organisationId) throw new AppError('not_found');
    const moment = (await this.deps.content.momentsOf(share))[fragment - 1];
    if (!moment) throw new AppError('not_found');
    return this.deps.content.readyCut(share, moment.id);
  }

  private async activeTalksOf(session: ClientSession) {
    const shares = await this.deps.shares.listActiveClientTalks(session.clientId, this.deps.gate.now().toISOString());
    const allowed = [];
    for (const share of shares) {
      if (share.organisation_id !== session.organisationId) continue;
      if (await this.consentAllowsTalk(share)) allowed.push(share);
    }
    return allowed;
  }

  /** A share the gate let through as `share.reviewer`, with the recording it is about. */
  private async reviewerTalk(actor: Actor, shareId: string): Promise<{ share: ShareRow; recording: ReviewRecordingRow }> {
    const share = await this.deps.shares.findById(shareId);
    const recording = share ? await this.readyRecordingOf(share) : undefined;
    if (!share || !recording) throw new AppError('not_found');
    if (share.client_talk !== 1 || !(await this.consentAllowsTalk(share))) throw new AppError('client_talk_not_allowed');
    return { share, recording };
  }

  private async consentAllowsTalk(share: ShareRow): Promise<boolean> {
    const recording = await this.readyRecordingOf(share);
    if (!recording) return false;
    const consent = await this.deps.consentPolicy.findActiveConsent(recording.conversation_id);
    if (consent === null || !consent.feedbackViaReviewer || share.recipient_user_id === null) return false;
    const recipient = await this.deps.users.findById(share.recipient_user_id);
    return recipient !== undefined && mayShareWith(consent, 'reviewer', share.recipient_user_id, recipient.external_organisation !== null);
  }

  private async readyRecordingOf(share: ShareRow): Promise<ReviewRecordingRow | undefined> {
    const recording = await this.deps.moments.findRecording(share.recording_id);
    return recording && recording.status === 'ready' ? recording : undefined;
  }
}
