import type { Clock } from '../../clock.js';
import { unwrapKey, wrapKey } from '../../crypto/envelope.js';
import { generateTextKey, openTextWithKey, sealTextWithKey } from '../../crypto/text-seal.js';
import type { VoicePrintsRepository } from '../../db/repositories/voice-prints.repository.js';
import type { VoiceStats } from '../../media/rhythm/index.js';

/**
 * "Who is who" from the professional's own voice (issue 13). Internal: called by the rhythm job
 * (suggest), by the professional's own confirmation (learn, after the service checked that the
 * recording is theirs), by the recording eraser and by switching an account off. It has no
 * actor-facing method and no route: the print is never shown to anyone, not even its owner.
 *
 * The print is the voice statistics (frames, mean, variance of MFCC 1..12 and pitch) of the voice
 * the professional confirmed, one entry per contributing recording (the newest few), sealed with
 * AES-256-GCM under the print's own random key, which is stored only wrapped by the master key
 * (like a recording's media key). Every change seals under a fresh key.
 *
 * When a contributing recording is withdrawn or reaches retention, the print is RECOMPUTED from the
 * remaining recordings: their entries are inside the print, so nothing else has to be opened.
 * When none remain, the row is deleted. Switching the account off deletes the row (and the
 * users foreign key cascades, should an account row ever be deleted).
 */
const PURPOSE = 'rhythm.voice_print';
/** How many of the professional's own confirmed recordings the print keeps. */
export const PRINT_RECORDINGS = 10;
/** Fewer frames than this (about 3 seconds of voiced speech) says too little about a voice. */
const MIN_FRAMES = 50;

interface Contribution extends VoiceStats {
  recordingId: string;
}

interface SealedPrint {
  version: 1;
  contributions: Contribution[];
}

export type SpeakerSuggestion = { speaker: 'A' | 'B'; basis: 'first_speaker' | 'own_voice' };

export interface VoicePrintDependencies {
  voicePrints: VoicePrintsRepository;
  masterKey: Buffer;
  now: Clock;
}

function isStats(value: unknown): value is VoiceStats {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<VoiceStats>;
  return (
    typeof v.frames === 'number' &&
    Array.isArray(v.mean) &&
    Array.isArray(v.variance) &&
    v.mean.length > 0 &&
    v.mean.length === v.variance.length &&
    v.mean.every(Number.isFinite) &&
    v.variance.every(Number.isFinite)
  );
}

/** Stats per speaker from a sealed rhythm; older analyses kept means only and give none. */
export function speakerStats(prints: unknown): Record<'A' | 'B', VoiceStats> | null {
  if (typeof prints !== 'object' || prints === null) return null;
  const { A, B } = prints as { A?: unknown; B?: unknown };
  return isStats(A) && isStats(B) ? { A, B } : null;
}

/** The pooled Gaussian of all contributions (frames-weighted), diagonal. */
export function pooled(contributions: readonly VoiceStats[]): { mean: number[]; variance: number[] } | null {
  const dims = contributions[0]?.mean.length ?? 0;
  const usable = contributions.filter((c) => c.mean.length === dims && c.frames > 0);
  const total = usable.reduce((s, c) => s + c.frames, 0);
  if (dims === 0 || total === 0) return null;
  const mean = new Array<number>(dims).fill(0);
  const second = new Array<number>(dims).fill(0);
  for (const c of usable) {
    for (let d = 0; d < dims; d++) {
      mean[d]! += (c.frames * c.mean[d]!) / total;
      second[d]! += (c.frames * (c.variance[d]! + c.mean[d]! ** 2)) / total;
    }
  }
  return { mean, variance: second.map((s, d) => Math.max(s - mean[d]! ** 2, 1e-6)) };
}

/**
 * Which of two voices is closer to the print: the Mahalanobis distance (diagonal, the print's own
 * spread) of each voice's mean to the print's mean. Exported for the unit test.
 */
export function closerVoice(print: { mean: number[]; variance: number[] }, voices: Record<'A' | 'B', VoiceStats>): 'A' | 'B' | null {
  const distance = (v: VoiceStats): number | null => {
    if (v.mean.length !== print.mean.length) return null;
    return v.mean.reduce((s, x, d) => s + (x - print.mean[d]!) ** 2 / print.variance[d]!, 0);
  };
  const a = distance(voices.A);
  const b = distance(voices.B);
  if (a === null || b === null || a === b) return null;
  return a < b ? 'A' : 'B';
}

export class VoicePrints {
  constructor(private readonly deps: VoicePrintDependencies) {}

  /**
   * The suggestion for a new recording of this professional: the voice closer to their own print,
   * else whoever speaks first. Only their own print is ever read.
   */
  async suggest(professionalId: string, voices: unknown): Promise<SpeakerSuggestion> {
    const fallback: SpeakerSuggestion = { speaker: 'A', basis: 'first_speaker' };
    const stats = speakerStats(voices);
    if (!stats) return fallback;
    const contributions = await this.open(professionalId);
    const print = contributions && pooled(contributions);
    const speaker = print ? closerVoice(print, stats) : null;
    return speaker ? { speaker, basis: 'own_voice' } : fallback;
  }

  /**
   * The professional confirmed `speaker` as their voice in this recording (their own: the caller
   * checked): that voice joins (or replaces this recording's entry in) their print.
   */
  async learn(recording: { id: string; professional_id: string; organisation_id: string }, voices: unknown, speaker: 'A' | 'B'): Promise<void> {
    const stats = speakerStats(voices)?.[speaker];
    const current = (await this.open(recording.professional_id)) ?? [];
    const others = current.filter((c) => c.recordingId !== recording.id);
    const next = stats && stats.frames >= MIN_FRAMES ? [{ recordingId: recording.id, frames: stats.frames, mean: stats.mean, variance: stats.variance }, ...others] : others;
    await this.store(recording.professional_id, recording.organisation_id, next.slice(0, PRINT_RECORDINGS));
    // Withdrawn while we wrote: the erase job may already have run, so take it out ourselves.
    if (!(await this.deps.voicePrints.recordingIsReady(recording.id))) await this.forgetRecording(recording.id);
  }

  /** For the recording eraser (withdrawal, retention, deletion): the print is recomputed without it. */
  async forgetRecording(recordingId: string): Promise<void> {
    const professionalId = await this.deps.voicePrints.professionalOfRecording(recordingId);
    if (!professionalId) return;
    const row = await this.deps.voicePrints.find(professionalId);
    if (!row) return;
    const current = this.openRow(row) ?? [];
    if (!current.some((c) => c.recordingId === recordingId)) return;
    await this.store(professionalId, row.organisation_id, current.filter((c) => c.recordingId !== recordingId));
  }

  /** The account is switched off (or goes): the print goes with it. */
  async forgetProfessional(professionalId: string): Promise<void> {
    await this.deps.voicePrints.delete(professionalId);
  }

  private async open(professionalId: string): Promise<Contribution[] | null> {
    const row = await this.deps.voicePrints.find(professionalId);
    return row ? this.openRow(row) : null;
  }

  /** A print that cannot be opened (another master key, tampered) counts as none; it is replaced on the next confirmation. */
  private openRow(row: { wrapped_key: string; sealed: string }): Contribution[] | null {
    try {
      const sealed = JSON.parse(openTextWithKey(unwrapKey(this.deps.masterKey, row.wrapped_key), PURPOSE, row.sealed)) as SealedPrint;
      return sealed.version === 1 ? sealed.contributions.filter((c) => typeof c.recordingId === 'string' && isStats(c)) : null;
    } catch {
      return null;
    }
  }

  private async store(professionalId: string, organisationId: string, contributions: Contribution[]): Promise<void> {
    if (contributions.length === 0) {
      await this.deps.voicePrints.delete(professionalId);
      return;
    }
    const key = generateTextKey();
    const sealed: SealedPrint = { version: 1, contributions };
    await this.deps.voicePrints.save({
      professional_id: professionalId,
      organisation_id: organisationId,
      wrapped_key: wrapKey(this.deps.masterKey, key),
      sealed: sealTextWithKey(key, PURPOSE, JSON.stringify(sealed)),
      updated_at: this.deps.now().toISOString(),
    });
  }
}
