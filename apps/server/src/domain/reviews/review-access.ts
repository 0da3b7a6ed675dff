import { hasPermission, type ShareDetail } from '@spreekkamer/shared';
import type { MomentRow, MomentsRepository, ReviewRecordingRow } from '../../db/repositories/moments.repository.js';
import type { PeerGroupsRepository } from '../../db/repositories/peer-groups.repository.js';
import type { ShareRow, SharesRepository } from '../../db/repositories/shares.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { AppError } from '../errors.js';
import { unionOfRanges } from './time-ranges.js';

export interface ReviewAccessDependencies {
  moments: MomentsRepository;
  shares: SharesRepository;
  peerGroups: PeerGroupsRepository;
  now: () => Date;
}

export type ShareState = ShareDetail['state'];

export function shareStateOf(share: Pick<ShareRow, 'revoked_at' | 'expires_at'>, now: Date): ShareState {
  if (share.revoked_at) return 'revoked';
  return share.expires_at > now.toISOString() ? 'active' : 'expired';
}

/**
 * The one place that decides who may see review content. Owner: the professional whose recording
 * it is. Recipient: the reviewer a share names, or an active member of the group it names, while
 * the share is neither revoked nor expired. Everyone else gets not_found, so nothing leaks about
 * whether something exists. No role is an exception: there is no "see all".
 */
export class ReviewAccess {
  constructor(private readonly deps: ReviewAccessDependencies) {}

  now(): Date {
    return this.deps.now();
  }

  async ownRecording(actor: Actor, recordingId: string, options: { ready?: boolean } = {}): Promise<ReviewRecordingRow> {
    requirePermission(actor, 'recordings.own');
    const recording = await this.deps.moments.findRecording(recordingId);
    if (!recording || recording.professional_id !== actor.userId || recording.organisation_id !== actor.organisationId || recording.status === 'deleted') {
      throw new AppError('not_found');
    }
    if (options.ready && (recording.status !== 'ready' || recording.duration_seconds === null)) throw new AppError('recording_not_ready');
    return recording;
  }

  async ownMoment(actor: Actor, momentId: string): Promise<{ moment: MomentRow; recording: ReviewRecordingRow }> {
    requirePermission(actor, 'recordings.own');
    const moment = await this.deps.moments.findById(momentId);
    if (!moment || moment.professional_id !== actor.userId) throw new AppError('not_found');
    const recording = await this.ownRecording(actor, moment.recording_id);
    return { moment, recording };
  }

  /** A share as its owner sees it (any state) or as a recipient (active only). */
  async share(actor: Actor, shareId: string): Promise<{ share: ShareRow; recording: ReviewRecordingRow; isOwner: boolean }> {
    const share = await this.deps.shares.findById(shareId);
    if (!share || share.organisation_id !== actor.organisationId) throw new AppError('not_found');
    if (share.professional_id === actor.userId && hasPermission(actor.roles, 'recordings.own')) {
      return { share, recording: await this.ownRecording(actor, share.recording_id), isOwner: true };
    }
    return { share, recording: await this.receivedShareChecked(actor, share), isOwner: false };
  }

  /** Only as a recipient of an active share. */
  async receivedShare(actor: Actor, shareId: string): Promise<{ share: ShareRow; recording: ReviewRecordingRow }> {
    const share = await this.deps.shares.findById(shareId);
    if (!share || share.organisation_id !== actor.organisationId) throw new AppError('not_found');
    return { share, recording: await this.receivedShareChecked(actor, share) };
  }

  private async receivedShareChecked(actor: Actor, share: ShareRow): Promise<ReviewRecordingRow> {
    if (!hasPermission(actor.roles, 'shares.received')) throw new AppError('not_found');
    if (shareStateOf(share, this.deps.now()) !== 'active') throw new AppError('not_found');
    const reaches =
      share.recipient_user_id === actor.userId ||
      (share.peer_group_id !== null && (await this.deps.peerGroups.findMember(share.peer_group_id, actor.userId))?.status === 'active');
    if (!reaches) throw new AppError('not_found');
    const recording = await this.deps.moments.findRecording(share.recording_id);
    if (!recording || recording.status !== 'ready') throw new AppError('not_found');
    return recording;
  }

  /** The recording a share is about, while it can still be watched. */
  async recordingOf(share: ShareRow): Promise<ReviewRecordingRow | undefined> {
    const recording = await this.deps.moments.findRecording(share.recording_id);
    return recording && recording.status === 'ready' ? recording : undefined;
  }

  /**
   * What a recipient may play of a recording: the union of the spans of the moments in every
   * active share that reaches them; null when nothing does. The playback check uses this, so the
   * playlist, the key and every segment follow the same answer.
   */
  async sharedRanges(actor: Actor, recordingId: string): Promise<{ ranges: [number, number][]; via: 'reviewer' | 'peer_group' } | null> {
    if (!hasPermission(actor.roles, 'shares.received')) return null;
    const shares = (await this.deps.shares.listActiveReceived(actor.userId, this.deps.now().toISOString(), recordingId)).filter(
      (share) => share.organisation_id === actor.organisationId,
    );
    if (shares.length === 0) return null;
    const links = await this.deps.shares.momentIdsOf(shares.map((s) => s.id));
    const moments = await this.deps.moments.listByIds([...new Set(links.map((l) => l.moment_id))]);
    const ranges = unionOfRanges(moments.filter((m) => m.recording_id === recordingId).map((m) => [m.start_seconds, m.end_seconds] as const));
    if (ranges.length === 0) return null;
    return { ranges, via: shares.some((s) => s.recipient_user_id === actor.userId) ? 'reviewer' : 'peer_group' };
  }
}
