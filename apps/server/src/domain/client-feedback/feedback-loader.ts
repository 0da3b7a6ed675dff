import { randomUUID } from 'node:crypto';
import { maxMoments } from '@spreekkamer/shared';
import type { FeedbackBundle, FeedbackRepository, FeedbackRow, MomentRow, ParticipantWithClient } from '../../db/repositories/feedback.repository.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';

/** A client sees an invitation until it expires; once the conversation started it stays visible. */
export function clientMaySee(feedback: FeedbackRow, now: Date): boolean {
  return feedback.status !== 'invited' || feedback.invitation_expires_at > now.toISOString();
}

export function clientMayPrepare(feedback: FeedbackRow, now: Date): boolean {
  return feedback.status !== 'completed' && feedback.invitation_expires_at > now.toISOString();
}

export function assertMayPrepare(feedback: FeedbackRow, now: Date): void {
  if (feedback.status === 'completed') throw new AppError('feedback_closed');
  if (!clientMayPrepare(feedback, now)) throw new AppError('feedback_invitation_expired');
}

export function assertOpen(feedback: FeedbackRow): void {
  if (feedback.status === 'completed') throw new AppError('feedback_closed');
}

/**
 * Adds a moment at the end, within the limit, whoever proposes it (the professional or the client on
 * their own device). Choosing the first moment is where the conversation itself begins.
 */
export async function appendMoment(
  feedback: FeedbackRepository,
  bundle: FeedbackBundle,
  moment: Omit<MomentRow, 'id' | 'feedback_id' | 'position' | 'created_at'>,
  at: string,
): Promise<void> {
  if (bundle.moments.length >= maxMoments) throw new AppError('feedback_too_many_moments');
  const id = bundle.feedback.id;
  await feedback.insertMoment({ ...moment, id: randomUUID(), feedback_id: id, position: bundle.moments.length + 1, created_at: at });
  await feedback.update(id, { updated_at: at, ...(bundle.feedback.status === 'invited' ? { status: 'in_progress' as const, started_at: at } : {}) });
}

/**
 * Loading one feedback conversation, after requireAccess let the asker in (feedback.owner or
 * feedback.participant). Each change loads the conversation once, with everything in it, through here.
 */
export class FeedbackLoader {
  constructor(private readonly deps: { feedback: FeedbackRepository; now: () => Date }) {}

  /** The conversation row alone, for changes that need nothing else. */
  async row(id: string): Promise<FeedbackRow> {
    const feedback = await this.deps.feedback.findById(id);
    if (!feedback) throw new AppError('not_found');
    return feedback;
  }

  async bundle(id: string): Promise<FeedbackBundle> {
    const bundle = await this.deps.feedback.bundle(id);
    if (!bundle) throw new AppError('not_found');
    return bundle;
  }

  async openBundle(id: string): Promise<FeedbackBundle> {
    const bundle = await this.bundle(id);
    assertOpen(bundle.feedback);
    return bundle;
  }

  /** The client's own place in the conversation, while the invitation lets them see it. */
  async asParticipant(session: ClientSession, id: string): Promise<{ bundle: FeedbackBundle; me: ParticipantWithClient }> {
    const bundle = await this.bundle(id);
    const me = bundle.participants.find((p) => p.client_id === session.clientId);
    if (!me) throw new AppError('not_found');
    if (!clientMaySee(bundle.feedback, this.deps.now())) throw new AppError('feedback_invitation_expired');
    return { bundle, me };
  }
}
