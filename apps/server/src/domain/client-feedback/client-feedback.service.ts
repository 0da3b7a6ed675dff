import { randomUUID } from 'node:crypto';
import { themeCard, type ClientChangeRequestInput, type ClientFeedback, type ClientFeedbackOverview, type ClientMomentInput, type PreparationInput } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { AllianceRepository } from '../../db/repositories/alliance.repository.js';
import type { FeedbackRepository, ParticipantRow } from '../../db/repositories/feedback.repository.js';
import type { FollowUpsRepository } from '../../db/repositories/follow-ups.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { requireAccess, type AccessGate } from '../access/index.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import { appendMoment, assertMayPrepare, assertOpen, clientMayPrepare, clientMaySee, type FeedbackLoader } from './feedback-loader.js';
import { assertTarget } from './feedback-items.service.js';
import { dedupePicks } from './feedback-mapping.js';
import type { FeedbackViews } from './feedback-views.js';

export interface ClientFeedbackDependencies {
  gate: AccessGate;
  loader: FeedbackLoader;
  views: FeedbackViews;
  feedback: FeedbackRepository;
  users: UsersRepository;
  alliance: AllianceRepository;
  followUps: FollowUpsRepository;
  audit: AuditLog;
  /** Second line after an erasure (SQLite: checkpoint the WAL into the zeroed main file). */
  scrub?: (() => Promise<void>) | undefined;
  now: () => Date;
}

/**
 * The client's side of the feedback conversation, through their own client session only. In a
 * group, one client never sees another's client id, pseudonym or preparation, and sees an
 * anonymous participant's words without a name.
 */
export class ClientFeedbackService {
  constructor(private readonly deps: ClientFeedbackDependencies) {}

  async overview(session: ClientSession): Promise<ClientFeedbackOverview> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    const now = this.deps.now();
    const participations = await this.deps.feedback.participationsOfClient(session.clientId);
    const visible = participations.filter((p) => p.feedback.organisation_id === session.organisationId && clientMaySee(p.feedback, now));
    const groupSizes = new Map<string, number>();
    for (const p of await this.deps.feedback.participants(visible.map((v) => v.feedback_id))) groupSizes.set(p.feedback_id, (groupSizes.get(p.feedback_id) ?? 0) + 1);
    const followUps = await this.deps.followUps.sentToClient(session.clientId);
    const names = await this.deps.users.namesOf([...visible.map((p) => p.feedback.professional_id), ...followUps.map((f) => f.professional_id)]);
    return {
      conversations: visible.map((p) => ({
        id: p.feedback_id,
        status: p.feedback.status,
        group: (groupSizes.get(p.feedback_id) ?? 1) > 1,
        professionalName: names.get(p.feedback.professional_id) ?? '',
        invitationExpiresAt: p.feedback.invitation_expires_at,
        prepared: p.prepared_at !== null,
        canPrepare: clientMayPrepare(p.feedback, now),
      })),
      allianceChecks: (await this.deps.alliance.openRequestsOfClient(session.clientId, now.toISOString())).map((r) => ({ id: r.id, expiresAt: r.expires_at, anonymous: r.anonymous === 1 })),
      followUps: followUps.map((f) => ({ id: f.id, professionalName: names.get(f.professional_id) ?? '', sentAt: f.sent_at ?? f.updated_at, read: f.read_at !== null })),
    };
  }

  async get(session: ClientSession, id: string): Promise<ClientFeedback> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle, me } = await this.deps.loader.asParticipant(session, id);
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.client_viewed', subjectType: 'feedback', subjectId: id });
    return this.deps.views.forClient(bundle, me);
  }

  async version(session: ClientSession, id: string): Promise<{ updatedAt: string }> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle } = await this.deps.loader.asParticipant(session, id);
    return { updatedAt: bundle.feedback.updated_at };
  }

  async prepare(session: ClientSession, id: string, input: PreparationInput): Promise<ClientFeedback> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle, me } = await this.deps.loader.asParticipant(session, id);
    assertMayPrepare(bundle.feedback, this.deps.now());
    const group = bundle.participants.length > 1;
    const at = this.deps.now().toISOString();
    const changes: Partial<ParticipantRow> = {};
    if (input.picks !== undefined) changes.picks_json = JSON.stringify(dedupePicks(input.picks));
    if (input.ownWords !== undefined) changes.own_words = input.ownWords;
    if (input.introSeen) changes.intro_seen = 1;
    // Anonymity and a name only mean something toward others in a group.
    if (group && input.anonymous !== undefined) changes.anonymous = input.anonymous ? 1 : 0;
    if (group && input.displayName !== undefined) changes.display_name = input.displayName === '' ? null : input.displayName;
    if (input.done === true) changes.prepared_at = at;
    if (input.done === false) changes.prepared_at = null;
    await this.deps.feedback.updateParticipant(me.id, changes);
    await this.deps.feedback.update(id, { updated_at: at });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.prepared', subjectType: 'feedback', subjectId: id, details: { fields: Object.keys(changes) } });
    return this.deps.views.forClientAfterChange(id, session.clientId);
  }

  /**
   * The client takes back what they said in the feedback part: their text key is destroyed, so
   * their prepared words, chosen names, voice notes and follow-ups, and every text of the
   * conversations they took part in (summary, moments, entries, agreements, change notes), are
   * unreadable everywhere at once. The professional sees where the texts were that they are gone.
   */
  async eraseTexts(session: ClientSession): Promise<{ conversations: number }> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    // Like stopping a recording: only on the client's own device, never on the professional's tablet.
    if (session.via !== 'link') throw new AppError('forbidden');
    const conversations = await this.deps.feedback.eraseClientTexts(session.clientId);
    await this.deps.scrub?.().catch(() => undefined);
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.client_erased', subjectType: 'client', subjectId: session.clientId, details: { conversations } });
    return { conversations };
  }

  async changeRequest(session: ClientSession, id: string, input: Required<ClientChangeRequestInput>): Promise<ClientFeedback> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle, me } = await this.deps.loader.asParticipant(session, id);
    assertOpen(bundle.feedback);
    assertTarget(bundle, input.target, input.targetId);
    const at = this.deps.now().toISOString();
    await this.deps.feedback.insertChangeRequest({
      id: randomUUID(),
      feedback_id: id,
      participant_id: me.id,
      target: input.target,
      target_id: input.targetId,
      note: input.note,
      via: 'own_device',
      status: 'open',
      created_at: at,
      resolved_at: null,
    });
    await this.deps.feedback.update(id, { updated_at: at });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.change_requested', subjectType: 'feedback', subjectId: id });
    return this.deps.views.forClientAfterChange(id, session.clientId);
  }

  /**
   * "We choose together": on their own device the client proposes a moment (a card, a sub-topic,
   * their own words). It joins the conversation like the professional's, within the same limit.
   */
  async addMoment(session: ClientSession, id: string, input: Required<ClientMomentInput>): Promise<ClientFeedback> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle } = await this.deps.loader.asParticipant(session, id);
    const { feedback } = bundle;
    assertOpen(feedback);
    const card = themeCard(input.theme);
    const fixed = input.subtopic ? card.subtopics.find((s) => s.id === input.subtopic) : undefined;
    // The professional's screen is Dutch: a moment without a title is named after what was chosen.
    const title = input.title || input.ownSubtopic || (fixed ? fixed.title.nl : card.title.nl);
    await appendMoment(
      this.deps.feedback,
      bundle,
      { theme: input.theme, subtopic: input.subtopic, own_subtopic: input.ownSubtopic, title, recording_id: null, start_seconds: null, end_seconds: null },
      this.deps.now().toISOString(),
    );
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.moment_added', subjectType: 'feedback', subjectId: id, details: { via: 'own_device' } });
    return this.deps.views.forClientAfterChange(id, session.clientId);
  }

  /** Either person may move the conversation on (or back): the lead is shared. */
  async setStep(session: ClientSession, id: string, step: 1 | 2 | 3): Promise<ClientFeedback> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle } = await this.deps.loader.asParticipant(session, id);
    assertOpen(bundle.feedback);
    const at = this.deps.now().toISOString();
    await this.deps.feedback.update(id, { step, updated_at: at });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.step_changed', subjectType: 'feedback', subjectId: id, details: { step, via: 'own_device' } });
    return this.deps.views.forClientAfterChange(id, session.clientId);
  }
}
