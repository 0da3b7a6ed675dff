import type { AdminSsoSettingsResponse, AdminUserSsoResponse } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { SsoRepository } from '../../db/repositories/sso.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { MappedRole, SsoConfig } from './oidc-claims.js';

export interface SsoSettingsDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  /** Undefined when SSO is not configured. */
  config: SsoConfig | undefined;
  sso: Pick<SsoRepository, 'settingsOf' | 'identitiesOfUser'>;
  now: Clock;
}

/**
 * The administrator's side of single sign-on: what it is set to, switching passwords off, and the
 * claims an account last arrived with. Signing in itself is OidcService (tokens, no actor).
 */
export class SsoSettingsService {
  constructor(private readonly deps: SsoSettingsDependencies) {}

  async userClaims(actor: Actor, userId: string): Promise<AdminUserSsoResponse> {
    await requireAccess(this.deps.gate, { actor, permission: 'user.administrator', ids: [userId] });
    const identities = await this.deps.sso.identitiesOfUser(userId);
    return {
      identities: identities.map((identity) => {
        const stored = JSON.parse(identity.last_claims_json) as { values: Record<string, string[]>; mapped: MappedRole[] };
        return { issuer: identity.issuer, lastLoginAt: identity.last_login_at, claims: Object.entries(stored.values).map(([claim, values]) => ({ claim, values })), mapped: stored.mapped };
      }),
    };
  }

  async settings(actor: Actor): Promise<AdminSsoSettingsResponse> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    return this.settingsOf(actor);
  }

  /** Passwords go off only once SSO is configured and the administrator has logged in through it themself. */
  async setPasswordsOff(actor: Actor, passwordsOff: boolean): Promise<AdminSsoSettingsResponse> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    if (!this.deps.config) throw new AppError('sso_not_configured');
    if (passwordsOff && (await this.deps.sso.identitiesOfUser(actor.userId)).length === 0) throw new AppError('sso_not_proven');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.sso.saveSettings({ organisation_id: actor.organisationId, passwords_off: passwordsOff ? 1 : 0, changed_at: this.deps.now().toISOString(), changed_by: actor.userId });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: passwordsOff ? 'admin.passwords_off' : 'admin.passwords_on', subjectType: 'organisation', subjectId: actor.organisationId });
    });
    return this.settingsOf(actor);
  }

  private async settingsOf(actor: Actor): Promise<AdminSsoSettingsResponse> {
    const config = this.deps.config;
    const stored = await this.deps.sso.settingsOf(actor.organisationId);
    return {
      configured: config !== undefined,
      label: config?.label ?? null,
      passwordsOff: config !== undefined && stored?.passwords_off === 1,
      provenByYou: config !== undefined && (await this.deps.sso.identitiesOfUser(actor.userId)).length > 0,
      breakGlassCount: config?.breakGlassEmails.length ?? 0,
    };
  }
}
