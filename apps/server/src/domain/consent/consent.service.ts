import { randomUUID } from 'node:crypto';
import {
  consentTextDocument,
  consentTextVersion,
  consentTextVersionFor,
  staffConsentTextDocument,
  staffConsentTextVersion,
  clientLocaleOf,
  signatureSchema,
  type ClientHome,
  type ConsentCopy,
  type ConsentForm,
  type GiveConsentRequest,
} from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { sha256Hex } from '../../crypto/random.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { ConsentRow, ConsentsRepository } from '../../db/repositories/consents.repository.js';
import type { ConversationRow, ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { settingsOf } from '../admin/organisation-settings.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { openText, sealText } from '../clients/sealed-text.js';
import { accountUsable } from '../auth/account-window.js';
import { AppError } from '../errors.js';
import type { DeclineReasonsService } from './decline-reasons.service.js';
import type { ConsentWithdrawalListener, ConsentWithdrawnEvent } from './withdrawal.js';

export interface ConsentDependencies {
  clients: ClientsRepository;
  conversations: ConversationsRepository;
  consents: ConsentsRepository;
  users: UsersRepository;
  organisations: OrganisationsRepository;
  audit: AuditLog;
  /** Saying no with a reason: counted without a link (see decline-reasons.service.ts). */
  declineReasons?: Pick<DeclineReasonsService, 'record'>;
  masterKey: Buffer;
  /** Where a failing withdrawal listener is reported (ids only). */
  warn?: (message: string, details: Record<string, string>) => void;
  now: Clock;
}

/**
 * Consent for recording a conversation: the client gives or refuses it through their own client
 * session (own phone, or the professional's tablet handed over), the professional confirms their
 * own, the client can withdraw at any time. Each consent records the version of the text shown.
 */
export class ConsentService {
  private readonly now: Clock;
  private readonly listeners: ConsentWithdrawalListener[] = [];

  constructor(private readonly deps: ConsentDependencies) {
    this.now = deps.now;
  }

  addWithdrawalListener(listener: ConsentWithdrawalListener): void {
    this.listeners.push(listener);
  }

  /**
   * At boot: the current text version must be registered with exactly today's words. A changed
   * text under an old version number would make old consents point at words nobody saw, so that
   * refuses to start.
   */
  async ensureCurrentText(): Promise<void> {
    // The client text and the text for staff members (a manager's own conversations) each have their own version.
    const documents: Array<[version: string, document: string, file: string, constant: string]> = [
      [consentTextVersion, consentTextDocument(), 'consent-text.ts', 'consentTextVersion'],
      [staffConsentTextVersion, staffConsentTextDocument(), 'consent-text-staff.ts', 'staffConsentTextVersion'],
    ];
    for (const [version, document, file, constant] of documents) {
      const hash = sha256Hex(document);
      await this.deps.consents.insertTextIfMissing({ version, content_json: document, content_hash: hash, published_at: this.now().toISOString() });
      const stored = await this.deps.consents.findText(version);
      if (stored?.content_hash !== hash) {
        throw new Error(`The consent text changed but its version did not: give packages/shared/src/${file} a new ${constant} (now ${version}).`);
      }
    }
  }

  // ——— The client ———

  async clientHome(session: ClientSession): Promise<ClientHome> {
    const client = await this.clientOf(session);
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
    const client = await this.clientOf(session);
    const conversation = await this.clientConversation(session, conversationId);
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
    const client = await this.clientOf(session);
    const conversation = await this.clientConversation(session, conversationId);
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
      policy_viewing: 0,
    };
    await this.deps.consents.insert(row);
    await this.deps.audit.record({
      organisationId: client.organisation_id,
      actorUserId: null,
      action: declined ? 'consent.declined' : 'consent.given',
      subjectType: 'consent',
      subjectId: row.id,
      details: { conversationId: conversation.id, textVersion, via: row.signed_via },
    });
    // At most one reason per conversation (the first no), never in the audit entry above.
    if (declined && input.declineReason && !latest) await this.deps.declineReasons?.record(client.organisation_id, 'consent', input.declineReason);
    return this.copyOf(row);
  }

  async copyForClient(session: ClientSession, consentId: string): Promise<ConsentCopy> {
    const consent = await this.clientConsent(session, consentId);
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'consent.copy_viewed', subjectType: 'consent', subjectId: consent.id });
    return this.copyOf(consent);
  }

  /**
   * The client stops, without a reason, with their own link and code. The withdrawal is stored first and always succeeds for
   * the client; then every listener runs (crypto-shredding, deleting files). If one fails, the
   * consent stays marked pending and all listeners run again at the next boot.
   */
  async withdraw(session: ClientSession, consentId: string): Promise<ConsentCopy> {
    const consent = await this.clientConsent(session, consentId);
    // Only with the client's own link and code: a session handed over on the professional's
    // device must not let anyone else end a consent in the client's name.
    if (session.via !== 'link') throw new AppError('forbidden');
    if (consent.status === 'given') {
      const changed = await this.deps.consents.withdraw(consent.id, this.now().toISOString());
      if (changed) {
        await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'consent.withdrawn', subjectType: 'consent', subjectId: consent.id, details: { conversationId: consent.conversation_id } });
        await this.runListeners(consent);
      }
    }
    const updated = await this.deps.consents.findById(consent.id);
    if (!updated) throw new AppError('not_found');
    return this.copyOf(updated);
  }

  // ——— The professional ———

  async copyForProfessional(actor: Actor, consentId: string): Promise<ConsentCopy> {
    requirePermission(actor, 'clients.own');
    const consent = await this.ownConsent(actor, consentId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'consent.viewed', subjectType: 'consent', subjectId: consent.id });
    return this.copyOf(consent);
  }

  /** The professional is recorded too: their own consent, on the same terms, confirmed separately. */
  async confirmAsProfessional(actor: Actor, consentId: string): Promise<ConsentCopy> {
    requirePermission(actor, 'clients.own');
    const consent = await this.ownConsent(actor, consentId);
    if (consent.status !== 'given') throw new AppError('consent_not_given');
    if (consent.professional_consented_at === null) {
      await this.deps.consents.update(consent.id, { professional_consented_at: this.now().toISOString() });
      await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'consent.professional_confirmed', subjectType: 'consent', subjectId: consent.id });
    }
    const updated = await this.deps.consents.findById(consent.id);
    if (!updated) throw new AppError('not_found');
    return this.copyOf(updated);
  }

  // ——— Follow-up of withdrawals ———

  /** Runs the listeners again for every withdrawal whose follow-up did not finish. Call at boot. */
  async retryPendingWithdrawals(): Promise<{ retried: number; stillPending: number }> {
    const pending = await this.deps.consents.listWithdrawalPending();
    let stillPending = 0;
    for (const consent of pending) {
      if (!(await this.runListeners(consent))) stillPending += 1;
    }
    return { retried: pending.length, stillPending };
  }

  private async runListeners(consent: ConsentRow): Promise<boolean> {
    const event: ConsentWithdrawnEvent = { consentId: consent.id, conversationId: consent.conversation_id, clientId: consent.client_id, professionalId: consent.professional_id };
    let ok = true;
    for (const listener of this.listeners) {
      try {
        await listener.onConsentWithdrawn(event);
      } catch (error) {
        ok = false;
        this.deps.warn?.('consent withdrawal follow-up failed; retried at next start', { consentId: consent.id, error: error instanceof Error ? error.name : 'unknown' });
      }
    }
    if (ok) await this.deps.consents.update(consent.id, { withdrawal_pending: 0 });
    return ok;
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

  private async clientOf(session: ClientSession) {
    const client = await this.deps.clients.findById(session.clientId);
    if (!client || client.organisation_id !== session.organisationId) throw new AppError('client_unauthenticated');
    return client;
  }

  private async clientConversation(session: ClientSession, conversationId: string): Promise<ConversationRow> {
    const conversation = await this.deps.conversations.findById(conversationId);
    if (!conversation || conversation.client_id !== session.clientId) throw new AppError('not_found');
    return conversation;
  }

  private async clientConsent(session: ClientSession, consentId: string): Promise<ConsentRow> {
    const consent = await this.deps.consents.findById(consentId);
    if (!consent || consent.client_id !== session.clientId) throw new AppError('not_found');
    return consent;
  }

  private async ownConsent(actor: Actor, consentId: string): Promise<ConsentRow> {
    const consent = await this.deps.consents.findById(consentId);
    if (!consent || consent.professional_id !== actor.userId) throw new AppError('not_found');
    const conversation = await this.deps.conversations.findById(consent.conversation_id);
    if (!conversation || conversation.organisation_id !== actor.organisationId) throw new AppError('not_found');
    return consent;
  }
}
