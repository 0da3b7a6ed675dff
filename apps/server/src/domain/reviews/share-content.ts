import type { ShareDetail } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { MomentRow, MomentsRepository } from '../../db/repositories/moments.repository.js';
import type { ShareCutRow } from '../../db/repositories/share-cuts.repository.js';
import type { ShareRow, SharesRepository } from '../../db/repositories/shares.repository.js';
import { hasPermission } from '@spreekkamer/shared';
import { checkAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { ShareCuts } from './share-cuts.js';
import { unionOfRanges } from './time-ranges.js';

export type ShareState = ShareDetail['state'];

export function shareStateOf(share: Pick<ShareRow, 'revoked_at' | 'expires_at'>, now: Date): ShareState {
  if (share.revoked_at) return 'revoked';
  return share.expires_at > now.toISOString() ? 'active' : 'expired';
}

export interface ShareContentDependencies {
  moments: MomentsRepository;
  shares: SharesRepository;
  cuts: ShareCuts;
  now: Clock;
  /** To keep a share for policy to those the gate still lets reach it (policy advisor, management team). */
  gate: AccessGate;
}

/**
 * What a share holds, for callers that passed the access gate already (services) or that have no
 * actor at all (a group's membership changed, playback working out the spans). Checks nothing.
 */
export class ShareContent {
  constructor(private readonly deps: ShareContentDependencies) {}

  /** Moments of a share, in time order. */
  async momentsOf(share: ShareRow): Promise<MomentRow[]> {
    const links = await this.deps.shares.momentIdsOf([share.id]);
    return (await this.deps.moments.listByIds(links.map((l) => l.moment_id))).filter((m) => m.recording_id === share.recording_id);
  }

  /** The ready cut of one moment of an active share; span_preparing until its job is done. */
  async readyCut(share: ShareRow, momentId: string): Promise<ShareCutRow> {
    // An ended share has no cuts any more, and gets none.
    if (shareStateOf(share, this.deps.now()) !== 'active') throw new AppError('not_found');
    const moment = (await this.momentsOf(share)).find((m) => m.id === momentId);
    if (!moment) throw new AppError('not_found');
    const cut = await this.deps.cuts.current(share, moment);
    if (cut.status === 'pending') throw new AppError('span_preparing');
    if (cut.status === 'failed') throw new AppError('span_failed');
    return cut;
  }

  /** A member left a group, or was removed: the group's cuts get new keys. */
  async rekeyGroup(groupId: string): Promise<void> {
    const shares = await this.deps.shares.listActiveForGroup(groupId, this.deps.now().toISOString());
    await this.deps.cuts.rekey(shares, (share) => this.momentsOf(share));
  }

  /**
   * What a recipient may play of a recording: the union of the spans of the moments in every
   * active share that reaches them; null when nothing does. Playback asks this after the gate
   * (recording.play), so the playlist, the key and every segment follow the same answer.
   */
  async sharedRanges(actor: Actor, recordingId: string): Promise<{ ranges: [number, number][]; via: 'reviewer' | 'peer_group' | 'policy' } | null> {
    const received = (await this.deps.shares.listActiveReceived(actor.userId, this.deps.now().toISOString(), recordingId)).filter(
      (share) => share.organisation_id === actor.organisationId,
    );
    // A reviewer's or group's share needs that role; a share for policy needs the gate's policy rule.
    const policyIds = received.filter((share) => share.policy === 1).map((share) => share.id);
    const policyReachable = policyIds.length > 0 ? await checkAccess(this.deps.gate, { actor, permission: 'share.policy_recipient', ids: policyIds }) : new Set<string>();
    const mayReview = hasPermission(actor.roles, 'shares.received');
    const shares = received.filter((share) => (share.policy === 1 ? policyReachable.has(share.id) : mayReview));
    if (shares.length === 0) return null;
    const links = await this.deps.shares.momentIdsOf(shares.map((s) => s.id));
    const moments = await this.deps.moments.listByIds([...new Set(links.map((l) => l.moment_id))]);
    const ranges = unionOfRanges(moments.filter((m) => m.recording_id === recordingId).map((m) => [m.start_seconds, m.end_seconds] as const));
    if (ranges.length === 0) return null;
    const via = shares.some((s) => s.policy === 0 && s.recipient_user_id === actor.userId) ? 'reviewer' : shares.some((s) => s.policy === 0) ? 'peer_group' : 'policy';
    return { ranges, via };
  }
}
