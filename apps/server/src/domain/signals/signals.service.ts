import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  findIdentifyingDetails,
  hasPermission,
  type Signal,
  type SignalAccess,
  type SignalAnswerRequest,
  type SignalGroup,
  type SignalInbox,
  type SignalKind,
  type SignalRequest,
  type SignalStatus,
  type SignalSubject,
  type SignalTheme,
  themeIds,
} from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { SignalGroupRow, SignalWithNames } from '../../db/repositories/signals.repository.js';
import { checkAccess, requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { TransactionScope, UnitOfWork } from '../unit-of-work.js';

export interface SignalsDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  signals: Repositories['signals'];
  users: Pick<Repositories['users'], 'membershipsOf'>;
  now: Clock;
}

const openStatuses: readonly SignalStatus[] = ['received', 'in_progress'];

/**
 * The only way a signal leaves the server. The author's id is never part of it; the name only
 * when the author chose to be named (the repository returns it only then), and `mine` only for
 * the author.
 */
function toSignal(row: SignalWithNames, readerId: string, itemsSeen: ReadonlySet<string>): Signal {
  const seen = row.agenda_item_id !== null && itemsSeen.has(row.agenda_item_id);
  const themes = agendaThemesSchema.safeParse(JSON.parse(row.item_themes ?? '[]'));
  return {
    id: row.id,
    kind: row.kind as SignalKind,
    subject: row.subject as SignalSubject,
    theme: row.theme as SignalTheme,
    text: row.text,
    status: row.status,
    mine: row.author_id === readerId,
    named: row.named === 1,
    authorName: row.named === 1 ? row.author_name : null,
    toPolicy: row.to_policy === 1,
    toManagement: row.to_management === 1,
    groupId: row.group_id,
    groupName: row.group_name,
    answer: row.answer,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
    agendaItem:
      row.item_kind && row.item_status
        ? {
            kind: row.item_kind,
            themes: themes.success ? themes.data : [],
            status: row.item_status,
            id: seen ? row.agenda_item_id : null,
            teamId: seen ? row.item_team_id : null,
            text: seen ? row.item_text : null,
          }
        : null,
  };
}

const agendaThemesSchema = z.array(z.enum(themeIds));

function toGroup(row: SignalGroupRow, signalCount: number): SignalGroup {
  return { id: row.id, name: row.name, signalCount, status: row.status, answer: row.answer, answeredAt: row.answered_at, createdAt: row.created_at };
}

/**
 * Signals to policy ("wat knelt, wat werkt", seed 000 §6.3) and the open chair to the management
 * team. A professional sends; policy advisors and management team members read, group and answer;
 * the answer reaches every sender. Nobody but the author learns who sent a signal unless the
 * author chose to be named: not the readers, not the administrator, not the audit log.
 */
export class SignalsService {
  private readonly now: Clock;

  constructor(private readonly deps: SignalsDependencies) {
    this.now = deps.now;
  }

  async access(actor: Actor): Promise<SignalAccess> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    const inbox = hasPermission(actor.roles, 'signals.receive') ? await checkAccess(this.deps.gate, { actor, permission: 'signal_inbox.reader', ids: [actor.organisationId] }) : new Set<string>();
    const policy = actor.roles.includes('policy_advisor');
    return {
      send: hasPermission(actor.roles, 'signals.send'),
      policy,
      management: inbox.size > 0 && actor.roles.includes('manager') && (await this.deps.signals.isManagementTeamMember(actor.userId)),
    };
  }

  async mine(actor: Actor): Promise<{ signals: Signal[] }> {
    await requireAccess(this.deps.gate, { actor, permission: 'signals.send' });
    const rows = await this.deps.signals.listByAuthor(actor.organisationId, actor.userId);
    return { signals: await this.present(actor, rows) };
  }

  /**
   * The identification check runs here again (the browser runs it while typing): the first send
   * with findings is answered with them (422 signal_identifying); the author rewrites, or
   * confirms and sends it as it is. A warning, never a block.
   */
  async send(actor: Actor, input: SignalRequest): Promise<Signal> {
    await requireAccess(this.deps.gate, { actor, permission: 'signals.send' });
    const findings = findIdentifyingDetails(input.text);
    if (findings.length > 0 && !input.confirmIdentifying) {
      throw new AppError('signal_identifying', findings.map((finding) => ({ path: `text.${finding.kind}`, message: finding.text })));
    }
    // Only an item the sender may see on one of their teams' agendas; any other is "not found".
    if (input.agendaItemId !== null) await requireAccess(this.deps.gate, { actor, permission: 'agenda_item.member', ids: [input.agendaItemId] });
    const id = randomUUID();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.signals.insert({
        id,
        organisation_id: actor.organisationId,
        author_id: actor.userId,
        kind: input.kind,
        subject: input.subject,
        theme: input.theme,
        text: input.text,
        named: input.named ? 1 : 0,
        to_policy: input.toPolicy ? 1 : 0,
        to_management: input.toManagement ? 1 : 0,
        status: 'received',
        group_id: null,
        agenda_item_id: input.agendaItemId,
        answer: null,
        answered_at: null,
        created_at: this.now().toISOString(),
      });
      // An unnamed signal stays unnamed in the audit log too: the administrator reads that log.
      await audit.record({
        organisationId: actor.organisationId,
        actorUserId: input.named ? actor.userId : null,
        action: 'signal.sent',
        subjectType: 'signal',
        subjectId: id,
        details: { toPolicy: input.toPolicy, toManagement: input.toManagement, named: input.named, identifyingConfirmed: findings.length > 0, fromAgenda: input.agendaItemId !== null },
      });
    });
    return this.load(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Signal> {
    await requireAccess(this.deps.gate, { actor, permission: 'signal.read', ids: [id] });
    return this.load(actor, id);
  }

  async inbox(actor: Actor): Promise<SignalInbox> {
    await requireAccess(this.deps.gate, { actor, permission: 'signal_inbox.reader', ids: [actor.organisationId] });
    const { policy, management } = await this.readerScope(actor);
    const rows = await this.deps.signals.listReceived(actor.organisationId, policy, management);
    const counts = new Map<string, number>();
    for (const row of rows) if (row.group_id) counts.set(row.group_id, (counts.get(row.group_id) ?? 0) + 1);
    const groups = await this.deps.signals.listGroups(actor.organisationId);
    return {
      signals: await this.present(actor, rows),
      groups: groups.map((group) => toGroup(group, counts.get(group.id) ?? 0)),
      open: rows.filter((row) => openStatuses.includes(row.status)).length,
    };
  }

  async createGroup(actor: Actor, name: string): Promise<SignalGroup> {
    await requireAccess(this.deps.gate, { actor, permission: 'signal_inbox.reader', ids: [actor.organisationId] });
    const row: SignalGroupRow = { id: randomUUID(), organisation_id: actor.organisationId, name, status: 'received', answer: null, answered_at: null, created_at: this.now().toISOString() };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.signals.insertGroup(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'signal.group_created', subjectType: 'signal_group', subjectId: row.id });
    });
    return toGroup(row, 0);
  }

  /** Grouping shows the sender that someone is working on it: ontvangen becomes in behandeling. */
  async setGroup(actor: Actor, id: string, groupId: string | null): Promise<Signal> {
    await requireAccess(this.deps.gate, { actor, permission: 'signal.recipient', ids: [id] });
    if (groupId !== null) await requireAccess(this.deps.gate, { actor, permission: 'signal_group.recipient', ids: [groupId] });
    const signal = await this.deps.signals.findById(actor.organisationId, id);
    if (!signal) throw new AppError('not_found');
    const status = signal.status === 'received' ? 'in_progress' : signal.status;
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.signals.setGroup(id, groupId, status);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'signal.grouped', subjectType: 'signal', subjectId: id, details: { groupId } });
    });
    return this.load(actor, id);
  }

  async answer(actor: Actor, id: string, input: SignalAnswerRequest): Promise<Signal> {
    await requireAccess(this.deps.gate, { actor, permission: 'signal.recipient', ids: [id] });
    await this.deps.unitOfWork.run(async (scope) => {
      await this.answerSignals(scope, actor, [id], input);
      await scope.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'signal.answered', subjectType: 'signal', subjectId: id, details: { status: input.status } });
    });
    return this.load(actor, id);
  }

  /** The group's answer goes to every signal in it that the reader receives, and so to every sender. */
  async answerGroup(actor: Actor, groupId: string, input: SignalAnswerRequest): Promise<SignalGroup> {
    await requireAccess(this.deps.gate, { actor, permission: 'signal_group.recipient', ids: [groupId] });
    const inGroup = await this.deps.signals.signalIdsInGroup(groupId);
    const reachable = [...(await checkAccess(this.deps.gate, { actor, permission: 'signal.recipient', ids: inGroup }))];
    await this.deps.unitOfWork.run(async (scope) => {
      await scope.repositories.signals.answerGroup(groupId, input.answer, input.status, this.now().toISOString());
      await this.answerSignals(scope, actor, reachable, input);
      await scope.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'signal.group_answered', subjectType: 'signal_group', subjectId: groupId, details: { status: input.status, signals: reachable.length } });
    });
    const group = await this.deps.signals.findGroup(actor.organisationId, groupId);
    if (!group) throw new AppError('not_found');
    return toGroup(group, reachable.length);
  }

  async managementTeam(actor: Actor): Promise<{ userIds: string[] }> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.users' });
    return { userIds: await this.deps.signals.managementTeam(actor.organisationId) };
  }

  /** The open chair's addressee: an administrator marks managers as members of the management team. */
  async setManagementTeam(actor: Actor, userId: string, member: boolean): Promise<{ userId: string; member: boolean }> {
    await requireAccess(this.deps.gate, { actor, permission: 'user.administrator', ids: [userId] });
    if (member && !(await this.deps.users.membershipsOf([userId])).some((m) => m.role === 'manager')) throw new AppError('management_team_needs_manager');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.signals.setManagementTeam(userId, member);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'admin.management_team_changed', subjectType: 'user', subjectId: userId, details: { member } });
    });
    return { userId, member };
  }

  /** Writes the answer and tells each sender once; inside the caller's transaction. */
  private async answerSignals({ repositories }: TransactionScope, actor: Actor, ids: readonly string[], input: SignalAnswerRequest): Promise<void> {
    const at = this.now().toISOString();
    await repositories.signals.answer(ids, input.answer, input.status, at);
    const authors = await repositories.signals.authorsOf(ids);
    await repositories.notifications.insertMany(
      authors
        .filter((row) => row.author_id !== actor.userId)
        .map((row) => ({
          id: randomUUID(),
          organisation_id: actor.organisationId,
          user_id: row.author_id,
          kind: 'signal_answered',
          actor_name: null,
          link: `/signalen#signaal-${row.id}`,
          recording_id: null,
          created_at: at,
          read_at: null,
          emailed_at: null,
          dedupe_key: null,
        })),
    );
  }

  private async readerScope(actor: Actor): Promise<{ policy: boolean; management: boolean }> {
    return {
      policy: actor.roles.includes('policy_advisor'),
      management: actor.roles.includes('manager') && (await this.deps.signals.isManagementTeamMember(actor.userId)),
    };
  }

  private async load(actor: Actor, id: string): Promise<Signal> {
    const row = await this.deps.signals.findById(actor.organisationId, id);
    if (!row) throw new AppError('not_found');
    const [signal] = await this.present(actor, [row]);
    if (!signal) throw new AppError('not_found');
    return signal;
  }

  /** Signals as they leave the server: an agenda item's id, team and text only for a reader who may see it on its team's agenda. */
  private async present(actor: Actor, rows: readonly SignalWithNames[]): Promise<Signal[]> {
    const itemIds = [...new Set(rows.flatMap((row) => (row.agenda_item_id && row.item_kind ? [row.agenda_item_id] : [])))];
    const seen = itemIds.length > 0 ? await checkAccess(this.deps.gate, { actor, permission: 'agenda_item.member', ids: itemIds }) : new Set<string>();
    return rows.map((row) => toSignal(row, actor.userId, seen));
  }
}
