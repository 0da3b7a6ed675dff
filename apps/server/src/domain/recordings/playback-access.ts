import { hasPermission } from '@spreekkamer/shared';
import type { RecordingRow, RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { Actor } from '../access.js';

/** Seconds from the start of the recording, [from, to). */
export type TimeRange = [number, number];
export type AllowedRanges = 'all' | TimeRange[];
export type ViewerRole = 'owner' | 'reviewer' | 'peer_group' | 'client';

export interface PlaybackGrant {
  allowedRanges: AllowedRanges;
  role: ViewerRole;
}

/**
 * One way someone may watch a recording. Rules only ever grant: a viewer may watch what the
 * union of all rules allows, and nothing when no rule answers. The sharing feature adds a rule
 * that grants the spans of the moments shared with the actor (until the share ends).
 */
export type PlaybackAccessRule = (actor: Actor, recording: RecordingRow) => Promise<PlaybackGrant | null>;

/** The professional who made the recording sees all of it. */
export const ownerRule: PlaybackAccessRule = async (actor, recording) =>
  recording.professional_id === actor.userId && hasPermission(actor.roles, 'recordings.own') ? { allowedRanges: 'all', role: 'owner' } : null;

function unionRanges(ranges: TimeRange[]): TimeRange[] {
  const sorted = ranges.filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && to > from).sort((a, b) => a[0] - b[0]);
  const merged: TimeRange[] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function rangesOverlap(allowed: AllowedRanges, from: number, to: number): boolean {
  if (allowed === 'all') return true;
  return allowed.some(([a, b]) => from < b && to > a);
}

/**
 * The single place that decides who may play which part of a recording. Only a recording that is
 * ready and still has its key can be played at all, and only within the actor's organisation.
 */
export class PlaybackAccessPolicy {
  private readonly rules: PlaybackAccessRule[] = [ownerRule];

  constructor(private readonly recordings: Pick<RecordingsRepository, 'findById'>) {}

  addRule(rule: PlaybackAccessRule): void {
    this.rules.push(rule);
  }

  async playbackAccess(actor: Actor, recordingId: string): Promise<(PlaybackGrant & { recording: RecordingRow }) | null> {
    const recording = await this.recordings.findById(recordingId);
    if (!recording || recording.status !== 'ready' || recording.wrapped_key === null || recording.organisation_id !== actor.organisationId) return null;
    const grants = (await Promise.all(this.rules.map((rule) => rule(actor, recording)))).filter((grant): grant is PlaybackGrant => grant !== null);
    const first = grants[0];
    if (!first) return null;
    const whole = grants.find((grant) => grant.allowedRanges === 'all');
    if (whole) return { ...whole, recording };
    const ranges = unionRanges(grants.flatMap((grant) => (grant.allowedRanges === 'all' ? [] : grant.allowedRanges)));
    return ranges.length > 0 ? { allowedRanges: ranges, role: first.role, recording } : null;
  }
}
