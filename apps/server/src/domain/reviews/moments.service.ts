import { randomUUID } from 'node:crypto';
import type { Moment, MomentInput, MomentPatch } from '@spreekkamer/shared';
import type { MomentRow, MomentsRepository, ReviewRecordingRow } from '../../db/repositories/moments.repository.js';
import type { NoShareRepository } from '../../db/repositories/no-share.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { toMoment } from './mapping.js';
import { assertOutsideNoShare } from './no-share-stretches.js';
import type { ShareCuts } from './share-cuts.js';

/** A moment must be long enough to watch; shorter marks are almost always a slip of the mouse. */
export const minimumMomentSeconds = 0.5;

function checkSpan(recording: ReviewRecordingRow, start: number, end: number): void {
  const duration = Number(recording.duration_seconds ?? 0);
  const problems = [];
  if (start >= duration) problems.push({ path: 'startSeconds', message: 'invalid' });
  if (end > duration + 0.05 || end - start < minimumMomentSeconds) problems.push({ path: 'endSeconds', message: 'invalid' });
  if (problems.length > 0) throw new AppError('moment_out_of_range', problems);
}

/** The professional's own moments on their own recording: only they can list or change them. */
export class MomentsService {
  constructor(private readonly deps: { gate: AccessGate; unitOfWork: UnitOfWork; moments: MomentsRepository; stretches: NoShareRepository; cuts: ShareCuts }) {}

  async list(actor: Actor, recordingId: string): Promise<Moment[]> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    return (await this.deps.moments.listForRecording(recordingId)).map(toMoment);
  }

  async create(actor: Actor, recordingId: string, input: MomentInput): Promise<Moment> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.owner', ids: [recordingId] });
    const recording = await this.deps.moments.findRecording(recordingId);
    if (!recording) throw new AppError('not_found');
    if (recording.status !== 'ready' || recording.duration_seconds === null) throw new AppError('recording_not_ready');
    checkSpan(recording, input.startSeconds, input.endSeconds);
    await assertOutsideNoShare(this.deps.stretches, recordingId, [[input.startSeconds, input.endSeconds]]);
    const at = this.deps.gate.now().toISOString();
    const row = {
      id: randomUUID(),
      organisation_id: actor.organisationId,
      recording_id: recordingId,
      professional_id: actor.userId,
      start_seconds: input.startSeconds,
      end_seconds: Math.min(input.endSeconds, Number(recording.duration_seconds)),
      title: input.title,
      themes_json: JSON.stringify([...new Set(input.themes)]),
      notes: input.notes,
      created_at: at,
      updated_at: at,
    };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.moments.insert(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.moment_created', subjectType: 'recording', subjectId: recordingId, details: { momentId: row.id } });
    });
    return toMoment(row);
  }

  async update(actor: Actor, momentId: string, patch: MomentPatch): Promise<Moment> {
    await requireAccess(this.deps.gate, { actor, permission: 'moment.owner', ids: [momentId] });
    const { moment, recording } = await this.momentWithRecording(momentId);
    const start = patch.startSeconds ?? Number(moment.start_seconds);
    const end = patch.endSeconds ?? Number(moment.end_seconds);
    checkSpan(recording, start, end);
    if (patch.startSeconds !== undefined || patch.endSeconds !== undefined) await assertOutsideNoShare(this.deps.stretches, recording.id, [[start, end]]);
    const changes = {
      start_seconds: start,
      end_seconds: Math.min(end, Number(recording.duration_seconds)),
      title: patch.title ?? moment.title,
      themes_json: patch.themes ? JSON.stringify([...new Set(patch.themes)]) : moment.themes_json,
      notes: patch.notes ?? moment.notes,
      updated_at: this.deps.gate.now().toISOString(),
    };
    await this.deps.moments.update(momentId, changes);
    if (changes.start_seconds !== Number(moment.start_seconds) || changes.end_seconds !== Number(moment.end_seconds)) await this.deps.cuts.momentChanged(momentId);
    return toMoment({ ...moment, ...changes });
  }

  async delete(actor: Actor, momentId: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'moment.owner', ids: [momentId] });
    const { moment } = await this.momentWithRecording(momentId);
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.moments.delete(momentId);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.moment_deleted', subjectType: 'recording', subjectId: moment.recording_id, details: { momentId } });
    });
    await this.deps.cuts.momentChanged(momentId);
  }

  private async momentWithRecording(momentId: string): Promise<{ moment: MomentRow; recording: ReviewRecordingRow }> {
    const moment = await this.deps.moments.findById(momentId);
    const recording = moment ? await this.deps.moments.findRecording(moment.recording_id) : undefined;
    if (!moment || !recording) throw new AppError('not_found');
    return { moment, recording };
  }
}
