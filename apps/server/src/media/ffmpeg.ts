import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where the ffmpeg binaries live; defaults resolve through PATH. */
export interface MediaTools {
  ffmpeg?: string;
  ffprobe?: string;
}

export interface RunToolOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Receives raw stdout; when set, stdout is not collected. */
  onStdout?: (chunk: Buffer) => void;
  /** Fed to the tool's stdin (read it with `-i pipe:0`), so plaintext never has to lie on a disk. */
  stdin?: Readable;
}

export interface RunToolResult {
  stdout: string;
  stderrTail: string;
}

const STDERR_TAIL_BYTES = 4096;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** A child process that failed, timed out or was aborted. The stderr tail is for logs only. */
export class MediaToolError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'MediaToolError';
  }
}

/**
 * Demuxers we accept for uploads. Anything else (playlists, concat lists, images, text) could make
 * ffmpeg open other files or is simply not a conversation recording.
 */
export const ALLOWED_DEMUXERS = 'mov,matroska,ogg,wav,mp3,aac,flac,avi,mpegts,asf,amr,caf,w64';

/** Input arguments for an untrusted local file. An absolute path can never be read as a protocol URL. */
export function inputArgs(file: string): string[] {
  return [
    '-format_whitelist', ALLOWED_DEMUXERS,
    '-protocol_whitelist', 'file',
    '-i', path.resolve(file),
  ];
}

export function runTool(bin: string, args: string[], options: RunToolOptions = {}): Promise<RunToolResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    // The tool may stop reading early (it failed, or it has all it needs): not an error of ours.
    child.stdin.on('error', () => undefined);
    if (options.stdin) {
      options.stdin.on('error', () => child.kill('SIGKILL'));
      options.stdin.pipe(child.stdin);
    } else {
      child.stdin.end();
    }
    const stdoutChunks: Buffer[] = [];
    let stderrTail = Buffer.alloc(0);
    let timedOut = false;
    let settled = false;

    const finish = (error: Error | null, result?: RunToolResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else if (result) resolve(result);
    };
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort);

    child.stdout.on('data', (chunk: Buffer) => {
      if (options.onStdout) options.onStdout(chunk);
      else stdoutChunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = Buffer.concat([stderrTail, chunk]);
      if (stderrTail.length > STDERR_TAIL_BYTES) stderrTail = stderrTail.subarray(-STDERR_TAIL_BYTES);
    });
    child.on('error', (err) => {
      finish(new MediaToolError(`${path.basename(bin)} could not start: ${err.message}`, null, '', false));
    });
    child.on('close', (code, signal) => {
      const tail = stderrTail.toString('utf8');
      if (code === 0) {
        finish(null, { stdout: Buffer.concat(stdoutChunks).toString('utf8'), stderrTail: tail });
        return;
      }
      const why = timedOut
        ? `timed out after ${timeoutMs} ms`
        : options.signal?.aborted
          ? 'was aborted'
          : `exited with ${code ?? signal}`;
      finish(new MediaToolError(`${path.basename(bin)} ${why}`, code, tail, timedOut));
    });
  });
}

export interface RunFfmpegOptions extends RunToolOptions {
  ffmpegPath?: string;
  /** Known duration of the output, needed to turn ffmpeg's out_time into a fraction. */
  durationSeconds?: number;
  onProgress?: (fraction: number) => void;
}

/**
 * Runs ffmpeg quietly (errors only on stderr). With onProgress, ffmpeg's `-progress pipe:1`
 * report is parsed from stdout, so onProgress cannot be combined with onStdout.
 */
export async function runFfmpeg(args: string[], options: RunFfmpegOptions = {}): Promise<RunToolResult> {
  const { onProgress, durationSeconds } = options;
  const base = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'];
  if (!onProgress) return runTool(options.ffmpegPath ?? 'ffmpeg', [...base, ...args], options);
  if (options.onStdout) throw new Error('runFfmpeg: onProgress and onStdout cannot be combined');

  const parser = progressParser((seconds) => {
    if (durationSeconds && durationSeconds > 0) onProgress(Math.min(1, seconds / durationSeconds));
  });
  const result = await runTool(options.ffmpegPath ?? 'ffmpeg', [...base, '-progress', 'pipe:1', '-nostats', ...args], {
    ...options,
    onStdout: parser,
  });
  onProgress(1);
  return result;
}

/**
 * Parses ffmpeg `-progress` key=value lines. `out_time_us` and (misnamed, also microseconds)
 * `out_time_ms` carry the output position.
 */
export function progressParser(onSeconds: (seconds: number) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^out_time_(?:us|ms)=(\d+)/.exec(line.trim());
      if (match?.[1]) onSeconds(Number(match[1]) / 1_000_000);
    }
  };
}

export function runFfprobe(args: string[], options: RunToolOptions & { ffprobePath?: string } = {}): Promise<RunToolResult> {
  return runTool(options.ffprobePath ?? 'ffprobe', ['-hide_banner', '-loglevel', 'error', ...args], options);
}
