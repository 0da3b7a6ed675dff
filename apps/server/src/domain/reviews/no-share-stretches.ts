import { overlapsAny } from '@spreekkamer/shared';
import type { NoShareRepository } from '../../db/repositories/no-share.repository.js';
import { AppError } from '../errors.js';

/**
 * Every path that shares a part of a recording (moments, shares, fragments) calls this first: a
 * span that overlaps a "niet delen" stretch is refused (409).
 */
export async function assertOutsideNoShare(stretches: NoShareRepository, recordingId: string, spans: readonly (readonly [number, number])[]): Promise<void> {
  const marked = (await stretches.listForRecording(recordingId)).map((s) => [Number(s.start_seconds), Number(s.end_seconds)] as const);
  if (marked.length === 0) return;
  if (spans.some(([start, end]) => overlapsAny(start, end, marked))) throw new AppError('no_share_overlap', [{ path: 'startSeconds', message: 'no_share' }]);
}
