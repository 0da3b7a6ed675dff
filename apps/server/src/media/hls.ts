// Longer than 350 lines on purpose — one file: HLS packaging, encryption and playlist checks belong together, and media/ knows nothing else.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { inputArgs, MediaToolError, runFfmpeg } from './ffmpeg.js';
import type { MediaTools } from './ffmpeg.js';
import type { MediaInfo } from './probe.js';

export const PLAYLIST_NAME = 'index.m3u8';
const SEGMENT_PATTERN = 'seg_%05d.ts';
/** The names packageEncryptedHls gives its segments; a playlist naming anything else is not ours. */
export const HLS_SEGMENT_NAME = /^seg_\d{5,}\.ts$/;

export interface PackageHlsOptions {
  input: string;
  outputDir: string;
  /** AES-128 key, 16 bytes. */
  mediaKey: Buffer;
  /** Placeholder written into the playlist; the server rewrites it to an authorised URL. */
  keyUri: string;
  /**
   * A private folder (mode 0700) of this job, never a shared temp folder: the key lies there only
   * while ffmpeg runs, and a crash leaves it where the job-folder sweep removes it.
   */
  keyDir: string;
  audioOnly: boolean;
  info: MediaInfo;
  segmentSeconds?: number;
  onProgress?: (fraction: number) => void;
  tools?: MediaTools;
  signal?: AbortSignal;
}

/**
 * remux: both streams copied; copy-video: the picture copied, only the sound re-encoded (browser
 * recordings with H.264 video and Opus audio); transcode: both re-encoded.
 */
export type HlsMode = 'remux' | 'copy-video' | 'transcode';

export interface PackageHlsResult {
  playlistFile: string;
  segmentFiles: string[];
  mode: HlsMode;
  durationSeconds: number;
}

/** Whether the streams can be copied into MPEG-TS as they are and still play in every browser. */
function canRemux(info: MediaInfo, audioOnly: boolean): boolean {
  if (info.audioCodec !== 'aac') return false;
  if (audioOnly || !info.hasVideo) return true;
  return canCopyVideo(info);
}

/** H.264 in 4:2:0 without a rotation flag plays everywhere as it is. */
function canCopyVideo(info: MediaInfo): boolean {
  return (
    info.videoCodec === 'h264' &&
    (info.pixelFormat === undefined || info.pixelFormat === 'yuv420p' || info.pixelFormat === 'yuvj420p') &&
    !info.rotation
  );
}

/** The cheapest way to HLS: copy what fits, re-encode only what does not (audio is cheap, video is not). */
function packagingMode(info: MediaInfo, audioOnly: boolean): HlsMode {
  if (canRemux(info, audioOnly)) return 'remux';
  if (!audioOnly && info.hasVideo && canCopyVideo(info)) return 'copy-video';
  return 'transcode';
}

/**
 * Packages a recording as a VOD HLS stream of AES-128 encrypted MPEG-TS segments. The key
 * only exists on disk in the job's private folder for the duration of the ffmpeg run.
 */
export async function packageEncryptedHls(options: PackageHlsOptions): Promise<PackageHlsResult> {
  const audioOnly = options.audioOnly || !options.info.hasVideo;
  const outputDir = path.resolve(options.outputDir);
  await mkdir(outputDir, { recursive: true, mode: 0o700 });
  return withKeyInfo(options, async (keyInfoFile) => {
    const run = async (mode: HlsMode): Promise<void> => {
      await removeHlsOutput(outputDir);
      await runFfmpeg(hlsArgs(options, { mode, audioOnly, outputDir, keyInfoFile }), {
        ffmpegPath: options.tools?.ffmpeg,
        durationSeconds: options.info.durationSeconds,
        onProgress: options.onProgress,
        signal: options.signal,
        timeoutMs: 120_000 + options.info.durationSeconds * (mode === 'transcode' ? 10_000 : 1_000),
      });
    };

    let mode = packagingMode(options.info, audioOnly);
    try {
      await run(mode);
    } catch (err) {
      // Some files with fitting codecs still cannot be copied (odd timestamps, broken extradata).
      if (mode === 'transcode' || !(err instanceof MediaToolError) || err.timedOut || options.signal?.aborted) throw err;
      mode = 'transcode';
      await run(mode);
    }
    return { ...(await readHlsOutput(outputDir)), mode };
  });
}

/** Writes the key and ffmpeg's key info file into the job's private folder, and removes them afterwards. */
async function withKeyInfo<T>(options: { mediaKey: Buffer; keyUri: string; keyDir: string }, run: (keyInfoFile: string) => Promise<T>): Promise<T> {
  if (options.mediaKey.length !== 16) throw new Error('mediaKey must be 16 bytes');
  if (/["\r\n]/.test(options.keyUri)) throw new Error('keyUri must not contain quotes or line breaks');
  const keyDir = path.resolve(options.keyDir);
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(keyDir, 'media.key');
  const keyInfoFile = path.join(keyDir, 'key-info');
  try {
    await writeFile(keyFile, options.mediaKey, { mode: 0o600 });
    // ffmpeg uses one IV for all segments; a random one per stream keeps it unpredictable.
    const iv = randomBytes(16).toString('hex');
    await writeFile(keyInfoFile, `${options.keyUri}\n${keyFile}\n${iv}\n`, { mode: 0o600 });
    return await run(keyInfoFile);
  } finally {
    await rm(keyFile, { force: true });
    await rm(keyInfoFile, { force: true });
  }
}

async function readHlsOutput(outputDir: string): Promise<Omit<PackageHlsResult, 'mode'>> {
  const playlistFile = path.join(outputDir, PLAYLIST_NAME);
  const playlist = parseHlsPlaylist(await readFile(playlistFile, 'utf8'));
  const segmentFiles = playlist.segments.map((s) => path.join(outputDir, s.uri));
  await Promise.all(segmentFiles.map((f) => stat(f)));
  const last = playlist.segments.at(-1);
  return { playlistFile, segmentFiles, durationSeconds: last ? last.startSeconds + last.durationSeconds : 0 };
}

export interface CutHlsOptions {
  /** Plaintext MPEG-TS (the decrypted segments around the span, in order), read from a pipe. */
  input: Readable;
  /** Where the span starts, in seconds from the start of `input`. */
  offsetSeconds: number;
  durationSeconds: number;
  audioOnly: boolean;
  outputDir: string;
  /** AES-128 key of the cut, 16 bytes. */
  mediaKey: Buffer;
  keyUri: string;
  /** The job's private folder (see PackageHlsOptions.keyDir). */
  keyDir: string;
  segmentSeconds?: number;
  tools?: MediaTools;
  signal?: AbortSignal;
}

/**
 * Re-encoding for cuts that must fall on the requested frame: H.264 with a keyframe at every
 * segment start (so segments can start anywhere) and AAC; sound only for audio recordings.
 */
function exactCutCodecs(audioOnly: boolean, segmentSeconds: number): string[] {
  return audioOnly
    ? ['-vn', '-c:a', 'aac', '-b:a', '96k', '-ar', '48000']
    : [
        '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
        '-force_key_frames', `expr:gte(t,n_forced*${segmentSeconds})`,
        '-c:a', 'aac', '-b:a', '128k', '-ar', '48000',
      ];
}

/**
 * Cuts exactly [offset, offset + duration) out of a plaintext MPEG-TS stream into its own AES-128
 * encrypted HLS. Everything is re-encoded, so the cut falls on the requested frame rather than on
 * the nearest keyframe: not a frame or an audio packet outside the span ends up in the output.
 */
export async function cutEncryptedHls(options: CutHlsOptions): Promise<Omit<PackageHlsResult, 'mode'>> {
  const outputDir = path.resolve(options.outputDir);
  await mkdir(outputDir, { recursive: true, mode: 0o700 });
  await removeHlsOutput(outputDir);
  const segmentSeconds = options.segmentSeconds ?? 4;
  const codecs = exactCutCodecs(options.audioOnly, segmentSeconds);
  return withKeyInfo(options, async (keyInfoFile) => {
    await runFfmpeg(
      [
        // Our own decrypted segments, never a file of someone else: only the MPEG-TS demuxer, only the pipe.
        '-format_whitelist', 'mpegts', '-protocol_whitelist', 'pipe', '-f', 'mpegts', '-i', 'pipe:0',
        // As output options: decode from the start and drop exactly what lies before and after the span.
        '-ss', options.offsetSeconds.toFixed(3), '-t', options.durationSeconds.toFixed(3),
        ...(options.audioOnly ? [] : ['-map', '0:v:0']), '-map', '0:a:0', '-sn', '-dn',
        ...codecs,
        '-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_playlist_type', 'vod', '-hls_segment_type', 'mpegts',
        '-hls_key_info_file', keyInfoFile,
        '-hls_segment_filename', path.join(outputDir, SEGMENT_PATTERN),
        path.join(outputDir, PLAYLIST_NAME),
      ],
      {
        ffmpegPath: options.tools?.ffmpeg,
        stdin: options.input,
        signal: options.signal,
        timeoutMs: 120_000 + (options.offsetSeconds + options.durationSeconds) * 10_000,
      },
    );
    return readHlsOutput(outputDir);
  });
}

function hlsArgs(
  options: PackageHlsOptions,
  run: { mode: HlsMode; audioOnly: boolean; outputDir: string; keyInfoFile: string },
): string[] {
  const segmentSeconds = options.segmentSeconds ?? 4;
  // 'V' skips cover art, which ffmpeg reports as a video stream.
  const maps = run.audioOnly ? ['-map', '0:a:0', '-vn'] : ['-map', '0:V:0', '-map', '0:a:0'];
  let codecs: string[];
  if (run.mode === 'remux') {
    codecs = ['-c', 'copy'];
  } else if (run.mode === 'copy-video') {
    codecs = ['-c:v', 'copy', '-c:a', 'aac', '-b:a', '128k', '-ar', '48000'];
  } else if (run.audioOnly) {
    codecs = ['-c:a', 'aac', '-b:a', '96k', '-ar', '48000'];
  } else {
    codecs = [
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
      // At most 1280x720 (or 720x1280 upright), never upscaled, even sizes for yuv420p.
      '-vf', "scale=w='trunc(iw*min(1,min(1280/max(iw,ih),720/min(iw,ih)))/2)*2':h=-2,format=yuv420p",
      '-force_key_frames', `expr:gte(t,n_forced*${segmentSeconds})`,
      '-c:a', 'aac', '-b:a', '128k', '-ar', '48000',
    ];
  }
  return [
    ...inputArgs(options.input),
    ...maps,
    '-sn', '-dn',
    ...codecs,
    '-f', 'hls',
    '-hls_time', String(segmentSeconds),
    '-hls_playlist_type', 'vod',
    '-hls_segment_type', 'mpegts',
    '-hls_key_info_file', run.keyInfoFile,
    '-hls_segment_filename', path.join(run.outputDir, SEGMENT_PATTERN),
    path.join(run.outputDir, PLAYLIST_NAME),
  ];
}

/** Removes only what a previous packaging attempt may have left. */
async function removeHlsOutput(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name === PLAYLIST_NAME || HLS_SEGMENT_NAME.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

export interface HlsKey {
  method: string;
  uri?: string;
  /** Hex with 0x prefix, as in the playlist. */
  iv?: string;
}

export interface HlsSegment {
  uri: string;
  durationSeconds: number;
  startSeconds: number;
  /** Media sequence number; the implicit IV when the key has none. */
  sequence: number;
}

export interface HlsPlaylist {
  targetDuration: number;
  mediaSequence: number;
  key: HlsKey | null;
  segments: HlsSegment[];
}

/** Parses the single-key VOD media playlists that packageEncryptedHls writes. */
export function parseHlsPlaylist(text: string): HlsPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('not an HLS playlist');
  const playlist: HlsPlaylist = { targetDuration: 0, mediaSequence: 0, key: null, segments: [] };
  let pendingDuration: number | undefined;
  let start = 0;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if (line.startsWith('#EXT-X-TARGETDURATION:')) {
      playlist.targetDuration = Number(line.slice('#EXT-X-TARGETDURATION:'.length));
    } else if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) {
      playlist.mediaSequence = Number(line.slice('#EXT-X-MEDIA-SEQUENCE:'.length));
    } else if (line.startsWith('#EXT-X-KEY:')) {
      if (playlist.key) throw new Error('playlists with more than one key are not supported');
      const attrs = parseAttributes(line.slice('#EXT-X-KEY:'.length));
      const key: HlsKey = { method: attrs.get('METHOD') ?? 'NONE' };
      const uri = attrs.get('URI');
      const iv = attrs.get('IV');
      if (uri !== undefined) key.uri = uri;
      if (iv !== undefined) key.iv = iv;
      playlist.key = key;
    } else if (line.startsWith('#EXTINF:')) {
      pendingDuration = Number(line.slice('#EXTINF:'.length).split(',')[0]);
      if (!Number.isFinite(pendingDuration)) throw new Error(`bad EXTINF line: ${line}`);
    } else if (!line.startsWith('#')) {
      if (pendingDuration === undefined) throw new Error(`segment without EXTINF: ${line}`);
      playlist.segments.push({
        uri: line,
        durationSeconds: pendingDuration,
        startSeconds: start,
        sequence: playlist.mediaSequence + playlist.segments.length,
      });
      start += pendingDuration;
      pendingDuration = undefined;
    }
  }
  return playlist;
}

function parseAttributes(list: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of list.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) {
    const [, name, value] = match;
    if (name && value !== undefined) attrs.set(name, value.startsWith('"') ? value.slice(1, -1) : value);
  }
  return attrs;
}

/** Segments that overlap [fromSeconds, toSeconds); a zero-length span selects the segment it falls in. */
export function selectHlsSegments(playlist: HlsPlaylist, fromSeconds = 0, toSeconds = Infinity): HlsSegment[] {
  const to = Math.max(toSeconds, fromSeconds + 1e-6);
  return playlist.segments.filter((s) => s.startSeconds + s.durationSeconds > fromSeconds && s.startSeconds < to);
}

export interface RenderHlsOptions {
  keyUri: string;
  segmentUri: (segmentName: string) => string;
  fromSeconds?: number;
  toSeconds?: number;
}

/**
 * Writes a VOD playlist with only the segments overlapping [fromSeconds, toSeconds), the key
 * pointing at keyUri. Playback time 0 is the start of the first selected segment
 * (see selectHlsSegments to learn its offset).
 */
export function renderHlsPlaylist(playlist: HlsPlaylist, options: RenderHlsOptions): string {
  const segments = selectHlsSegments(playlist, options.fromSeconds, options.toSeconds);
  const first = segments[0];
  const targetDuration = Math.max(1, ...segments.map((s) => Math.ceil(s.durationSeconds)));
  const out = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${targetDuration}`,
    // Keeps the implicit IV (the sequence number) right when the key has no explicit IV.
    `#EXT-X-MEDIA-SEQUENCE:${first ? first.sequence : playlist.mediaSequence}`,
    '#EXT-X-PLAYLIST-TYPE:VOD',
  ];
  if (playlist.key && playlist.key.method !== 'NONE') {
    const iv = playlist.key.iv ? `,IV=${playlist.key.iv}` : '';
    out.push(`#EXT-X-KEY:METHOD=${playlist.key.method},URI="${playlistSafe(options.keyUri, true)}"${iv}`);
  }
  for (const segment of segments) {
    // A stored playlist that points elsewhere would send the viewer's token to that address.
    if (!HLS_SEGMENT_NAME.test(segment.uri)) throw new PlaylistRefusedError();
    out.push(`#EXTINF:${segment.durationSeconds.toFixed(6)},`, playlistSafe(options.segmentUri(segment.uri), false));
  }
  out.push('#EXT-X-ENDLIST', '');
  return out.join('\n');
}

/** A playlist (or an address for it) that cannot be served safely. */
export class PlaylistRefusedError extends Error {
  constructor() {
    super('playlist refused: a URI would break it or point outside the recording');
    this.name = 'PlaylistRefusedError';
  }
}

function playlistSafe(value: string, quoted: boolean): string {
  if (/[\r\n]/.test(value) || (quoted && value.includes('"')) || value.startsWith('#')) {
    throw new PlaylistRefusedError();
  }
  return value;
}
export interface RemoveSpanHlsOptions {
  /** Plaintext MPEG-TS of the whole recording, in order, read from a pipe. */
  input: Readable;
  /** The span to leave out, in seconds from the start of `input`. */
  fromSeconds: number;
  toSeconds: number;
  /** The whole input's length, so an empty part before or after the span is not asked for. */
  totalSeconds: number;
  audioOnly: boolean;
  outputDir: string;
  /** AES-128 key, 16 bytes. */
  mediaKey: Buffer;
  keyUri: string;
  /** The job's private folder (see PackageHlsOptions.keyDir). */
  keyDir: string;
  /** First segment number: new segments must not take the names of the ones they replace. */
  startNumber: number;
  segmentSeconds?: number;
  tools?: MediaTools;
  signal?: AbortSignal;
}

/**
 * Re-encodes a plaintext MPEG-TS stream without [from, to) into AES-128 encrypted HLS: what lies
 * before and after the span is joined, so the result is shorter by exactly the span. Everything is
 * re-encoded, so not a frame or an audio packet of the span is left.
 */
export async function removeSpanEncryptedHls(options: RemoveSpanHlsOptions): Promise<Omit<PackageHlsResult, 'mode'>> {
  const outputDir = path.resolve(options.outputDir);
  await mkdir(outputDir, { recursive: true, mode: 0o700 });
  await removeHlsOutput(outputDir);
  const segmentSeconds = options.segmentSeconds ?? 4;
  const from = options.fromSeconds.toFixed(3);
  const to = options.toSeconds.toFixed(3);
  const parts: Array<{ video: string; audio: string }> = [];
  if (options.fromSeconds > 0.05) parts.push({ video: `trim=end=${from}`, audio: `atrim=end=${from}` });
  if (options.toSeconds < options.totalSeconds - 0.05) parts.push({ video: `trim=start=${to}`, audio: `atrim=start=${to}` });
  if (parts.length === 0) throw new Error('the span covers the whole recording');
  const streams = options.audioOnly ? (['audio'] as const) : (['video', 'audio'] as const);
  const filters: string[] = [];
  for (const stream of streams) {
    const [resetPts, split] = stream === 'video' ? ['setpts', 'split'] : ['asetpts', 'asplit'];
    const input = stream === 'video' ? '[0:v:0]' : '[0:a:0]';
    const labels = parts.map((_, index) => `[${stream[0]}in${index}]`);
    // Timestamps of MPEG-TS start above zero: count from the stream's own start, as the playlist does.
    filters.push(`${input}${resetPts}=PTS-STARTPTS,${split}=${parts.length}${labels.join('')}`);
    parts.forEach((part, index) => filters.push(`${labels[index]}${part[stream]},${resetPts}=PTS-STARTPTS[${stream[0]}${index}]`));
  }
  const joined = parts.map((_, index) => streams.map((stream) => `[${stream[0]}${index}]`).join('')).join('');
  filters.push(`${joined}concat=n=${parts.length}:v=${options.audioOnly ? 0 : 1}:a=1${options.audioOnly ? '' : '[v]'}[a]`);
  const codecs = exactCutCodecs(options.audioOnly, segmentSeconds);
  return withKeyInfo(options, async (keyInfoFile) => {
    await runFfmpeg(
      [
        '-format_whitelist', 'mpegts', '-protocol_whitelist', 'pipe', '-f', 'mpegts', '-i', 'pipe:0',
        '-filter_complex', filters.join(';'),
        ...(options.audioOnly ? [] : ['-map', '[v]']), '-map', '[a]', '-sn', '-dn',
        ...codecs,
        '-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_playlist_type', 'vod', '-hls_segment_type', 'mpegts',
        '-start_number', String(options.startNumber),
        '-hls_key_info_file', keyInfoFile,
        '-hls_segment_filename', path.join(outputDir, SEGMENT_PATTERN),
        path.join(outputDir, PLAYLIST_NAME),
      ],
      {
        ffmpegPath: options.tools?.ffmpeg,
        stdin: options.input,
        signal: options.signal,
        timeoutMs: 120_000 + options.totalSeconds * 10_000,
      },
    );
    return readHlsOutput(outputDir);
  });
}
