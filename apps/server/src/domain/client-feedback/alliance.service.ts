import { randomUUID } from 'node:crypto';
import { allianceItemIds, type AllianceOverview, type AllianceScores, type AllianceSignal, type AllianceTrend, type DeclineReasonId } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { AllianceAnswerRow, AllianceRepository } from '../../db/repositories/alliance.repository.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { ConversationsRepository } from '../../db/repositories/conversations.repository.js';
import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { settingsOf } from '../admin/organisation-settings.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { DeclineReasonsService } from '../consent/decline-reasons.service.js';
import { addDays, localMonth } from './calendar.js';

export interface AllianceDependencies {
  alliance: AllianceRepository;
  clients: ClientsRepository;
  conversations: ConversationsRepository;
  feedback: FeedbackRepository;
  organisations: OrganisationsRepository;
  audit: AuditLog;
  /** Saying no with a reason: counted without a link (see decline-reasons.service.ts). */
  declineReasons?: Pick<DeclineReasonsService, 'record'>;
  /** How long a handed-out check stays open. */
  requestDays?: number;
  now: Clock;
}

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
    requirePermission(actor, 'clients.own');
    const client = await this.deps.clients.findById(input.clientId);
    if (!client || client.professional_id !== actor.userId) throw new AppError('not_found');
    if (input.conversationId) {
      const conversation = await this.deps.conversations.findById(input.conversationId);
      if (!conversation || conversation.professional_id !== actor.userId || conversation.client_id !== client.id) {
        throw new AppError('validation', [{ path: 'conversationId', message: 'conversation_unknown' }]);
      }
    }
    if (input.feedbackId) {
      const feedback = await this.deps.feedback.findById(input.feedbackId);
      const participant = feedback ? await this.deps.feedback.findParticipant(feedback.id, client.id) : undefined;
      if (!feedback || feedback.professional_id !== actor.userId || !participant) throw new AppError('validation', [{ path: 'feedbackId', message: 'conversation_unknown' }]);
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
      expires_at: addDays(now, this.deps.requestDays ?? 14).toISOString(),
      answered_at: null,
    };
    await this.deps.alliance.insertRequest(row);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'alliance.requested', subjectType: 'client', subjectId: client.id });
    return { id: row.id, anonymous: row.anonymous === 1, expiresAt: row.expires_at };
  }

  async clientAnswer(session: ClientSession, requestId: string, scores: AllianceScores): Promise<void> {
    const request = await this.openRequestOf(session, requestId);
    const now = this.now();
    const anonymous = request.anonymous === 1;
    // Anonymous totals count people: one anonymous answer per client per month.
    if (anonymous && (await this.deps.alliance.answeredAnonymouslyIn(request.professional_id, request.client_id, localMonth(now)))) {
      throw new AppError('alliance_check_unavailable');
    }
    await this.deps.alliance.answer(
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
    await this.deps.audit.record(
      anonymous
        ? { organisationId: session.organisationId, actorUserId: null, action: 'alliance.answered', details: { anonymous: true } }
        : { organisationId: session.organisationId, actorUserId: null, action: 'alliance.answered', subjectType: 'client', subjectId: session.clientId, details: { anonymous: false } },
    );
  }

  /** "No, thanks": the check disappears; nothing is recorded about why. */
  async clientDecline(session: ClientSession, requestId: string, reason?: DeclineReasonId): Promise<void> {
    const request = await this.openRequestOf(session, requestId);
    await this.deps.alliance.deleteRequest(request.id);
    // Only after the request is gone: one reason per decline, and nothing that links the two.
    if (reason) await this.deps.declineReasons?.record(session.organisationId, 'feedback', reason);
  }

  async trend(actor: Actor, clientId: string): Promise<AllianceTrend> {
    requirePermission(actor, 'clients.own');
    const client = await this.deps.clients.findById(clientId);
    if (!client || client.professional_id !== actor.userId || client.organisation_id !== actor.organisationId) throw new AppError('not_found');
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
    requirePermission(actor, 'clients.own');
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
    requirePermission(actor, 'clients.own');
    const settings = await this.settings(actor.organisationId);
    const signals: AllianceSignal[] = [];
    const identified = await this.deps.alliance.identifiedAnswersOfProfessional(actor.userId);
    const perClient = new Map<string, number[]>();
    for (const answer of identified) {
      if (answer.client_id) perClient.set(answer.client_id, [...(perClient.get(answer.client_id) ?? []), averageOf(scoresOf(answer))]);
    }
    for (const [clientId, averages] of perClient) {
      const client = await this.deps.clients.findById(clientId);
      if (!client || client.professional_id !== actor.userId) continue;
      const signal = signalFor(averages, settings.allianceSignalBelow, clientId, client.pseudonym);
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

  private async openRequestOf(session: ClientSession, requestId: string) {
    const request = await this.deps.alliance.findRequest(requestId);
    // Missing and someone else's look the same.
    if (!request || request.client_id !== session.clientId || request.organisation_id !== session.organisationId) throw new AppError('not_found');
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
