import { spawn } from 'node:child_process';
import meydaModule from 'meyda';
import { inputArgs, MediaToolError, runFfprobe, type MediaTools } from '../ffmpeg.js';
import { diarizeMono, diarizeStereo, FRAME_SECONDS, speechSegments, type FeatureFrames, type Turn, type VoiceStats } from './turns.js';
import { rhythmMetrics, type RhythmMetrics } from './metrics.js';
import { loadBatchedVad, VAD_CONTEXT, VAD_FRAME, VAD_SAMPLE_RATE, VAD_WARM_UP_FRAMES } from './vad.js';

// meyda is CommonJS (module.exports = Meyda) but ships ES-module types; at run time the default is Meyda.
const Meyda = meydaModule as unknown as (typeof meydaModule)['default'];

const SAMPLE_RATE = VAD_SAMPLE_RATE;
const FRAME = VAD_FRAME;
/** Features on every second frame (64 ms) are plenty to tell two voices apart. */
const FEATURE_HOP = 2;
const MFCC_COEFFICIENTS = 13;
/** Frames decoded before voice activity runs over them in one batch (4.4 minutes, 16 MB). */
const BLOCK_FRAMES = 8192;
/** Frames below this speech probability carry no features: they are not (clearly) a voice. */
const FEATURE_SPEECH = 0.3;

export type ChannelMode = 'auto' | 'mono' | 'stereo';

export interface RhythmAnalysis {
  durationSeconds: number;
  /** How the speakers were told apart: by voice in one channel, or by two microphones. */
  method: 'voice' | 'channels';
  turns: Turn[];
  metrics: RhythmMetrics;
  /** Mean and variance of MFCC (1..12) and pitch per speaker: compared with the professional's own voice print only. */
  voicePrints: Record<'A' | 'B', VoiceStats> | null;
}

export interface AnalyseOptions {
  channels?: ChannelMode;
  tools?: MediaTools;
  signal?: AbortSignal;
}

async function channelCount(input: string, tools?: MediaTools): Promise<number> {
  const { stdout } = await runFfprobe(
    ['-select_streams', 'a:0', '-show_entries', 'stream=channels', '-of', 'csv=p=0', ...inputArgs(input)],
    { ffprobePath: tools?.ffprobe },
  );
  return Number.parseInt(stdout.trim(), 10) || 1;
}

/** A Float32Array that grows by doubling: one number per frame of a recording of any length. */
class Series {
  data = new Float32Array(4096);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  reserve(count: number): Float32Array {
    while (this.length + count > this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const view = this.data.subarray(this.length, this.length + count);
    this.length += count;
    return view;
  }
  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Who speaks when, from the audio alone: Silero voice activity, then two speakers told apart by
 * their voices (one channel) or by which microphone hears them loudest (two channels). Decodes
 * as a stream in blocks of a few minutes, so memory stays small however long the recording is.
 * Never looks at what is said or how: no words, no tone, no emotion.
 */
export async function analyseRhythm(input: string, options: AnalyseOptions = {}): Promise<RhythmAnalysis> {
  const mode = options.channels ?? 'auto';
  const twoChannels = mode === 'stereo' || (mode === 'auto' && (await channelCount(input, options.tools)) >= 2);
  const frames = await rhythmFrames(input, twoChannels, options);
  const durationSeconds = Math.round(frames.probs.length * FRAME_SECONDS * 1000) / 1000;
  const segments = speechSegments(frames.probs);
  const voice = diarizeMono(segments, frames.features);
  let method: RhythmAnalysis['method'] = 'voice';
  let turns = voice.turns;
  if (frames.levels && (mode === 'stereo' || separateMicrophones(segments, frames.levels.left, frames.levels.right))) {
    method = 'channels';
    turns = diarizeStereo(segments, frames.levels);
  }
  return { durationSeconds, method, turns, metrics: rhythmMetrics(turns, durationSeconds), voicePrints: method === 'voice' ? voice.prints : null };
}

export interface RhythmFrames {
  /** Speech probability per 32 ms frame. */
  probs: Float32Array;
  /** Voice features of speech frames (every second frame, voiced only). */
  features: FeatureFrames;
  /** Level per frame and channel in dB, for two channels. */
  levels: { left: Float32Array; right: Float32Array } | null;
}

/** The per-frame measurements the turns are decided from; exported for research on the method. */
export async function rhythmFrames(input: string, twoChannels: boolean, options: Pick<AnalyseOptions, 'tools' | 'signal'> = {}): Promise<RhythmFrames> {

  const vad = await loadBatchedVad();
  Meyda.bufferSize = FRAME;
  Meyda.sampleRate = SAMPLE_RATE;
  Meyda.melBands = 26;
  Meyda.numberOfMFCCCoefficients = MFCC_COEFFICIENTS;

  const probs = new Series();
  const left = new Series();
  const right = new Series();
  const times: number[] = [];
  const vectors: number[][] = [];
  const channels = twoChannels ? 2 : 1;

  // The block: VAD_CONTEXT samples of context, then up to VAD_WARM_UP_FRAMES frames carried over
  // from the block before (warm-up only), then the new frames.
  const block = new Float32Array(VAD_CONTEXT + (VAD_WARM_UP_FRAMES + BLOCK_FRAMES) * FRAME);
  let carried = 0;
  let framesInBlock = 0;
  const frame = new Float32Array(FRAME * channels);
  const frameBytes = new Uint8Array(frame.buffer);
  let filled = 0;

  const runBlock = async (): Promise<void> => {
    const first = probs.length;
    const out = probs.reserve(framesInBlock - carried);
    await vad.probabilities(block, first === 0 ? 0 : carried, framesInBlock, out);
    for (let f = carried; f < framesInBlock; f++) {
      const index = first + f - carried;
      if (index % FEATURE_HOP !== 0 || out[f - carried]! < FEATURE_SPEECH) continue;
      const samples = block.subarray(VAD_CONTEXT + f * FRAME, VAD_CONTEXT + (f + 1) * FRAME);
      const pitch = voicePitch(samples);
      const mfcc = pitch === null ? null : (Meyda.extract('mfcc', samples) as number[] | null);
      if (mfcc && pitch !== null) {
        times.push(index * FRAME_SECONDS);
        vectors.push([...mfcc.slice(1), pitch]);
      }
    }
    // Keep the last frames (and the context before them) to warm up the next block's first stream.
    const keep = Math.min(VAD_WARM_UP_FRAMES, framesInBlock);
    block.copyWithin(0, (framesInBlock - keep) * FRAME, VAD_CONTEXT + framesInBlock * FRAME);
    carried = keep;
    framesInBlock = keep;
  };

  const pushFrame = async (): Promise<void> => {
    const at = VAD_CONTEXT + framesInBlock * FRAME;
    if (twoChannels) {
      let sumL = 0;
      let sumR = 0;
      for (let i = 0; i < FRAME; i++) {
        const l = frame[2 * i]!;
        const r = frame[2 * i + 1]!;
        block[at + i] = (l + r) / 2;
        sumL += l * l;
        sumR += r * r;
      }
      left.push(10 * Math.log10(sumL / FRAME + 1e-10));
      right.push(10 * Math.log10(sumR / FRAME + 1e-10));
    } else {
      block.set(frame, at);
    }
    framesInBlock++;
    if (framesInBlock - carried === BLOCK_FRAMES) await runBlock();
  };

  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    ...inputArgs(input), '-map', '0:a:0', '-vn',
    ...(twoChannels ? ['-af', 'pan=stereo|c0=c0|c1=c1'] : ['-ac', '1']),
    '-ar', String(SAMPLE_RATE), '-f', 'f32le', 'pipe:1',
  ];
  const child = spawn(options.tools?.ffmpeg ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const onAbort = (): void => void child.kill('SIGKILL');
  options.signal?.addEventListener('abort', onAbort);

  try {
    // f32le is little-endian, as are the machines we run on: the bytes are copied, not parsed.
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let pos = 0;
      while (pos < chunk.length) {
        const n = Math.min(frameBytes.length - filled, chunk.length - pos);
        frameBytes.set(chunk.subarray(pos, pos + n), filled);
        filled += n;
        pos += n;
        if (filled === frameBytes.length) {
          filled = 0;
          await pushFrame();
        }
      }
    }
    const code = await exited;
    if (code !== 0) throw new MediaToolError(`ffmpeg exited with ${code}`, code, stderr, false);
    if (framesInBlock > carried) await runBlock();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await vad.release();
  }

  return { probs: probs.view(), features: { times, vectors }, levels: twoChannels ? { left: left.view(), right: right.view() } : null };
}

const half = new Float32Array(FRAME / 2);
/**
 * Pitch of a voiced frame in octaves (log2 Hz), or null when the frame is not voiced: the
 * normalised autocorrelation peak between 60 and 400 Hz on the frame at 8 kHz. Pitch is only a
 * way to tell two voices apart here; it is never shown or kept on its own.
 */
function voicePitch(frame: Float32Array): number | null {
  for (let i = 0; i < half.length; i++) half[i] = (frame[2 * i]! + frame[2 * i + 1]!) / 2;
  let energy = 0;
  for (let i = 0; i < half.length; i++) energy += half[i]! * half[i]!;
  if (energy < 1e-6) return null;
  let bestLag = 0;
  let best = 0;
  for (let lag = 20; lag <= 133; lag++) {
    let sum = 0;
    let e2 = 0;
    for (let i = 0; i + lag < half.length; i++) {
      sum += half[i]! * half[i + lag]!;
      e2 += half[i + lag]! * half[i + lag]!;
    }
    const r = sum / Math.sqrt(energy * e2 + 1e-12);
    if (r > best) {
      best = r;
      bestLag = lag;
    }
  }
  return best >= 0.5 ? Math.log2(8000 / bestLag) : null;
}

/**
 * Two channels only help when they come from two microphones: then, in speech, one channel is
 * often clearly louder than the other. A stereo file from one microphone has (almost) equal levels.
 */
function separateMicrophones(segments: { start: number; end: number }[], left: Float32Array, right: Float32Array): boolean {
  const diffs: number[] = [];
  for (const seg of segments) {
    for (let i = Math.floor(seg.start / FRAME_SECONDS); i < Math.min(left.length, seg.end / FRAME_SECONDS); i++) {
      diffs.push(Math.abs(left[i]! - right[i]!));
    }
  }
  if (diffs.length === 0) return false;
  diffs.sort((a, b) => a - b);
  return diffs[Math.floor(diffs.length / 2)]! >= 6;
}
