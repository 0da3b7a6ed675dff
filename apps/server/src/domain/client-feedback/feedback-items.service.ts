import { randomUUID } from 'node:crypto';
import {
  feedbackMomentInputSchema,
  overlapsAny,
  type FeedbackAction,
  type FeedbackActionInput,
  type FeedbackChangeRequest,
  type FeedbackDetail,
  type FeedbackEntryInput,
  type FeedbackMomentInput,
  type FeedbackMomentUpdate,
} from '@spreekkamer/shared';
import type { FeedbackBundle, FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import { appendMoment, type FeedbackLoader } from './feedback-loader.js';
import type { FeedbackViews } from './feedback-views.js';
import type { RecordingLookup } from './recording-lookup.js';

export interface FeedbackItemsDependencies {
  gate: AccessGate;
  loader: FeedbackLoader;
  views: FeedbackViews;
  feedback: FeedbackRepository;
  /** Absent while recordings are not available: moments then cannot link a fragment. */
  recordings?: RecordingLookup | undefined;
  now: () => Date;
}

type ActionUpdate = { owner?: FeedbackAction['owner']; participantId?: string | null; what?: string; dueOn?: string; done?: boolean };
type RoomChangeRequest = { target: FeedbackChangeRequest['target']; targetId: string | null; note: string; participantId: string | null };

/** A moment, entry, action or change request exists in that conversation; otherwise the request is refused. */
export function assertTarget(bundle: FeedbackBundle, target: FeedbackChangeRequest['target'], targetId: string | null): void {
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

/** What the professional writes down during the conversation: moments, entries, agreements and change requests. */
export class FeedbackItemsService {
  constructor(private readonly deps: FeedbackItemsDependencies) {}

  async addMoment(actor: Actor, id: string, input: Required<FeedbackMomentInput>): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const bundle = await this.deps.loader.openBundle(id);
    await this.assertRecording(actor, input.recordingId, input.startSeconds, input.endSeconds);
    await appendMoment(
      this.deps.feedback,
      bundle,
      {
        theme: input.theme,
        subtopic: input.subtopic,
        own_subtopic: input.ownSubtopic,
        title: input.title,
        recording_id: input.recordingId,
        start_seconds: input.startSeconds,
        end_seconds: input.endSeconds,
      },
      this.deps.now().toISOString(),
    );
    return this.deps.views.touched(actor, id, 'feedback.moment_added');
  }

  async updateMoment(actor: Actor, id: string, momentId: string, input: FeedbackMomentUpdate): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const moment = (await this.deps.loader.openBundle(id)).moments.find((m) => m.id === momentId);
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
    return this.deps.views.touched(actor, id, 'feedback.moment_changed');
  }

  async removeMoment(actor: Actor, id: string, momentId: string): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    if (!(await this.deps.loader.openBundle(id)).moments.some((m) => m.id === momentId)) throw new AppError('not_found');
    await this.deps.feedback.deleteMoment(id, momentId);
    return this.deps.views.touched(actor, id, 'feedback.moment_removed');
  }

  async putEntry(actor: Actor, id: string, input: FeedbackEntryInput): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const bundle = await this.deps.loader.openBundle(id);
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
      updated_at: this.deps.now().toISOString(),
    });
    return this.deps.views.touched(actor, id, 'feedback.entry_written');
  }

  async addAction(actor: Actor, id: string, input: Required<FeedbackActionInput>): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const participantId = actionParticipant(await this.deps.loader.openBundle(id), input.owner, input.participantId);
    await this.deps.feedback.insertAction({
      id: randomUUID(),
      feedback_id: id,
      owner: input.owner,
      participant_id: participantId,
      what: input.what,
      due_on: input.dueOn,
      done_at: null,
      created_at: this.deps.now().toISOString(),
    });
    return this.deps.views.touched(actor, id, 'feedback.action_added');
  }

  /** Actions can still be ticked off after the conversation; their wording only while it is open. */
  async updateAction(actor: Actor, id: string, actionId: string, input: ActionUpdate): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const bundle = await this.deps.loader.bundle(id);
    const onlyDone = input.owner === undefined && input.participantId === undefined && input.what === undefined && input.dueOn === undefined;
    if (bundle.feedback.status === 'completed' && !onlyDone) throw new AppError('feedback_closed');
    const action = bundle.actions.find((a) => a.id === actionId);
    if (!action) throw new AppError('not_found');
    const owner = input.owner ?? action.owner;
    const participantId = actionParticipant(bundle, owner, input.participantId !== undefined ? input.participantId : action.participant_id);
    await this.deps.feedback.updateAction(actionId, {
      owner,
      participant_id: participantId,
      what: input.what ?? action.what,
      due_on: input.dueOn ?? action.due_on,
      done_at: input.done === undefined ? action.done_at : input.done ? (action.done_at ?? this.deps.now().toISOString()) : null,
    });
    return this.deps.views.touched(actor, id, 'feedback.action_changed');
  }

  async removeAction(actor: Actor, id: string, actionId: string): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    if (!(await this.deps.loader.openBundle(id)).actions.some((a) => a.id === actionId)) throw new AppError('not_found');
    await this.deps.feedback.deleteAction(actionId);
    return this.deps.views.touched(actor, id, 'feedback.action_removed');
  }

  /** On the shared screen in the room: the client taps "please change this" on the professional's device. */
  async addRoomChangeRequest(actor: Actor, id: string, input: RoomChangeRequest): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const bundle = await this.deps.loader.openBundle(id);
    if (input.participantId !== null && !bundle.participants.some((p) => p.id === input.participantId)) {
      throw new AppError('validation', [{ path: 'participantId', message: 'participant_unknown' }]);
    }
    assertTarget(bundle, input.target, input.targetId);
    await this.deps.feedback.insertChangeRequest({
      id: randomUUID(),
      feedback_id: id,
      participant_id: input.participantId,
      target: input.target,
      target_id: input.targetId,
      note: input.note,
      via: 'room',
      status: 'open',
      created_at: this.deps.now().toISOString(),
      resolved_at: null,
    });
    return this.deps.views.touched(actor, id, 'feedback.change_requested');
  }

  async resolveChangeRequest(actor: Actor, id: string, requestId: string): Promise<FeedbackDetail> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    if (!(await this.deps.loader.bundle(id)).changeRequests.some((c) => c.id === requestId)) throw new AppError('not_found');
    await this.deps.feedback.resolveChangeRequest(requestId, this.deps.now().toISOString());
    return this.deps.views.touched(actor, id, 'feedback.change_resolved');
  }

  private async assertRecording(actor: Actor, recordingId: string | null, start: number | null, end: number | null): Promise<void> {
    if (recordingId === null) return;
    const recording = await this.deps.recordings?.findOwnReady(actor.userId, recordingId);
    if (!recording || !this.deps.recordings) throw new AppError('validation', [{ path: 'recordingId', message: 'recordings_unavailable' }]);
    // Without times the fragment is the whole recording.
    const stretches = await this.deps.recordings.noShareStretches(recordingId);
    if (overlapsAny(start ?? 0, end ?? Number.POSITIVE_INFINITY, stretches)) throw new AppError('no_share_overlap', [{ path: 'startSeconds', message: 'no_share' }]);
  }
}

function actionParticipant(bundle: FeedbackBundle, owner: FeedbackAction['owner'], participantId: string | null): string | null {
  if (owner !== 'client') return null;
  if (participantId === null) {
    // One client: it is obviously them. In a group, the professional must say who.
    if (bundle.participants.length === 1) return bundle.participants[0]?.id ?? null;
    throw new AppError('validation', [{ path: 'participantId', message: 'participant_unknown' }]);
  }
  if (!bundle.participants.some((p) => p.id === participantId)) throw new AppError('validation', [{ path: 'participantId', message: 'participant_unknown' }]);
  return participantId;
}
