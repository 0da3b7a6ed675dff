import { randomUUID } from 'node:crypto';
import {
  consentTextVersionFor,
  clientLocaleOf,
  signatureSchema,
  type ClientHome,
  type ConsentCopy,
  type ConsentForm,
  type GiveConsentRequest,
} from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { ConsentRow, ConsentsRepository } from '../../db/repositories/consents.repository.js';
import type { ConversationRow, ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { ConsentWithdrawals } from './consent-withdrawals.js';
import { settingsOf } from '../admin/organisation-settings.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { openText, sealText } from '../clients/sealed-text.js';
import { accountUsable } from '../auth/account-window.js';
import { AppError } from '../errors.js';
import type { DeclineReasonCounter } from './decline-reasons.js';
import type { ConsentWithdrawalListener } from './withdrawal.js';

export interface ConsentDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  /** Who hears of a withdrawal (registered by the composition root). */
  withdrawals: ConsentWithdrawals;
  clients: ClientsRepository;
  conversations: ConversationsRepository;
  consents: ConsentsRepository;
  users: UsersRepository;
  organisations: OrganisationsRepository;
  audit: AuditLog;
  /** Saying no with a reason: counted without a link (see decline-reasons.ts). */
  declineReasons?: Pick<DeclineReasonCounter, 'record'>;
  masterKey: Buffer;
  now: Clock;
}

/**
 * Consent for recording a conversation: the client gives or refuses it through their own client
 * session (own phone, or the professional's tablet handed over), the professional confirms their
 * own, the client can withdraw at any time. Each consent records the version of the text shown.
 */
export class ConsentService {
  private readonly now: Clock;

  constructor(private readonly deps: ConsentDependencies) {
    this.now = deps.now;
  }

  addWithdrawalListener(listener: ConsentWithdrawalListener): void {
    this.deps.withdrawals.add(listener);
  }

  // ——— The client ———

  async clientHome(session: ClientSession): Promise<ClientHome> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    const client = await this.client(session);
    const conversations = await this.deps.conversations.listForClient(client.id);
    const consents = await this.deps.consents.listForClient(client.id);
    const answered = new Set(consents.map((c) => c.conversation_id));
    const organisation = await this.deps.organisations.findById(client.organisation_id);
    const professional = await this.deps.users.findById(client.professional_id);
    await this.deps.audit.record({ organisationId: client.organisation_id, actorUserId: null, action: 'consent.client_home_viewed', subjectType: 'client', subjectId: client.id });
    const heldOn = new Map(conversations.map((c) => [c.id, c.held_on]));
    return {
      organisationName: organisation?.name ?? '',
      professionalName: professional?.name ?? '',
      waiting: conversations.filter((c) => !answered.has(c.id)).map((c) => ({ conversationId: c.id, heldOn: c.held_on, kind: c.kind })),
      consents: consents.map((c) => ({ id: c.id, conversationId: c.conversation_id, heldOn: heldOn.get(c.conversation_id) ?? '', status: c.status, media: c.media, givenAt: c.given_at, withdrawnAt: c.withdrawn_at })),
    };
  }

  async formFor(session: ClientSession, conversationId: string): Promise<ConsentForm> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'conversation.client', ids: [conversationId] });
    const client = await this.client(session);
    const conversation = await this.conversation(conversationId);
    const organisation = await this.deps.organisations.findById(client.organisation_id);
    if (!organisation) throw new AppError('not_found');
    const settings = settingsOf(organisation);
    const professional = await this.deps.users.findById(conversation.professional_id);
    const reviewer = await this.proposedReviewer(conversation);
    const latest = (await this.deps.consents.listForConversations([conversation.id]))[0];
    await this.deps.audit.record({ organisationId: client.organisation_id, actorUserId: null, action: 'consent.form_viewed', subjectType: 'conversation', subjectId: conversation.id });
    return {
      conversationId: conversation.id,
      heldOn: conversation.held_on,
      kind: conversation.kind,
      professionalName: professional?.name ?? '',
      organisationName: organisation.name,
      reviewer: reviewer ? { name: reviewer.name, independentFrom: reviewer.independentFrom } : null,
      retentionDaysOptions: settings.retentionDaysOptions,
      retentionDaysDefault: settings.retentionDaysDefault,
      textVersion: consentTextVersionFor(client.partner_kind),
      answeredConsentId: latest && latest.status !== 'declined' ? latest.id : null,
    };
  }

  /** The client's answer. "No" (media none) needs no name: saying no must be as easy as yes. */
  async give(session: ClientSession, conversationId: string, input: GiveConsentRequest): Promise<ConsentCopy> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'conversation.client', ids: [conversationId] });
    const client = await this.client(session);
    const conversation = await this.conversation(conversationId);
    const textVersion = consentTextVersionFor(client.partner_kind);
    if (input.textVersion !== textVersion) throw new AppError('consent_text_outdated');
    const latest = (await this.deps.consents.listForConversations([conversation.id]))[0];
    if (latest && latest.status !== 'declined') throw new AppError('consent_already_answered');

    const organisation = await this.deps.organisations.findById(client.organisation_id);
    if (!organisation) throw new AppError('not_found');
    const settings = settingsOf(organisation);
    const declined = input.media === 'none';
    const now = this.now().toISOString();

    let signature = '';
    if (!declined) {
      const parsed = signatureSchema.safeParse(input.signature ?? '');
      if (!parsed.success) throw new AppError('validation', [{ path: 'signature', message: 'signature_required' }]);
      signature = parsed.data;
      if (!settings.retentionDaysOptions.includes(input.retentionDays)) throw new AppError('validation', [{ path: 'retentionDays', message: 'retention_not_offered' }]);
    }
    const audience = declined ? 'professional' : input.audience;
    // The client agrees to the reviewer the professional proposed (or to one not named yet); a
    // client never picks a user id.
    const reviewer = audience === 'professional' ? null : await this.proposedReviewer(conversation);

    const row: ConsentRow = {
      id: randomUUID(),
      conversation_id: conversation.id,
      client_id: client.id,
      professional_id: conversation.professional_id,
      status: declined ? 'declined' : 'given',
      media: input.media,
      audience,
      reviewer_user_id: reviewer?.id ?? null,
      // Only an open coach needs the choice; a named one is who they are.
      reviewer_from: audience !== 'professional' && !reviewer ? input.reviewerFrom : 'any',
      watch_with_client: !declined && input.watchWithClient ? 1 : 0,
      feedback_via_reviewer: !declined && input.feedbackViaReviewer ? 1 : 0,
      retention_days: declined ? settings.retentionDaysDefault : input.retentionDays,
      text_version: textVersion,
      locale: input.locale,
      signed_via: session.via === 'tablet' ? 'tablet' : 'own_device',
      client_signature: signature ? sealText(this.deps.masterKey, signature) : '',
      professional_consented_at: null,
      given_at: now,
      withdrawn_at: null,
      created_at: now,
      withdrawal_pending: 0,
      policy_viewing: !declined && input.policyViewing ? 1 : 0,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.consents.insert(row);
      await audit.record({
        organisationId: client.organisation_id,
        actorUserId: null,
        action: declined ? 'consent.declined' : 'consent.given',
        subjectType: 'consent',
        subjectId: row.id,
        details: { conversationId: conversation.id, textVersion, via: row.signed_via, policyViewing: row.policy_viewing === 1 },
      });
    });
    // At most one reason per conversation (the first no), never in the audit entry above.
    if (declined && input.declineReason && !latest) await this.deps.declineReasons?.record(client.organisation_id, 'consent', input.declineReason);
    return this.copyOf(row);
  }

  async copyForClient(session: ClientSession, consentId: string): Promise<ConsentCopy> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'consent.client', ids: [consentId] });
    const consent = await this.consent(consentId);
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'consent.copy_viewed', subjectType: 'consent', subjectId: consent.id });
    return this.copyOf(consent);
  }

  /**
   * The client stops, without a reason, with their own link and code. The withdrawal is stored first and always succeeds for
   * the client; then every listener runs (crypto-shredding, deleting files). If one fails, the
   * consent stays marked pending and all listeners run again at the next boot.
   */
  async withdraw(session: ClientSession, consentId: string): Promise<ConsentCopy> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'consent.client', ids: [consentId] });
    const consent = await this.consent(consentId);
    // Only with the client's own link and code: a session handed over on the professional's
    // device must not let anyone else end a consent in the client's name.
    if (session.via !== 'link') throw new AppError('forbidden');
    if (consent.status === 'given') {
      const changed = await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
        const withdrawn = await repositories.consents.withdraw(consent.id, this.now().toISOString());
        if (withdrawn) {
          await audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'consent.withdrawn', subjectType: 'consent', subjectId: consent.id, details: { conversationId: consent.conversation_id } });
        }
        return withdrawn;
      });
      // After the commit: listeners shred files and rows through their own connections.
      if (changed) await this.deps.withdrawals.run(consent);
    }
    const updated = await this.deps.consents.findById(consent.id);
    if (!updated) throw new AppError('not_found');
    return this.copyOf(updated);
  }

  /**
   * The client takes back only "kijk met ons mee", with their own link and code: the rest of the
   * consent stays. Every fragment shown to policy ends at once (the shares are revoked and their
   * cuts deleted by the listeners; the access gate reads the choice too).
   */
  async withdrawPolicyViewing(session: ClientSession, consentId: string): Promise<ConsentCopy> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'consent.client', ids: [consentId] });
    const consent = await this.consent(consentId);
    if (session.via !== 'link') throw new AppError('forbidden');
    if (consent.policy_viewing === 1) {
      await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
        await repositories.consents.update(consent.id, { policy_viewing: 0 });
        await audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'consent.policy_viewing_withdrawn', subjectType: 'consent', subjectId: consent.id, details: { conversationId: consent.conversation_id } });
      });
      await this.deps.withdrawals.runPolicyViewing(consent);
    }
    const updated = await this.deps.consents.findById(consent.id);
    if (!updated) throw new AppError('not_found');
    return this.copyOf(updated);
  }

  // ——— The professional ———

  async copyForProfessional(actor: Actor, consentId: string): Promise<ConsentCopy> {
    await requireAccess(this.deps.gate, { actor, permission: 'consent.professional', ids: [consentId] });
    const consent = await this.consent(consentId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'consent.viewed', subjectType: 'consent', subjectId: consent.id });
    return this.copyOf(consent);
  }

  /** The professional is recorded too: their own consent, on the same terms, confirmed separately. */
  async confirmAsProfessional(actor: Actor, consentId: string): Promise<ConsentCopy> {
    await requireAccess(this.deps.gate, { actor, permission: 'consent.professional', ids: [consentId] });
    const consent = await this.consent(consentId);
    if (consent.status !== 'given') throw new AppError('consent_not_given');
    if (consent.professional_consented_at === null) {
      await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
        await repositories.consents.update(consent.id, { professional_consented_at: this.now().toISOString() });
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'consent.professional_confirmed', subjectType: 'consent', subjectId: consent.id });
      });
    }
    const updated = await this.deps.consents.findById(consent.id);
    if (!updated) throw new AppError('not_found');
    return this.copyOf(updated);
  }

  // ——— Helpers ———

  private async copyOf(row: ConsentRow): Promise<ConsentCopy> {
    const conversation = await this.deps.conversations.findById(row.conversation_id);
    if (!conversation) throw new AppError('not_found');
    const organisation = await this.deps.organisations.findById(conversation.organisation_id);
    const professional = await this.deps.users.findById(row.professional_id);
    const reviewer = row.reviewer_user_id ? await this.deps.users.findById(row.reviewer_user_id) : undefined;
    return {
      id: row.id,
      conversationId: row.conversation_id,
      conversation: { heldOn: conversation.held_on, kind: conversation.kind },
      professionalName: professional?.name ?? '',
      organisationName: organisation?.name ?? '',
      status: row.status,
      media: row.media,
      audience: row.audience,
      reviewer: reviewer ? { id: reviewer.id, name: reviewer.name, independentFrom: reviewer.external_organisation } : null,
      reviewerFrom: row.reviewer_from,
      watchWithClient: row.watch_with_client === 1,
      feedbackViaReviewer: row.feedback_via_reviewer === 1,
      policyViewing: row.policy_viewing === 1,
      retentionDays: row.retention_days,
      textVersion: row.text_version,
      locale: clientLocaleOf(row.locale),
      signedVia: row.signed_via,
      signature: row.client_signature ? openText(this.deps.masterKey, row.client_signature) : '',
      givenAt: row.given_at,
      professionalConsentedAt: row.professional_consented_at,
      withdrawnAt: row.withdrawn_at,
      withdrawalPending: row.withdrawal_pending === 1,
    };
  }

  /** The proposed reviewer, if still an active reviewer in the same organisation. */
  private async proposedReviewer(conversation: ConversationRow): Promise<{ id: string; name: string; independentFrom: string | null } | null> {
    if (!conversation.reviewer_user_id) return null;
    const user = await this.deps.users.findById(conversation.reviewer_user_id);
    if (!user || !accountUsable(user, this.now()) || user.organisation_id !== conversation.organisation_id) return null;
    const memberships = await this.deps.users.membershipsOf([user.id]);
    return memberships.some((m) => m.role === 'reviewer') ? { id: user.id, name: user.name, independentFrom: user.external_organisation } : null;
  }

  private async client(session: ClientSession) {
    const client = await this.deps.clients.findById(session.clientId);
    if (!client) throw new AppError('client_unauthenticated');
    return client;
  }

  private async conversation(conversationId: string): Promise<ConversationRow> {
    const conversation = await this.deps.conversations.findById(conversationId);
    if (!conversation) throw new AppError('not_found');
    return conversation;
  }

  private async consent(consentId: string): Promise<ConsentRow> {
    const consent = await this.deps.consents.findById(consentId);
    if (!consent) throw new AppError('not_found');
    return consent;
  }
}
