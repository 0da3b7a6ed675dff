import { randomUUID } from 'node:crypto';
import { clientLocaleOf, type CreateFeedbackRequest, type FeedbackDetail, type FeedbackListItem, type ParticipantShortVersionInput } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type { FeedbackRepository, FeedbackRow } from '../../db/repositories/feedback.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import { addDays } from './calendar.js';
import type { FeedbackLoader } from './feedback-loader.js';
import type { FeedbackViews } from './feedback-views.js';

export interface FeedbackLifecycleDependencies {
  gate: AccessGate;
  loader: FeedbackLoader;
  views: FeedbackViews;
  feedback: FeedbackRepository;
  clients: ClientsRepository;
  conversations: ConversationsRepository;
  audit: AuditLog;
  now: () => Date;
}

type FeedbackUpdate = { step?: 1 | 2 | 3 | undefined; status?: 'in_progress' | 'completed' | undefined; summary?: string | undefined; inviteDays?: number | undefined };

/** The professional starts, lists, moves on, completes and removes feedback conversations. */
export class FeedbackLifecycleService {
  constructor(private readonly deps: FeedbackLifecycleDependencies) {}

  async create(actor: Actor, input: Required<CreateFeedbackRequest>): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    for (const [index, clientId] of input.clientIds.entries()) {
      const client = await this.deps.clients.findById(clientId);
      if (!client || client.professional_id !== actor.userId) throw new AppError('validation', [{ path: `clientIds.${index}`, message: 'client_unknown' }]);
    }
    if (input.conversationId) {
      const conversation = await this.deps.conversations.findById(input.conversationId);
      if (!conversation || conversation.professional_id !== actor.userId || !input.clientIds.includes(conversation.client_id)) {
        throw new AppError('validation', [{ path: 'conversationId', message: 'conversation_unknown' }]);
      }
    }
    const now = this.deps.now();
    const at = now.toISOString();
    const id = randomUUID();
    const group = input.clientIds.length > 1;
    await this.deps.feedback.insert(
      {
        id,
        organisation_id: actor.organisationId,
        professional_id: actor.userId,
        conversation_id: input.conversationId,
        status: 'invited',
        step: 1,
        summary: '',
        invitation_expires_at: addDays(now, input.inviteDays).toISOString(),
        created_at: at,
        updated_at: at,
        started_at: null,
        completed_at: null,
      },
      input.clientIds.map((clientId, index) => ({
        id: randomUUID(),
        feedback_id: id,
        client_id: clientId,
        position: index + 1,
        // In a group, nobody is named toward the others unless they choose to be.
        anonymous: group ? 1 : 0,
        display_name: null,
        intro_seen: 0,
        picks_json: '[]',
        own_words: '',
        prepared_at: null,
        created_at: at,
        short_summary: null,
        short_agreements: null,
        short_locale: null,
      })),
    );
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'feedback.created', subjectType: 'feedback', subjectId: id, details: { participants: input.clientIds.length } });
    return this.deps.views.detailAfterChange(actor, id);
  }

  async list(actor: Actor): Promise<FeedbackListItem[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    const rows = await this.deps.feedback.listForProfessional(actor.userId);
    const participants = await this.deps.feedback.participants(rows.map((r) => r.id));
    const open = new Map((await this.deps.feedback.openChangeRequestCounts(actor.userId)).map((r) => [r.feedback_id, Number(r.n)]));
    return rows.map((row) => {
      const mine = participants.filter((p) => p.feedback_id === row.id);
      return {
        id: row.id,
        status: row.status,
        group: mine.length > 1,
        pseudonyms: mine.map((p) => p.pseudonym),
        createdAt: row.created_at,
        invitationExpiresAt: row.invitation_expires_at,
        completedAt: row.completed_at,
        preparedCount: mine.filter((p) => p.prepared_at !== null).length,
        openChangeRequests: open.get(row.id) ?? 0,
      };
    });
  }

  async get(actor: Actor, id: string): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const bundle = await this.deps.loader.bundle(id);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'feedback.viewed', subjectType: 'feedback', subjectId: id });
    return this.deps.views.detail(actor, bundle);
  }

  /** Content-free: lets two screens notice a change without reading (and logging) the whole conversation every few seconds. */
  async version(actor: Actor, id: string): Promise<{ updatedAt: string }> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const feedback = await this.deps.loader.row(id);
    return { updatedAt: feedback.updated_at };
  }

  async update(actor: Actor, id: string, input: FeedbackUpdate): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const feedback = await this.deps.loader.row(id);
    const now = this.deps.now();
    const at = now.toISOString();
    const onlyRenewal = input.step === undefined && input.status === undefined && input.summary === undefined;
    if (feedback.status === 'completed' && !onlyRenewal) throw new AppError('feedback_closed');
    const changes: Partial<FeedbackRow> = { updated_at: at };
    if (input.inviteDays !== undefined) changes.invitation_expires_at = addDays(now, input.inviteDays).toISOString();
    if (input.summary !== undefined) changes.summary = input.summary;
    if (input.step !== undefined) changes.step = input.step;
    if ((input.step !== undefined || input.status === 'in_progress') && feedback.status === 'invited') {
      changes.status = 'in_progress';
      changes.started_at = at;
    }
    if (input.status === 'completed') {
      changes.status = 'completed';
      changes.completed_at = at;
      changes.started_at = feedback.started_at ?? at;
    }
    await this.deps.feedback.update(id, changes);
    // A voice note only prepares the conversation; once it is held, the client's voice is not kept.
    const voiceNotesDeleted = changes.status === 'completed' ? await this.deps.feedback.deleteVoiceNotesOf(id) : 0;
    await this.deps.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: input.status === 'completed' ? 'feedback.completed' : 'feedback.updated',
      subjectType: 'feedback',
      subjectId: id,
      details: { fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined), ...(voiceNotesDeleted > 0 ? { voiceNotesDeleted } : {}) },
    });
    return this.deps.views.detailAfterChange(actor, id);
  }

  /**
   * A short version of the summary and the agreements, by hand, in one participant's language.
   * It can still be written after the conversation is completed: that is when the summary is done.
   */
  async putShortVersion(actor: Actor, id: string, participantId: string, input: ParticipantShortVersionInput): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const participant = (await this.deps.loader.bundle(id)).participants.find((p) => p.id === participantId);
    if (!participant) throw new AppError('not_found');
    const summary = input.summary === undefined ? participant.short_summary : input.summary || null;
    const agreements = input.agreements === undefined ? participant.short_agreements : input.agreements || null;
    await this.deps.feedback.updateParticipant(participant.id, {
      short_summary: summary,
      short_agreements: agreements,
      // Written for the language the client reads now; kept with it if that changes later.
      short_locale: summary || agreements ? clientLocaleOf(participant.client_locale) : null,
    });
    return this.deps.views.touched(actor, id, 'feedback.short_version_changed');
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    await this.deps.loader.row(id);
    await this.deps.feedback.delete(id);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'feedback.deleted', subjectType: 'feedback', subjectId: id });
  }
}
