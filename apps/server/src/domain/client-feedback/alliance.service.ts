import { randomUUID } from 'node:crypto';
import { allianceItemIds, type AllianceOverview, type AllianceScores, type AllianceSignal, type AllianceTrend, type DeclineReasonId } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { AllianceAnswerRow, AllianceRepository } from '../../db/repositories/alliance.repository.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import { checkAccess, requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { settingsOf } from '../admin/organisation-settings.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { DeclineReasonCounter } from '../consent/decline-reasons.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { addDays, localMonth } from './calendar.js';

export interface AllianceDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  alliance: AllianceRepository;
  clients: ClientsRepository;
  conversations: ConversationsRepository;
  feedback: FeedbackRepository;
  organisations: OrganisationsRepository;
  audit: AuditLog;
  /** Saying no with a reason: counted without a link (see consent/decline-reasons.ts). */
  declineReasons?: Pick<DeclineReasonCounter, 'record'>;
  now: Clock;
}

/** How long a handed-out check stays open. */
const requestDays = 14;

/** A falling score: the latest check at least this much below the one before. */
const fallingBy = 1;

function scoresOf(row: AllianceAnswerRow): AllianceScores {
  return { collaboration: row.collaboration, achievement: row.achievement, fit: row.fit, own_topics: row.own_topics, overall: row.overall };
}

function averageOf(scores: AllianceScores): number {
  const values = Object.values(scores).filter((v): v is number => v !== null);
  return values.length === 0 ? 0 : round(values.reduce((a, b) => a + b, 0) / values.length);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The alliance check (samenwerkingscheck). The client answers with faces; only their own
 * professional sees the result, never a manager or administrator (no judging). When the
 * organisation chooses anonymity, an answer is stored without client, request or time, and the
 * professional sees only closed months with at least `minimumGroupSize` answers.
 */
export class AllianceService {
  private readonly now: Clock;

  constructor(private readonly deps: AllianceDependencies) {
    this.now = deps.now;
  }

  async request(actor: Actor, input: { clientId: string; conversationId: string | null; feedbackId: string | null }): Promise<{ id: string; anonymous: boolean; expiresAt: string }> {
    await requireAccess(this.deps.gate, { actor, permission: 'client.owner', ids: [input.clientId] });
    const client = await this.deps.clients.findById(input.clientId);
    if (!client) throw new AppError('not_found');
    // What the check is about must be the professional's own too, with this client; else it is a wrong field, not a refusal.
    if (input.conversationId) {
      const own = await checkAccess(this.deps.gate, { actor, permission: 'conversation.owner', ids: [input.conversationId] });
      const conversation = own.size > 0 ? await this.deps.conversations.findById(input.conversationId) : undefined;
      if (conversation?.client_id !== client.id) throw new AppError('validation', [{ path: 'conversationId', message: 'conversation_unknown' }]);
    }
    if (input.feedbackId) {
      const own = await checkAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [input.feedbackId] });
      const participant = own.size > 0 ? await this.deps.feedback.findParticipant(input.feedbackId, client.id) : undefined;
      if (!participant) throw new AppError('validation', [{ path: 'feedbackId', message: 'conversation_unknown' }]);
    }
    const settings = await this.settings(actor.organisationId);
    const now = this.now();
    const row = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      professional_id: actor.userId,
      client_id: client.id,
      conversation_id: input.conversationId,
      feedback_id: input.feedbackId,
      anonymous: settings.allianceCheckAnonymous ? (1 as const) : (0 as const),
      created_at: now.toISOString(),
      expires_at: addDays(now, requestDays).toISOString(),
      answered_at: null,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.alliance.insertRequest(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'alliance.requested', subjectType: 'client', subjectId: client.id });
    });
    return { id: row.id, anonymous: row.anonymous === 1, expiresAt: row.expires_at };
  }

  async clientAnswer(session: ClientSession, requestId: string, scores: AllianceScores): Promise<void> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'alliance_request.client', ids: [requestId] });
    const request = await this.openRequest(requestId);
    const now = this.now();
    const anonymous = request.anonymous === 1;
    // Anonymous totals count people: one anonymous answer per client per month.
    if (anonymous && (await this.deps.alliance.answeredAnonymouslyIn(request.professional_id, request.client_id, localMonth(now)))) {
      throw new AppError('alliance_check_unavailable');
    }
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.alliance.answer(
        request,
        {
          id: randomUUID(),
          organisation_id: request.organisation_id,
          professional_id: request.professional_id,
          client_id: anonymous ? null : request.client_id,
          anonymous: anonymous ? 1 : 0,
          period: localMonth(now),
          answered_on: anonymous ? null : now.toISOString(),
          collaboration: scores.collaboration,
          achievement: scores.achievement,
          fit: scores.fit,
          own_topics: scores.own_topics,
          overall: scores.overall,
        },
        now.toISOString(),
      );
      // The audit entry of an anonymous answer names neither the client nor the request.
      await audit.record(
        anonymous
          ? { organisationId: session.organisationId, actorUserId: null, action: 'alliance.answered', details: { anonymous: true } }
          : { organisationId: session.organisationId, actorUserId: null, action: 'alliance.answered', subjectType: 'client', subjectId: session.clientId, details: { anonymous: false } },
      );
    });
  }

  /** "No, thanks": the check disappears; nothing is recorded about why. */
  async clientDecline(session: ClientSession, requestId: string, reason?: DeclineReasonId): Promise<void> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'alliance_request.client', ids: [requestId] });
    const request = await this.openRequest(requestId);
    await this.deps.alliance.deleteRequest(request.id);
    // Only after the request is gone: one reason per decline, and nothing that links the two.
    if (reason) await this.deps.declineReasons?.record(session.organisationId, 'feedback', reason);
  }

  async trend(actor: Actor, clientId: string): Promise<AllianceTrend> {
    await requireAccess(this.deps.gate, { actor, permission: 'client.owner', ids: [clientId] });
    const client = await this.deps.clients.findById(clientId);
    if (!client) throw new AppError('not_found');
    const settings = await this.settings(actor.organisationId);
    const answers = await this.deps.alliance.identifiedAnswers(actor.userId, clientId);
    const points = answers.map((a) => {
      const scores = scoresOf(a);
      return { answeredAt: a.answered_on ?? `${a.period}-01T00:00:00.000Z`, average: averageOf(scores), scores };
    });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'alliance.trend_viewed', subjectType: 'client', subjectId: clientId });
    const open = await this.deps.alliance.openRequestsOfProfessionalClient(actor.userId, clientId, this.now().toISOString());
    return {
      anonymous: settings.allianceCheckAnonymous,
      threshold: settings.allianceSignalBelow,
      points,
      signal: signalFor(points.map((p) => p.average), settings.allianceSignalBelow, clientId, client.pseudonym),
      openRequests: open.map((r) => ({ id: r.id, createdAt: r.created_at, expiresAt: r.expires_at })),
    };
  }

  async overview(actor: Actor): Promise<AllianceOverview> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    const settings = await this.settings(actor.organisationId);
    const k = settings.minimumGroupSize;
    const answers = await this.deps.alliance.anonymousAnswers(actor.userId, localMonth(this.now()));
    const byPeriod = new Map<string, AllianceAnswerRow[]>();
    for (const answer of answers) byPeriod.set(answer.period, [...(byPeriod.get(answer.period) ?? []), answer]);
    const periods = [...byPeriod.entries()].map(([period, rows]) => {
      if (rows.length < k) return { period, enoughAnswers: false, count: null, averages: null };
      const averages: Record<string, number | null> = {};
      for (const item of allianceItemIds) {
        const values = rows.map((r) => r[item]).filter((v): v is number => v !== null);
        // A question that fewer than k people answered is left out, like the whole month would be.
        averages[item] = values.length < k ? null : round(values.reduce((a, b) => a + b, 0) / values.length);
      }
      return { period, enoughAnswers: true, count: rows.length, averages };
    });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'alliance.overview_viewed' });
    return { anonymous: settings.allianceCheckAnonymous, threshold: settings.allianceSignalBelow, minimumGroupSize: k, periods, signals: await this.signals(actor) };
  }

  /** Quiet signals for this professional only: a low or falling score ("talk about how you work together"). */
  async signals(actor: Actor): Promise<AllianceSignal[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
    const settings = await this.settings(actor.organisationId);
    const signals: AllianceSignal[] = [];
    const identified = await this.deps.alliance.identifiedAnswersOfProfessional(actor.userId);
    const perClient = new Map<string, number[]>();
    for (const answer of identified) {
      if (answer.client_id) perClient.set(answer.client_id, [...(perClient.get(answer.client_id) ?? []), averageOf(scoresOf(answer))]);
    }
    // Only clients still in the professional's own caseload, asked at once; their pseudonyms in one query.
    const own = await checkAccess(this.deps.gate, { actor, permission: 'client.owner', ids: perClient.keys() });
    const pseudonyms = new Map((await this.deps.clients.listForProfessional(actor.userId)).map((client) => [client.id, client.pseudonym]));
    for (const [clientId, averages] of perClient) {
      const pseudonym = pseudonyms.get(clientId);
      if (!own.has(clientId) || pseudonym === undefined) continue;
      const signal = signalFor(averages, settings.allianceSignalBelow, clientId, pseudonym);
      if (signal) signals.push(signal);
    }
    const k = settings.minimumGroupSize;
    const anonymous = await this.deps.alliance.anonymousAnswers(actor.userId, localMonth(this.now()));
    const periods = [...new Set(anonymous.map((a) => a.period))].sort();
    const monthly = periods
      .map((period) => anonymous.filter((a) => a.period === period))
      .filter((rows) => rows.length >= k)
      .map((rows) => round(rows.reduce((sum, r) => sum + averageOf(scoresOf(r)), 0) / rows.length));
    const anonymousSignal = signalFor(monthly, settings.allianceSignalBelow, null, null);
    if (anonymousSignal) signals.push(anonymousSignal);
    return signals;
  }

  /** After the gate (missing and someone else's look the same): the request, if it can still be answered. */
  private async openRequest(requestId: string) {
    const request = await this.deps.alliance.findRequest(requestId);
    if (!request) throw new AppError('not_found');
    if (request.answered_at !== null || request.expires_at <= this.now().toISOString()) throw new AppError('alliance_check_unavailable');
    return request;
  }

  private async settings(organisationId: string): Promise<{ allianceCheckAnonymous: boolean; allianceSignalBelow: number; minimumGroupSize: number }> {
    const organisation = await this.deps.organisations.findById(organisationId);
    if (!organisation) throw new AppError('not_found');
    const settings = settingsOf(organisation);
    return { allianceCheckAnonymous: settings.allianceCheckAnonymous ?? false, allianceSignalBelow: settings.allianceSignalBelow ?? 3, minimumGroupSize: settings.minimumGroupSize };
  }
}

/** Low: the latest average is under the threshold. Falling: clearly lower than the one before. */
export function signalFor(averages: readonly number[], threshold: number, clientId: string | null, pseudonym: string | null): AllianceSignal | null {
  const latest = averages.at(-1);
  if (latest === undefined) return null;
  if (latest < threshold) return { kind: 'low', clientId, pseudonym, latest };
  const previous = averages.at(-2);
  // Averages carry two decimals; compare in hundredths so 4.6 → 3.6 counts as a full point.
  if (previous !== undefined && Math.round((previous - latest) * 100) >= fallingBy * 100) return { kind: 'falling', clientId, pseudonym, latest };
  return null;
}
