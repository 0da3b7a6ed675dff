import { stat } from 'node:fs/promises';
import path from 'node:path';
import { inputArgs, runFfmpeg } from './ffmpeg.js';
import type { MediaTools } from './ffmpeg.js';

/** Writes one video frame as a JPEG of at most 640 pixels wide. */
export async function extractPoster(
  input: string,
  outputJpeg: string,
  atSeconds: number,
  options: { tools?: MediaTools } = {},
): Promise<void> {
  const grab = (seconds: number) =>
    runFfmpeg(
      [
        '-ss', String(Math.max(0, seconds)),
        ...inputArgs(input),
        '-map', '0:V:0',
        '-frames:v', '1',
        '-vf', "scale=w='min(640,iw)':h=-2",
        '-q:v', '4',
        // A single raw JPEG: the image2 muxer would read '%' in the name as a pattern.
        '-f', 'mjpeg',
        path.resolve(outputJpeg),
      ],
      { ffmpegPath: options.tools?.ffmpeg, timeoutMs: 60_000 },
    );
  await grab(atSeconds);
  // Seeking past the last frame writes an empty file; the first frame is a fine fallback.
  if ((await stat(outputJpeg)).size === 0 && atSeconds > 0) await grab(0);
  if ((await stat(outputJpeg)).size === 0) throw new Error('no video frame found for the poster');
}
