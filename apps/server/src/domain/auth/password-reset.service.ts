import { randomUUID } from 'node:crypto';
import { localeOf, passwordResetEmail } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { randomDigits, randomToken, sha256Hex, timingSafeEqualText } from '../../crypto/random.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { PasswordResetRow, PasswordResetsRepository } from '../../db/repositories/password-resets.repository.js';
import type { SessionsRepository } from '../../db/repositories/sessions.repository.js';
import type { UserRow, UsersRepository } from '../../db/repositories/users.repository.js';
import type { Mailer } from '../../notify/mailer.js';
import { requirePermission, type Actor } from '../access.js';
import { AppError } from '../errors.js';
import { hashPassword } from './passwords.js';

export interface PasswordResetDependencies {
  users: UsersRepository;
  sessions: SessionsRepository;
  passwordResets: PasswordResetsRepository;
  organisations: OrganisationsRepository;
  audit: AuditLog;
  /** null: no SMTP, so a reset needs a second administrator's approval. */
  mailer: Mailer | null;
  now: Clock;
}

const resetHours = { email: 24, approval: 72 } as const;
const codeLength = 8;

export interface AdminResetOutcome {
  status: 'email_sent' | 'email_failed' | 'awaiting_approval' | 'approved';
}

/**
 * Password resets in which no administrator ever holds a credential of another account.
 *
 * With e-mail, the link goes only to the account's own address. Without e-mail, the person asks at
 * the log-in page on their own device; the secret stays in that browser and only a short code is
 * shown. One administrator checks that code with the person in person, a second one approves; the
 * approval clears the password, the second factor and every session, and only the browser holding
 * the secret can then set a new password. No answer to an administrator contains a token.
 */
export class PasswordResetService {
  private readonly now: Clock;

  constructor(private readonly deps: PasswordResetDependencies) {
    this.now = deps.now;
  }

  get usesEmail(): boolean {
    return this.deps.mailer !== null;
  }

  /** Anyone at the log-in page. The answer is the same whether or not the address has an account. */
  async start(email: string, origin: string): Promise<{ mode: 'email' | 'approval'; token?: string; code?: string }> {
    const user = await this.deps.users.findByEmail(email);
    const resettable = user !== undefined && user.active === 1 && hasEverHadPassword(user);
    if (this.deps.mailer) {
      if (resettable) await this.emailLink(user, null, origin);
      return { mode: 'email' };
    }
    const token = randomToken(32);
    const code = randomDigits(codeLength);
    if (resettable) {
      await this.deps.passwordResets.replaceForUser(this.newRow(user.id, 'approval', token, code));
      await this.deps.audit.record({ organisationId: user.organisation_id, actorUserId: null, action: 'account.password_reset_asked', subjectType: 'user', subjectId: user.id });
    }
    return { mode: 'approval', token, code };
  }

  /** The first administrator: sends the link by e-mail, or (without e-mail) checks the person's code. */
  async request(actor: Actor, userId: string, code: string | undefined, origin: string): Promise<AdminResetOutcome> {
    requirePermission(actor, 'admin.users');
    const user = await this.userInOrganisation(actor, userId);
    if (!hasEverHadPassword(user) || user.active !== 1) throw new AppError('conflict');
    if (this.deps.mailer) return { status: await this.emailLink(user, actor.userId, origin) };
    const open = await this.openApproval(user.id);
    if (!open || code === undefined || !open.code_hash || !timingSafeEqualText(open.code_hash, codeHash(user.id, code))) {
      await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.password_reset_code_wrong', subjectType: 'user', subjectId: user.id });
      throw new AppError('reset_code_wrong', [{ path: 'code', message: 'reset_code_wrong' }]);
    }
    await this.deps.passwordResets.update(open.id, { requested_by: actor.userId });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.password_reset_requested', subjectType: 'user', subjectId: user.id });
    return { status: 'awaiting_approval' };
  }

  /** The second administrator: ends every way into the account until its holder sets a new password. */
  async approve(actor: Actor, userId: string): Promise<AdminResetOutcome> {
    requirePermission(actor, 'admin.users');
    const user = await this.userInOrganisation(actor, userId);
    const open = await this.openApproval(user.id);
    if (!open?.requested_by) throw new AppError('reset_not_requested');
    if (open.requested_by === actor.userId || user.id === actor.userId) throw new AppError('reset_needs_other_admin');
    const at = this.now().toISOString();
    await this.deps.passwordResets.update(open.id, { approved_by: actor.userId, approved_at: at });
    await this.deps.users.update(user.id, {
      password_hash: null,
      totp_enabled: 0,
      totp_secret: null,
      failed_logins: 0,
      locked_until: null,
      password_reset_at: at,
      password_reset_requested_by: open.requested_by,
      password_reset_approved_by: actor.userId,
    });
    await this.deps.sessions.deleteForUser(user.id);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.password_reset_approved', subjectType: 'user', subjectId: user.id, details: { requestedBy: open.requested_by } });
    return { status: 'approved' };
  }

  /** The account holder, with the secret from their mailbox or their own browser. Gives no session: they log in as usual. */
  async complete(token: string, password: string): Promise<void> {
    const now = this.now().toISOString();
    const row = await this.deps.passwordResets.findUsable(sha256Hex(token), now);
    const user = row ? await this.deps.users.findById(row.user_id) : undefined;
    if (!row || !user || user.active !== 1 || (row.channel === 'approval' && !row.approved_at)) throw new AppError('reset_invalid');
    if (!(await this.deps.passwordResets.markUsed(row.id, now))) throw new AppError('reset_invalid');
    await this.deps.users.update(user.id, {
      password_hash: await hashPassword(password),
      password_set_at: user.password_set_at ?? now,
      failed_logins: 0,
      locked_until: null,
      ...(row.channel === 'email' ? { password_reset_at: now, password_reset_requested_by: row.requested_by, password_reset_approved_by: null } : {}),
    });
    await this.deps.sessions.deleteForUser(user.id);
    await this.deps.audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'account.password_reset', subjectType: 'user', subjectId: user.id, details: { channel: row.channel } });
  }

  /** For the administrators' list: which accounts wait for a check or an approval, without any secret. */
  async pendingFor(userIds: readonly string[]): Promise<Map<string, PasswordResetRow>> {
    const now = this.now().toISOString();
    const rows = await this.deps.passwordResets.listOpenApprovals(userIds, now);
    return new Map(rows.map((row) => [row.user_id, row]));
  }

  private async openApproval(userId: string): Promise<PasswordResetRow | undefined> {
    const open = await this.deps.passwordResets.findOpenForUser(userId, this.now().toISOString());
    return open?.channel === 'approval' && !open.approved_at ? open : undefined;
  }

  private async emailLink(user: UserRow, requestedBy: string | null, origin: string): Promise<'email_sent' | 'email_failed'> {
    const mailer = this.deps.mailer;
    if (!mailer) throw new AppError('internal');
    const token = randomToken(32);
    const row = { ...this.newRow(user.id, 'email', token, null), requested_by: requestedBy };
    await this.deps.passwordResets.replaceForUser(row);
    const organisation = await this.deps.organisations.findById(user.organisation_id);
    const mail = passwordResetEmail(localeOf(user.locale), { organisationName: organisation?.name ?? 'Spreekkamer', link: `${origin}/wachtwoord-herstellen#${token}` });
    const outcome = await mailer.send({ to: user.email, ...mail });
    await this.deps.audit.record({ organisationId: user.organisation_id, actorUserId: requestedBy, action: outcome === 'sent' ? 'account.password_reset_emailed' : 'account.password_reset_email_failed', subjectType: 'user', subjectId: user.id });
    return outcome === 'sent' ? 'email_sent' : 'email_failed';
  }

  private newRow(userId: string, channel: 'email' | 'approval', token: string, code: string | null): PasswordResetRow {
    const now = this.now();
    return {
      id: randomUUID(),
      user_id: userId,
      channel,
      token_hash: sha256Hex(token),
      code_hash: code === null ? null : codeHash(userId, code),
      requested_by: null,
      approved_by: null,
      approved_at: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + resetHours[channel] * 3_600_000).toISOString(),
      used_at: null,
    };
  }

  private async userInOrganisation(actor: Actor, userId: string): Promise<UserRow> {
    const user = await this.deps.users.findById(userId);
    if (!user || user.organisation_id !== actor.organisationId) throw new AppError('not_found');
    return user;
  }
}

/** A password once set makes the account a person's own for good: no invitation, only a reset. */
export function hasEverHadPassword(user: Pick<UserRow, 'password_hash' | 'password_set_at'>): boolean {
  return user.password_hash !== null || user.password_set_at !== null;
}

function codeHash(userId: string, code: string): string {
  return sha256Hex(`reset-code:${userId}:${code.replace(/\s+/g, '')}`);
}
