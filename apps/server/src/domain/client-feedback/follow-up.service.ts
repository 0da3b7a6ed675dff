import { randomUUID } from 'node:crypto';
import { clientLocaleOf, type ClientFollowUp, type FollowUp } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import type { FollowUpRow, FollowUpsRepository, OpenedFollowUp } from '../../db/repositories/follow-ups.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { checkAccess, requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';

export interface FollowUpDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  followUps: FollowUpsRepository;
  clients: ClientsRepository;
  feedback: FeedbackRepository;
  users: UsersRepository;
  audit: AuditLog;
  now?: () => Date;
}

/** The hand-written short version in the client's language, with the language it was written for. */
function shortVersionOf(row: FollowUpRow): FollowUp['shortVersion'] {
  return row.short_version ? { locale: clientLocaleOf(row.short_version_locale), text: row.short_version } : null;
}

function toFollowUp(row: OpenedFollowUp, pseudonym: string): FollowUp {
  return {
    id: row.id,
    clientId: row.client_id,
    pseudonym,
    feedbackId: row.feedback_id,
    learned: row.learned,
    changed: row.changed,
    shortVersion: shortVersionOf(row),
    erased: row.erased,
    status: row.status,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    readAt: row.read_at,
  };
}

/**
 * Follow-up (terugkoppeling): what the professional learned from the client's feedback and what
 * they changed. A draft is the professional's own; once sent, the client reads it on their page
 * and it no longer changes.
 */
export class FollowUpService {
  private readonly now: () => Date;

  constructor(private readonly deps: FollowUpDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(actor: Actor, input: { clientId: string; feedbackId: string | null; learned: string; changed: string; shortVersion?: string | undefined; send: boolean }): Promise<FollowUp> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    const ownClient = (await checkAccess(this.deps.gate, { actor, permission: 'client.owner', ids: [input.clientId] })).has(input.clientId);
    const client = ownClient ? await this.deps.clients.findById(input.clientId) : undefined;
    if (!client) throw new AppError('validation', [{ path: 'clientId', message: 'client_unknown' }]);
    if (input.feedbackId) {
      const ownFeedback = (await checkAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [input.feedbackId] })).has(input.feedbackId);
      const participant = ownFeedback ? await this.deps.feedback.findParticipant(input.feedbackId, client.id) : undefined;
      if (!participant) throw new AppError('validation', [{ path: 'feedbackId', message: 'conversation_unknown' }]);
    }
    const at = this.now().toISOString();
    const row: FollowUpRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      professional_id: actor.userId,
      client_id: client.id,
      feedback_id: input.feedbackId,
      learned: input.learned,
      changed: input.changed,
      status: input.send ? 'sent' : 'draft',
      created_at: at,
      updated_at: at,
      sent_at: input.send ? at : null,
      read_at: null,
      // Written for the language the client reads now; kept with it if that changes later.
      short_version: input.shortVersion ? input.shortVersion : null,
      short_version_locale: input.shortVersion ? clientLocaleOf(client.locale) : null,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.followUps.insert(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: input.send ? 'follow_up.sent' : 'follow_up.drafted', subjectType: 'follow_up', subjectId: row.id });
    });
    return toFollowUp({ ...row, erased: false }, client.pseudonym);
  }

  async list(actor: Actor, clientId?: string): Promise<FollowUp[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    const rows = await this.deps.followUps.listForProfessional(actor.userId, clientId);
    return rows.map((row) => toFollowUp(row, row.pseudonym));
  }

  async update(actor: Actor, id: string, input: { learned?: string | undefined; changed?: string | undefined; shortVersion?: string | undefined }): Promise<FollowUp> {
    await requireAccess(this.deps.gate, { actor, permission: 'follow_up.owner', ids: [id] });
    const row = await this.ownDraft(id);
    const client = input.shortVersion ? await this.deps.clients.findById(row.client_id) : undefined;
    const shortVersion =
      input.shortVersion === undefined
        ? { short_version: row.short_version, short_version_locale: row.short_version_locale }
        : { short_version: input.shortVersion || null, short_version_locale: input.shortVersion ? clientLocaleOf(client?.locale) : null };
    const changes = { learned: input.learned ?? row.learned, changed: input.changed ?? row.changed, ...shortVersion, updated_at: this.now().toISOString() };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.followUps.update(id, changes);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'follow_up.changed', subjectType: 'follow_up', subjectId: id });
    });
    return this.view({ ...row, ...changes });
  }

  async send(actor: Actor, id: string): Promise<FollowUp> {
    await requireAccess(this.deps.gate, { actor, permission: 'follow_up.owner', ids: [id] });
    const row = await this.ownDraft(id);
    const at = this.now().toISOString();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.followUps.update(id, { status: 'sent', sent_at: at, updated_at: at });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'follow_up.sent', subjectType: 'follow_up', subjectId: id });
    });
    return this.view({ ...row, status: 'sent', sent_at: at, updated_at: at });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'follow_up.owner', ids: [id] });
    await this.ownDraft(id);
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.followUps.delete(id);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'follow_up.deleted', subjectType: 'follow_up', subjectId: id });
    });
  }

  async clientGet(session: ClientSession, id: string): Promise<ClientFollowUp> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'follow_up.recipient', ids: [id] });
    const row = await this.deps.followUps.findById(id);
    // Erased at the client's own request: gone for them as for everyone.
    if (!row || row.erased) throw new AppError('not_found');
    const professional = await this.deps.users.findById(row.professional_id);
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'follow_up.client_viewed', subjectType: 'follow_up', subjectId: id });
    return { id: row.id, professionalName: professional?.name ?? '', learned: row.learned, changed: row.changed, shortVersion: shortVersionOf(row), sentAt: row.sent_at ?? row.updated_at, read: row.read_at !== null };
  }

  async clientMarkRead(session: ClientSession, id: string): Promise<ClientFollowUp> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'follow_up.recipient', ids: [id] });
    const current = await this.clientGet(session, id);
    if (!current.read) await this.deps.followUps.update(id, { read_at: this.now().toISOString() });
    return { ...current, read: true };
  }

  /** A follow-up the gate let through as `follow_up.owner`, while it is still a draft. */
  private async ownDraft(id: string): Promise<OpenedFollowUp> {
    const row = await this.deps.followUps.findById(id);
    if (!row) throw new AppError('not_found');
    if (row.status === 'sent') throw new AppError('follow_up_sent');
    return row;
  }

  private async view(row: OpenedFollowUp): Promise<FollowUp> {
    const client = await this.deps.clients.findById(row.client_id);
    return toFollowUp(row, client?.pseudonym ?? '');
  }
}
