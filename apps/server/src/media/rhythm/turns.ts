import { kmeans } from 'ml-kmeans';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** A stretch of one person speaking, in seconds. A is whoever speaks first. */
export interface Turn {
  speaker: 'A' | 'B';
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
}

/** Silero's window: 512 samples at 16 kHz. */
export const FRAME_SECONDS = 512 / 16000;

/**
 * Speech segments from per-frame speech probabilities, with hysteresis (start above `on`,
 * end after `minSilence` below `off`) like Silero's own get_speech_timestamps.
 */
export function speechSegments(
  probs: ArrayLike<number>,
  { on = 0.5, off = 0.35, minSilence = 0.25, minSpeech = 0.2, pad = 0.03 } = {},
): Segment[] {
  const out: Segment[] = [];
  let start = -1;
  let lastSpeech = -1;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i] ?? 0;
    if (start < 0) {
      if (p >= on) {
        start = i;
        lastSpeech = i;
      }
      continue;
    }
    if (p >= off) lastSpeech = i;
    else if ((i - lastSpeech) * FRAME_SECONDS >= minSilence) {
      pushSegment(out, start, lastSpeech + 1, minSpeech);
      start = -1;
    }
  }
  if (start >= 0) pushSegment(out, start, lastSpeech + 1, minSpeech);
  const total = probs.length * FRAME_SECONDS;
  return out.map((s, i) => ({
    start: Math.max(s.start - pad, i > 0 ? (out[i - 1]?.end ?? 0) : 0, 0),
    end: Math.min(s.end + pad, out[i + 1]?.start ?? total, total),
  }));
}

function pushSegment(out: Segment[], startFrame: number, endFrame: number, minSpeech: number): void {
  const start = startFrame * FRAME_SECONDS;
  const end = endFrame * FRAME_SECONDS;
  if (end - start >= minSpeech) out.push({ start, end });
}

/** Z-scores every column, so no feature dominates the distance just by its scale. */
function standardise(rows: number[][]): { rows: number[][]; mean: number[]; std: number[] } {
  const dims = rows[0]?.length ?? 0;
  const mean = new Array<number>(dims).fill(0);
  const std = new Array<number>(dims).fill(0);
  for (const r of rows) for (let d = 0; d < dims; d++) mean[d]! += r[d]! / rows.length;
  for (const r of rows) for (let d = 0; d < dims; d++) std[d]! += (r[d]! - mean[d]!) ** 2 / rows.length;
  for (let d = 0; d < dims; d++) std[d] = Math.sqrt(std[d]!) || 1;
  // Clipped, so a few odd frames (a cough, a click) cannot form a cluster of their own.
  return { rows: rows.map((r) => r.map((v, d) => Math.max(-3, Math.min(3, (v - mean[d]!) / std[d]!)))), mean, std };
}

export interface FeatureFrames {
  /** Time of each feature frame's start, seconds, ascending. */
  times: number[];
  /** One vector per frame (e.g. MFCC 1..12). */
  vectors: number[][];
}

/**
 * One speaker's voice in one recording: how many feature frames, and per feature (MFCC 1..12,
 * pitch) their mean and variance. Compared only with the same professional's own voice print.
 */
export interface VoiceStats {
  frames: number;
  mean: number[];
  variance: number[];
}

export interface MonoResult {
  turns: Turn[];
  prints: Record<'A' | 'B', VoiceStats> | null;
  separation: number;
}

/** Runs shorter than `minTurn` that touch a neighbour (no pause) take the neighbour's label. */
function absorbShortRuns(runs: { label: number; start: number; end: number }[], minTurn: number): { label: number; start: number; end: number }[] {
  const out = runs.map((r) => ({ ...r }));
  for (let i = 0; i < out.length; i++) {
    const r = out[i]!;
    if (r.end - r.start >= minTurn) continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    const touchPrev = prev && Math.abs(prev.end - r.start) < 1e-6;
    const touchNext = next && Math.abs(next.start - r.end) < 1e-6;
    if (touchPrev && touchNext) r.label = prev.end - prev.start >= next.end - next.start ? prev.label : next.label;
    else if (touchPrev) r.label = prev.label;
    else if (touchNext) r.label = next.label;
  }
  const merged: { label: number; start: number; end: number }[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && last.label === r.label && Math.abs(last.end - r.start) < 1e-6) last.end = r.end;
    else merged.push(r);
  }
  return merged;
}

/** One speaker's turns separated by less than `gap` (and nobody else in between) become one. */
export function joinTurns(turns: Turn[], gap: number): Turn[] {
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  const out: Turn[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && last.speaker === t.speaker && t.start - last.end < gap) last.end = Math.max(last.end, t.end);
    else out.push({ ...t });
  }
  return out.map((t) => ({ speaker: t.speaker, start: round(t.start), end: round(t.end) }));
}

/**
 * Two microphones: in speech, a speaker is active on a frame when their channel is within
 * `marginDb` of the louder one (both are when they talk at the same time), smoothed and joined.
 */
export function diarizeStereo(
  segments: Segment[],
  levelsDb: { left: ArrayLike<number>; right: ArrayLike<number> },
  { marginDb = 6, floorMarginDb = 6, minTurn = 0.3, joinGap = 0.8, smoothFrames = 3 } = {},
): Turn[] {
  const n = levelsDb.left.length;
  const smoothed = (a: ArrayLike<number>): number[] => {
    const out = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      let count = 0;
      for (let j = Math.max(0, i - smoothFrames); j <= Math.min(n - 1, i + smoothFrames); j++) {
        sum += a[j]!;
        count++;
      }
      out[i] = sum / count;
    }
    return out;
  };
  const left = smoothed(levelsDb.left);
  const right = smoothed(levelsDb.right);
  // Each microphone's own background level: the quietest tenth of its frames.
  const floor = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 10)] ?? -100;
  const floors = [floor(left), floor(right)];
  const raw: { ch: 0 | 1; start: number; end: number }[] = [];
  for (const seg of segments) {
    const from = Math.floor(seg.start / FRAME_SECONDS);
    const to = Math.min(n, Math.ceil(seg.end / FRAME_SECONDS));
    for (const ch of [0, 1] as const) {
      let runStart = -1;
      for (let i = from; i <= to; i++) {
        const own = ch === 0 ? left[i]! : right[i]!;
        const other = ch === 0 ? right[i]! : left[i]!;
        const active = i < to && own >= other - marginDb && own >= floors[ch]! + floorMarginDb;
        if (active && runStart < 0) runStart = i;
        if (!active && runStart >= 0) {
          raw.push({ ch, start: Math.max(seg.start, runStart * FRAME_SECONDS), end: Math.min(seg.end, i * FRAME_SECONDS) });
          runStart = -1;
        }
      }
    }
  }
  const perChannel = [0, 1].map((ch) =>
    joinTurns(
      raw.filter((r) => r.ch === ch).map((r) => ({ speaker: 'A' as const, start: r.start, end: r.end })),
      joinGap,
    ).filter((t) => t.end - t.start >= minTurn),
  );
  const firstLeft = perChannel[0]![0]?.start ?? Infinity;
  const firstRight = perChannel[1]![0]?.start ?? Infinity;
  const leftIsA = firstLeft <= firstRight;
  return [
    ...perChannel[0]!.map((t) => ({ ...t, speaker: leftIsA ? ('A' as const) : ('B' as const) })),
    ...perChannel[1]!.map((t) => ({ ...t, speaker: leftIsA ? ('B' as const) : ('A' as const) })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
}

export function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export interface PieceOptions {
  /** Speech segments are cut into pieces of about this many seconds to find the two voices. */
  piece?: number;
  /** … and into pieces of about this many seconds to tell each to one of them. */
  fine?: number;
  minTurn?: number;
  joinGap?: number;
  /** Decorrelate the features first (default); false only to measure what it adds. */
  whiten?: boolean;
}

/**
 * Two speakers in one channel, decided per piece of speech rather than per frame: a frame's
 * features say more about the sound being made than about who makes it, but averaged over a
 * second or two the voice shows. Pieces (each speech segment cut into equal parts of at most
 * `piece` seconds) are split in two by a two-class Gaussian mixture with one shared diagonal
 * covariance (hard EM, the features that separate the classes weigh most), from several starts;
 * the split whose classes lie furthest apart wins. Pitch enters as the piece's median.
 */
export function diarizeMono(segments: Segment[], features: FeatureFrames, options: PieceOptions = {}): MonoResult {
  const pieceSeconds = options.piece ?? 3;
  const minTurn = options.minTurn ?? 0.6;
  const joinGap = options.joinGap ?? 0.8;
  if (segments.length === 0) return { turns: [], prints: null, separation: 0 };
  const all = segments.map((g) => ({ speaker: 'A' as const, ...g }));

  const inSpeech: number[] = [];
  const segOf: number[] = [];
  let s = 0;
  for (let i = 0; i < features.times.length; i++) {
    const t = features.times[i]!;
    while (s < segments.length && segments[s]!.end <= t) s++;
    const seg = segments[s];
    if (seg && t >= seg.start && t < seg.end) {
      inSpeech.push(i);
      segOf.push(s);
    }
  }
  if (inSpeech.length < 4) return { turns: all, prints: null, separation: 0 };
  const { rows: standard } = standardise(inSpeech.map((i) => features.vectors[i]!));
  // Whitening needs enough frames to know the spread (a few seconds of speech); with fewer, z-scores only.
  const rows = options.whiten === false || standard.length < 10 * (standard[0]?.length ?? 0) ? standard : whiten(standard);
  const dims = rows[0]!.length;

  const cut = (seconds: number): Piece[] => cutPieces(segments, segOf, inSpeech, features.times, rows.length, seconds);
  const pieces = cut(pieceSeconds);
  const voiced = pieces.filter((p) => p.frames.length >= 3);
  if (voiced.length < 2) return { turns: all, prints: null, separation: 0 };
  const vectors = voiced.map((p) => pieceVector(p, rows, dims));
  const weights = voiced.map((p) => p.frames.length);

  const starts: number[][] = [];
  for (let seed = 1; seed <= 5; seed++) starts.push(kmeans(vectors, 2, { initialization: 'kmeans++', seed, maxIterations: 50 }).clusters);
  // Also: split by pitch alone, and by each feature's own median, as plausible first guesses.
  for (let d = 0; d < dims; d++) {
    const m = median(vectors.map((v) => v[d]!));
    starts.push(vectors.map((v) => (v[d]! > m ? 1 : 0)));
  }
  let best: { labels: number[]; separation: number } = { labels: vectors.map(() => 0), separation: 0 };
  for (const start of starts) {
    const result = tiedMixture(vectors, weights, start);
    if (result.separation > best.separation) best = result;
  }

  // The two voices found, every finer piece is told to the nearer one: where a turn changes
  // inside a segment (a quick answer, an overlap), the boundary is found to within `fine` seconds.
  const model = tiedModel(vectors, weights, best.labels);
  const fine = cut(options.fine ?? 1);
  const raw: { label: number; start: number; end: number }[] = [];
  let last = 0;
  for (const p of fine) {
    const label = p.frames.length >= 3 && model ? (model.score(pieceVector(p, rows, dims)) > 0 ? 1 : 0) : last;
    last = label;
    const prev = raw[raw.length - 1];
    if (prev && prev.label === label && Math.abs(prev.end - p.start) < 1e-6) prev.end = p.end;
    else raw.push({ label, start: p.start, end: p.end });
  }
  const runs = absorbShortRuns(raw, minTurn);
  const first = runs[0]?.label ?? 0;
  const turns = joinTurns(
    runs.map((r) => ({ speaker: r.label === first ? ('A' as const) : ('B' as const), start: r.start, end: r.end })),
    joinGap,
  );
  // Voice statistics: mean and variance of the raw feature vectors per speaker, comparable between recordings.
  const sums = { A: new Array<number>(dims).fill(0), B: new Array<number>(dims).fill(0) };
  const squares = { A: new Array<number>(dims).fill(0), B: new Array<number>(dims).fill(0) };
  const counts = { A: 0, B: 0 };
  const fineLabels = fine.map((p) => (p.frames.length >= 3 && model ? (model.score(pieceVector(p, rows, dims)) > 0 ? 1 : 0) : -1));
  fine.forEach((p, i) => {
    if (fineLabels[i] === -1) return;
    const who = fineLabels[i] === first ? 'A' : 'B';
    for (const f of p.frames) {
      counts[who]++;
      const v = features.vectors[inSpeech[f]!]!;
      for (let d = 0; d < dims; d++) {
        sums[who][d]! += v[d]!;
        squares[who][d]! += v[d]! * v[d]!;
      }
    }
  });
  const stats = (who: 'A' | 'B'): VoiceStats => {
    const n = counts[who];
    const mean = sums[who].map((v) => v / n);
    return { frames: n, mean, variance: squares[who].map((v, d) => Math.max(0, v / n - mean[d]! ** 2)) };
  };
  const prints = counts.A && counts.B ? { A: stats('A'), B: stats('B') } : null;
  return { turns, prints, separation: best.separation };
}

interface Piece {
  start: number;
  end: number;
  /** Indices of the feature rows inside. */
  frames: number[];
}

/** Every segment cut into equal pieces of about `seconds`. */
function cutPieces(segments: Segment[], segOf: number[], inSpeech: number[], times: number[], count: number, seconds: number): Piece[] {
  const pieces: Piece[] = [];
  let k = 0;
  segments.forEach((seg, si) => {
    const parts = Math.max(1, Math.round((seg.end - seg.start) / seconds));
    const length = (seg.end - seg.start) / parts;
    for (let p = 0; p < parts; p++) {
      const start = seg.start + p * length;
      const end = p === parts - 1 ? seg.end : start + length;
      const frames: number[] = [];
      while (k < count && segOf[k]! < si) k++;
      while (k < count && segOf[k] === si && times[inSpeech[k]!]! < end) frames.push(k++);
      pieces.push({ start, end, frames });
    }
  });
  return pieces;
}

/** Mean features of a piece; pitch (the last) as the median, so a few octave errors do not count. */
function pieceVector(piece: Piece, rows: number[][], dims: number): number[] {
  const m = new Array<number>(dims).fill(0);
  for (const f of piece.frames) for (let d = 0; d < dims - 1; d++) m[d]! += rows[f]![d]! / piece.frames.length;
  m[dims - 1] = median(piece.frames.map((f) => rows[f]![dims - 1]!));
  return m;
}

/** The two classes as Gaussians with one shared diagonal covariance; score > 0 means class 1. */
function tiedModel(vectors: number[][], weights: number[], labels: number[]): { score(v: number[]): number } | null {
  const dims = vectors[0]!.length;
  const sum = [new Array<number>(dims).fill(0), new Array<number>(dims).fill(0)];
  const weight = [0, 0];
  vectors.forEach((v, i) => {
    const c = labels[i]!;
    weight[c]! += weights[i]!;
    for (let d = 0; d < dims; d++) sum[c]![d]! += v[d]! * weights[i]!;
  });
  if (!weight[0] || !weight[1]) return null;
  const total = weight[0] + weight[1];
  const mean = [0, 1].map((c) => sum[c]!.map((x) => x / weight[c]!));
  const variance = new Array<number>(dims).fill(0);
  vectors.forEach((v, i) => {
    const m = mean[labels[i]!]!;
    for (let d = 0; d < dims; d++) variance[d]! += ((v[d]! - m[d]!) ** 2 * weights[i]!) / total;
  });
  for (let d = 0; d < dims; d++) variance[d] = Math.max(variance[d]!, 0.01);
  return {
    score(v) {
      let score = 0;
      for (let d = 0; d < dims; d++) score += ((mean[1]![d]! - mean[0]![d]!) / variance[d]!) * (v[d]! - (mean[0]![d]! + mean[1]![d]!) / 2);
      return score;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Hard EM for two Gaussians with one shared diagonal covariance, weighted by frames per piece.
 * Separation: the Mahalanobis distance between the class means; 0 when a class holds less than
 * a tenth of the speech (then it is a cough or a door, not a second person).
 */
function tiedMixture(vectors: number[][], weights: number[], start: number[]): { labels: number[]; separation: number } {
  const dims = vectors[0]!.length;
  let labels = [...start];
  let separation = 0;
  const total = weights.reduce((a, b) => a + b, 0);
  for (let iteration = 0; iteration < 30; iteration++) {
    const sum = [new Array<number>(dims).fill(0), new Array<number>(dims).fill(0)];
    const weight = [0, 0];
    vectors.forEach((v, i) => {
      const c = labels[i]!;
      weight[c]! += weights[i]!;
      for (let d = 0; d < dims; d++) sum[c]![d]! += v[d]! * weights[i]!;
    });
    if (Math.min(weight[0]!, weight[1]!) < 0.1 * total) return { labels, separation: 0 };
    const mean = [0, 1].map((c) => sum[c]!.map((x) => x / weight[c]!));
    const variance = new Array<number>(dims).fill(0);
    vectors.forEach((v, i) => {
      const m = mean[labels[i]!]!;
      for (let d = 0; d < dims; d++) variance[d]! += ((v[d]! - m[d]!) ** 2 * weights[i]!) / total;
    });
    for (let d = 0; d < dims; d++) variance[d] = Math.max(variance[d]!, 0.01);
    // How much two classes explain, as the log-likelihood gain over one Gaussian per frame:
    // no single feature with a tiny spread can dominate it.
    const p1 = weight[1]! / total;
    separation = 0;
    for (let d = 0; d < dims; d++) separation += 0.5 * Math.log1p((p1 * (1 - p1) * (mean[1]![d]! - mean[0]![d]!) ** 2) / variance[d]!);
    const prior = Math.log(weight[1]! / weight[0]!);
    const next = vectors.map((v) => {
      let score = prior;
      for (let d = 0; d < dims; d++) score += ((mean[1]![d]! - mean[0]![d]!) / variance[d]!) * (v[d]! - (mean[0]![d]! + mean[1]![d]!) / 2);
      return score > 0 ? 1 : 0;
    });
    if (next.every((l, i) => l === labels[i])) break;
    labels = next;
  }
  return { labels, separation };
}

/**
 * Decorrelates the features (ZCA whitening with the covariance of all speech frames). Frame to
 * frame, features vary mostly with the sound being made, and the MFCCs of one sound move together;
 * a difference between two similar voices is a small shift in a direction the raw features
 * share. After whitening, every direction of that sound-driven spread weighs the same, so the
 * voices' shift is no longer hidden under it.
 */
function whiten(rows: number[][]): number[][] {
  const dims = rows[0]?.length ?? 0;
  const n = rows.length;
  const cov = Matrix.zeros(dims, dims);
  for (const r of rows) for (let i = 0; i < dims; i++) for (let j = i; j < dims; j++) cov.set(i, j, cov.get(i, j) + (r[i]! * r[j]!) / n);
  for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) cov.set(i, j, cov.get(j, i));
  const eig = new EigenvalueDecomposition(cov, { assumeSymmetric: true });
  const vectors = eig.eigenvectorMatrix;
  const scale = eig.realEigenvalues.map((v) => 1 / Math.sqrt(Math.max(v, 1e-3)));
  const w = vectors.mmul(Matrix.diag(scale)).mmul(vectors.transpose());
  return new Matrix(rows).mmul(w).to2DArray().map((r) => r.map((v) => Math.max(-4, Math.min(4, v))));
}
