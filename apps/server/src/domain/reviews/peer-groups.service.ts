import { randomUUID } from 'node:crypto';
import type { PeerGroup } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { PeerGroupMemberRow, PeerGroupRow, PeerGroupsRepository } from '../../db/repositories/peer-groups.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { ShareContent } from './share-content.js';
import type { SharesService } from './shares.service.js';

export interface PeerGroupsDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  groups: PeerGroupsRepository;
  shares: SharesService;
  content: ShareContent;
  now: Clock;
}

/**
 * Intervision groups. Any active member may invite colleagues; an invitee sees nothing shared
 * with the group until they accept. Leaving, or being removed by the group's creator, ends access
 * to everything shared with the group at once (access is checked against membership on every request).
 */
export class PeerGroupsService {
  constructor(private readonly deps: PeerGroupsDependencies) {}

  async list(actor: Actor): Promise<PeerGroup[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'shares.received' });
    const groups = (await this.deps.groups.listForUser(actor.userId)).filter((g) => g.organisation_id === actor.organisationId);
    const members = await this.deps.groups.membersOf(groups.map((g) => g.id));
    return groups.flatMap((group) => {
      const mine = members.find((m) => m.group_id === group.id && m.user_id === actor.userId);
      return mine ? [this.toGroup(group, members.filter((m) => m.group_id === group.id), mine.status)] : [];
    });
  }

  async create(actor: Actor, input: { name: string; memberIds: string[] }): Promise<PeerGroup> {
    await requireAccess(this.deps.gate, { actor, permission: 'shares.received' });
    const invitees = await this.checkedColleagues(actor, input.memberIds);
    const at = this.deps.now().toISOString();
    const group: PeerGroupRow = { id: randomUUID(), organisation_id: actor.organisationId, name: input.name, created_by: actor.userId, created_at: at };
    const members: PeerGroupMemberRow[] = [
      { group_id: group.id, user_id: actor.userId, status: 'active', invited_by: null, created_at: at, joined_at: at },
      ...invitees.map((userId): PeerGroupMemberRow => ({ group_id: group.id, user_id: userId, status: 'invited', invited_by: actor.userId, created_at: at, joined_at: null })),
    ];
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.peerGroups.insert(group, members);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.group_created', subjectType: 'peer_group', subjectId: group.id, details: { invited: invitees.length } });
    });
    return this.one(actor, group.id);
  }

  async invite(actor: Actor, groupId: string, userId: string): Promise<PeerGroup> {
    await requireAccess(this.deps.gate, { actor, permission: 'peer_group.member', ids: [groupId] });
    const [invitee] = await this.checkedColleagues(actor, [userId]);
    if (!invitee) throw new AppError('not_found');
    if (await this.deps.groups.findMember(groupId, invitee)) throw new AppError('conflict');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.peerGroups.addMember({ group_id: groupId, user_id: invitee, status: 'invited', invited_by: actor.userId, created_at: this.deps.now().toISOString(), joined_at: null });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.group_invited', subjectType: 'peer_group', subjectId: groupId, details: { userId: invitee } });
    });
    return this.one(actor, groupId);
  }

  async accept(actor: Actor, groupId: string): Promise<PeerGroup> {
    await requireAccess(this.deps.gate, { actor, permission: 'peer_group.invitee', ids: [groupId] });
    const member = await this.deps.groups.findMember(groupId, actor.userId);
    if (!member) throw new AppError('not_found');
    if (member.status === 'invited') {
      await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
        await repositories.peerGroups.activate(groupId, actor.userId, this.deps.now().toISOString());
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.group_joined', subjectType: 'peer_group', subjectId: groupId });
      });
    }
    return this.one(actor, groupId);
  }

  /** Leaving (or declining an invitation). */
  async leave(actor: Actor, groupId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'peer_group.invitee', ids: [groupId] });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.peerGroups.removeMember(groupId, actor.userId);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.group_left', subjectType: 'peer_group', subjectId: groupId });
    });
    await this.deps.content.rekeyGroup(groupId);
  }

  /** The creator removes someone. */
  async remove(actor: Actor, groupId: string, userId: string): Promise<PeerGroup> {
    await requireAccess(this.deps.gate, { actor, permission: 'peer_group.member', ids: [groupId] });
    const group = await this.deps.groups.findById(groupId);
    if (!group) throw new AppError('not_found');
    if (group.created_by !== actor.userId) throw new AppError('forbidden');
    if (userId === actor.userId || !(await this.deps.groups.findMember(groupId, userId))) throw new AppError('not_found');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.peerGroups.removeMember(groupId, userId);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.group_member_removed', subjectType: 'peer_group', subjectId: groupId, details: { userId } });
    });
    await this.deps.content.rekeyGroup(groupId);
    return this.one(actor, groupId);
  }

  private async one(actor: Actor, groupId: string): Promise<PeerGroup> {
    const group = (await this.list(actor)).find((g) => g.id === groupId);
    if (!group) throw new AppError('not_found');
    return group;
  }

  private async checkedColleagues(actor: Actor, userIds: readonly string[]): Promise<string[]> {
    const unique = [...new Set(userIds)].filter((id) => id !== actor.userId);
    const people = new Set((await this.deps.shares.people(actor)).map((p) => p.id));
    const unknown = unique.findIndex((id) => !people.has(id));
    if (unknown >= 0) throw new AppError('not_found', [{ path: `memberIds.${unknown}`, message: 'id' }]);
    return unique;
  }

  private toGroup(group: PeerGroupRow, members: readonly (PeerGroupMemberRow & { name: string })[], myStatus: 'invited' | 'active'): PeerGroup {
    return {
      id: group.id,
      name: group.name,
      createdBy: group.created_by,
      myStatus,
      // An invitee sees who is in the group before joining, but not what was shared with it.
      members: members.map((m) => ({ userId: m.user_id, name: m.name, status: m.status })),
      createdAt: group.created_at,
    };
  }
}
