import type { ClientFeedback, FeedbackDetail } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { FeedbackBundle, FeedbackRepository, ParticipantWithClient } from '../../db/repositories/feedback.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { Actor } from '../access/index.js';
import { mayShareWith, type ConsentPolicy } from '../consent/index.js';
import { AppError } from '../errors.js';
import { clientMayPrepare, type FeedbackLoader } from './feedback-loader.js';
import { toClientFeedback, toFeedbackDetail } from './feedback-mapping.js';
import type { RecordingLookup } from './recording-lookup.js';

export interface FeedbackViewDependencies {
  loader: FeedbackLoader;
  feedback: FeedbackRepository;
  users: UsersRepository;
  consentPolicy: ConsentPolicy;
  /** Absent while recordings are not available: nothing can then be watched together. */
  recordings?: RecordingLookup | undefined;
  audit: AuditLog;
  now: () => Date;
}

/** What the professional and the client get back after reading or changing a conversation. */
export class FeedbackViews {
  constructor(private readonly deps: FeedbackViewDependencies) {}

  async detail(actor: Actor, bundle: FeedbackBundle): Promise<FeedbackDetail> {
    return toFeedbackDetail(bundle, await this.watchableTogether(actor, bundle));
  }

  /** Reads the conversation again after a change whose access was already checked. */
  async detailAfterChange(actor: Actor, id: string): Promise<FeedbackDetail> {
    return this.detail(actor, await this.deps.loader.bundle(id));
  }

  /** Marks the conversation changed (other screens notice through its version), logs who did what, and answers with it. */
  async touched(actor: Actor, id: string, action: `feedback.${string}`): Promise<FeedbackDetail> {
    await this.deps.feedback.update(id, { updated_at: this.deps.now().toISOString() });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action, subjectType: 'feedback', subjectId: id });
    return this.detailAfterChange(actor, id);
  }

  async forClient(bundle: FeedbackBundle, me: ParticipantWithClient): Promise<ClientFeedback> {
    const names = await this.deps.users.namesOf([bundle.feedback.professional_id]);
    return toClientFeedback(bundle, me, { professionalName: names.get(bundle.feedback.professional_id) ?? '', canPrepare: clientMayPrepare(bundle.feedback, this.deps.now()) });
  }

  /** Reads the conversation again after the client changed it; they were checked as a participant before. */
  async forClientAfterChange(id: string, clientId: string): Promise<ClientFeedback> {
    const bundle = await this.deps.loader.bundle(id);
    const me = bundle.participants.find((p) => p.client_id === clientId);
    if (!me) throw new AppError('not_found');
    return this.forClient(bundle, me);
  }

  /** Only the professional's own playable recordings, of a conversation whose client consented to watching together. */
  private async watchableTogether(actor: Actor, { moments, participants }: FeedbackBundle): Promise<Set<string>> {
    const recordingIds = [...new Set(moments.flatMap((m) => (m.recording_id ? [m.recording_id] : [])))];
    const allowed = await Promise.all(
      recordingIds.map(async (recordingId) => {
        const recording = await this.deps.recordings?.findOwnReady(actor.userId, recordingId);
        if (!recording) return false;
        const consent = await this.deps.consentPolicy.findActiveConsent(recording.conversationId);
        return mayShareWith(consent, 'client') && participants.some((p) => p.client_id === consent?.clientId);
      }),
    );
    return new Set(recordingIds.filter((_, index) => allowed[index]));
  }
}
