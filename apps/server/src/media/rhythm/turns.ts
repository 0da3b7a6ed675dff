import { kmeans } from 'ml-kmeans';

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

/** Silero's window: 256 samples at 8 kHz. */
export const FRAME_SECONDS = 256 / 8000;

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

/** Best of a few k-means++ runs (lowest within-cluster sum of squares). */
function twoClusters(rows: number[][]): number[] {
  let best: number[] = rows.map(() => 0);
  let bestCost = Infinity;
  for (let seed = 1; seed <= 5; seed++) {
    const result = kmeans(rows, 2, { initialization: 'kmeans++', seed, maxIterations: 100 });
    let cost = 0;
    rows.forEach((r, i) => {
      const c = result.centroids[result.clusters[i]!]!;
      for (let d = 0; d < r.length; d++) cost += (r[d]! - c[d]!) ** 2;
    });
    if (cost < bestCost) {
      bestCost = cost;
      best = result.clusters;
    }
  }
  return best;
}

export interface FeatureFrames {
  /** Time of each feature frame's start, seconds, ascending. */
  times: number[];
  /** One vector per frame (e.g. MFCC 1..12). */
  vectors: number[][];
}

export interface DiarizeOptions {
  /** Window for the first clustering, seconds. */
  window?: number;
  /** Half width of the smoothing of frame decisions, seconds. */
  smooth?: number;
  /** A run of one speaker shorter than this inside continuous speech joins its neighbours. */
  minTurn?: number;
  /** Gaps of one speaker shorter than this belong to their turn. */
  joinGap?: number;
  pitchWeight?: number;
  rounds?: number;
}

/**
 * Two speakers in one channel: features averaged over short windows of speech are split in two
 * clusters, each cluster becomes a diagonal Gaussian, every frame is scored against both, the
 * score is smoothed over time, and runs shorter than a minimum turn are absorbed.
 */
export function diarizeMono(segments: Segment[], features: FeatureFrames, options: DiarizeOptions = {}): MonoResult {
  if (options.window !== undefined) return diarizeWith(segments, features, options);
  // Which window length separates two voices best differs per conversation; keep the split whose
  // clusters lie furthest apart relative to their spread.
  let best: MonoResult | null = null;
  for (const window of [0.5, 1, 2]) {
    const result = diarizeWith(segments, features, { ...options, window });
    if (!best || result.separation > best.separation) best = result;
  }
  return best!;
}

interface MonoResult {
  turns: Turn[];
  prints: Record<'A' | 'B', number[]> | null;
  separation: number;
}

function diarizeWith(segments: Segment[], features: FeatureFrames, options: DiarizeOptions): MonoResult {
  const window = options.window ?? 1.0;
  const smooth = options.smooth ?? 1.0;
  const minTurn = options.minTurn ?? 0.6;
  const joinGap = options.joinGap ?? 0.8;
  if (segments.length === 0) return { turns: [], prints: null, separation: 0 };

  // Frames inside speech, per segment.
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
  if (inSpeech.length < 4) return { turns: segments.map((g) => ({ speaker: 'A', ...g })), prints: null, separation: 0 };

  const { rows } = standardise(inSpeech.map((i) => features.vectors[i]!));
  // Pitch (the last feature) tells two voices apart best; give it the weight of several coefficients.
  const pitchWeight = options.pitchWeight ?? 3;
  for (const r of rows) r[r.length - 1]! *= pitchWeight;

  // Windows: consecutive frames of one segment, at most `window` long.
  const windows: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const first = current[0];
    if (first !== undefined && (segOf[k] !== segOf[first] || features.times[inSpeech[k]!]! - features.times[inSpeech[first]!]! >= window)) {
      windows.push(current);
      current = [];
    }
    current.push(k);
  }
  if (current.length) windows.push(current);
  const dims = rows[0]!.length;
  const windowVectors = windows.map((w) => {
    const m = new Array<number>(dims).fill(0);
    for (const k of w) for (let d = 0; d < dims; d++) m[d]! += rows[k]![d]! / w.length;
    return m;
  });
  const windowLabels = windows.length >= 2 ? twoClusters(windowVectors) : windows.map(() => 0);

  // Diagonal Gaussians from the frames of each cluster, frames scored against both and the
  // score smoothed over time; a few rounds, each starting from the previous labels.
  let labels = new Array<number>(rows.length).fill(0);
  windows.forEach((w, i) => w.forEach((k) => (labels[k] = windowLabels[i]!)));
  const windowFrameLabels = [...labels];
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    const models = [0, 1].map((c) => gaussian(rows.filter((_, k) => labels[k] === c), dims));
    if (models.some((m) => m.count < 2)) break;
    const scores = rows.map((r) => logLikelihood(r, models[0]!) - logLikelihood(r, models[1]!));
    const next = smoothLabels(scores, features.times, inSpeech, segOf, smooth);
    const ones = next.reduce((a, l) => a + l, 0);
    // A model that swallows (almost) everything has found something other than two voices.
    if (ones < 0.05 * next.length || ones > 0.95 * next.length) {
      labels = windowFrameLabels;
      break;
    }
    labels = next;
  }

  // Runs of one label within each segment become turns.
  const raw: { label: number; start: number; end: number }[] = [];
  for (let k = 0; k < rows.length; k++) {
    const seg = segments[segOf[k]!]!;
    const t = features.times[inSpeech[k]!]!;
    const last = raw[raw.length - 1];
    const sameSegment = k > 0 && segOf[k - 1] === segOf[k];
    if (last && sameSegment && last.label === labels[k]) continue;
    if (last && sameSegment) last.end = t;
    if (!sameSegment && last) last.end = segments[segOf[k - 1]!]!.end;
    raw.push({ label: labels[k]!, start: sameSegment ? t : seg.start, end: seg.end });
  }
  const runs = absorbShortRuns(raw, minTurn);
  const first = runs[0]?.label ?? 0;
  const turns = joinTurns(
    runs.map((r) => ({ speaker: r.label === first ? ('A' as const) : ('B' as const), start: r.start, end: r.end })),
    joinGap,
  );
  // Voice prints: mean raw feature vector per speaker, comparable between recordings.
  const prints: Record<'A' | 'B', number[]> = { A: new Array<number>(dims).fill(0), B: new Array<number>(dims).fill(0) };
  const counts = { A: 0, B: 0 };
  inSpeech.forEach((i, k) => {
    const who = labels[k] === first ? 'A' : 'B';
    counts[who]++;
    const v = features.vectors[i]!;
    for (let d = 0; d < dims; d++) prints[who][d]! += v[d]!;
  });
  for (const who of ['A', 'B'] as const) prints[who] = prints[who].map((v) => (counts[who] ? v / counts[who] : 0));
  return { turns, prints: counts.A && counts.B ? prints : null, separation: fisher(rows, labels, dims) };
}

/** Distance between the two cluster means over their pooled spread; 0 when one side is tiny. */
function fisher(rows: number[][], labels: number[], dims: number): number {
  const g = [0, 1].map((c) => gaussian(rows.filter((_, k) => labels[k] === c), dims));
  if (g.some((m) => m.count < 0.1 * rows.length)) return 0;
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += (g[0]!.mean[d]! - g[1]!.mean[d]!) ** 2 / ((g[0]!.variance[d]! + g[1]!.variance[d]!) / 2);
  return sum;
}

function gaussian(members: number[][], dims: number): { mean: number[]; variance: number[]; count: number } {
  const mean = new Array<number>(dims).fill(0);
  const variance = new Array<number>(dims).fill(0);
  for (const r of members) for (let d = 0; d < dims; d++) mean[d]! += r[d]! / members.length;
  for (const r of members) for (let d = 0; d < dims; d++) variance[d]! += (r[d]! - mean[d]!) ** 2 / members.length;
  return { mean, variance: variance.map((v) => Math.max(v, 0.05)), count: members.length };
}

/** Sum of scores within `smooth` seconds either side (same segment only); sign gives the label. */
function smoothLabels(scores: number[], times: number[], inSpeech: number[], segOf: number[], smooth: number): number[] {
  const labels = new Array<number>(scores.length).fill(0);
  let lo = 0;
  let hi = 0;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const t = times[inSpeech[k]!]!;
    while (hi < scores.length && segOf[hi] === segOf[k] && times[inSpeech[hi]!]! - t <= smooth) sum += scores[hi++]!;
    while (lo < k && (segOf[lo] !== segOf[k] || t - times[inSpeech[lo]!]! > smooth)) sum -= scores[lo++]!;
    if (hi <= k) {
      hi = k;
      sum = 0;
      while (hi < scores.length && segOf[hi] === segOf[k] && times[inSpeech[hi]!]! - t <= smooth) sum += scores[hi++]!;
      lo = k;
    }
    labels[k] = sum >= 0 ? 0 : 1;
  }
  return labels;
}

function logLikelihood(x: number[], m: { mean: number[]; variance: number[] }): number {
  let ll = 0;
  for (let d = 0; d < x.length; d++) ll -= 0.5 * (Math.log(m.variance[d]!) + (x[d]! - m.mean[d]!) ** 2 / m.variance[d]!);
  return ll;
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
