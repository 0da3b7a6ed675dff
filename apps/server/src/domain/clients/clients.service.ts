import { randomUUID } from 'node:crypto';
import { clientLocaleOf, isEmailContact, offeredClientLocales, type Client, type ClientLocale, type Conversation, type ConversationKind, type PartnerKind } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ClientRow, ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { ConsentRow, ConsentsRepository } from '../../db/repositories/consents.repository.js';
import type { ConversationRow, ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { openText, sealText } from './sealed-text.js';
import { addDays, localDay } from '../client-feedback/calendar.js';
import { defaultPartnerKind, mayHavePartner } from './partner-kind.js';

export interface ClientsDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  clients: ClientsRepository;
  conversations: ConversationsRepository;
  consents: ConsentsRepository;
  users: UsersRepository;
  organisations: OrganisationsRepository;
  audit: AuditLog;
  masterKey: Buffer;
  /** Whether an SMTP server is configured, so links can go to clients by e-mail. */
  emailConfigured?: boolean;
  now: Clock;
}

export interface Reviewer {
  id: string;
  name: string;
}

/** Latest answer first; the summary the professional sees next to a conversation. */
export function consentSummaryOf(row: ConsentRow | undefined): Conversation['consent'] {
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    media: row.media,
    professionalConfirmed: row.professional_consented_at !== null,
    givenAt: row.given_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/**
 * A professional's own clients and conversations. Owner-only (the gate's `client.owner` and
 * `conversation.owner`): there is no method that reads another professional's clients, and a
 * client that is not yours answers not_found, never 403, so its existence does not leak.
 */
export class ClientsService {
  /** A client can only be given a language their organisation offers (the administrator chooses them). */
  private async assertOffered(actor: Actor, locale: ClientLocale): Promise<void> {
    const organisation = await this.deps.organisations.findById(actor.organisationId);
    if (!offeredClientLocales(organisation ? settingsOf(organisation).clientLocales : undefined).includes(locale)) throw new AppError('client_locale_not_offered');
  }

  private readonly now: Clock;

  constructor(private readonly deps: ClientsDependencies) {
    this.now = deps.now;
  }

  async list(actor: Actor): Promise<Client[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    const rows = (await this.deps.clients.listForProfessional(actor.userId)).filter((row) => row.organisation_id === actor.organisationId);
    const counts = await this.deps.conversations.countPerClient(actor.userId);
    const withAccess = await this.deps.clients.clientIdsWithAccess(rows.map((row) => row.id));
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'client.listed', details: { count: rows.length } });
    return rows.map((row) => this.toClient(row, counts.get(row.id) ?? 0, withAccess.has(row.id)));
  }

  async create(actor: Actor, input: { pseudonym: string; contact?: string | null | undefined; locale?: ClientLocale | undefined; partnerKind?: PartnerKind | undefined }): Promise<Client> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    const partnerKind = input.partnerKind ?? defaultPartnerKind(actor);
    if (!mayHavePartner(actor, partnerKind)) throw new AppError('partner_kind_not_allowed');
    if (input.locale !== undefined) await this.assertOffered(actor, input.locale);
    const row: ClientRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      professional_id: actor.userId,
      pseudonym: input.pseudonym,
      contact_wrapped: input.contact ? sealText(this.deps.masterKey, input.contact) : null,
      text_key: null,
      locale: input.locale ?? 'nl',
      created_at: this.now().toISOString(),
      feedback_reminder_months: null,
      feedback_reminder_due_on: null,
      partner_kind: partnerKind,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.clients.insert(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'client.created', subjectType: 'client', subjectId: row.id, details: { hasContact: row.contact_wrapped !== null, partnerKind } });
    });
    return this.toClient(row, 0, false);
  }

  async get(actor: Actor, clientId: string): Promise<Client> {
    await requireAccess(this.deps.gate, { actor, permission: 'client.owner', ids: [clientId] });
    const row = await this.client(clientId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'client.viewed', subjectType: 'client', subjectId: clientId });
    return this.describe(row);
  }

  async update(
    actor: Actor,
    clientId: string,
    changes: { pseudonym?: string | undefined; contact?: string | null | undefined; locale?: ClientLocale | undefined; feedbackReminderMonths?: number | null | undefined; feedbackReminderDone?: true | undefined },
  ): Promise<Client> {
    await requireAccess(this.deps.gate, { actor, permission: 'client.owner', ids: [clientId] });
    const existing = await this.client(clientId);
    if (changes.locale !== undefined) await this.assertOffered(actor, changes.locale);
    const update: Partial<Pick<ClientRow, 'pseudonym' | 'contact_wrapped' | 'locale' | 'feedback_reminder_months' | 'feedback_reminder_due_on'>> = {};
    const months = changes.feedbackReminderMonths !== undefined ? changes.feedbackReminderMonths : changes.feedbackReminderDone ? existing.feedback_reminder_months : undefined;
    if (months !== undefined) {
      update.feedback_reminder_months = months;
      update.feedback_reminder_due_on = months === null ? null : localDay(addDays(this.now(), Math.round(months * 30.44)));
    }
    if (changes.pseudonym !== undefined) update.pseudonym = changes.pseudonym;
    if (changes.locale !== undefined) update.locale = changes.locale;
    if (changes.contact !== undefined) update.contact_wrapped = changes.contact ? sealText(this.deps.masterKey, changes.contact) : null;
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      if (Object.keys(update).length > 0) await repositories.clients.update(clientId, update);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'client.updated', subjectType: 'client', subjectId: clientId, details: { fields: Object.keys(changes) } });
    });
    return this.describe(await this.client(clientId));
  }

  async listConversations(actor: Actor, clientId: string): Promise<Conversation[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'client.owner', ids: [clientId] });
    const client = await this.client(clientId);
    const rows = await this.deps.conversations.listForClient(clientId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'conversation.listed', subjectType: 'client', subjectId: clientId, details: { count: rows.length } });
    return this.toConversations(client, rows);
  }

  async createConversation(actor: Actor, clientId: string, input: { heldOn: string; kind: ConversationKind; reviewerUserId?: string | null | undefined }): Promise<Conversation> {
    await requireAccess(this.deps.gate, { actor, permission: 'client.owner', ids: [clientId] });
    const client = await this.client(clientId);
    const reviewerUserId = input.reviewerUserId ? (await this.checkedReviewer(actor, input.reviewerUserId)).id : null;
    const row: ConversationRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      professional_id: actor.userId,
      client_id: client.id,
      held_on: input.heldOn,
      kind: input.kind,
      reviewer_user_id: reviewerUserId,
      created_at: this.now().toISOString(),
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.conversations.insert(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'conversation.created', subjectType: 'conversation', subjectId: row.id, details: { kind: row.kind } });
    });
    const [conversation] = await this.toConversations(client, [row]);
    if (!conversation) throw new AppError('internal');
    return conversation;
  }

  async getConversation(actor: Actor, conversationId: string): Promise<Conversation> {
    await requireAccess(this.deps.gate, { actor, permission: 'conversation.owner', ids: [conversationId] });
    const { client, conversation } = await this.conversation(conversationId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'conversation.viewed', subjectType: 'conversation', subjectId: conversationId });
    const [result] = await this.toConversations(client, [conversation]);
    if (!result) throw new AppError('internal');
    return result;
  }

  /** The reviewer proposed here is what the client sees; a consent already given keeps its own. */
  async updateConversation(actor: Actor, conversationId: string, changes: { heldOn?: string | undefined; kind?: ConversationKind | undefined; reviewerUserId?: string | null | undefined }): Promise<Conversation> {
    await requireAccess(this.deps.gate, { actor, permission: 'conversation.owner', ids: [conversationId] });
    const { client } = await this.conversation(conversationId);
    const update: Partial<Pick<ConversationRow, 'held_on' | 'kind' | 'reviewer_user_id'>> = {};
    if (changes.heldOn !== undefined) update.held_on = changes.heldOn;
    if (changes.kind !== undefined) update.kind = changes.kind;
    if (changes.reviewerUserId !== undefined) update.reviewer_user_id = changes.reviewerUserId ? (await this.checkedReviewer(actor, changes.reviewerUserId)).id : null;
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      if (Object.keys(update).length > 0) await repositories.conversations.update(conversationId, update);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'conversation.updated', subjectType: 'conversation', subjectId: conversationId, details: { fields: Object.keys(changes) } });
    });
    const updated = await this.deps.conversations.findById(conversationId);
    if (!updated) throw new AppError('not_found');
    const [result] = await this.toConversations(client, [updated]);
    if (!result) throw new AppError('internal');
    return result;
  }

  /** Active people with the reviewer role in the professional's organisation, to propose one. */
  async listReviewers(actor: Actor): Promise<Reviewer[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    return this.reviewersOf(actor.organisationId);
  }

  private async reviewersOf(organisationId: string): Promise<Reviewer[]> {
    const users = (await this.deps.users.listByOrganisation(organisationId)).filter((user) => user.active === 1);
    const memberships = await this.deps.users.membershipsOf(users.map((user) => user.id));
    const reviewerIds = new Set(memberships.filter((m) => m.role === 'reviewer').map((m) => m.user_id));
    return users.filter((user) => reviewerIds.has(user.id)).map((user) => ({ id: user.id, name: user.name }));
  }

  private async checkedReviewer(actor: Actor, userId: string): Promise<Reviewer> {
    const reviewer = (await this.reviewersOf(actor.organisationId)).find((r) => r.id === userId);
    if (!reviewer) throw new AppError('validation', [{ path: 'reviewerUserId', message: 'reviewer_unknown' }]);
    return reviewer;
  }

  private async describe(row: ClientRow): Promise<Client> {
    const counts = await this.deps.conversations.countPerClient(row.professional_id);
    const withAccess = await this.deps.clients.clientIdsWithAccess([row.id]);
    return this.toClient(row, counts.get(row.id) ?? 0, withAccess.has(row.id));
  }

  private toClient(row: ClientRow, conversationCount: number, hasAccess: boolean): Client {
    const contact = row.contact_wrapped ? openText(this.deps.masterKey, row.contact_wrapped) : null;
    return {
      id: row.id,
      pseudonym: row.pseudonym,
      contact,
      locale: clientLocaleOf(row.locale),
      hasAccess,
      canEmailLink: this.deps.emailConfigured === true && isEmailContact(contact),
      conversationCount,
      createdAt: row.created_at,
      partnerKind: row.partner_kind,
      feedbackReminder:
        row.feedback_reminder_months !== null && row.feedback_reminder_due_on !== null
          ? { months: row.feedback_reminder_months, dueOn: row.feedback_reminder_due_on, due: row.feedback_reminder_due_on <= localDay(this.now()) }
          : null,
    };
  }

  private async toConversations(client: ClientRow, rows: readonly ConversationRow[]): Promise<Conversation[]> {
    const consents = await this.deps.consents.listForConversations(rows.map((row) => row.id));
    const reviewerIds = [...new Set(rows.map((row) => row.reviewer_user_id).filter((id): id is string => id !== null))];
    const reviewers = await this.deps.users.namesOf(reviewerIds);
    return rows.map((row) => {
      const reviewerName = row.reviewer_user_id ? reviewers.get(row.reviewer_user_id) : undefined;
      return {
        id: row.id,
        clientId: client.id,
        clientPseudonym: client.pseudonym,
        heldOn: row.held_on,
        kind: row.kind,
        reviewer: row.reviewer_user_id && reviewerName !== undefined ? { id: row.reviewer_user_id, name: reviewerName } : null,
        consent: consentSummaryOf(consents.find((consent) => consent.conversation_id === row.id)),
        createdAt: row.created_at,
      };
    });
  }

  /** After the gate passed: the row (gone in between reads as not_found). */
  private async client(clientId: string): Promise<ClientRow> {
    const client = await this.deps.clients.findById(clientId);
    if (!client) throw new AppError('not_found');
    return client;
  }

  /** After the gate passed for the conversation; its client is the professional's own (a conversation is made for an own client, and clients never change hands). */
  private async conversation(conversationId: string): Promise<{ client: ClientRow; conversation: ConversationRow }> {
    const conversation = await this.deps.conversations.findById(conversationId);
    if (!conversation) throw new AppError('not_found');
    return { client: await this.client(conversation.client_id), conversation };
  }
}
