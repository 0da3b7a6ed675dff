export type TimeRange = readonly [from: number, to: number];

/** Sorted union of spans: overlapping or touching spans become one. */
export function unionOfRanges(ranges: readonly TimeRange[]): [number, number][] {
  const sorted = ranges.filter(([from, to]) => to > from).map(([from, to]): [number, number] => [from, to]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** True when [from, to) lies entirely inside one of the (merged) spans. */
export function isWithinRanges(ranges: readonly TimeRange[], from: number, to: number): boolean {
  return ranges.some(([start, end]) => from >= start && to <= end);
}
