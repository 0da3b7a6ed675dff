import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type RhythmTurn, type RhythmView, type SharedRhythmLane } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { openDerived, sealDerived } from '../../crypto/derived-data.js';
import { unwrapKey } from '../../crypto/envelope.js';
import type { RecordingRow, RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { RhythmRepository } from '../../db/repositories/rhythm.repository.js';
import type { ShareRow, SharesRepository } from '../../db/repositories/shares.repository.js';
import type { MomentRow } from '../../db/repositories/moments.repository.js';
import type { WorkFolders } from '../../jobs/work-folders.js';
import type { MediaTools } from '../../media/index.js';
import { analyseRhythm, rhythmMetrics, type Turn } from '../../media/rhythm/index.js';
import { BlobNotFoundError, type BlobStore } from '../../storage/blob-store.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { recordingPrefix } from '../recordings/blob-keys.js';
import { decryptedSegments, readRecordingPlaylist } from '../recordings/hls-source.js';
import type { SpeakerSuggestion, VoicePrints } from './voice-prints.js';

/** Sealed under a subkey of the recording's media key, like peaks: gone when the key is gone. */
const LABEL = 'rhythm';
const BLOB = 'rhythm.sealed';

interface SealedRhythm {
  version: 1;
  durationSeconds: number;
  method: 'voice' | 'channels';
  turns: Turn[];
  edited: boolean;
  /** Voice statistics per speaker (media/rhythm VoiceStats); analyses before migration 028 kept means only. */
  voicePrints: unknown;
}

export interface RhythmDependencies {
  recordings: Pick<RecordingsRepository, 'findById'>;
  rhythm: RhythmRepository;
  blobs: BlobStore;
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  shares: Pick<SharesRepository, 'findById'>;
  momentsOfShare: (share: ShareRow) => Promise<MomentRow[]>;
  audit: AuditLog;
  /** The swept per-job folders (jobs/work-folders.ts): a crash leaves nothing readable for long, and withdrawal removes them. */
  workFolders: Pick<WorkFolders, 'create'>;
  /** The professional's own voice print (voice-prints.ts): suggests who is who, learns from a confirmation. */
  voicePrints: Pick<VoicePrints, 'suggest' | 'learn'>;
  settings: { masterKey: Buffer; tools: MediaTools };
  now: Clock;
}

/** What the job side needs: no gate, no actor. */
export type RhythmJobDependencies = Pick<RhythmDependencies, 'recordings' | 'rhythm' | 'blobs' | 'workFolders' | 'voicePrints' | 'settings' | 'now'>;

/**
 * Conversation rhythm, the job side, with no actor (wired by main.ts): the job that works it out
 * after processing, its last failed attempt, and the eraser. What the professional may see of it
 * is RhythmService below. (The name keeps the prefix RhythmService: rhythm.test.ts tells the
 * rhythm job's work folders apart by it.)
 */
export class RhythmServiceJobs {
  private readonly now: Clock;

  constructor(private readonly deps: RhythmJobDependencies) {
    this.now = deps.now;
  }

  /** The job: decrypts the audio into a private folder that is always removed, analyses, seals. */
  async analyse(recordingId: string, signal: AbortSignal): Promise<void> {
    const recording = await this.deps.recordings.findById(recordingId);
    if (!recording || recording.status !== 'ready' || !recording.wrapped_key) return;
    const mediaKey = unwrapKey(this.deps.settings.masterKey, recording.wrapped_key);
    // Named after the recording, so a withdrawal removes it at once, running or not.
    const work = await this.deps.workFolders.create(recording.id);
    try {
      await this.analyseIn(work, recording, mediaKey, signal);
    } catch (error) {
      // Deleted or withdrawn meanwhile (its work folder goes with it): nothing left to analyse, no retry.
      const still = await this.deps.recordings.findById(recording.id);
      if (still?.status !== 'ready' || still.wrapped_key !== recording.wrapped_key) return;
      throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async analyseIn(work: string, recording: RecordingRow, mediaKey: Buffer, signal: AbortSignal): Promise<void> {
    const audio = path.join(work, 'audio.ts');
    await this.decryptSegments(recording.id, mediaKey, audio, signal);
    const result = await analyseRhythm(audio, { channels: 'auto', tools: this.deps.settings.tools, signal });
    const sealed: SealedRhythm = { version: 1, durationSeconds: result.durationSeconds, method: result.method, turns: result.turns, edited: false, voicePrints: result.voicePrints };
    const suggestion = await this.suggest(recording, result.voicePrints);
    const still = await this.deps.recordings.findById(recording.id);
    if (still?.status !== 'ready' || still.wrapped_key !== recording.wrapped_key) return;
    await this.deps.blobs.put(recordingPrefix(recording.id) + BLOB, sealDerived(mediaKey, LABEL, Buffer.from(JSON.stringify(sealed))), 'application/octet-stream');
    const at = this.now().toISOString();
    await this.deps.rhythm.upsert({
      recording_id: recording.id,
      organisation_id: recording.organisation_id,
      professional_id: recording.professional_id,
      status: 'ready',
      professional_speaker: null,
      suggested_speaker: suggestion.speaker,
      suggestion_basis: suggestion.basis,
      created_at: at,
      updated_at: at,
    });
    // A withdrawal while we wrote: the erase job may already have run, so clean up ourselves.
    const after = await this.deps.recordings.findById(recording.id);
    if (after?.status !== 'ready') await this.eraseFor(recording.id);
  }

  /** After the last failed attempt: the professional sees that there is no rhythm, not why. */
  async giveUp(recordingId: string): Promise<void> {
    const recording = await this.deps.recordings.findById(recordingId);
    if (!recording || recording.status !== 'ready') return;
    const at = this.now().toISOString();
    await this.deps.rhythm.upsert({
      recording_id: recording.id,
      organisation_id: recording.organisation_id,
      professional_id: recording.professional_id,
      status: 'failed',
      professional_speaker: null,
      suggested_speaker: null,
      suggestion_basis: null,
      created_at: at,
      updated_at: at,
    });
  }

  /** For the recording eraser. The sealed blob lives under the recording's prefix and goes with it. */
  async eraseFor(recordingId: string): Promise<void> {
    await this.deps.blobs.delete(recordingPrefix(recordingId) + BLOB).catch(() => undefined);
    await this.deps.rhythm.deleteForRecording(recordingId);
  }

  private async open(recording: Pick<RecordingRow, 'id'> & { wrapped_key: string }): Promise<SealedRhythm | null> {
    return openSealed(this.deps, recording);
  }

  /** Whose voice is the professional's: see voice-prints.ts (their own print only, else who speaks first). */
  private async suggest(recording: RecordingRow, prints: unknown): Promise<SpeakerSuggestion> {
    return this.deps.voicePrints.suggest(recording.professional_id, prints);
  }

  /** Segments are AES-128-CBC under the media key; the decrypted stream exists only in `out`. */
  private async decryptSegments(recordingId: string, mediaKey: Buffer, out: string, signal: AbortSignal): Promise<void> {
    const playlist = await readRecordingPlaylist(this.deps.blobs, recordingId);
    const file = createWriteStream(out, { mode: 0o600 });
    try {
      for await (const plain of decryptedSegments(this.deps.blobs, recordingId, playlist, playlist.segments, mediaKey, signal)) {
        if (!file.write(plain)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
      }
    } finally {
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
  }
}

/**
 * What the professional (and, for a ticked share, its reviewer) may see of the rhythm. Private
 * like the recording: only the recording's professional, no role is an exception, nothing is
 * aggregated over recordings.
 */
export class RhythmService {
  private readonly now: Clock;

  constructor(private readonly deps: RhythmDependencies) {
    this.now = deps.now;
  }

  async get(actor: Actor, recordingId: string): Promise<RhythmView> {
    await requireAccess(this.deps.gate, { actor, permission: 'rhythm.owner', ids: [recordingId] });
    const recording = await this.readyRecording(recordingId);
    return this.view(recording);
  }

  async confirmSpeaker(actor: Actor, recordingId: string, speaker: 'A' | 'B'): Promise<RhythmView> {
    await requireAccess(this.deps.gate, { actor, permission: 'rhythm.owner', ids: [recordingId] });
    const recording = await this.readyRecording(recordingId);
    const row = await this.deps.rhythm.find(recording.id);
    if (row?.status !== 'ready') throw new AppError('not_found');
    await this.deps.rhythm.setProfessionalSpeaker(recording.id, speaker, this.now().toISOString());
    await this.deps.voicePrints.learn(recording, (await this.open(recording))?.voicePrints, speaker);
    return this.view(recording);
  }

  /** Corrections by the professional: the whole list, checked, replaces the turns; figures follow. */
  async saveTurns(actor: Actor, recordingId: string, turns: RhythmTurn[]): Promise<RhythmView> {
    await requireAccess(this.deps.gate, { actor, permission: 'rhythm.owner', ids: [recordingId] });
    const recording = await this.readyRecording(recordingId);
    const sealed = await this.open(recording);
    if (!sealed) throw new AppError('not_found');
    const limit = sealed.durationSeconds + 0.5;
    const sorted = [...turns].sort((a, b) => a.start - b.start);
    if (sorted.some((t) => t.end > limit || t.start < 0 || t.end <= t.start)) throw new AppError('rhythm_turns_invalid');
    const round = (x: number): number => Math.round(x * 1000) / 1000;
    const next: SealedRhythm = { ...sealed, edited: true, turns: sorted.map((t) => ({ speaker: t.speaker, start: round(t.start), end: round(t.end) })) };
    const mediaKey = unwrapKey(this.deps.settings.masterKey, recording.wrapped_key);
    await this.deps.blobs.put(recordingPrefix(recording.id) + BLOB, sealDerived(mediaKey, LABEL, Buffer.from(JSON.stringify(next))), 'application/octet-stream');
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'rhythm.corrected', subjectType: 'recording', subjectId: recording.id });
    return this.view(recording);
  }

  /** The owner ticks (or unticks) whether a share carries the rhythm lane of its span. */
  async setShareLane(actor: Actor, shareId: string, include: boolean): Promise<{ include: boolean }> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.owner', ids: [shareId] });
    const share = await this.deps.shares.findById(shareId);
    if (!share) throw new AppError('not_found');
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.rhythm.setShareLane(share.id, include);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'rhythm.share_lane', subjectType: 'recording', subjectId: share.recording_id, details: { shareId, include } });
    });
    return { include };
  }

  /** A recipient's lane: only for an active share that carries it, clipped to the shared spans. */
  async sharedLane(actor: Actor, shareId: string): Promise<SharedRhythmLane> {
    await requireAccess(this.deps.gate, { actor, permission: 'share.recipient', ids: [shareId] });
    const share = await this.deps.shares.findById(shareId);
    if (!share) throw new AppError('not_found');
    if (share.rhythm_lane !== 1) throw new AppError('not_found');
    const recording = await this.deps.recordings.findById(share.recording_id);
    if (!recording || recording.status !== 'ready' || !recording.wrapped_key) throw new AppError('not_found');
    const row = await this.deps.rhythm.find(recording.id);
    const sealed = row?.status === 'ready' ? await this.open({ ...recording, wrapped_key: recording.wrapped_key }) : null;
    if (!row || !sealed) throw new AppError('not_found');
    const ranges = (await this.deps.momentsOfShare(share)).map((m) => [m.start_seconds, m.end_seconds] as [number, number]).sort((a, b) => a[0] - b[0]);
    const who = (speaker: 'A' | 'B'): SharedRhythmLane['turns'][number]['who'] =>
      row.professional_speaker === null ? speaker : speaker === row.professional_speaker ? 'professional' : 'client';
    const turns: SharedRhythmLane['turns'] = [];
    for (const [from, to] of ranges) {
      for (const t of sealed.turns) {
        const start = Math.max(from, t.start);
        const end = Math.min(to, t.end);
        if (end > start) turns.push({ who: who(t.speaker), start, end });
      }
    }
    return { ranges, turns };
  }

  /** The recording the gate let through, once it is ready (a deleted one is not found). */
  private async readyRecording(recordingId: string): Promise<RecordingRow & { wrapped_key: string }> {
    const recording = await this.deps.recordings.findById(recordingId);
    if (!recording) throw new AppError('not_found');
    if (recording.status !== 'ready' || !recording.wrapped_key) throw new AppError(recording.status === 'deleted' ? 'not_found' : 'recording_not_ready');
    return { ...recording, wrapped_key: recording.wrapped_key };
  }

  private async view(recording: RecordingRow & { wrapped_key: string }): Promise<RhythmView> {
    const row = await this.deps.rhythm.find(recording.id);
    const empty = { durationSeconds: null, method: null, turns: [], metrics: null, professionalSpeaker: null, suggestion: null, edited: false };
    if (!row) return { status: 'pending', ...empty };
    if (row.status === 'failed') return { status: 'failed', ...empty };
    const sealed = await this.open(recording);
    if (!sealed) return { status: 'pending', ...empty };
    return {
      status: 'ready',
      durationSeconds: sealed.durationSeconds,
      method: sealed.method,
      turns: sealed.turns,
      metrics: rhythmMetrics(sealed.turns, sealed.durationSeconds),
      professionalSpeaker: row.professional_speaker,
      suggestion: row.suggested_speaker && row.suggestion_basis ? { speaker: row.suggested_speaker, basis: row.suggestion_basis } : null,
      edited: sealed.edited,
    };
  }

  private async open(recording: Pick<RecordingRow, 'id'> & { wrapped_key: string }): Promise<SealedRhythm | null> {
    return openSealed(this.deps, recording);
  }
}

/** The sealed rhythm of a recording, or null when there is none (yet). */
async function openSealed(deps: Pick<RhythmDependencies, 'blobs' | 'settings'>, recording: Pick<RecordingRow, 'id'> & { wrapped_key: string }): Promise<SealedRhythm | null> {
  const mediaKey = unwrapKey(deps.settings.masterKey, recording.wrapped_key);
  try {
    return JSON.parse(openDerived(mediaKey, LABEL, await deps.blobs.getBuffer(recordingPrefix(recording.id) + BLOB)).toString('utf8')) as SealedRhythm;
  } catch (error) {
    if (error instanceof BlobNotFoundError) return null;
    throw error;
  }
}
