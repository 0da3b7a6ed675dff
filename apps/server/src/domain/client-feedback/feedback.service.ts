import { randomUUID } from 'node:crypto';
import {
  clientLocaleOf,
  type ConversationShortVersion,
  type ParticipantShortVersionInput,
  maxMoments,
  overlapsAny,
  themeCard,
  type ClientMomentInput,
  feedbackMomentInputSchema,
  themePickSchema,
  type FeedbackActionInput,
  type FeedbackChangeRequest,
  type ClientChangeRequestInput,
  type ClientFeedback,
  type ClientFeedbackOverview,
  type CreateFeedbackRequest,
  type FeedbackEntryInput,
  type FeedbackAction,
  type FeedbackDetail,
  type FeedbackEntry,
  type FeedbackHome,
  type FeedbackListItem,
  type FeedbackMoment,
  type FeedbackParticipant,
  type FeedbackMomentInput,
  type FeedbackMomentUpdate,
  type PreparationInput,
  type ThemePick,
} from '@spreekkamer/shared';
import { z } from 'zod';
import type { AuditLog } from '../../audit/audit-log.js';
import type { AllianceRepository } from '../../db/repositories/alliance.repository.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type {
  ActionRow,
  ChangeRequestRow,
  EntryRow,
  FeedbackBundle,
  FeedbackRepository,
  FeedbackRow,
  MomentRow,
  ParticipantRow,
  ParticipantWithClient,
} from '../../db/repositories/feedback.repository.js';
import type { FollowUpsRepository } from '../../db/repositories/follow-ups.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { requirePermission, type Actor } from '../access.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { mayShareWith, type ConsentPolicy } from '../consent/index.js';
import { AppError } from '../errors.js';
import { addDays, localDay } from './calendar.js';
import { openVoiceNote, sealVoiceNote } from './voice-note-crypto.js';
import type { VoiceNoteProbe } from './voice-note-probe.js';

/** The recordings feature, seen from here: only "is this the professional's own playable recording, of which conversation". */
export interface RecordingLookup {
  findOwnReady(professionalId: string, recordingId: string): Promise<{ conversationId: string } | null>;
  /** "Niet delen" stretches of that recording: a fragment may not overlap one. */
  noShareStretches(recordingId: string): Promise<(readonly [number, number])[]>;
}

export interface FeedbackDependencies {
  feedback: FeedbackRepository;
  clients: ClientsRepository;
  conversations: ConversationsRepository;
  users: UsersRepository;
  alliance: AllianceRepository;
  followUps: FollowUpsRepository;
  consentPolicy: ConsentPolicy;
  /** Absent while recordings are not available: moments then cannot link a fragment. */
  recordings?: RecordingLookup;
  audit: AuditLog;
  masterKey: Buffer;
  probeVoiceNote: VoiceNoteProbe;
  /** Second line after an erasure (SQLite: checkpoint the WAL into the zeroed main file). */
  scrub?: () => Promise<void>;
  now?: () => Date;
}

type ActionUpdate = { owner?: FeedbackAction['owner']; participantId?: string | null; what?: string; dueOn?: string; done?: boolean };

const picksSchema = z.array(themePickSchema);

function parsePicks(json: string): ThemePick[] {
  const parsed = picksSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

/** The short version written for one participant, in the language it was written for; null when none. */
function shortVersionOf(p: ParticipantRow): ConversationShortVersion {
  if (!p.short_summary && !p.short_agreements) return null;
  return { locale: clientLocaleOf(p.short_locale), summary: p.short_summary ?? '', agreements: p.short_agreements ?? '' };
}

function toParticipant(p: ParticipantWithClient): FeedbackParticipant {
  return {
    id: p.id,
    clientId: p.client_id,
    pseudonym: p.pseudonym,
    displayName: p.display_name,
    anonymous: p.anonymous === 1,
    introSeen: p.intro_seen === 1,
    preparedAt: p.prepared_at,
    picks: parsePicks(p.picks_json),
    ownWords: p.own_words === '' ? null : p.own_words,
    hasVoiceNote: Number(p.has_voice_note) === 1,
    erased: p.erased,
    locale: clientLocaleOf(p.client_locale),
    shortVersion: shortVersionOf(p),
  };
}

function toEntry(e: EntryRow, erased: ReadonlySet<string>): FeedbackEntry {
  return { id: e.id, momentId: e.moment_id, section: e.section, participantId: e.participant_id, text: e.text, erased: erased.has(e.id), updatedAt: e.updated_at };
}

function toAction(a: ActionRow, erased: ReadonlySet<string>): FeedbackAction {
  return { id: a.id, owner: a.owner, participantId: a.participant_id, what: a.what, erased: erased.has(a.id), dueOn: a.due_on, done: a.done_at !== null };
}

function toChangeRequest(c: ChangeRequestRow, erased: ReadonlySet<string>): FeedbackChangeRequest {
  return { id: c.id, participantId: c.participant_id, target: c.target, targetId: c.target_id, note: c.note, erased: erased.has(c.id), via: c.via, status: c.status, createdAt: c.created_at };
}

/**
 * The feedback conversation (Samenleergesprek). Professionals reach only their own conversations;
 * clients only the ones they take part in, through their own client session. In a group, one
 * client never sees another's client id, pseudonym or preparation, and sees an anonymous
 * participant's words without a name.
 */
export class FeedbackService {
  private readonly now: () => Date;

  constructor(private readonly deps: FeedbackDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  // -------------------------------------------------------------------------------------------
  // Professional

  async create(actor: Actor, input: Required<CreateFeedbackRequest>): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
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
    const now = this.now();
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
    return this.detail(actor, id, false);
  }

  async list(actor: Actor): Promise<FeedbackListItem[]> {
    requirePermission(actor, 'clients.own');
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
    requirePermission(actor, 'clients.own');
    return this.detail(actor, id, true);
  }

  /** Content-free: lets two screens notice a change without reading (and logging) the whole conversation every few seconds. */
  async version(actor: Actor, id: string): Promise<{ updatedAt: string }> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.own(actor, id);
    return { updatedAt: feedback.updated_at };
  }

  async update(actor: Actor, id: string, input: { step?: 1 | 2 | 3 | undefined; status?: 'in_progress' | 'completed' | undefined; summary?: string | undefined; inviteDays?: number | undefined }): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.own(actor, id);
    const now = this.now();
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
    return this.detail(actor, id, false);
  }

  /**
   * A short version of the summary and the agreements, by hand, in one participant's language.
   * It can still be written after the conversation is completed: that is when the summary is done.
   */
  async putShortVersion(actor: Actor, id: string, participantId: string, input: ParticipantShortVersionInput): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.own(actor, id);
    const participant = (await this.deps.feedback.participants([id])).find((p) => p.id === participantId);
    if (!participant) throw new AppError('not_found');
    const summary = input.summary === undefined ? participant.short_summary : input.summary || null;
    const agreements = input.agreements === undefined ? participant.short_agreements : input.agreements || null;
    await this.deps.feedback.updateParticipant(participant.id, {
      short_summary: summary,
      short_agreements: agreements,
      // Written for the language the client reads now; kept with it if that changes later.
      short_locale: summary || agreements ? clientLocaleOf(participant.client_locale) : null,
    });
    return this.touched(actor, feedback, 'feedback.short_version_changed');
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'clients.own');
    await this.own(actor, id);
    await this.deps.feedback.delete(id);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'feedback.deleted', subjectType: 'feedback', subjectId: id });
  }

  async addMoment(actor: Actor, id: string, input: Required<FeedbackMomentInput>): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.ownOpen(actor, id);
    const bundle = await this.bundle(id);
    if (bundle.moments.length >= maxMoments) throw new AppError('feedback_too_many_moments');
    await this.assertRecording(actor, input.recordingId, input.startSeconds, input.endSeconds);
    await this.deps.feedback.insertMoment({
      id: randomUUID(),
      feedback_id: id,
      position: bundle.moments.length + 1,
      theme: input.theme,
      subtopic: input.subtopic,
      own_subtopic: input.ownSubtopic,
      title: input.title,
      recording_id: input.recordingId,
      start_seconds: input.startSeconds,
      end_seconds: input.endSeconds,
      created_at: this.now().toISOString(),
    });
    // Choosing the first moment is where the conversation itself begins.
    if (feedback.status === 'invited') await this.deps.feedback.update(id, { status: 'in_progress', started_at: this.now().toISOString() });
    return this.touched(actor, feedback, 'feedback.moment_added');
  }

  async updateMoment(actor: Actor, id: string, momentId: string, input: FeedbackMomentUpdate): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.ownOpen(actor, id);
    const moment = (await this.bundle(id)).moments.find((m) => m.id === momentId);
    if (!moment) throw new AppError('not_found');
    const next = {
      theme: input.theme ?? moment.theme,
      subtopic: input.subtopic !== undefined ? input.subtopic : moment.subtopic,
      own_subtopic: input.ownSubtopic !== undefined ? input.ownSubtopic : moment.own_subtopic,
      title: input.title ?? moment.title,
      recording_id: input.recordingId !== undefined ? input.recordingId : moment.recording_id,
      start_seconds: input.startSeconds !== undefined ? input.startSeconds : moment.start_seconds,
      end_seconds: input.endSeconds !== undefined ? input.endSeconds : moment.end_seconds,
    };
    // The schema checks one request; the combination with what is stored is checked here.
    const checked = feedbackMomentInputSchema.safeParse({
      theme: next.theme,
      subtopic: next.subtopic,
      ownSubtopic: next.own_subtopic,
      title: next.title,
      recordingId: next.recording_id,
      startSeconds: next.start_seconds,
      endSeconds: next.end_seconds,
    });
    if (!checked.success) {
      throw new AppError('validation', checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.code === 'custom' ? issue.message : 'invalid' })));
    }
    if (input.recordingId !== undefined || input.startSeconds !== undefined || input.endSeconds !== undefined) {
      await this.assertRecording(actor, next.recording_id, next.start_seconds, next.end_seconds);
    }
    await this.deps.feedback.updateMoment(momentId, next);
    return this.touched(actor, feedback, 'feedback.moment_changed');
  }

  async removeMoment(actor: Actor, id: string, momentId: string): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.ownOpen(actor, id);
    if (!(await this.bundle(id)).moments.some((m) => m.id === momentId)) throw new AppError('not_found');
    await this.deps.feedback.deleteMoment(id, momentId);
    return this.touched(actor, feedback, 'feedback.moment_removed');
  }

  async putEntry(actor: Actor, id: string, input: FeedbackEntryInput): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.ownOpen(actor, id);
    const bundle = await this.bundle(id);
    if (input.section === 'learned' && input.momentId !== null) throw new AppError('validation', [{ path: 'momentId', message: 'moment_not_allowed' }]);
    if (input.section !== 'learned' && (input.momentId === null || !bundle.moments.some((m) => m.id === input.momentId))) {
      throw new AppError('validation', [{ path: 'momentId', message: 'moment_required' }]);
    }
    if (input.participantId !== null && !bundle.participants.some((p) => p.id === input.participantId)) {
      throw new AppError('validation', [{ path: 'participantId', message: 'participant_unknown' }]);
    }
    await this.deps.feedback.putEntry({
      id: randomUUID(),
      feedback_id: id,
      moment_id: input.momentId,
      section: input.section,
      participant_id: input.participantId,
      text: input.text,
      updated_at: this.now().toISOString(),
    });
    return this.touched(actor, feedback, 'feedback.entry_written');
  }

  async addAction(actor: Actor, id: string, input: Required<FeedbackActionInput>): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.ownOpen(actor, id);
    const participantId = this.actionParticipant(await this.bundle(id), input.owner, input.participantId);
    await this.deps.feedback.insertAction({
      id: randomUUID(),
      feedback_id: id,
      owner: input.owner,
      participant_id: participantId,
      what: input.what,
      due_on: input.dueOn,
      done_at: null,
      created_at: this.now().toISOString(),
    });
    return this.touched(actor, feedback, 'feedback.action_added');
  }

  /** Actions can still be ticked off after the conversation; their wording only while it is open. */
  async updateAction(actor: Actor, id: string, actionId: string, input: ActionUpdate): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.own(actor, id);
    const onlyDone = input.owner === undefined && input.participantId === undefined && input.what === undefined && input.dueOn === undefined;
    if (feedback.status === 'completed' && !onlyDone) throw new AppError('feedback_closed');
    const bundle = await this.bundle(id);
    const action = bundle.actions.find((a) => a.id === actionId);
    if (!action) throw new AppError('not_found');
    const owner = input.owner ?? action.owner;
    const participantId = this.actionParticipant(bundle, owner, input.participantId !== undefined ? input.participantId : action.participant_id);
    await this.deps.feedback.updateAction(actionId, {
      owner,
      participant_id: participantId,
      what: input.what ?? action.what,
      due_on: input.dueOn ?? action.due_on,
      done_at: input.done === undefined ? action.done_at : input.done ? (action.done_at ?? this.now().toISOString()) : null,
    });
    return this.touched(actor, feedback, 'feedback.action_changed');
  }

  async removeAction(actor: Actor, id: string, actionId: string): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.ownOpen(actor, id);
    if (!(await this.bundle(id)).actions.some((a) => a.id === actionId)) throw new AppError('not_found');
    await this.deps.feedback.deleteAction(actionId);
    return this.touched(actor, feedback, 'feedback.action_removed');
  }

  /** On the shared screen in the room: the client taps "please change this" on the professional's device. */
  async addRoomChangeRequest(actor: Actor, id: string, input: { target: FeedbackChangeRequest['target']; targetId: string | null; note: string; participantId: string | null }): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.ownOpen(actor, id);
    const bundle = await this.bundle(id);
    if (input.participantId !== null && !bundle.participants.some((p) => p.id === input.participantId)) {
      throw new AppError('validation', [{ path: 'participantId', message: 'participant_unknown' }]);
    }
    this.assertTarget(bundle, input.target, input.targetId);
    await this.deps.feedback.insertChangeRequest({
      id: randomUUID(),
      feedback_id: id,
      participant_id: input.participantId,
      target: input.target,
      target_id: input.targetId,
      note: input.note,
      via: 'room',
      status: 'open',
      created_at: this.now().toISOString(),
      resolved_at: null,
    });
    return this.touched(actor, feedback, 'feedback.change_requested');
  }

  async resolveChangeRequest(actor: Actor, id: string, requestId: string): Promise<FeedbackDetail> {
    requirePermission(actor, 'clients.own');
    const feedback = await this.own(actor, id);
    if (!(await this.bundle(id)).changeRequests.some((c) => c.id === requestId)) throw new AppError('not_found');
    await this.deps.feedback.resolveChangeRequest(requestId, this.now().toISOString());
    return this.touched(actor, feedback, 'feedback.change_resolved');
  }

  async voiceNoteForProfessional(actor: Actor, id: string, participantId: string): Promise<{ audio: Buffer; contentType: string }> {
    requirePermission(actor, 'clients.own');
    await this.own(actor, id);
    const participant = (await this.bundle(id)).participants.find((p) => p.id === participantId);
    if (!participant) throw new AppError('not_found');
    const note = await this.readVoiceNote(participant.id);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'feedback.voice_note_played', subjectType: 'feedback', subjectId: id });
    return note;
  }

  /** For the professional's home page: what still needs them. Alliance signals are added by the alliance service. */
  async home(actor: Actor): Promise<Omit<FeedbackHome, 'signals'>> {
    requirePermission(actor, 'clients.own');
    const rows = await this.deps.feedback.listForProfessional(actor.userId);
    const participants = await this.deps.feedback.participants(rows.map((r) => r.id));
    const followUps = await this.deps.followUps.listForProfessional(actor.userId);
    const pseudonymsOf = (feedbackId: string) => participants.filter((p) => p.feedback_id === feedbackId).map((p) => p.pseudonym);
    const openFollowUps = rows
      .filter((r) => r.status === 'completed')
      .flatMap((r) =>
        participants
          .filter((p) => p.feedback_id === r.id)
          .filter((p) => !followUps.some((f) => f.feedback_id === r.id && f.client_id === p.client_id && f.status === 'sent'))
          .map((p) => ({
            feedbackId: r.id,
            clientId: p.client_id,
            pseudonym: p.pseudonym,
            completedAt: r.completed_at ?? r.updated_at,
            draftId: followUps.find((f) => f.feedback_id === r.id && f.client_id === p.client_id && f.status === 'draft')?.id ?? null,
          })),
      );
    const overdue = await this.deps.feedback.overdueActions(actor.userId, localDay(this.now()));
    const changes = await this.deps.feedback.openChangeRequestCounts(actor.userId);
    const sentUnread = followUps
      .filter((f) => f.status === 'sent' && f.read_at === null)
      .map((f) => ({ followUpId: f.id, feedbackId: f.feedback_id, clientId: f.client_id, pseudonym: f.pseudonym, sentAt: f.sent_at ?? f.updated_at }));
    return {
      openFollowUps,
      sentUnread,
      overdueActions: overdue.map((a) => ({ feedbackId: a.feedback_id, actionId: a.id, what: a.what, dueOn: a.due_on, owner: a.owner, pseudonyms: pseudonymsOf(a.feedback_id) })),
      openChangeRequests: changes.map((c) => ({ feedbackId: c.feedback_id, count: Number(c.n), pseudonyms: pseudonymsOf(c.feedback_id) })),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Client (own session only)

  async clientOverview(session: ClientSession): Promise<ClientFeedbackOverview> {
    const now = this.now();
    const at = now.toISOString();
    const participations = await this.deps.feedback.participationsOfClient(session.clientId);
    const visible = participations.filter((p) => p.feedback.organisation_id === session.organisationId && this.clientMaySee(p.feedback, now));
    const names = await this.professionalNames(visible.map((p) => p.feedback.professional_id));
    const groupSizes = new Map<string, number>();
    for (const p of await this.deps.feedback.participants(visible.map((v) => v.feedback_id))) groupSizes.set(p.feedback_id, (groupSizes.get(p.feedback_id) ?? 0) + 1);
    const followUps = await this.deps.followUps.sentToClient(session.clientId);
    const followUpNames = await this.professionalNames(followUps.map((f) => f.professional_id));
    return {
      conversations: visible.map((p) => ({
        id: p.feedback_id,
        status: p.feedback.status,
        group: (groupSizes.get(p.feedback_id) ?? 1) > 1,
        professionalName: names.get(p.feedback.professional_id) ?? '',
        invitationExpiresAt: p.feedback.invitation_expires_at,
        prepared: p.prepared_at !== null,
        canPrepare: this.clientMayPrepare(p.feedback, now),
      })),
      allianceChecks: (await this.deps.alliance.openRequestsOfClient(session.clientId, at)).map((r) => ({ id: r.id, expiresAt: r.expires_at, anonymous: r.anonymous === 1 })),
      followUps: followUps.map((f) => ({ id: f.id, professionalName: followUpNames.get(f.professional_id) ?? '', sentAt: f.sent_at ?? f.updated_at, read: f.read_at !== null })),
    };
  }

  async clientGet(session: ClientSession, id: string): Promise<ClientFeedback> {
    const { feedback, participant } = await this.asParticipant(session, id);
    const bundle = await this.bundle(id);
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.client_viewed', subjectType: 'feedback', subjectId: id });
    return this.clientView(bundle, participant, feedback);
  }

  async clientVersion(session: ClientSession, id: string): Promise<{ updatedAt: string }> {
    const { feedback } = await this.asParticipant(session, id);
    return { updatedAt: feedback.updated_at };
  }

  async clientPrepare(session: ClientSession, id: string, input: PreparationInput): Promise<ClientFeedback> {
    const { feedback, participant } = await this.asParticipant(session, id);
    this.assertMayPrepare(feedback);
    const bundle = await this.bundle(id);
    const group = bundle.participants.length > 1;
    const at = this.now().toISOString();
    const changes: Partial<ParticipantRow> = {};
    if (input.picks !== undefined) changes.picks_json = JSON.stringify(dedupePicks(input.picks));
    if (input.ownWords !== undefined) changes.own_words = input.ownWords;
    if (input.introSeen) changes.intro_seen = 1;
    // Anonymity and a name only mean something toward others in a group.
    if (group && input.anonymous !== undefined) changes.anonymous = input.anonymous ? 1 : 0;
    if (group && input.displayName !== undefined) changes.display_name = input.displayName === '' ? null : input.displayName;
    if (input.done === true) changes.prepared_at = at;
    if (input.done === false) changes.prepared_at = null;
    await this.deps.feedback.updateParticipant(participant.id, changes);
    await this.deps.feedback.update(id, { updated_at: at });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.prepared', subjectType: 'feedback', subjectId: id, details: { fields: Object.keys(changes) } });
    return this.clientView(await this.bundle(id), { ...participant, ...changes }, { ...feedback, updated_at: at });
  }

  async clientPutVoiceNote(session: ClientSession, id: string, audio: Buffer, contentType: string): Promise<{ durationSeconds: number }> {
    const { feedback, participant } = await this.asParticipant(session, id);
    this.assertMayPrepare(feedback);
    if (audio.length === 0) throw new AppError('voice_note_invalid');
    const { durationSeconds } = await this.deps.probeVoiceNote(audio);
    const sealed = sealVoiceNote(this.deps.masterKey, audio);
    const at = this.now().toISOString();
    await this.deps.feedback.replaceVoiceNote({ participant_id: participant.id, wrapped_key: sealed.wrappedKey, ciphertext: sealed.ciphertext, content_type: contentType, duration_seconds: durationSeconds, created_at: at });
    await this.deps.feedback.update(id, { updated_at: at });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.voice_note_saved', subjectType: 'feedback', subjectId: id, details: { seconds: Math.round(durationSeconds) } });
    return { durationSeconds };
  }

  async clientGetVoiceNote(session: ClientSession, id: string): Promise<{ audio: Buffer; contentType: string }> {
    const { participant } = await this.asParticipant(session, id);
    return this.readVoiceNote(participant.id);
  }

  async clientDeleteVoiceNote(session: ClientSession, id: string): Promise<void> {
    const { feedback, participant } = await this.asParticipant(session, id);
    if (feedback.status === 'completed') throw new AppError('feedback_closed');
    await this.deps.feedback.deleteVoiceNote(participant.id);
    await this.deps.feedback.update(id, { updated_at: this.now().toISOString() });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.voice_note_deleted', subjectType: 'feedback', subjectId: id });
  }

  /**
   * The client takes back what they said in the feedback part: their text key is destroyed, so
   * their prepared words, chosen names, voice notes and follow-ups, and every text of the
   * conversations they took part in (summary, moments, entries, agreements, change notes), are
   * unreadable everywhere at once. The professional sees where the texts were that they are gone.
   */
  async clientEraseTexts(session: ClientSession): Promise<{ conversations: number }> {
    // Like stopping a recording: only on the client's own device, never on the professional's tablet.
    if (session.via !== 'link') throw new AppError('forbidden');
    const conversations = await this.deps.feedback.eraseClientTexts(session.clientId);
    await this.deps.scrub?.().catch(() => undefined);
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.client_erased', subjectType: 'client', subjectId: session.clientId, details: { conversations } });
    return { conversations };
  }

  async clientChangeRequest(session: ClientSession, id: string, input: Required<ClientChangeRequestInput>): Promise<ClientFeedback> {
    const { feedback, participant } = await this.asParticipant(session, id);
    if (feedback.status === 'completed') throw new AppError('feedback_closed');
    const bundle = await this.bundle(id);
    this.assertTarget(bundle, input.target, input.targetId);
    const at = this.now().toISOString();
    await this.deps.feedback.insertChangeRequest({
      id: randomUUID(),
      feedback_id: id,
      participant_id: participant.id,
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
    return this.clientView(await this.bundle(id), participant, { ...feedback, updated_at: at });
  }

  /**
   * "We choose together": on their own device the client proposes a moment (a card, a sub-topic,
   * their own words). It joins the conversation like the professional's, within the same limit.
   */
  async clientAddMoment(session: ClientSession, id: string, input: Required<ClientMomentInput>): Promise<ClientFeedback> {
    const { feedback, participant } = await this.asParticipant(session, id);
    if (feedback.status === 'completed') throw new AppError('feedback_closed');
    const bundle = await this.bundle(id);
    if (bundle.moments.length >= maxMoments) throw new AppError('feedback_too_many_moments');
    const card = themeCard(input.theme);
    const fixed = input.subtopic ? card.subtopics.find((s) => s.id === input.subtopic) : undefined;
    // The professional's screen is Dutch: a moment without a title is named after what was chosen.
    const title = input.title || input.ownSubtopic || (fixed ? fixed.title.nl : card.title.nl);
    const at = this.now().toISOString();
    await this.deps.feedback.insertMoment({
      id: randomUUID(),
      feedback_id: id,
      position: bundle.moments.length + 1,
      theme: input.theme,
      subtopic: input.subtopic,
      own_subtopic: input.ownSubtopic,
      title,
      recording_id: null,
      start_seconds: null,
      end_seconds: null,
      created_at: at,
    });
    await this.deps.feedback.update(id, { updated_at: at, ...(feedback.status === 'invited' ? { status: 'in_progress' as const, started_at: at } : {}) });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.moment_added', subjectType: 'feedback', subjectId: id, details: { via: 'own_device' } });
    return this.clientView(await this.bundle(id), participant, { ...feedback, updated_at: at });
  }

  /** Either person may move the conversation on (or back): the lead is shared. */
  async clientSetStep(session: ClientSession, id: string, step: 1 | 2 | 3): Promise<ClientFeedback> {
    const { feedback, participant } = await this.asParticipant(session, id);
    if (feedback.status === 'completed') throw new AppError('feedback_closed');
    const at = this.now().toISOString();
    await this.deps.feedback.update(id, { step, updated_at: at });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.step_changed', subjectType: 'feedback', subjectId: id, details: { step, via: 'own_device' } });
    return this.clientView(await this.bundle(id), participant, { ...feedback, step, updated_at: at });
  }

  // -------------------------------------------------------------------------------------------
  // Internals

  private async own(actor: Actor, id: string): Promise<FeedbackRow> {
    const feedback = await this.deps.feedback.findById(id);
    if (!feedback || feedback.professional_id !== actor.userId || feedback.organisation_id !== actor.organisationId) throw new AppError('not_found');
    return feedback;
  }

  private async ownOpen(actor: Actor, id: string): Promise<FeedbackRow> {
    const feedback = await this.own(actor, id);
    if (feedback.status === 'completed') throw new AppError('feedback_closed');
    return feedback;
  }

  private async bundle(id: string): Promise<FeedbackBundle> {
    const bundle = await this.deps.feedback.bundle(id);
    if (!bundle) throw new AppError('not_found');
    return bundle;
  }

  private async detail(actor: Actor, id: string, audit: boolean): Promise<FeedbackDetail> {
    await this.own(actor, id);
    const bundle = await this.bundle(id);
    if (audit) await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'feedback.viewed', subjectType: 'feedback', subjectId: id });
    const { feedback } = bundle;
    return {
      id: feedback.id,
      status: feedback.status,
      step: clampStep(feedback.step),
      group: bundle.participants.length > 1,
      conversationId: feedback.conversation_id,
      invitationExpiresAt: feedback.invitation_expires_at,
      createdAt: feedback.created_at,
      startedAt: feedback.started_at,
      completedAt: feedback.completed_at,
      summary: feedback.summary,
      summaryErased: bundle.erased.has('summary'),
      participants: bundle.participants.map(toParticipant),
      moments: await Promise.all(bundle.moments.map((m) => this.toMoment(actor, m, bundle))),
      entries: bundle.entries.map((e) => toEntry(e, bundle.erased)),
      actions: bundle.actions.map((a) => toAction(a, bundle.erased)),
      changeRequests: bundle.changeRequests.map((c) => toChangeRequest(c, bundle.erased)),
    };
  }

  private async touched(actor: Actor, feedback: FeedbackRow, action: `feedback.${string}`): Promise<FeedbackDetail> {
    await this.deps.feedback.update(feedback.id, { updated_at: this.now().toISOString() });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action, subjectType: 'feedback', subjectId: feedback.id });
    return this.detail(actor, feedback.id, false);
  }

  private async toMoment(actor: Actor, m: MomentRow, { participants, erased }: FeedbackBundle): Promise<FeedbackMoment> {
    return {
      id: m.id,
      position: m.position,
      theme: m.theme as FeedbackMoment['theme'],
      subtopic: m.subtopic as FeedbackMoment['subtopic'],
      ownSubtopic: m.own_subtopic,
      title: m.title,
      erased: erased.has(m.id),
      recording: m.recording_id
        ? { recordingId: m.recording_id, startSeconds: m.start_seconds, endSeconds: m.end_seconds, watchTogether: await this.mayWatchTogether(actor, m.recording_id, participants) }
        : null,
    };
  }

  /** Only the professional's own playable recording, of a conversation whose client consented to watching together. */
  private async mayWatchTogether(actor: Actor, recordingId: string, participants: readonly ParticipantWithClient[]): Promise<boolean> {
    const recording = await this.deps.recordings?.findOwnReady(actor.userId, recordingId);
    if (!recording) return false;
    const consent = await this.deps.consentPolicy.findActiveConsent(recording.conversationId);
    return mayShareWith(consent, 'client') && participants.some((p) => p.client_id === consent?.clientId);
  }

  private async assertRecording(actor: Actor, recordingId: string | null, start: number | null, end: number | null): Promise<void> {
    if (recordingId === null) return;
    const recording = await this.deps.recordings?.findOwnReady(actor.userId, recordingId);
    if (!recording || !this.deps.recordings) throw new AppError('validation', [{ path: 'recordingId', message: 'recordings_unavailable' }]);
    // Without times the fragment is the whole recording.
    const stretches = await this.deps.recordings.noShareStretches(recordingId);
    if (overlapsAny(start ?? 0, end ?? Number.POSITIVE_INFINITY, stretches)) throw new AppError('no_share_overlap', [{ path: 'startSeconds', message: 'no_share' }]);
  }

  private actionParticipant(bundle: FeedbackBundle, owner: FeedbackAction['owner'], participantId: string | null): string | null {
    if (owner !== 'client') return null;
    if (participantId === null) {
      // One client: it is obviously them. In a group, the professional must say who.
      if (bundle.participants.length === 1) return bundle.participants[0]?.id ?? null;
      throw new AppError('validation', [{ path: 'participantId', message: 'participant_unknown' }]);
    }
    if (!bundle.participants.some((p) => p.id === participantId)) throw new AppError('validation', [{ path: 'participantId', message: 'participant_unknown' }]);
    return participantId;
  }

  private assertTarget(bundle: FeedbackBundle, target: FeedbackChangeRequest['target'], targetId: string | null): void {
    const exists =
      target === 'summary'
        ? targetId === null
        : target === 'moment'
          ? bundle.moments.some((m) => m.id === targetId)
          : target === 'entry'
            ? bundle.entries.some((e) => e.id === targetId)
            : bundle.actions.some((a) => a.id === targetId);
    if (!exists) throw new AppError('validation', [{ path: 'targetId', message: 'target_unknown' }]);
  }

  private clientMaySee(feedback: FeedbackRow, now: Date): boolean {
    return feedback.status !== 'invited' || feedback.invitation_expires_at > now.toISOString();
  }

  private clientMayPrepare(feedback: FeedbackRow, now: Date): boolean {
    return feedback.status !== 'completed' && feedback.invitation_expires_at > now.toISOString();
  }

  private assertMayPrepare(feedback: FeedbackRow): void {
    if (feedback.status === 'completed') throw new AppError('feedback_closed');
    if (!this.clientMayPrepare(feedback, this.now())) throw new AppError('feedback_invitation_expired');
  }

  private async asParticipant(session: ClientSession, id: string): Promise<{ feedback: FeedbackRow; participant: ParticipantRow }> {
    const feedback = await this.deps.feedback.findById(id);
    const participant = feedback ? await this.deps.feedback.findParticipant(id, session.clientId) : undefined;
    if (!feedback || !participant || feedback.organisation_id !== session.organisationId) throw new AppError('not_found');
    if (!this.clientMaySee(feedback, this.now())) throw new AppError('feedback_invitation_expired');
    return { feedback, participant };
  }

  private async readVoiceNote(participantId: string): Promise<{ audio: Buffer; contentType: string }> {
    const note = await this.deps.feedback.findVoiceNote(participantId);
    if (!note) throw new AppError('not_found');
    return { audio: openVoiceNote(this.deps.masterKey, { wrappedKey: note.wrapped_key, ciphertext: note.ciphertext }), contentType: note.content_type };
  }

  private async professionalNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      const user = await this.deps.users.findById(id);
      if (user) names.set(id, user.name);
    }
    return names;
  }

  private async clientView(bundle: FeedbackBundle, me: ParticipantRow, feedback: FeedbackRow): Promise<ClientFeedback> {
    const names = await this.professionalNames([feedback.professional_id]);
    const others = new Map(bundle.participants.filter((p) => p.id !== me.id).map((p) => [p.id, p.anonymous === 1 ? null : p.display_name]));
    const voice = (participantId: string | null) =>
      participantId === null ? { kind: 'professional' as const, name: null } : participantId === me.id ? { kind: 'me' as const, name: null } : { kind: 'other' as const, name: others.get(participantId) ?? null };
    const now = this.now();
    return {
      id: feedback.id,
      status: feedback.status,
      step: clampStep(feedback.step),
      group: bundle.participants.length > 1,
      professionalName: names.get(feedback.professional_id) ?? '',
      invitationExpiresAt: feedback.invitation_expires_at,
      canPrepare: this.clientMayPrepare(feedback, now),
      me: {
        anonymous: me.anonymous === 1,
        displayName: me.display_name,
        introSeen: me.intro_seen === 1,
        prepared: me.prepared_at !== null,
        picks: parsePicks(me.picks_json),
        ownWords: me.own_words,
        hasVoiceNote: Number(bundle.participants.find((p) => p.id === me.id)?.has_voice_note ?? 0) === 1,
        shortVersion: shortVersionOf(me),
      },
      moments: bundle.moments.map((m) => ({
        id: m.id,
        position: m.position,
        theme: m.theme as FeedbackMoment['theme'],
        subtopic: m.subtopic as FeedbackMoment['subtopic'],
        ownSubtopic: m.own_subtopic,
        title: m.title,
        erased: bundle.erased.has(m.id),
        hasRecording: m.recording_id !== null,
      })),
      entries: bundle.entries.map((e) => ({ id: e.id, momentId: e.moment_id, section: e.section, voice: voice(e.participant_id), text: e.text })),
      summary: feedback.summary,
      actions: bundle.actions.map((a) => {
        const owner = a.owner === 'client' ? (a.participant_id === me.id ? 'me' : 'other') : a.owner;
        return { id: a.id, owner, ownerName: owner === 'other' ? (others.get(a.participant_id ?? '') ?? null) : null, what: a.what, dueOn: a.due_on, done: a.done_at !== null };
      }),
      myChangeRequests: bundle.changeRequests
        .filter((c) => c.participant_id === me.id)
        .map((c) => ({ id: c.id, target: c.target, targetId: c.target_id, note: c.note, status: c.status, createdAt: c.created_at })),
    };
  }
}

function clampStep(step: number): 1 | 2 | 3 {
  return step <= 1 ? 1 : step >= 3 ? 3 : 2;
}

function dedupePicks(picks: readonly ThemePick[]): ThemePick[] {
  const seen = new Set<string>();
  return picks.filter((p) => {
    const key = `${p.theme}:${p.subtopic ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
