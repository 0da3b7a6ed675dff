import { randomUUID } from 'node:crypto';
import {
  type ProcessingRegister,
  isRole,
  teamRoles,
  type AdminUser,
  type ExternalAccount,
  type MembershipInput,
  type OrganisationSettings,
} from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog, AuditVerification } from '../../audit/audit-log.js';
import { randomToken, sha256Hex } from '../../crypto/random.js';
import type { AuditRepository } from '../../db/repositories/audit.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { PasswordResetRow, PasswordResetsRepository } from '../../db/repositories/password-resets.repository.js';
import type { TeamsRepository } from '../../db/repositories/teams.repository.js';
import type { MembershipRow, MembershipWithTeam, UserRow, UsersRepository } from '../../db/repositories/users.repository.js';
import { newAccount } from '../../db/repositories/users.repository.js';
import { checkAccess, requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { hasEverHadPassword } from '../auth/password-reset.service.js';
import { buildProcessingRegister, type DeploymentFacts } from './processing-register.js';
import { AppError } from '../errors.js';
import type { TransactionScope, UnitOfWork } from '../unit-of-work.js';
import { settingsOf } from './organisation-settings.js';

export interface AdminDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  users: UsersRepository;
  teams: TeamsRepository;
  passwordResets: PasswordResetsRepository;
  organisations: OrganisationsRepository;
  auditRepository: AuditRepository;
  audit: AuditLog;
  /** How this installation runs, for the processing register. */
  deployment: DeploymentFacts;
  now: Clock;
  /** Told when someone is no longer in some teams (removed, or account switched off): the team agenda keeps or withdraws their items. */
  leftTeams?: (departure: { organisationId: string; userId: string; teamIds: readonly string[]; actorUserId: string }) => Promise<void>;
  /** An account was switched off: what is kept per person only for their own use goes (their voice print). */
  switchedOff?: (userId: string) => Promise<void>;
}

/** How long an invitation link works. */
const invitationDays = 7;

export interface Invitation {
  user: AdminUser;
  invitationPath: string;
  expiresAt: string;
}

/** The teams someone is in as a member or lead (team roles only). */
function teamIdsOf(memberships: readonly { role: string; team_id?: string | null; teamId?: string | null | undefined }[]): Set<string> {
  return new Set(memberships.filter((m) => (teamRoles as readonly string[]).includes(m.role)).flatMap((m) => [m.team_id ?? m.teamId ?? null].filter((id): id is string => id !== null)));
}

function toAdminUser(user: UserRow, memberships: readonly MembershipWithTeam[], reset?: PasswordResetRow, names?: ReadonlyMap<string, string>): AdminUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    active: user.active === 1,
    // Once set, always "has a password": a reset that cleared it must not make the account invitable.
    hasPassword: hasEverHadPassword(user),
    totpEnabled: user.totp_enabled === 1,
    lockedUntil: user.locked_until,
    memberships: memberships.filter((m) => m.user_id === user.id && isRole(m.role)).map((m) => ({ role: m.role as AdminUser['memberships'][number]['role'], teamId: m.team_id, teamName: m.team_name })),
    createdAt: user.created_at,
    passwordReset: reset
      ? { status: reset.requested_by ? 'awaiting_approval' : 'requested', requestedBy: reset.requested_by, requestedByName: reset.requested_by ? (names?.get(reset.requested_by) ?? null) : null }
      : null,
    external: user.external_organisation !== null && user.access_until !== null ? { organisation: user.external_organisation, accessUntil: user.access_until } : null,
  };
}

/**
 * Users, teams, settings and the audit log's metadata. Administrators manage accounts; nothing here
 * reads or returns content of conversations, recordings or feedback.
 */
export class AdminService {
  private readonly now: Clock;

  constructor(private readonly deps: AdminDependencies) {
    this.now = deps.now;
  }

  async listUsers(actor: Actor): Promise<AdminUser[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.users' });
    const users = await this.deps.users.listByOrganisation(actor.organisationId);
    const memberships = await this.deps.users.membershipsOf(users.map((u) => u.id));
    const resets = await this.deps.passwordResets.listOpenApprovals(users.map((u) => u.id), this.now().toISOString());
    const names = new Map(users.map((u) => [u.id, u.name]));
    return users.map((user) => toAdminUser(user, memberships, resets.find((r) => r.user_id === user.id), names));
  }

  async inviteUser(actor: Actor, input: { name: string; email: string; memberships: MembershipInput[]; external?: ExternalAccount | null | undefined }): Promise<Invitation> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.users' });
    if (await this.deps.users.findByEmail(input.email)) throw new AppError('email_taken', [{ path: 'email', message: 'email_taken' }]);
    this.checkExternal(input.external ?? null);
    const memberships = await this.checkedMemberships(actor, input.memberships);
    const id = randomUUID();
    const invitation = await this.deps.unitOfWork.run(async (scope) => {
      await scope.repositories.users.insert(
        newAccount({
          id,
          organisation_id: actor.organisationId,
          email: input.email,
          name: input.name,
          created_at: this.now().toISOString(),
          external_organisation: input.external?.organisation ?? null,
          access_until: input.external?.accessUntil ?? null,
        }),
      );
      await scope.repositories.users.replaceMemberships(id, memberships(id));
      await scope.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.user_invited', subjectType: 'user', subjectId: id, details: { roles: input.memberships.map((m) => m.role) } });
      return this.issueInvitation(scope, id);
    });
    return { ...invitation, user: await this.loadAdminUser(id) };
  }

  async reinvite(actor: Actor, userId: string): Promise<Invitation> {
    await requireAccess(this.deps.gate, { actor, permission: 'user.administrator', ids: [userId] });
    const user = await this.user(userId);
    // A link that sets the password of an account someone already uses would hand that account to the administrator.
    if (hasEverHadPassword(user)) throw new AppError('account_has_password');
    const invitation = await this.deps.unitOfWork.run(async (scope) => {
      const issued = await this.issueInvitation(scope, userId);
      await scope.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.invitation_renewed', subjectType: 'user', subjectId: userId });
      return issued;
    });
    return { ...invitation, user: await this.loadAdminUser(userId) };
  }

  async updateUser(
    actor: Actor,
    userId: string,
    changes: { name?: string | undefined; active?: boolean | undefined; memberships?: MembershipInput[] | undefined; external?: ExternalAccount | null | undefined },
  ): Promise<AdminUser> {
    await requireAccess(this.deps.gate, { actor, permission: 'user.administrator', ids: [userId] });
    const user = await this.user(userId);
    if (changes.external) this.checkExternal(changes.external);
    const current = await this.deps.users.membershipsOf([userId]);
    const wasAdmin = user.active === 1 && current.some((m) => m.role === 'administrator');
    const staysAdmin = (changes.active ?? user.active === 1) && (changes.memberships ?? current).some((m) => m.role === 'administrator');
    if (wasAdmin && !staysAdmin && (await this.deps.users.countActiveWithRole(actor.organisationId, 'administrator')) <= 1) {
      throw new AppError('last_administrator');
    }

    const teamsBefore = teamIdsOf(current);
    const memberships = changes.memberships ? await this.checkedMemberships(actor, changes.memberships) : null;
    const update: Partial<UserRow> = {};
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.active !== undefined) update.active = changes.active ? 1 : 0;
    if (changes.external !== undefined) {
      update.external_organisation = changes.external?.organisation ?? null;
      update.access_until = changes.external?.accessUntil ?? null;
    }
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      if (memberships && changes.memberships) {
        await repositories.users.replaceMemberships(userId, memberships(userId));
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.roles_changed', subjectType: 'user', subjectId: userId, details: { from: current.map((m) => m.role), to: changes.memberships.map((m) => m.role) } });
      }
      if (Object.keys(update).length > 0) await repositories.users.update(userId, update);
      if (changes.external !== undefined) {
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.external_changed', subjectType: 'user', subjectId: userId, details: { accessUntil: changes.external?.accessUntil ?? null } });
      }
      if (changes.active === false) {
        await repositories.sessions.deleteForUser(userId);
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.user_deactivated', subjectType: 'user', subjectId: userId });
      } else if (changes.active === true && user.active === 0) {
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.user_reactivated', subjectType: 'user', subjectId: userId });
      }
    });
    // After the commit: the voice print and the team agenda are written outside this transaction.
    if (changes.active === false) await this.deps.switchedOff?.(userId);
    if (this.deps.leftTeams) {
      const teamsAfter = changes.active === false ? new Set<string>() : teamIdsOf(changes.memberships ?? current);
      const left = [...teamsBefore].filter((teamId) => !teamsAfter.has(teamId));
      await this.deps.leftTeams({ organisationId: actor.organisationId, userId, teamIds: left, actorUserId: actor.userId });
    }
    return this.loadAdminUser(userId);
  }

  /** An end date that already passed would make an account that never works: refuse it plainly. */
  private checkExternal(external: ExternalAccount | null): void {
    if (!external) return;
    const day = new Date(`${external.accessUntil}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== external.accessUntil) throw new AppError('validation', [{ path: 'external.accessUntil', message: 'date_invalid' }]);
    if (external.accessUntil < this.now().toISOString().slice(0, 10)) throw new AppError('validation', [{ path: 'external.accessUntil', message: 'access_until_past' }]);
  }

  async listTeams(actor: Actor): Promise<{ id: string; name: string; memberCount: number }[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.teams' });
    const rows = await this.deps.teams.listWithMemberCounts(actor.organisationId);
    return rows.map((row) => ({ id: row.id, name: row.name, memberCount: Number(row.member_count) }));
  }

  async createTeam(actor: Actor, name: string): Promise<{ id: string; name: string; memberCount: number }> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.teams' });
    const id = randomUUID();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teams.insert({ id, organisation_id: actor.organisationId, name, created_at: this.now().toISOString() });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.team_created', subjectType: 'team', subjectId: id });
    });
    return { id, name, memberCount: 0 };
  }

  async renameTeam(actor: Actor, teamId: string, name: string): Promise<{ id: string; name: string; memberCount: number }> {
    await requireAccess(this.deps.gate, { actor, permission: 'team.administrator', ids: [teamId] });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teams.rename(teamId, name);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.team_renamed', subjectType: 'team', subjectId: teamId });
    });
    const team = (await this.listTeams(actor)).find((t) => t.id === teamId);
    if (!team) throw new AppError('not_found');
    return team;
  }

  async getSettings(actor: Actor): Promise<OrganisationSettings> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    return settingsOf(await this.organisation(actor));
  }

  async updateSettings(actor: Actor, settings: OrganisationSettings): Promise<OrganisationSettings> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    if (!settings.retentionDaysOptions.includes(settings.retentionDaysDefault)) {
      throw new AppError('validation', [{ path: 'retentionDaysDefault', message: 'retention_default_not_in_options' }]);
    }
    const before = settingsOf(await this.organisation(actor));
    const { name, requireTotp, ...given } = settings;
    const { name: _name, requireTotp: _requireTotp, ...storedBefore } = before;
    // Optional settings a form leaves out keep their value (a form may predate a setting).
    const stored = { ...storedBefore, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) };
    const changed = (Object.keys(settings) as (keyof OrganisationSettings)[]).filter((key) => settings[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(settings[key]));
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.organisations.update(actor.organisationId, { name, require_totp: requireTotp ? 1 : 0, settings_json: JSON.stringify(stored) });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.settings_changed', subjectType: 'organisation', subjectId: actor.organisationId, details: { changed } });
    });
    return settingsOf(await this.organisation(actor));
  }

  async processingRegister(actor: Actor): Promise<ProcessingRegister> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    return buildProcessingRegister(settingsOf(await this.organisation(actor)), this.deps.deployment, this.now());
  }

  async listAudit(actor: Actor, limit: number, before?: number) {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.audit' });
    const rows = await this.deps.auditRepository.listForOrganisation(actor.organisationId, limit, before);
    return {
      events: rows.map((row) => ({ seq: Number(row.seq), at: row.at, action: row.action, actorUserId: row.actor_user_id, actorName: row.actor_name, subjectType: row.subject_type, subjectId: row.subject_id })),
      nextBefore: rows.length === limit ? Number(rows.at(-1)?.seq) : null,
    };
  }

  async verifyAudit(actor: Actor): Promise<AuditVerification> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.audit' });
    return this.deps.audit.verify();
  }

  private async organisation(actor: Actor) {
    const organisation = await this.deps.organisations.findById(actor.organisationId);
    if (!organisation) throw new AppError('not_found');
    return organisation;
  }

  /** After the gate passed: the account (gone in between reads as not_found). */
  private async user(userId: string): Promise<UserRow> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new AppError('not_found');
    return user;
  }

  /** One account as the administrator sees it (after a password-reset step, for instance). */
  async adminUser(actor: Actor, userId: string): Promise<AdminUser> {
    await requireAccess(this.deps.gate, { actor, permission: 'user.administrator', ids: [userId] });
    return this.loadAdminUser(userId);
  }

  private async loadAdminUser(userId: string): Promise<AdminUser> {
    const user = await this.user(userId);
    return toAdminUser(user, await this.deps.users.membershipsOf([userId]));
  }

  /** Team roles need a team of this organisation; organisation roles must not name one. */
  private async checkedMemberships(actor: Actor, input: readonly MembershipInput[]): Promise<(userId: string) => MembershipRow[]> {
    const problems: { path: string; message: string }[] = [];
    const teamIds = input.flatMap((m) => (m.teamId ? [m.teamId] : []));
    const knownTeams = await checkAccess(this.deps.gate, { actor, permission: 'team.administrator', ids: teamIds });
    for (const [index, m] of input.entries()) {
      const needsTeam = (teamRoles as readonly string[]).includes(m.role);
      if (needsTeam && !m.teamId) problems.push({ path: `memberships.${index}.teamId`, message: 'team_required' });
      if (!needsTeam && m.teamId) problems.push({ path: `memberships.${index}.teamId`, message: 'team_not_allowed' });
      if (m.teamId && !knownTeams.has(m.teamId)) problems.push({ path: `memberships.${index}.teamId`, message: 'team_unknown' });
    }
    if (problems.length > 0) throw new AppError('validation', problems);
    const unique = [...new Map(input.map((m) => [`${m.role}:${m.teamId ?? ''}`, m])).values()];
    const createdAt = this.now().toISOString();
    return (userId) => unique.map((m) => ({ id: randomUUID(), user_id: userId, team_id: m.teamId, role: m.role, created_at: createdAt }));
  }

  /** A new invitation link (an earlier unused one stops working), written in the caller's transaction. */
  private async issueInvitation(scope: TransactionScope, userId: string): Promise<Omit<Invitation, 'user'>> {
    const token = randomToken(32);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000).toISOString();
    await scope.repositories.invitations.replaceForUser({ id: randomUUID(), user_id: userId, token_hash: sha256Hex(token), created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
    return { invitationPath: `/uitnodiging/${token}`, expiresAt };
  }
}
