import { randomUUID } from 'node:crypto';
import { hasPermission, type CreateShareRequest, type Person, type PolicyViewer, type ReceivedShare, type Share, type ShareDetail, type ShareOptions } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { MomentsRepository, ReviewRecordingRow } from '../../db/repositories/moments.repository.js';
import type { PeerGroupsRepository } from '../../db/repositories/peer-groups.repository.js';
import type { ShareRow, SharesRepository } from '../../db/repositories/shares.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { checkAccess, requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { accountUsable } from '../auth/account-window.js';
import { AppError } from '../errors.js';
import { themesOf } from './mapping.js';
import { shareStateOf, type ShareContent } from './share-content.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { mayShareWith, type ConsentPolicy } from '../consent/index.js';
import type { ShareCutRow } from '../../db/repositories/share-cuts.repository.js';
import type { ShareCuts } from './share-cuts.js';
import type { NoShareRepository } from '../../db/repositories/no-share.repository.js';
import { assertOutsideNoShare } from './no-share-stretches.js';
import { isOnlyJudging } from './judging.js';

export interface SharesDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  /** Moments and cuts of a share, after the gate. */
  content: ShareContent;
  moments: MomentsRepository;
  shares: SharesRepository;
  peerGroups: PeerGroupsRepository;
  users: UsersRepository;
  consentPolicy: ConsentPolicy;
  audit: AuditLog;
  /** Exact cuts of the shared moments: made when shared, gone when the share ends. */
  cuts: ShareCuts;
  /** "Niet delen" stretches: no share may overlap one. */
  stretches: NoShareRepository;
}

const dayMs = 24 * 3600_000;
const maxShareDays = 366;
/** Roles of people a professional can share with or invite: colleagues who review. */
const reviewingRoles = new Set(['reviewer', 'professional']);

type ShareInput = Omit<CreateShareRequest, 'question' | 'clientTalk' | 'viewerContext'> & { question: string; clientTalk: boolean; viewerContext?: string | undefined };

export class SharesService {
  constructor(private readonly deps: SharesDependencies) {}

  /** Colleagues in the organisation who can receive a share or join a group: names only. */
  async people(actor: Actor): Promise<Person[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'shares.received' });
    const now = this.deps.gate.now();
    const users = (await this.deps.users.listByOrganisation(actor.organisationId)).filter((u) => accountUsable(u, now) && u.id !== actor.userId);
    const memberships = await this.deps.users.membershipsOf(users.map((u) => u.id));
    return users.flatMap((user) => {
      const roles = memberships.filter((m) => m.user_id === user.id).map((m) => m.role);
      if (!roles.some((r) => reviewingRoles.has(r))) return [];
      return [{ id: user.id, name: user.name, isReviewer: roles.includes('reviewer'), independentFrom: user.external_organisation }];
    });
  }

  async options(actor: Actor, recordingId: string): Promise<ShareOptions> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    const recording = await this.recording(recordingId);
    const consent = await this.deps.consentPolicy.findActiveConsent(recording.conversation_id);
    const people = await this.people(actor);
    const groups = await this.ownActiveGroups(actor);
    return {
      consent: consent ? { audience: consent.audience, reviewerUserId: consent.reviewerUserId, feedbackViaReviewer: consent.feedbackViaReviewer, policyViewing: consent.policyViewing } : null,
      reviewers: consent ? people.filter((p) => p.isReviewer && mayShareWith(consent, 'reviewer', p.id, p.independentFrom !== null)) : [],
      groups: consent && mayShareWith(consent, 'peer_group') ? groups.map((g) => ({ id: g.id, name: g.name })) : [],
      policyViewers: consent && mayShareWith(consent, 'policy') ? await this.policyViewers(actor) : [],
      maxExpiresAt: this.maxExpiry(recording).toISOString(),
    };
  }

  async list(actor: Actor, recordingId: string): Promise<Share[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    const shares = await this.deps.shares.listForRecording(recordingId);
    return this.toShares(shares);
  }

  async create(actor: Actor, recordingId: string, input: ShareInput): Promise<Share> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    const recording = await this.recording(recordingId);
    if (recording.status !== 'ready' || recording.duration_seconds === null) throw new AppError('recording_not_ready');
    const momentIds = [...new Set(input.momentIds)];
    const moments = await this.deps.moments.listByIds(momentIds);
    if (moments.length !== momentIds.length || moments.some((m) => m.recording_id !== recordingId || m.professional_id !== actor.userId)) {
      throw new AppError('not_found', [{ path: 'momentIds', message: 'id' }]);
    }
    await assertOutsideNoShare(this.deps.stretches, recordingId, moments.map((m) => [Number(m.start_seconds), Number(m.end_seconds)] as const));

    const now = this.deps.gate.now();
    const expiresAt = new Date(input.expiresAt);
    if (expiresAt.getTime() <= now.getTime() + 60_000 || expiresAt > this.maxExpiry(recording)) {
      throw new AppError('share_expiry_invalid', [{ path: 'expiresAt', message: 'invalid' }]);
    }

    const consent = await this.deps.consentPolicy.findActiveConsent(recording.conversation_id);
    const recipient = input.recipient;
    if (recipient.type === 'reviewer') {
      // Named in a share as "reviewer": someone who holds the reviewer role, like the consent's named reviewer.
      const person = (await this.people(actor)).find((p) => p.id === recipient.userId && p.isReviewer);
      if (!person) throw new AppError('not_found', [{ path: 'recipient.userId', message: 'id' }]);
      if (!consent || !mayShareWith(consent, 'reviewer', recipient.userId, person.independentFrom !== null)) throw new AppError('consent_scope_exceeded');
    } else if (recipient.type === 'policy') {
      // "Kijk met ons mee": only a policy advisor or a management team member of this organisation.
      if (!(await this.policyViewers(actor)).some((p) => p.id === recipient.userId)) throw new AppError('not_found', [{ path: 'recipient.userId', message: 'id' }]);
      if (!consent || !mayShareWith(consent, 'policy')) throw new AppError('consent_scope_exceeded');
    } else {
      const member = await this.deps.peerGroups.findMember(recipient.groupId, actor.userId);
      const group = await this.deps.peerGroups.findById(recipient.groupId);
      if (!group || group.organisation_id !== actor.organisationId || member?.status !== 'active') throw new AppError('not_found', [{ path: 'recipient.groupId', message: 'id' }]);
      if (!consent || !mayShareWith(consent, 'peer_group')) throw new AppError('consent_scope_exceeded');
    }
    if (input.clientTalk && (recipient.type !== 'reviewer' || !consent || !consent.feedbackViaReviewer)) throw new AppError('client_talk_not_allowed');

    const row: ShareRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      recording_id: recordingId,
      professional_id: actor.userId,
      recipient_user_id: recipient.type === 'peer_group' ? null : recipient.userId,
      peer_group_id: recipient.type === 'peer_group' ? recipient.groupId : null,
      question: input.question,
      viewer_context: input.viewerContext ?? '',
      client_talk: input.clientTalk ? 1 : 0,
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
      created_at: now.toISOString(),
      rhythm_lane: 0,
      policy: recipient.type === 'policy' ? 1 : 0,
      policy_note: '',
      policy_note_at: null,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.shares.insert(row, momentIds);
      await audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'review.share_created',
      subjectType: 'recording',
      subjectId: recordingId,
        details: { shareId: row.id, recipientType: recipient.type, moments: momentIds.length, clientTalk: input.clientTalk },
      });
    });
    // After the commit: the cuts go to the job queue, which has its own connection.
    await this.deps.cuts.cut(row, moments);
    await this.deps.cuts.scheduleExpiry(row);
    const [share] = await this.toShares([row]);
    if (!share) throw new AppError('internal');
    return share;
  }

  async revoke(actor: Actor, shareId: string): Promise<Share> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.owner', ids: [shareId] });
    const share = await this.share(shareId);
    const at = this.deps.gate.now().toISOString();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.shares.revoke(shareId, at);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.share_revoked', subjectType: 'recording', subjectId: share.recording_id, details: { shareId } });
    });
    await this.deps.cuts.endShare(shareId);
    const [result] = await this.toShares([{ ...share, revoked_at: share.revoked_at ?? at }]);
    if (!result) throw new AppError('internal');
    return result;
  }

  /** What others shared with me, active shares only. */
  async received(actor: Actor): Promise<ReceivedShare[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'shares.received' });
    const shares = (await this.deps.shares.listActiveReceived(actor.userId, this.deps.gate.now().toISOString())).filter((s) => s.organisation_id === actor.organisationId && s.policy === 0);
    return this.receivedOf(shares);
  }

  /**
   * "Kijk met ons mee": the fragments professionals shared with me for policy, active ones only.
   * The home page summarises this same list.
   */
  async policyReceived(actor: Actor): Promise<ReceivedShare[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'shares.policy' });
    const candidates = (await this.deps.shares.listActiveReceived(actor.userId, this.deps.gate.now().toISOString())).filter((s) => s.organisation_id === actor.organisationId && s.policy === 1);
    const reachable = await checkAccess(this.deps.gate, { actor, permission: 'share.policy_recipient', ids: candidates.map((s) => s.id) });
    return this.receivedOf(candidates.filter((s) => reachable.has(s.id)));
  }

  /**
   * "Wat zie ik voor beleid": the policy recipient's one note to the owner, about the work, the
   * rules or the services. A note that only judges the person is refused (no "post anyway":
   * policy and the management team never assess).
   */
  async setPolicyNote(actor: Actor, shareId: string, note: string): Promise<ShareDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.policy_recipient', ids: [shareId] });
    if (note !== '' && isOnlyJudging(note)) throw new AppError('policy_note_judging', [{ path: 'note', message: 'invalid' }]);
    const share = await this.share(shareId);
    const at = this.deps.gate.now().toISOString();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.shares.setPolicyNote(shareId, share.recording_id, note, at);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.policy_note_saved', subjectType: 'recording', subjectId: share.recording_id, details: { shareId, cleared: note === '' } });
    });
    const updated = await this.share(shareId);
    return { ...(await this.toReceived(updated, await this.recording(updated.recording_id))), isOwner: false, state: shareStateOf(updated, this.deps.gate.now()) };
  }

  private async receivedOf(shares: readonly ShareRow[]): Promise<ReceivedShare[]> {
    const result: ReceivedShare[] = [];
    for (const share of shares) {
      const recording = await this.deps.moments.findRecording(share.recording_id);
      if (!recording || recording.status !== 'ready') continue;
      result.push(await this.toReceived(share, recording));
    }
    return result;
  }

  async detail(actor: Actor, shareId: string): Promise<ShareDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.view', ids: [shareId] });
    const share = await this.share(shareId);
    const recording = await this.recording(share.recording_id);
    const isOwner = this.isOwner(actor, share);
    if (!isOwner) {
      await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.share_opened', subjectType: 'recording', subjectId: share.recording_id, details: { shareId } });
    }
    return { ...(await this.toReceived(share, recording)), isOwner, state: shareStateOf(share, this.deps.gate.now()) };
  }

  /**
   * The exact cut a viewer of this share plays for one of its moments, once it is ready: the
   * owner, or a recipient while the share reaches them. span_preparing until the job is done.
   */
  async spanCut(actor: Actor, shareId: string, momentId: string): Promise<ShareCutRow> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.view', ids: [shareId] });
    return this.deps.content.readyCut(await this.share(shareId), momentId);
  }

  private isOwner(actor: Actor, share: ShareRow): boolean {
    return share.professional_id === actor.userId && hasPermission(actor.roles, 'recordings.own');
  }

  private async share(shareId: string): Promise<ShareRow> {
    const share = await this.deps.shares.findById(shareId);
    if (!share) throw new AppError('not_found');
    return share;
  }

  private async recording(recordingId: string): Promise<ReviewRecordingRow> {
    const recording = await this.deps.moments.findRecording(recordingId);
    if (!recording) throw new AppError('not_found');
    return recording;
  }

  private async toReceived(share: ShareRow, recording: ReviewRecordingRow): Promise<ReceivedShare> {
    const owner = await this.deps.users.findById(share.professional_id);
    const group = share.peer_group_id ? await this.deps.peerGroups.findById(share.peer_group_id) : undefined;
    const moments = await this.deps.content.momentsOf(share);
    return {
      id: share.id,
      recordingId: share.recording_id,
      recordingKind: recording.kind,
      ownerName: owner?.name ?? '',
      via: share.policy === 1 ? 'policy' : share.recipient_user_id ? 'reviewer' : 'peer_group',
      groupName: group?.name ?? null,
      question: share.question,
      viewerContext: share.viewer_context,
      clientTalk: share.client_talk === 1,
      expiresAt: share.expires_at,
      createdAt: share.created_at,
      moments: moments.map((m) => ({ id: m.id, startSeconds: Number(m.start_seconds), endSeconds: Number(m.end_seconds), title: m.title, themes: themesOf(m.themes_json) })),
      // Only the owner and the named recipient ever read a policy share.
      policyNote: share.policy === 1 ? share.policy_note : '',
    };
  }

  private async toShares(rows: readonly ShareRow[]): Promise<Share[]> {
    const now = this.deps.gate.now();
    const links = await this.deps.shares.momentIdsOf(rows.map((r) => r.id));
    const result: Share[] = [];
    for (const row of rows) {
      const momentIds = links.filter((l) => l.share_id === row.id).map((l) => l.moment_id);
      const base = { id: row.id, recordingId: row.recording_id, momentIds, question: row.question, viewerContext: row.viewer_context, clientTalk: row.client_talk === 1, expiresAt: row.expires_at, revokedAt: row.revoked_at, state: shareStateOf(row, now), createdAt: row.created_at, rhythmLane: row.rhythm_lane === 1, policyNote: row.policy_note, policyNoteAt: row.policy_note_at };
      if (row.policy === 1 && row.recipient_user_id) {
        const user = await this.deps.users.findById(row.recipient_user_id);
        result.push({ ...base, recipient: { type: 'policy', userId: row.recipient_user_id, name: user?.name ?? '' } });
      } else if (row.recipient_user_id) {
        const user = await this.deps.users.findById(row.recipient_user_id);
        result.push({ ...base, recipient: { type: 'reviewer', userId: row.recipient_user_id, name: user?.name ?? '' } });
      } else if (row.peer_group_id) {
        const group = await this.deps.peerGroups.findById(row.peer_group_id);
        result.push({ ...base, recipient: { type: 'peer_group', groupId: row.peer_group_id, name: group?.name ?? '' } });
      }
    }
    return result;
  }

  /**
   * Who a fragment can be shown to for policy: usable accounts of the organisation that are a
   * policy advisor, or a manager in the management team. Never a team lead outside the MT, a
   * professional, a reviewer or an administrator; never oneself.
   */
  private async policyViewers(actor: Actor): Promise<PolicyViewer[]> {
    const now = this.deps.gate.now();
    const users = (await this.deps.users.listByOrganisation(actor.organisationId)).filter((u) => accountUsable(u, now) && u.id !== actor.userId);
    const memberships = await this.deps.users.membershipsOf(users.map((u) => u.id));
    return users.flatMap((user): PolicyViewer[] => {
      const roles = memberships.filter((m) => m.user_id === user.id).map((m) => m.role);
      if (roles.includes('policy_advisor')) return [{ id: user.id, name: user.name, kind: 'policy_advisor' }];
      if (roles.includes('manager') && user.management_team === 1) return [{ id: user.id, name: user.name, kind: 'management_team' }];
      return [];
    });
  }

  private async ownActiveGroups(actor: Actor) {
    const groups = await this.deps.peerGroups.listForUser(actor.userId);
    const members = await this.deps.peerGroups.membersOf(groups.map((g) => g.id));
    return groups.filter((g) => g.organisation_id === actor.organisationId && members.some((m) => m.group_id === g.id && m.user_id === actor.userId && m.status === 'active'));
  }

  private maxExpiry(recording: ReviewRecordingRow): Date {
    const yearAhead = new Date(this.deps.gate.now().getTime() + maxShareDays * dayMs);
    if (!recording.retention_ends_at) return yearAhead;
    const retention = new Date(recording.retention_ends_at);
    return retention < yearAhead ? retention : yearAhead;
  }
}

