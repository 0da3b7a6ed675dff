import { z } from 'zod';
import { idSchema } from './admin.js';

/**
 * "Niet delen" stretches: parts of a recording that the client or the professional marked so
 * they are never part of any share or fragment.
 *
 *   GET    /recordings/:id/no-share-stretches              → noShareStretchListSchema   owner
 *   POST   /recordings/:id/no-share-stretches              → noShareStretchSchema       owner; body noShareStretchInputSchema
 *   DELETE /no-share-stretches/:id                         → 204                         owner; only stretches the professional marked
 *   GET    /client/consents/:id/no-share-stretches         → noShareStretchListSchema   the client of that consent
 *   POST   /client/consents/:id/no-share-stretches         → noShareStretchSchema       the client of that consent
 *   DELETE /client/no-share-stretches/:id                  → 204                         the client; only their own marks
 *   POST   /no-share-stretches/:id/cut                     → noShareStretchSchema       owner; cut it out of the stored media (job)
 *   POST   /client/no-share-stretches/:id/cut              → noShareStretchSchema       the client; only their own marks
 *
 * A cut keeps one clock: the media's own as it is after the cut. Moments wholly inside the cut go,
 * later ones move back by its length. Refused (409) while the recording has active shares.
 */
const secondsSchema = z.number().min(0).max(24 * 3600);

export const noShareStretchInputSchema = z
  .strictObject({ startSeconds: secondsSchema, endSeconds: secondsSchema })
  .refine((s) => s.endSeconds > s.startSeconds, { message: 'end_before_start', path: ['endSeconds'] });
export type NoShareStretchInput = z.input<typeof noShareStretchInputSchema>;

export const noShareStretchSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  startSeconds: z.number(),
  endSeconds: z.number(),
  markedBy: z.enum(['client', 'professional']),
  createdAt: z.string(),
  /** Asked to be cut out of the stored media; the stretch disappears once that is done. */
  cutRequested: z.boolean(),
});
export type NoShareStretch = z.infer<typeof noShareStretchSchema>;
export const noShareStretchListSchema = z.object({ stretches: z.array(noShareStretchSchema) });

type Span = readonly [start: number, end: number];

/** True when [start, end) and a stretch share more than a point. */
export function overlapsAny(start: number, end: number, stretches: readonly Span[]): boolean {
  return stretches.some(([from, to]) => start < to && end > from);
}

/**
 * The parts of [start, end) outside every stretch, in time order: what can still be shared.
 * Parts shorter than minLength are left out.
 */
export function partsOutside(start: number, end: number, stretches: readonly Span[], minLength = 0.5): [number, number][] {
  let parts: [number, number][] = [[start, end]];
  for (const [from, to] of stretches) {
    parts = parts.flatMap(([a, b]): [number, number][] => {
      if (to <= a || from >= b) return [[a, b]];
      const out: [number, number][] = [];
      if (from > a) out.push([a, from]);
      if (to < b) out.push([to, b]);
      return out;
    });
  }
  return parts.filter(([a, b]) => b - a >= minLength).sort((x, y) => x[0] - y[0]);
}

// ── Saying no, counted honestly ─────────────────────────────────────────────
/**
 * A reason goes along with the "no" itself: `declineReason` in the consent answer (media 'none') or
 * `{ reason }` with POST /client/alliance/:id/decline. No link to the client is stored.
 *
 *   GET  /insight/decline-reasons           → declineReasonTotalsSchema   policy and manager roles; totals ≥ k only
 */
export const declineReasonIds = ['not_now', 'camera', 'privacy', 'trust', 'time', 'other'] as const;
export type DeclineReasonId = (typeof declineReasonIds)[number];

export const declineReasonTotalsSchema = z.object({
  /** Totals are only shown from this many answers up; smaller numbers are left out. */
  minimum: z.number().int(),
  kinds: z.array(
    z.object({
      kind: z.enum(['consent', 'feedback']),
      /** null when fewer than `minimum` answers: suppressed. */
      total: z.number().int().nullable(),
      reasons: z.array(z.object({ reason: z.enum(declineReasonIds), count: z.number().int() })),
    }),
  ),
});
export type DeclineReasonTotals = z.infer<typeof declineReasonTotalsSchema>;
