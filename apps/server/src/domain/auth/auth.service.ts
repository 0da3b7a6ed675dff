import { randomUUID } from 'node:crypto';
import { isRole, localeOf, offeredClientLocales, type LoginRequest, type Role, type SessionResponse } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { unwrapKey, wrapKey } from '../../crypto/envelope.js';
import { hmacHex, randomToken, sha256Hex, timingSafeEqualText } from '../../crypto/random.js';
import type { InvitationsRepository } from '../../db/repositories/invitations.repository.js';
import type { OrganisationRow, OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { SessionsRepository } from '../../db/repositories/sessions.repository.js';
import type { MembershipWithTeam, UserRow, UsersRepository } from '../../db/repositories/users.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { accountUsable } from './account-window.js';
import { AppError } from '../errors.js';
import { hasEverHadPassword } from './password-reset.service.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { describeTotp, isValidTotp, newTotpSecret } from './totp.js';

export interface AuthSettings {
  sessionSecret: Buffer;
  masterKey: Buffer;
  idleMinutes: number;
  maxHours: number;
  maxFailures: number;
  lockoutMinutes: number;
}

export interface AuthDependencies {
  users: UsersRepository;
  sessions: SessionsRepository;
  invitations: InvitationsRepository;
  organisations: OrganisationsRepository;
  audit: AuditLog;
  settings: AuthSettings;
  /** Single sign-on can switch password log-in off for an organisation (see oidc.service.ts). */
  passwordLoginAllowed?: (user: UserRow) => Promise<boolean>;
  now: Clock;
}

export interface AuthenticatedSession {
  sessionId: string;
  token: string;
  actor: Actor;
  user: UserRow;
  memberships: MembershipWithTeam[];
  organisation: OrganisationRow;
}

const minutes = (n: number) => n * 60_000;
const sessionTokenPattern = /^([A-Za-z0-9_-]{43})\.([0-9a-f]{32})$/;
/** Writing last-seen on every request would turn every read into a write. */
const touchIntervalMs = minutes(1);

export function actorFrom(user: UserRow, memberships: readonly MembershipWithTeam[]): Actor {
  const roles = [...new Set(memberships.map((m) => m.role).filter(isRole))];
  const teamsFor = (role: Role) => memberships.filter((m) => m.role === role && m.team_id).map((m) => m.team_id as string);
  return { userId: user.id, organisationId: user.organisation_id, roles, teamIds: { professional: teamsFor('professional'), manager: teamsFor('manager') } };
}

export class AuthService {
  private readonly now: Clock;

  constructor(private readonly deps: AuthDependencies) {
    this.now = deps.now;
  }

  csrfTokenFor(sessionToken: string): string {
    return hmacHex(this.deps.settings.sessionSecret, `csrf:${sessionToken}`);
  }

  async login(input: LoginRequest): Promise<AuthenticatedSession> {
    const { users, audit, settings } = this.deps;
    const now = this.now();
    const user = await users.findByEmail(input.email);
    if (!user || !accountUsable(user, now) || !user.password_hash) {
      await verifyAgainstDummy(input.password);
      await audit.record({ organisationId: user?.organisation_id ?? null, actorUserId: null, action: 'auth.login_failed', details: { reason: 'unknown_or_inactive' } });
      throw new AppError('login_failed');
    }
    if (user.locked_until && user.locked_until > now.toISOString()) throw new AppError('account_locked');
    if (this.deps.passwordLoginAllowed && !(await this.deps.passwordLoginAllowed(user))) {
      await verifyAgainstDummy(input.password);
      await audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'auth.login_failed', subjectType: 'user', subjectId: user.id, details: { reason: 'passwords_off' } });
      throw new AppError('password_login_off');
    }

    if (!(await verifyPassword(user.password_hash, input.password))) {
      const failures = await users.countFailedLogin(user.id);
      const locks = failures >= settings.maxFailures;
      if (locks) await users.update(user.id, { failed_logins: 0, locked_until: new Date(now.getTime() + minutes(settings.lockoutMinutes)).toISOString() });
      await audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: locks ? 'auth.locked' : 'auth.login_failed', subjectType: 'user', subjectId: user.id, details: { reason: 'password' } });
      throw new AppError(locks ? 'account_locked' : 'login_failed');
    }

    if (user.totp_enabled === 1) {
      if (!input.totpCode) throw new AppError('totp_required');
      if (!isValidTotp(this.totpSecretOf(user), input.totpCode, now)) {
        await audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'auth.login_failed', subjectType: 'user', subjectId: user.id, details: { reason: 'totp' } });
        throw new AppError('totp_invalid');
      }
    }

    await users.update(user.id, { failed_logins: 0, locked_until: null });
    const session = await this.startSession(user);
    await audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'auth.login', subjectType: 'user', subjectId: user.id });
    return session;
  }

  /**
   * A session token carries its own signature, so a forged or garbled cookie is refused without
   * touching the database: only tokens this server issued can cost a query.
   */
  private newSessionToken(): string {
    const random = randomToken(32);
    return `${random}.${this.sessionTokenMac(random)}`;
  }

  private sessionTokenMac(random: string): string {
    return hmacHex(this.deps.settings.sessionSecret, `session:${random}`).slice(0, 32);
  }

  isWellFormedSessionToken(token: string): boolean {
    const match = sessionTokenPattern.exec(token);
    return match !== null && timingSafeEqualText(match[2] ?? '', this.sessionTokenMac(match[1] ?? ''));
  }

  /**
   * Resolves a cookie token to a live session, or null when it is malformed, unknown, expired, idle
   * or the account is off. Concurrent requests with the same token share one lookup; nothing is
   * cached beyond it, so a log-out or deactivation in any process ends access at the next request.
   */
  authenticate(token: string): Promise<AuthenticatedSession | null> {
    if (!this.isWellFormedSessionToken(token)) return Promise.resolve(null);
    const running = this.lookups.get(token);
    if (running) return running;
    const lookup = this.lookUp(token).finally(() => this.lookups.delete(token));
    this.lookups.set(token, lookup);
    return lookup;
  }

  private readonly lookups = new Map<string, Promise<AuthenticatedSession | null>>();

  private async lookUp(token: string): Promise<AuthenticatedSession | null> {
    const { sessions, users, settings } = this.deps;
    // The session, its account and organisation in one query: this runs on every request.
    const found = await sessions.findWithAccount(sha256Hex(token));
    if (!found) return null;
    const { session: row, user, organisation } = found;
    const now = this.now();
    const idleDeadline = new Date(Date.parse(row.last_seen_at) + minutes(settings.idleMinutes));
    if (row.expires_at <= now.toISOString() || idleDeadline <= now) {
      await sessions.delete(row.id);
      return null;
    }
    if (!accountUsable(user, now)) {
      await sessions.delete(row.id);
      return null;
    }
    if (now.getTime() - Date.parse(row.last_seen_at) > touchIntervalMs) await sessions.touch(row.id, now.toISOString());
    const memberships = await users.membershipsOf([user.id]);
    return { sessionId: row.id, token, actor: actorFrom(user, memberships), user, memberships, organisation };
  }

  async logout(session: AuthenticatedSession): Promise<void> {
    requirePermission(session.actor, 'account.self');
    await this.deps.sessions.delete(session.sessionId);
    await this.deps.audit.record({ organisationId: session.organisation.id, actorUserId: session.user.id, action: 'auth.logout' });
  }

  async describe(session: AuthenticatedSession): Promise<SessionResponse> {
    const { user, organisation, actor, memberships } = session;
    const nameOf = async (id: string | null) => (id ? ((await this.deps.users.findById(id))?.name ?? null) : null);
    const passwordReset = user.password_reset_at
      ? { at: user.password_reset_at, requestedByName: await nameOf(user.password_reset_requested_by), approvedByName: await nameOf(user.password_reset_approved_by) }
      : null;
    const teams = new Map<string, string>();
    for (const m of memberships) if (m.team_id && m.team_name) teams.set(m.team_id, m.team_name);
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        roles: [...actor.roles],
        teams: [...teams].map(([id, name]) => ({ id, name })),
        locale: localeOf(user.locale),
        totpEnabled: user.totp_enabled === 1,
        feedbackGuideSeen: user.feedback_guide_seen_at !== null,
      },
      organisation: { id: organisation.id, name: organisation.name, requireTotp: organisation.require_totp === 1, clientLocales: offeredClientLocales(settingsOf(organisation).clientLocales) },
      csrfToken: this.csrfTokenFor(session.token),
      mustSetUpTotp: organisation.require_totp === 1 && user.totp_enabled !== 1,
      passwordReset,
    };
  }

  async updateProfile(session: AuthenticatedSession, changes: { name?: string | undefined; locale?: 'nl' | 'en' | undefined }): Promise<AuthenticatedSession> {
    requirePermission(session.actor, 'account.self');
    const update: Partial<UserRow> = {};
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.locale !== undefined) update.locale = changes.locale;
    if (Object.keys(update).length > 0) await this.deps.users.update(session.user.id, update);
    return { ...session, user: { ...session.user, ...update } };
  }

  /** "Zo geef je feedback" was read: remembered on the account, so it is offered once per person, not per device. */
  async markFeedbackGuideSeen(session: AuthenticatedSession): Promise<AuthenticatedSession> {
    requirePermission(session.actor, 'account.self');
    if (session.user.feedback_guide_seen_at !== null) return session;
    const at = this.now().toISOString();
    await this.deps.users.update(session.user.id, { feedback_guide_seen_at: at });
    return { ...session, user: { ...session.user, feedback_guide_seen_at: at } };
  }

  async changePassword(session: AuthenticatedSession, currentPassword: string, newPassword: string): Promise<void> {
    requirePermission(session.actor, 'account.self');
    const user = session.user;
    if (!user.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) throw new AppError('password_wrong');
    await this.deps.users.update(user.id, { password_hash: await hashPassword(newPassword) });
    // Other devices that knew the old password must log in again.
    await this.deps.sessions.deleteForUser(user.id, session.sessionId);
    await this.deps.audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'account.password_changed', subjectType: 'user', subjectId: user.id });
  }

  async startTotpSetup(session: AuthenticatedSession): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
    requirePermission(session.actor, 'account.self');
    if (session.user.totp_enabled === 1) throw new AppError('conflict');
    const secret = newTotpSecret();
    await this.deps.users.update(session.user.id, { totp_secret: this.wrapTotpSecret(secret) });
    return { secret, ...(await describeTotp(secret, session.user.email)) };
  }

  async confirmTotp(session: AuthenticatedSession, code: string): Promise<AuthenticatedSession> {
    requirePermission(session.actor, 'account.self');
    const user = await this.deps.users.findById(session.user.id);
    if (!user?.totp_secret || user.totp_enabled === 1) throw new AppError('conflict');
    if (!isValidTotp(this.totpSecretOf(user), code, this.now())) throw new AppError('totp_invalid');
    await this.deps.users.update(user.id, { totp_enabled: 1 });
    await this.deps.audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'account.totp_enabled', subjectType: 'user', subjectId: user.id });
    return { ...session, user: { ...user, totp_enabled: 1 } };
  }

  async disableTotp(session: AuthenticatedSession, password: string): Promise<AuthenticatedSession> {
    requirePermission(session.actor, 'account.self');
    const user = session.user;
    if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) throw new AppError('password_wrong');
    if (session.organisation.require_totp === 1) throw new AppError('forbidden');
    await this.deps.users.update(user.id, { totp_enabled: 0, totp_secret: null });
    await this.deps.audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'account.totp_disabled', subjectType: 'user', subjectId: user.id });
    return { ...session, user: { ...user, totp_enabled: 0, totp_secret: null } };
  }

  async invitationInfo(token: string): Promise<{ name: string; email: string; organisationName: string }> {
    const { user, organisation } = await this.usableInvitation(token);
    return { name: user.name, email: user.email, organisationName: organisation.name };
  }

  async acceptInvitation(token: string, password: string): Promise<AuthenticatedSession> {
    const { invitation, user } = await this.usableInvitation(token);
    // An invitation issued before the account got its password must not replace it.
    if (hasEverHadPassword(user)) throw new AppError('invitation_invalid');
    if (!(await this.deps.invitations.markUsed(invitation.id, this.now().toISOString()))) throw new AppError('invitation_invalid');
    await this.deps.users.update(user.id, { password_hash: await hashPassword(password), password_set_at: this.now().toISOString(), failed_logins: 0, locked_until: null });
    await this.deps.sessions.deleteForUser(user.id);
    await this.deps.audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'account.invitation_accepted', subjectType: 'user', subjectId: user.id });
    return this.startSession({ ...user });
  }

  private async usableInvitation(token: string) {
    const invitation = await this.deps.invitations.findUsable(sha256Hex(token), this.now().toISOString());
    const user = invitation ? await this.deps.users.findById(invitation.user_id) : undefined;
    const organisation = user ? await this.deps.organisations.findById(user.organisation_id) : undefined;
    if (!invitation || !user || !user.active || !organisation) throw new AppError('invitation_invalid');
    return { invitation, user, organisation };
  }

  /** Every log-in ends here: password, invitation, and single sign-on (after its own checks). */
  async startSession(user: UserRow): Promise<AuthenticatedSession> {
    const now = this.now();
    const token = this.newSessionToken();
    const sessionId = randomUUID();
    await this.deps.sessions.insert({
      id: sessionId,
      user_id: user.id,
      token_hash: sha256Hex(token),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.deps.settings.maxHours * 3_600_000).toISOString(),
    });
    const session = await this.authenticate(token);
    if (!session) throw new AppError('internal');
    return session;
  }

  private wrapTotpSecret(secretBase32: string): string {
    return wrapKey(this.deps.settings.masterKey, Buffer.from(secretBase32, 'utf8'));
  }

  private totpSecretOf(user: UserRow): string {
    if (!user.totp_secret) throw new AppError('totp_invalid');
    return unwrapKey(this.deps.settings.masterKey, user.totp_secret).toString('utf8');
  }
}
