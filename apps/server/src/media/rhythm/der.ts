import type { Turn } from './turns.js';

/**
 * Diarization error rate as in NIST md-eval: (missed + false alarm + confusion) / reference
 * speech, scored on a 10 ms grid, ignoring `collar` seconds around every reference boundary,
 * with the speaker mapping (A→A or A→B) that gives the lowest error. Overlap counts per speaker.
 */
export function diarizationError(reference: Turn[], hypothesis: Turn[], { collar = 0.25, step = 0.01 } = {}): { der: number; missed: number; falseAlarm: number; confusion: number; scored: number } {
  const end = Math.max(0, ...reference.map((t) => t.end), ...hypothesis.map((t) => t.end));
  const n = Math.ceil(end / step);
  const active = (turns: Turn[], who: 'A' | 'B'): Uint8Array => {
    const a = new Uint8Array(n);
    for (const t of turns) if (t.speaker === who) for (let i = Math.floor(t.start / step); i < Math.min(n, Math.ceil(t.end / step)); i++) a[i] = 1;
    return a;
  };
  const skip = new Uint8Array(n);
  for (const t of reference) {
    for (const b of [t.start, t.end]) {
      for (let i = Math.max(0, Math.floor((b - collar) / step)); i < Math.min(n, Math.ceil((b + collar) / step)); i++) skip[i] = 1;
    }
  }
  const ref = { A: active(reference, 'A'), B: active(reference, 'B') };
  const best = [false, true].map((swap) => {
    const hyp = { A: active(hypothesis, swap ? 'B' : 'A'), B: active(hypothesis, swap ? 'A' : 'B') };
    let missed = 0;
    let falseAlarm = 0;
    let confusion = 0;
    let scored = 0;
    for (let i = 0; i < n; i++) {
      if (skip[i]) continue;
      const nRef = ref.A[i]! + ref.B[i]!;
      const nHyp = hyp.A[i]! + hyp.B[i]!;
      const correct = (ref.A[i]! & hyp.A[i]!) + (ref.B[i]! & hyp.B[i]!);
      scored += nRef;
      missed += Math.max(0, nRef - nHyp);
      falseAlarm += Math.max(0, nHyp - nRef);
      confusion += Math.min(nRef, nHyp) - correct;
    }
    return { missed: missed * step, falseAlarm: falseAlarm * step, confusion: confusion * step, scored: scored * step };
  });
  const pick = best.reduce((a, b) => (a.missed + a.falseAlarm + a.confusion <= b.missed + b.falseAlarm + b.confusion ? a : b));
  const der = pick.scored > 0 ? (pick.missed + pick.falseAlarm + pick.confusion) / pick.scored : 0;
  return { der, ...pick };
}

/** Talk-share error in percentage points, with the best speaker mapping. */
export function talkShareError(reference: Turn[], hypothesis: Turn[]): number {
  const share = (turns: Turn[]): number => {
    const a = turns.filter((t) => t.speaker === 'A').reduce((s, t) => s + t.end - t.start, 0);
    const b = turns.filter((t) => t.speaker === 'B').reduce((s, t) => s + t.end - t.start, 0);
    return a + b > 0 ? a / (a + b) : 0;
  };
  const r = share(reference);
  const h = share(hypothesis);
  return Math.min(Math.abs(r - h), Math.abs(r - (1 - h))) * 100;
}
