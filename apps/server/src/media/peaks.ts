import { inputArgs, runFfmpeg } from './ffmpeg.js';
import type { MediaTools } from './ffmpeg.js';

const SAMPLE_RATE = 8000;
/** Peaks are first kept per 10 ms so memory stays small (1 hour: 360k numbers). */
const BLOCK_SAMPLES = 80;

/**
 * Waveform peaks: the loudest sample in each of `buckets` equal slices of the audio,
 * scaled so the loudest slice is 1, rounded to 3 decimals.
 */
export async function computePeaks(
  input: string,
  buckets: number,
  options: { tools?: MediaTools; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<number[]> {
  if (!Number.isInteger(buckets) || buckets < 1) throw new Error('buckets must be a positive integer');
  const blockPeaks: number[] = [];
  let blockMax = 0;
  let blockCount = 0;
  let carry: Buffer | null = null;

  await runFfmpeg([...inputArgs(input), '-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 's16le', 'pipe:1'], {
    ffmpegPath: options.tools?.ffmpeg,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onStdout: (chunk) => {
      // A chunk can end in the middle of a 2-byte sample.
      const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const usable = data.length - (data.length % 2);
      carry = usable < data.length ? data.subarray(usable) : null;
      for (let i = 0; i < usable; i += 2) {
        const sample = Math.abs(data.readInt16LE(i));
        if (sample > blockMax) blockMax = sample;
        if (++blockCount === BLOCK_SAMPLES) {
          blockPeaks.push(blockMax);
          blockMax = 0;
          blockCount = 0;
        }
      }
    },
  });
  if (blockCount > 0) blockPeaks.push(blockMax);

  const n = blockPeaks.length;
  const raw: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.max(start + 1, Math.floor(((b + 1) * n) / buckets));
    let max = 0;
    for (let i = start; i < end && i < n; i++) max = Math.max(max, blockPeaks[i] ?? 0);
    raw.push(max);
  }
  const loudest = Math.max(0, ...raw);
  return raw.map((v) => (loudest === 0 ? 0 : Math.round((v / loudest) * 1000) / 1000));
}
