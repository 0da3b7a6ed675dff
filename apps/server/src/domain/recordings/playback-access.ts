
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

/** What both the token and today's access allow. */
export function narrowRanges(fromToken: AllowedRanges, now: AllowedRanges): AllowedRanges {
  if (fromToken === 'all') return now;
  if (now === 'all') return fromToken;
  const out: TimeRange[] = [];
  for (const [a, b] of fromToken) {
    for (const [c, d] of now) {
      const from = Math.max(a, c);
      const to = Math.min(b, d);
      if (to > from) out.push([from, to]);
    }
  }
  return out;
}

/** True when the allowed spans hold the whole stretch (a cut of a shared span). */
export function coversStretch(allowed: AllowedRanges, stretch: { start_seconds: number; end_seconds: number }): boolean {
  if (allowed === 'all') return true;
  return allowed.some(([from, to]) => stretch.start_seconds >= from - 1e-6 && stretch.end_seconds <= to + 1e-6);
}
