import type { FeedbackHome } from '@spreekkamer/shared';
import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import type { FollowUpsRepository } from '../../db/repositories/follow-ups.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { localDay } from './calendar.js';

export interface FeedbackHomeDependencies {
  gate: AccessGate;
  feedback: FeedbackRepository;
  followUps: FollowUpsRepository;
  now: () => Date;
}

/** The professional's home page: what still needs them. Alliance signals are added by the alliance service. */
export class FeedbackHomeService {
  constructor(private readonly deps: FeedbackHomeDependencies) {}

  async home(actor: Actor): Promise<Omit<FeedbackHome, 'signals'>> {
    await requireAccess(this.deps.gate, { actor, permission: 'clients.own' });
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
    const overdue = await this.deps.feedback.overdueActions(actor.userId, localDay(this.deps.now()));
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
}
