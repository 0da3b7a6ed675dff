import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { themePickSchema, type ClientHelper, type ClientHelperShown, type FeedbackHelpers, type PreparationHelp, type PreparationPoint, type ThemePick } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { FeedbackRepository, FeedbackRow, ParticipantRow } from '../../db/repositories/feedback.repository.js';
import type { PreparationHelpRepository, PreparationHelpRow, PreparationPointRow } from '../../db/repositories/preparation-help.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { accountUsable } from '../auth/account-window.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';

export interface PreparationHelpDependencies {
  gate: AccessGate;
  helps: PreparationHelpRepository;
  feedback: FeedbackRepository;
  users: UsersRepository;
  audit: AuditLog;
  now: Clock;
}

const shownSchema = z.object({ picks: z.array(z.string()), ownWords: z.boolean() });
type Shown = z.infer<typeof shownSchema>;
const nothingShown: Shown = { picks: [], ownWords: false };

function pickKey(pick: ThemePick): string {
  return `${pick.theme}:${pick.subtopic ?? ''}`;
}

function parseShown(json: string): Shown {
  const parsed = shownSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : nothingShown;
}

function parsePicks(json: string): ThemePick[] {
  const parsed = z.array(themePickSchema).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

function toPoint(row: PreparationPointRow): PreparationPoint {
  return { id: row.id, text: row.text, relay: row.relay };
}

/**
 * Help with preparing a Samenleergesprek from an independent coach from outside the organisation,
 * without any recording (seed 000 §3.2, §3.3). The professional invites the helper for one
 * client; the client chooses which of their preparation points the helper sees (nothing until
 * they choose); the helper writes down points from their talk, and the client decides per point
 * whether it goes on to the professional, as with a reviewer's client talk. The helper never
 * reaches a recording, the conversation it looks back on, or the client's pseudonym, and loses
 * access when the help ends, the conversation is completed or their account's end date passes.
 */
export class PreparationHelpService {
  private readonly now: Clock;

  constructor(private readonly deps: PreparationHelpDependencies) {
    this.now = deps.now;
  }

  // -- professional ------------------------------------------------------------------------------

  async invite(actor: Actor, feedbackId: string, participantId: string, helperId: string): Promise<FeedbackHelpers> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [feedbackId] });
    const { feedback, participant } = await this.ownParticipant(actor, feedbackId, participantId);
    if (feedback.status === 'completed') throw new AppError('feedback_closed');
    await this.assertIndependentHelper(actor, helperId);
    const at = this.now().toISOString();
    const current = await this.deps.helps.findCurrentOfParticipant(participant.id);
    if (current) await this.deps.helps.update(current.id, { ended_at: at });
    const row: PreparationHelpRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      feedback_id: feedback.id,
      participant_id: participant.id,
      client_id: participant.client_id,
      professional_id: actor.userId,
      helper_id: helperId,
      shown_json: JSON.stringify(nothingShown),
      created_at: at,
      ended_at: null,
    };
    await this.deps.helps.insert(row);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'preparation_help.invited', subjectType: 'feedback', subjectId: feedback.id, details: { helpId: row.id } });
    return this.helpersOf(actor, feedback.id);
  }

  async end(actor: Actor, feedbackId: string, participantId: string): Promise<FeedbackHelpers> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [feedbackId] });
    const { feedback, participant } = await this.ownParticipant(actor, feedbackId, participantId);
    const current = await this.deps.helps.findCurrentOfParticipant(participant.id);
    if (!current) throw new AppError('not_found');
    await this.deps.helps.update(current.id, { ended_at: this.now().toISOString() });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'preparation_help.ended', subjectType: 'feedback', subjectId: feedback.id, details: { helpId: current.id } });
    return this.helpersOf(actor, feedback.id);
  }

  /** Who helps whom, and only the points each client passed on. */
  async helpers(actor: Actor, feedbackId: string): Promise<FeedbackHelpers> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [feedbackId] });
    await this.ownFeedback(actor, feedbackId);
    return this.helpersOf(actor, feedbackId);
  }

  // -- client ------------------------------------------------------------------------------------

  async forClient(session: ClientSession, feedbackId: string): Promise<ClientHelper> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [feedbackId] });
    const { participant } = await this.asParticipant(session, feedbackId);
    const help = await this.deps.helps.findCurrentOfParticipant(participant.id);
    if (!help) return { helper: null };
    return { helper: await this.clientView(help, participant) };
  }

  /** The client chooses what the helper sees: some of their picks, and their own words or not. */
  async clientShow(session: ClientSession, feedbackId: string, input: ClientHelperShown): Promise<ClientHelper> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [feedbackId] });
    const { participant } = await this.asParticipant(session, feedbackId);
    const help = await this.deps.helps.findCurrentOfParticipant(participant.id);
    if (!help) throw new AppError('not_found');
    const mine = new Set(parsePicks(participant.picks_json).map(pickKey));
    const picks = [...new Set(input.picks.map(pickKey))].filter((key) => mine.has(key));
    const shown: Shown = { picks, ownWords: input.ownWords };
    await this.deps.helps.update(help.id, { shown_json: JSON.stringify(shown) });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'preparation_help.shown_changed', subjectType: 'client', subjectId: session.clientId, details: { helpId: help.id, picks: picks.length, ownWords: input.ownWords } });
    return { helper: await this.clientView({ ...help, shown_json: JSON.stringify(shown) }, participant) };
  }

  /** Only the client decides whether a point goes on to the professional; they may change their mind. */
  async clientDecide(session: ClientSession, feedbackId: string, pointId: string, relay: 'pass_on' | 'private'): Promise<ClientHelper> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [feedbackId] });
    const { participant } = await this.asParticipant(session, feedbackId);
    const help = await this.deps.helps.findCurrentOfParticipant(participant.id);
    const point = help ? (await this.deps.helps.points([help.id])).find((p) => p.id === pointId) : undefined;
    if (!help || !point) throw new AppError('not_found');
    await this.deps.helps.setRelay(point.id, relay, this.now().toISOString());
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'preparation_help.point_decided', subjectType: 'client', subjectId: session.clientId, details: { helpId: help.id, pointId, relay } });
    return { helper: await this.clientView(help, participant) };
  }

  // -- helper ------------------------------------------------------------------------------------

  async listForHelper(actor: Actor): Promise<{ helps: { id: string; professionalName: string; invitedAt: string; prepared: boolean }[] }> {
    await requireAccess(this.deps.gate, { actor, permission: 'shares.received' });
    await this.assertHelperUsable(actor);
    const helps = [];
    for (const help of await this.deps.helps.listCurrentForHelper(actor.userId)) {
      const open = await this.openHelp(actor, help);
      if (!open) continue;
      const professional = await this.deps.users.findById(help.professional_id);
      helps.push({ id: help.id, professionalName: professional?.name ?? '', invitedAt: help.created_at, prepared: open.participant.prepared_at !== null });
    }
    return { helps };
  }

  async getForHelper(actor: Actor, helpId: string): Promise<PreparationHelp> {
    await requireAccess(this.deps.gate, { actor, permission: 'preparation_help.helper', ids: [helpId] });
    const { help, participant } = await this.helperHelp(actor, helpId);
    const professional = await this.deps.users.findById(help.professional_id);
    const shown = parseShown(help.shown_json);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'preparation_help.viewed', subjectType: 'feedback', subjectId: help.feedback_id, details: { helpId } });
    return {
      id: help.id,
      professionalName: professional?.name ?? '',
      invitedAt: help.created_at,
      shown: {
        picks: parsePicks(participant.picks_json).filter((pick) => shown.picks.includes(pickKey(pick))),
        ownWords: shown.ownWords && participant.own_words !== '' ? participant.own_words : null,
      },
      points: (await this.deps.helps.points([help.id])).map(toPoint),
    };
  }

  async addPoint(actor: Actor, helpId: string, text: string): Promise<PreparationHelp> {
    await requireAccess(this.deps.gate, { actor, permission: 'preparation_help.helper', ids: [helpId] });
    const { help } = await this.helperHelp(actor, helpId);
    const row: PreparationPointRow = { id: randomUUID(), help_id: help.id, client_id: help.client_id, text, relay: 'pending', decided_at: null, created_at: this.now().toISOString() };
    await this.deps.helps.insertPoint(row);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'preparation_help.point_added', subjectType: 'feedback', subjectId: help.feedback_id, details: { helpId, pointId: row.id } });
    return this.getForHelper(actor, helpId);
  }

  // -- internals ---------------------------------------------------------------------------------

  private async ownFeedback(actor: Actor, feedbackId: string): Promise<FeedbackRow> {
    const feedback = await this.deps.feedback.findById(feedbackId);
    if (!feedback || feedback.professional_id !== actor.userId || feedback.organisation_id !== actor.organisationId) throw new AppError('not_found');
    return feedback;
  }

  private async ownParticipant(actor: Actor, feedbackId: string, participantId: string): Promise<{ feedback: FeedbackRow; participant: ParticipantRow }> {
    const feedback = await this.ownFeedback(actor, feedbackId);
    const participant = (await this.deps.feedback.participants([feedback.id])).find((p) => p.id === participantId);
    if (!participant) throw new AppError('not_found');
    return { feedback, participant };
  }

  /** Only a reviewer from outside the organisation (independent), in this organisation's list, whose account works. */
  private async assertIndependentHelper(actor: Actor, helperId: string): Promise<void> {
    const helper = await this.deps.users.findById(helperId);
    const roles = helper ? (await this.deps.users.membershipsOf([helper.id])).map((m) => m.role) : [];
    const independent = helper !== undefined && helper.organisation_id === actor.organisationId && helper.external_organisation !== null && roles.includes('reviewer');
    if (!independent || !accountUsable(helper, this.now()) || helper.id === actor.userId) throw new AppError('preparation_helper_invalid');
  }

  private async helpersOf(actor: Actor, feedbackId: string): Promise<FeedbackHelpers> {
    const participants = await this.deps.feedback.participants([feedbackId]);
    const helps = await this.deps.helps.currentOfParticipants(participants.map((p) => p.id));
    const points = await this.deps.helps.points(helps.map((h) => h.id));
    const helpers: FeedbackHelpers['helpers'] = [];
    for (const help of helps) {
      const user = await this.deps.users.findById(help.helper_id);
      if (!user || help.organisation_id !== actor.organisationId) continue;
      helpers.push({
        participantId: help.participant_id,
        helpId: help.id,
        name: user.name,
        independentFrom: user.external_organisation ?? '',
        accessUntil: user.access_until,
        createdAt: help.created_at,
        passedOn: points.filter((p) => p.help_id === help.id && p.relay === 'pass_on').map((p) => ({ id: p.id, text: p.text, decidedAt: p.decided_at ?? p.created_at })),
      });
    }
    return { helpers };
  }

  private async asParticipant(session: ClientSession, feedbackId: string): Promise<{ feedback: FeedbackRow; participant: ParticipantRow }> {
    const feedback = await this.deps.feedback.findById(feedbackId);
    const participant = feedback ? await this.deps.feedback.findParticipant(feedbackId, session.clientId) : undefined;
    if (!feedback || !participant || feedback.organisation_id !== session.organisationId) throw new AppError('not_found');
    return { feedback, participant };
  }

  private async clientView(help: PreparationHelpRow, participant: ParticipantRow): Promise<NonNullable<ClientHelper['helper']>> {
    const user = await this.deps.users.findById(help.helper_id);
    const shown = parseShown(help.shown_json);
    return {
      name: user?.name ?? '',
      independentFrom: user?.external_organisation ?? '',
      shown: { picks: parsePicks(participant.picks_json).filter((pick) => shown.picks.includes(pickKey(pick))), ownWords: shown.ownWords },
      points: (await this.deps.helps.points([help.id])).map(toPoint),
    };
  }

  private async assertHelperUsable(actor: Actor): Promise<void> {
    const me = await this.deps.users.findById(actor.userId);
    if (!me || !accountUsable(me, this.now())) throw new AppError('not_found');
  }

  /** A current help of this helper, in an open conversation; else null. */
  private async openHelp(actor: Actor, help: PreparationHelpRow): Promise<{ participant: ParticipantRow } | null> {
    if (help.helper_id !== actor.userId || help.organisation_id !== actor.organisationId || help.ended_at !== null) return null;
    const feedback = await this.deps.feedback.findById(help.feedback_id);
    if (!feedback || feedback.status === 'completed') return null;
    const participant = await this.deps.feedback.findParticipant(help.feedback_id, help.client_id);
    return participant && participant.id === help.participant_id ? { participant } : null;
  }

  private async helperHelp(actor: Actor, helpId: string): Promise<{ help: PreparationHelpRow; participant: ParticipantRow }> {
    await this.assertHelperUsable(actor);
    const help = await this.deps.helps.findById(helpId);
    const open = help ? await this.openHelp(actor, help) : null;
    if (!help || !open) throw new AppError('not_found');
    return { help, participant: open.participant };
  }
}
