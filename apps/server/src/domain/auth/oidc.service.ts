import { randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { SsoInfoResponse, SsoRefusalReason } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import { hmacHex, timingSafeEqualText } from '../../crypto/random.js';
import type { SsoIdentityRow, SsoRepository } from '../../db/repositories/sso.repository.js';
import type { MembershipRow, UserRow, UsersRepository } from '../../db/repositories/users.repository.js';
import { newAccount } from '../../db/repositories/users.repository.js';
import { requirePermission } from '../access/index.js';
import { AppError } from '../errors.js';
import { accountUsable } from './account-window.js';
import type { AuthenticatedSession, AuthService } from './auth.service.js';
import { mapClaims, type ArrivedClaims, type MappedRole, type SsoConfig } from './oidc-claims.js';
import { hasEverHadPassword } from './password-reset.service.js';
import type { Clock } from '../../clock.js';

export interface OidcDependencies {
  /** Undefined when SSO is not configured: every SSO route then answers sso_not_configured. */
  config: SsoConfig | undefined;
  sso: SsoRepository;
  users: UsersRepository;
  auth: AuthService;
  audit: AuditLog;
  sessionSecret: Buffer;
  now: Clock;
}

/** A refused SSO log-in: the browser is sent to a page that explains the reason. */
export class SsoRefusal extends Error {
  constructor(readonly reason: SsoRefusalReason) {
    super(reason);
    this.name = 'SsoRefusal';
  }
}

/** Kept in the browser between the redirect to the provider and its answer (signed, ten minutes). */
interface Transaction {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
  /** Set when a logged-in person links their own account: the explicit link. */
  linkUserId: string | null;
}

const transactionMinutes = 10;
const backChannelLogoutEvent = 'http://schemas.openid.net/event/backchannel-logout';
const storedClaimsLimit = 50;

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export class OidcService {
  private readonly now: Clock;
  private discovered: Promise<oidc.Configuration> | null = null;
  private keySet: ReturnType<typeof createRemoteJWKSet> | null = null;

  constructor(private readonly deps: OidcDependencies) {
    this.now = deps.now;
  }

  get configured(): boolean {
    return this.deps.config !== undefined;
  }

  private requireConfig(): SsoConfig {
    if (!this.deps.config) throw new AppError('sso_not_configured');
    return this.deps.config;
  }

  /** Discovery happens at first use, not at boot: a provider that is down must not stop the server starting. */
  private configuration(): Promise<oidc.Configuration> {
    const config = this.requireConfig();
    if (!this.discovered) {
      const issuer = new URL(config.issuer);
      // Plain HTTP only for a provider on this machine (tests, development); never across a network.
      const options = isLoopback(issuer) && issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
      this.discovered = oidc.discovery(issuer, config.clientId, config.clientSecret, undefined, options);
      this.discovered.catch(() => {
        this.discovered = null;
      });
    }
    return this.discovered;
  }

  /** For the log-in page, before anyone is known: whether to offer SSO, and whether passwords are off. */
  async info(): Promise<SsoInfoResponse> {
    const config = this.deps.config;
    return { enabled: config !== undefined, label: config?.label ?? null, passwordsOff: await this.passwordsOff(null) };
  }

  // ---- log-in ------------------------------------------------------------------------------

  /** The provider's authorization URL (code flow with PKCE, state and nonce) and the signed transaction to keep. */
  async begin(linkUser: AuthenticatedSession | null): Promise<{ url: string; transaction: string }> {
    const config = this.requireConfig();
    if (linkUser) requirePermission(linkUser.actor, 'account.self');
    const configuration = await this.configuration().catch(() => {
      throw new SsoRefusal('provider_error');
    });
    const transaction: Transaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      expiresAt: this.now().getTime() + transactionMinutes * 60_000,
      linkUserId: linkUser?.user.id ?? null,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: config.redirectUri,
      scope: config.scopes.join(' '),
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transaction: this.sealTransaction(transaction) };
  }

  private sealTransaction(transaction: Transaction): string {
    const body = Buffer.from(JSON.stringify(transaction), 'utf8').toString('base64url');
    return `${body}.${hmacHex(this.deps.sessionSecret, `sso:${body}`)}`;
  }

  private openTransaction(sealed: string | undefined): Transaction | null {
    const [body, mac] = (sealed ?? '').split('.');
    if (!body || !mac || !timingSafeEqualText(mac, hmacHex(this.deps.sessionSecret, `sso:${body}`))) return null;
    const transaction = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Transaction;
    return transaction.expiresAt > this.now().getTime() ? transaction : null;
  }

  /**
   * The provider's answer: exchanges the code (checking PKCE, state, nonce, issuer, audience and
   * signature), finds or links the account, applies the mapped roles and starts a normal session.
   */
  async finish(callbackUrl: URL, sealedTransaction: string | undefined): Promise<AuthenticatedSession> {
    const config = this.requireConfig();
    const transaction = this.openTransaction(sealedTransaction);
    if (!transaction) throw await this.refuse(null, null, 'expired');
    let claims: oidc.IDToken;
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.configuration(), callbackUrl, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = idClaims;
    } catch (error) {
      throw await this.refuse(null, null, 'provider_error', { problem: error instanceof Error ? error.name : 'unknown' });
    }

    const organisationId = config.organisationId ?? (await this.deps.sso.soleOrganisationId());
    if (!organisationId) throw await this.refuse(null, null, 'not_configured');
    const arrived = mapClaims(claims, config);
    const { user, identity } = await this.accountFor(organisationId, claims, arrived, transaction.linkUserId);
    return this.logIn(user, identity, arrived, typeof claims.sid === 'string' ? claims.sid : null);
  }

  private async accountFor(organisationId: string, claims: oidc.IDToken, arrived: ArrivedClaims, linkUserId: string | null): Promise<{ user: UserRow; identity: SsoIdentityRow }> {
    const { sso, users, audit } = this.deps;
    const known = await sso.findIdentity(claims.iss, claims.sub);
    if (known) {
      // Linking while logged in must not quietly switch to another account that holds this identity.
      if (linkUserId && known.user_id !== linkUserId) throw await this.refuse(organisationId, linkUserId, 'linked_elsewhere');
      const user = await users.findById(known.user_id);
      if (!user || user.organisation_id !== organisationId) throw await this.refuse(organisationId, null, 'no_account');
      return { user, identity: known };
    }

    if (linkUserId) {
      const user = await users.findById(linkUserId);
      if (!user || user.organisation_id !== organisationId) throw await this.refuse(organisationId, null, 'no_account');
      const identity = await this.newIdentity(user, claims, arrived);
      await audit.record({ organisationId, actorUserId: user.id, action: 'auth.sso_linked', subjectType: 'user', subjectId: user.id, details: { how: 'by_the_person' } });
      return { user, identity };
    }

    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email) throw await this.refuse(organisationId, null, 'no_email');
    const existing = await users.findByEmail(email);
    if (existing) {
      // Only an invitation nobody has used yet may be claimed by e-mail, and never an administrator's:
      // anyone else links explicitly, logged in with their password, from their account page.
      const isAdministrator = (await users.membershipsOf([existing.id])).some((m) => m.role === 'administrator');
      const verified = claims.email_verified === true || (claims.email_verified === undefined && this.requireConfig().trustEmail);
      const linkable = verified && existing.organisation_id === organisationId && !hasEverHadPassword(existing) && !isAdministrator;
      if (!linkable) throw await this.refuse(organisationId, existing.organisation_id === organisationId ? existing.id : null, 'link_required');
      const identity = await this.newIdentity(existing, claims, arrived);
      await audit.record({ organisationId, actorUserId: existing.id, action: 'auth.sso_linked', subjectType: 'user', subjectId: existing.id, details: { how: 'invitation' } });
      return { user: existing, identity };
    }

    if (!this.requireConfig().createAccounts) throw await this.refuse(organisationId, null, 'no_account');
    if (arrived.mapped.length === 0) throw await this.refuse(organisationId, null, 'no_role', this.refusalDetails(arrived));
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
    const user = newAccount({ id: randomUUID(), organisation_id: organisationId, email, name, created_at: this.now().toISOString() });
    await users.insert(user);
    const identity = await this.newIdentity(user, claims, arrived);
    await audit.record({ organisationId, actorUserId: user.id, action: 'auth.sso_account_created', subjectType: 'user', subjectId: user.id, details: { roles: arrived.mapped.map((m) => m.role) } });
    return { user, identity };
  }

  private async newIdentity(user: UserRow, claims: oidc.IDToken, arrived: ArrivedClaims): Promise<SsoIdentityRow> {
    const at = this.now().toISOString();
    const identity: SsoIdentityRow = { id: randomUUID(), user_id: user.id, issuer: claims.iss, subject: claims.sub, last_claims_json: this.storedClaims(arrived), created_at: at, last_login_at: at };
    await this.deps.sso.insertIdentity(identity);
    return identity;
  }

  private storedClaims(arrived: ArrivedClaims): string {
    const values = Object.fromEntries(Object.entries(arrived.values).map(([claim, found]) => [claim, found.slice(0, storedClaimsLimit).map((value) => value.slice(0, 200))]));
    return JSON.stringify({ values, mapped: arrived.mapped });
  }

  private refusalDetails(arrived: ArrivedClaims): Record<string, number> {
    return { claimValues: Object.values(arrived.values).reduce((sum, found) => sum + found.length, 0) };
  }

  private async logIn(user: UserRow, identity: SsoIdentityRow, arrived: ArrivedClaims, providerSessionId: string | null): Promise<AuthenticatedSession> {
    const { sso, audit } = this.deps;
    const now = this.now();
    // What arrived is kept even when refused: the administrator can then see why.
    await sso.recordLogin(identity.id, this.storedClaims(arrived), now.toISOString());
    if (!accountUsable(user, now)) throw await this.refuse(user.organisation_id, user.id, 'account_inactive');
    if (user.locked_until && user.locked_until > now.toISOString()) throw await this.refuse(user.organisation_id, user.id, 'account_locked');
    if (arrived.mapped.length === 0) throw await this.refuse(user.organisation_id, user.id, 'no_role', this.refusalDetails(arrived));
    const wanted = await this.membershipsFor(user, arrived.mapped);
    await this.applyRoles(user, wanted);

    const session = await this.deps.auth.startSession(user);
    await sso.linkSession({ session_id: session.sessionId, identity_id: identity.id, provider_session_id: providerSessionId, created_at: now.toISOString() });
    await audit.record({ organisationId: user.organisation_id, actorUserId: user.id, action: 'auth.login', subjectType: 'user', subjectId: user.id, details: { method: 'sso' } });
    return session;
  }

  private async membershipsFor(user: UserRow, mapped: readonly MappedRole[]): Promise<MembershipRow[]> {
    const createdAt = this.now().toISOString();
    const rows: MembershipRow[] = [];
    for (const grant of mapped) {
      const team = grant.team ? await this.deps.sso.findTeamByName(user.organisation_id, grant.team) : null;
      if (grant.team && !team) throw await this.refuse(user.organisation_id, user.id, 'unknown_team');
      rows.push({ id: randomUUID(), user_id: user.id, team_id: team?.id ?? null, role: grant.role, created_at: createdAt });
    }
    return rows;
  }

  /** The provider decides the roles of an SSO account: a change there is applied at the next log-in. */
  private async applyRoles(user: UserRow, wanted: readonly MembershipRow[]): Promise<void> {
    const key = (m: Pick<MembershipRow, 'role' | 'team_id'>) => `${m.role}\u0000${m.team_id ?? ''}`;
    const current = await this.deps.users.membershipsOf([user.id]);
    const before = new Set(current.map(key));
    const after = new Set(wanted.map(key));
    if (before.size === after.size && [...after].every((k) => before.has(k))) return;
    await this.deps.users.replaceMemberships(user.id, wanted);
    await this.deps.audit.record({
      organisationId: user.organisation_id,
      actorUserId: user.id,
      action: 'auth.sso_roles_changed',
      subjectType: 'user',
      subjectId: user.id,
      details: { from: [...new Set(current.map((m) => m.role))], to: [...new Set(wanted.map((m) => m.role))] },
    });
  }

  private async refuse(organisationId: string | null, userId: string | null, reason: SsoRefusalReason, details: Record<string, string | number> = {}): Promise<SsoRefusal> {
    await this.deps.audit.record({
      organisationId,
      actorUserId: userId,
      action: 'auth.sso_refused',
      ...(userId ? { subjectType: 'user', subjectId: userId } : {}),
      details: { reason, ...details },
    });
    return new SsoRefusal(reason);
  }

  // ---- log-out -----------------------------------------------------------------------------

  /** Ends the session here; when it came from SSO, also returns the provider's log-out page (RP-initiated log-out). */
  async logout(session: AuthenticatedSession): Promise<string | null> {
    requirePermission(session.actor, 'account.self');
    const link = this.deps.config ? await this.deps.sso.findSessionLink(session.sessionId) : undefined;
    await this.deps.auth.logout(session);
    if (!link || !this.deps.config) return null;
    try {
      const configuration = await this.configuration();
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      // No ID token is kept (nothing to leak), so the provider learns who by client_id and its own cookie.
      return oidc.buildEndSessionUrl(configuration, { client_id: this.deps.config.clientId, post_logout_redirect_uri: this.deps.config.postLogoutRedirectUri }).href;
    } catch {
      return null;
    }
  }

  /** OpenID Connect Back-Channel Logout 1.0: a signed logout_token from the provider ends the matching sessions. */
  async backChannelLogout(logoutToken: string): Promise<number> {
    const config = this.requireConfig();
    const configuration = await this.configuration();
    const metadata = configuration.serverMetadata();
    let payload: JWTPayload;
    try {
      if (!metadata.jwks_uri) throw new Error('no jwks_uri');
      this.keySet ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
      ({ payload } = await jwtVerify(logoutToken, this.keySet, { issuer: metadata.issuer, audience: config.clientId, maxTokenAge: '10 minutes', requiredClaims: ['iat'] }));
    } catch {
      throw new AppError('sso_logout_token_invalid');
    }
    const events = payload.events as Record<string, unknown> | undefined;
    const subject = typeof payload.sub === 'string' ? payload.sub : undefined;
    const providerSessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (!events || typeof events[backChannelLogoutEvent] !== 'object' || 'nonce' in payload || (!subject && !providerSessionId)) {
      throw new AppError('sso_logout_token_invalid');
    }
    const ended = await this.deps.sso.deleteSessions(metadata.issuer, { subject, providerSessionId });
    for (const userId of new Set(ended.map((e) => e.userId))) {
      const organisationId = ended.find((e) => e.userId === userId)?.organisationId ?? null;
      await this.deps.audit.record({ organisationId, actorUserId: null, action: 'auth.sso_logged_out', subjectType: 'user', subjectId: userId, details: { sessions: ended.filter((e) => e.userId === userId).length, by: 'provider' } });
    }
    return ended.length;
  }

  // ---- administration ----------------------------------------------------------------------

  /** Password log-in is allowed unless the organisation switched it off; break-glass administrators keep it. */
  async passwordLoginAllowed(user: UserRow): Promise<boolean> {
    if (!this.deps.config) return true;
    const settings = await this.deps.sso.settingsOf(user.organisation_id);
    if (settings?.passwords_off !== 1) return true;
    if (!this.deps.config.breakGlassEmails.includes(user.email.toLowerCase())) return false;
    return (await this.deps.users.membershipsOf([user.id])).some((m) => m.role === 'administrator');
  }

  private async passwordsOff(organisationId: string | null): Promise<boolean> {
    if (!this.deps.config) return false;
    const id = organisationId ?? this.deps.config.organisationId ?? (await this.deps.sso.soleOrganisationId());
    return id ? (await this.deps.sso.settingsOf(id))?.passwords_off === 1 : false;
  }
}
