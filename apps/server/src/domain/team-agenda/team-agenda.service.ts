import { randomUUID } from 'node:crypto';
import {
  findIdentifyingDetails,
  type AgendaItem,
  type AgendaLeaveChoiceValue,
  type AgendaMeeting,
  type AgendaOverview,
  type AgendaSaveResult,
  type AgendaStatus,
  type AgendaItemKind,
  type SignalStatus,
  type TeamAgenda,
  type ThemeId,
} from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AgendaItemRead, AgendaItemRow, TeamAgendaRepository } from '../../db/repositories/team-agenda.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { toAgendaItem, toAgendaMeeting } from './mapping.js';

export interface TeamAgendaDependencies {
  gate: AccessGate;
  teamAgenda: TeamAgendaRepository;
  unitOfWork: UnitOfWork;
  now: Clock;
}

export interface NewAgendaItem {
  kind: AgendaItemKind;
  text: string;
  themes: ThemeId[];
  named: boolean;
  confirmed: boolean;
}

/**
 * The team learning agenda (seed 000 §6.4.2): members bring lessons and questions they choose to
 * share, the team lead plans them for a werkoverleg and writes down what the team agreed. Only
 * the team's members and its lead reach it. The identification check warns before an item is
 * saved; the author may confirm and save anyway, it never blocks.
 */
export class TeamAgendaService {
  constructor(private readonly deps: TeamAgendaDependencies) {}

  /** The reader's teams with the next werkoverleg and the number of new items: the page and the home card. */
  async overview(actor: Actor): Promise<AgendaOverview> {
    await requireAccess(this.deps.gate, { actor, permission: 'agenda.team' });
    const memberships = await this.deps.teamAgenda.teamsOf(actor.organisationId, actor.userId);
    const teamIds = [...new Set(memberships.map((m) => m.team_id))];
    const [items, meetings, leaveChoice] = await Promise.all([
      this.deps.teamAgenda.itemsOfTeams(teamIds),
      this.deps.teamAgenda.meetingsOfTeams(teamIds),
      this.deps.teamAgenda.leaveChoiceOf(actor.userId),
    ]);
    const today = this.deps.now().toISOString().slice(0, 10);
    const teams = teamIds.map((teamId) => {
      const next = meetings.find((m) => m.team_id === teamId && m.meeting_date >= today);
      return {
        id: teamId,
        name: memberships.find((m) => m.team_id === teamId)?.name ?? '',
        lead: memberships.some((m) => m.team_id === teamId && m.role === 'manager'),
        newCount: items.filter((item) => item.team_id === teamId && item.status === 'new').length,
        nextMeeting: next ? toAgendaMeeting(next) : null,
      };
    });
    return { teams, leaveChoice };
  }

  async team(actor: Actor, teamId: string): Promise<TeamAgenda> {
    await requireAccess(this.deps.gate, { actor, permission: 'team.agenda_member', ids: [teamId] });
    const team = await this.deps.teamAgenda.findTeam(actor.organisationId, teamId);
    if (!team) throw new AppError('not_found');
    const [memberships, items, meetings] = await Promise.all([
      this.deps.teamAgenda.teamsOf(actor.organisationId, actor.userId),
      this.deps.teamAgenda.itemsOfTeams([teamId]),
      this.deps.teamAgenda.meetingsOfTeams([teamId]),
    ]);
    return {
      team,
      lead: memberships.some((m) => m.team_id === teamId && m.role === 'manager'),
      items: await this.withSignals(items, actor),
      meetings: meetings.map(toAgendaMeeting),
    };
  }

  /** Saves the item unless the check finds something and the author has not confirmed they looked. */
  async addItem(actor: Actor, teamId: string, input: NewAgendaItem): Promise<AgendaSaveResult> {
    await requireAccess(this.deps.gate, { actor, permission: 'team.agenda_member', ids: [teamId] });
    const findings = findIdentifyingDetails(input.text);
    if (findings.length > 0 && !input.confirmed) return { item: null, findings };
    const at = this.deps.now().toISOString();
    const row: AgendaItemRow = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      team_id: teamId,
      author_id: actor.userId,
      named: input.named ? 1 : 0,
      kind: input.kind,
      text: input.text,
      themes: JSON.stringify([...new Set(input.themes)]),
      status: 'new',
      agreement: '',
      meeting_id: null,
      created_at: at,
      updated_at: at,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.insertItem(row);
      await audit.record({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'team_agenda.item_added',
        subjectType: 'agenda_item',
        subjectId: row.id,
        details: { teamId, kind: input.kind, named: input.named, checkedAnyway: findings.length > 0 },
      });
    });
    return { item: await this.item(row.id, actor), findings };
  }

  async withdrawItem(actor: Actor, itemId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'agenda_item.author', ids: [itemId] });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.deleteItems([itemId]);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'team_agenda.item_withdrawn', subjectType: 'agenda_item', subjectId: itemId });
    });
  }

  /** The author alone decides whether their name shows; nobody else can name them. */
  async setNamed(actor: Actor, itemId: string, named: boolean): Promise<AgendaItem> {
    await requireAccess(this.deps.gate, { actor, permission: 'agenda_item.author', ids: [itemId] });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.updateItem(itemId, { named: named ? 1 : 0, updated_at: this.deps.now().toISOString() });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'team_agenda.item_naming_changed', subjectType: 'agenda_item', subjectId: itemId, details: { named } });
    });
    return this.item(itemId, actor);
  }

  /** The team lead puts an item on a werkoverleg of the same team, or takes it off (null). */
  async planItem(actor: Actor, itemId: string, meetingId: string | null): Promise<AgendaItem> {
    await requireAccess(this.deps.gate, { actor, permission: 'agenda_item.lead', ids: [itemId] });
    const item = await this.existingItem(itemId);
    if (meetingId !== null) {
      const meeting = await this.deps.teamAgenda.findMeeting(meetingId);
      if (meeting?.team_id !== item.team_id) throw new AppError('validation', [{ path: 'meetingId', message: 'target_unknown' }]);
    }
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.updateItem(itemId, { meeting_id: meetingId, updated_at: this.deps.now().toISOString() });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'team_agenda.item_planned', subjectType: 'agenda_item', subjectId: itemId, details: { meetingId } });
    });
    return this.item(itemId, actor);
  }

  async setOutcome(actor: Actor, itemId: string, outcome: { status: AgendaStatus; agreement: string }): Promise<AgendaItem> {
    await requireAccess(this.deps.gate, { actor, permission: 'agenda_item.lead', ids: [itemId] });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.updateItem(itemId, { status: outcome.status, agreement: outcome.agreement, updated_at: this.deps.now().toISOString() });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'team_agenda.outcome_written', subjectType: 'agenda_item', subjectId: itemId, details: { status: outcome.status } });
    });
    return this.item(itemId, actor);
  }

  async addMeeting(actor: Actor, teamId: string, date: string): Promise<AgendaMeeting> {
    await requireAccess(this.deps.gate, { actor, permission: 'team.agenda_lead', ids: [teamId] });
    const at = this.deps.now().toISOString();
    const row = { id: randomUUID(), organisation_id: actor.organisationId, team_id: teamId, meeting_date: date, note: '', created_at: at, updated_at: at };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.insertMeeting(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'team_agenda.meeting_added', subjectType: 'agenda_meeting', subjectId: row.id, details: { teamId } });
    });
    return toAgendaMeeting(row);
  }

  async setMeetingNote(actor: Actor, meetingId: string, note: string): Promise<AgendaMeeting> {
    await requireAccess(this.deps.gate, { actor, permission: 'agenda_meeting.lead', ids: [meetingId] });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.updateMeeting(meetingId, { note, updated_at: this.deps.now().toISOString() });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'team_agenda.meeting_note_written', subjectType: 'agenda_meeting', subjectId: meetingId });
    });
    const meeting = await this.deps.teamAgenda.findMeeting(meetingId);
    if (!meeting) throw new AppError('not_found');
    return toAgendaMeeting(meeting);
  }

  async setLeaveChoice(actor: Actor, choice: AgendaLeaveChoiceValue): Promise<{ choice: AgendaLeaveChoiceValue }> {
    await requireAccess(this.deps.gate, { actor, permission: 'agenda.team' });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.teamAgenda.setLeaveChoice(actor.userId, choice, this.deps.now().toISOString());
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'team_agenda.leave_choice_set', subjectType: 'user', subjectId: actor.userId, details: { choice } });
    });
    return { choice };
  }

  private async existingItem(itemId: string) {
    const row = await this.deps.teamAgenda.findItem(itemId);
    if (!row) throw new AppError('not_found');
    return row;
  }

  private async item(itemId: string, actor: Actor): Promise<AgendaItem> {
    const [item] = await this.withSignals([await this.existingItem(itemId)], actor);
    if (!item) throw new AppError('not_found');
    return item;
  }

  /** Items as they leave the server, each with the statuses of the signals sent about it. */
  private async withSignals(rows: readonly AgendaItemRead[], actor: Actor): Promise<AgendaItem[]> {
    const statuses = new Map<string, SignalStatus[]>();
    for (const row of await this.deps.teamAgenda.signalStatusesOf(rows.map((item) => item.id))) statuses.set(row.agenda_item_id, [...(statuses.get(row.agenda_item_id) ?? []), row.status]);
    return rows.map((row) => toAgendaItem(row, actor.userId, statuses.get(row.id)));
  }
}
