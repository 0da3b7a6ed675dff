
/** Seconds from the start of the recording, [from, to). */
export type TimeRange = [number, number];
export type AllowedRanges = 'all' | TimeRange[];
export type ViewerRole = 'owner' | 'reviewer' | 'peer_group' | 'client' | 'policy';

export interface PlaybackGrant {
  allowedRanges: AllowedRanges;
  role: ViewerRole;
}

/** The spans merged into a sorted list without overlaps; empty or inverted spans go. */
export function unionRanges(ranges: TimeRange[]): TimeRange[] {
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
