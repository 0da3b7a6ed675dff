import type { RecordingView } from '@spreekkamer/shared';

/** A 'recording.viewed' audit event as the recordings repository lists it. */
export interface ViewEvent {
  at: string;
  details_json: string;
  viewer_name: string | null;
}

/** Who watched which part, when: one row per watched span, so the owner and the client read the same log. */
export function viewsFromEvents(events: readonly ViewEvent[]): RecordingView[] {
  return events.flatMap((event): RecordingView[] => {
    const details = JSON.parse(event.details_json) as { role?: RecordingView['role']; ranges?: string[] };
    const base = { viewerName: event.viewer_name ?? '—', role: details.role ?? 'owner', at: event.at };
    if (!details.ranges || details.ranges.length === 0) return [{ ...base, momentRange: null }];
    return details.ranges.map((range) => {
      const [from = 0, to = 0] = range.split('-').map(Number);
      return { ...base, momentRange: [from, to] as [number, number] };
    });
  });
}
