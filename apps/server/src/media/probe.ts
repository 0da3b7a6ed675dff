import { open, stat } from 'node:fs/promises';
import { inputArgs, MediaToolError, progressParser, runFfmpeg, runFfprobe } from './ffmpeg.js';
import type { MediaTools } from './ffmpeg.js';

export interface MediaInfo {
  durationSeconds: number;
  sizeBytes: number;
  hasVideo: boolean;
  hasAudio: boolean;
  videoCodec?: string;
  audioCodec?: string;
  width?: number;
  height?: number;
  /** ffmpeg demuxer name, e.g. 'mov' (mp4/m4a/mov), 'matroska' (webm/mkv), 'ogg'. */
  container: string;
  /** Needed to decide whether the video can be copied into HLS unchanged. */
  pixelFormat?: string;
  /** Display rotation in degrees (phones); copying would lose it. */
  rotation?: number;
}

export interface MediaLimits {
  maxBytes: number;
  maxDurationSeconds: number;
}

export type MediaRejectionCode = 'empty' | 'not_media' | 'text' | 'archive' | 'truncated' | 'too_large' | 'too_long' | 'no_audio';

/** The upload cannot be used; the code says why (the words for it live in the shared error catalogue). */
export class MediaRejectedError extends Error {
  constructor(readonly code: MediaRejectionCode) {
    super(`media rejected: ${code}`);
    this.name = 'MediaRejectedError';
  }
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string };
}

/** Below this share of the announced duration, the audio is considered cut off. */
const COMPLETE_RATIO = 0.95;

/**
 * Checks an uploaded file and describes it. Beyond ffprobe, the audio track is decoded once
 * (cheap compared to video): this finds files whose data ends before their header says, and
 * measures the duration of browser recordings (MediaRecorder WebM has no duration in its header).
 */
export async function probeMedia(filePath: string, limits: MediaLimits, tools: MediaTools = {}): Promise<MediaInfo> {
  const sizeBytes = (await stat(filePath)).size;
  if (sizeBytes === 0) throw new MediaRejectedError('empty');
  if (sizeBytes > limits.maxBytes) throw new MediaRejectedError('too_large');

  let probe: ProbeOutput;
  try {
    const { stdout } = await runFfprobe(
      ['-print_format', 'json', '-show_format', '-show_streams', ...inputArgs(filePath)],
      { ffprobePath: tools.ffprobe, timeoutMs: 60_000 },
    );
    probe = JSON.parse(stdout) as ProbeOutput;
  } catch (err) {
    if (!(err instanceof MediaToolError) || err.timedOut || err.exitCode === null) throw err;
    // ffprobe picks the demuxer by extension too, so its error cannot tell a broken recording
    // from a renamed text file; the file's first bytes can.
    throw new MediaRejectedError(await unusableKind(filePath));
  }

  const streams = probe.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const container = probe.format?.format_name?.split(',')[0] ?? '';
  if (!video && !audio) throw new MediaRejectedError('not_media');
  if (!audio) throw new MediaRejectedError('no_audio');

  const announced = positiveNumber(audio.duration) ?? positiveNumber(probe.format?.duration);
  if (announced !== undefined && announced > limits.maxDurationSeconds) {
    throw new MediaRejectedError('too_long');
  }

  let decodedSeconds = 0;
  try {
    await runFfmpeg([...inputArgs(filePath), '-map', '0:a:0', '-vn', '-progress', 'pipe:1', '-nostats', '-f', 'null', '-'], {
      ffmpegPath: tools.ffmpeg,
      onStdout: progressParser((seconds) => {
        decodedSeconds = Math.max(decodedSeconds, seconds);
      }),
      // Audio decodes at hundreds of times real time; this only catches a hung process.
      timeoutMs: 60_000 + (announced ?? limits.maxDurationSeconds) * 100,
    });
  } catch (err) {
    if (err instanceof MediaToolError && !err.timedOut && err.exitCode !== null) {
      throw new MediaRejectedError('truncated');
    }
    throw err;
  }

  if (decodedSeconds <= 0) throw new MediaRejectedError('truncated');
  if (announced !== undefined && decodedSeconds < announced * COMPLETE_RATIO - 0.5) {
    throw new MediaRejectedError('truncated');
  }
  const durationSeconds = announced ?? decodedSeconds;
  if (durationSeconds > limits.maxDurationSeconds) throw new MediaRejectedError('too_long');

  const info: MediaInfo = {
    durationSeconds,
    sizeBytes,
    hasVideo: video !== undefined,
    hasAudio: true,
    container,
  };
  if (audio.codec_name) info.audioCodec = audio.codec_name;
  if (video) {
    if (video.codec_name) info.videoCodec = video.codec_name;
    if (video.width) info.width = video.width;
    if (video.height) info.height = video.height;
    if (video.pix_fmt) info.pixelFormat = video.pix_fmt;
    const rotation = rotationOf(video);
    if (rotation) info.rotation = rotation;
  }
  return info;
}

function positiveNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

function rotationOf(stream: ProbeStream): number {
  const fromSideData = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const degrees = fromSideData ?? Number(stream.tags?.rotate ?? 0);
  return Number.isFinite(degrees) ? ((Math.round(degrees) % 360) + 360) % 360 : 0;
}

/** What a file ffprobe cannot read most likely is, so the person hears what to do about it. */
async function unusableKind(filePath: string): Promise<MediaRejectionCode> {
  const handle = await open(filePath, 'r');
  const head = Buffer.alloc(512);
  let length = 0;
  try {
    length = (await handle.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await handle.close();
  }
  if (looksLikeMediaContainer(head)) return 'truncated';
  if (looksLikeArchive(head)) return 'archive';
  if (looksLikeText(head.subarray(0, length))) return 'text';
  return 'not_media';
}

function looksLikeArchive(head: Buffer): boolean {
  const ascii = (start: number, end: number): string => head.toString('latin1', start, end);
  return (
    ascii(0, 4) === 'PK\x03\x04' || ascii(0, 4) === 'PK\x05\x06' || // zip (also docx, odt)
    (head[0] === 0x1f && head[1] === 0x8b) || // gzip
    ascii(0, 6) === '7z\xbc\xaf\x27\x1c' ||
    ascii(0, 4) === 'Rar!' ||
    ascii(0, 3) === 'BZh' ||
    ascii(0, 6) === '\xfd7zXZ\x00' ||
    ascii(257, 262) === 'ustar' // tar
  );
}

/** Valid UTF-8 without control characters other than white space. */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  // A multi-byte character cut off by the 512-byte window is not a reason to call it binary.
  const text = head.toString('utf8').replace(/\uFFFD$/, '');
  if (text.includes('\uFFFD')) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7f || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b)) return false;
  }
  return true;
}

/** Signatures of the containers in ALLOWED_DEMUXERS. */
function looksLikeMediaContainer(head: Buffer): boolean {
  const ascii = (start: number, end: number): string => head.toString('latin1', start, end);
  const isoBox = ascii(4, 8);
  return (
    ['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide'].includes(isoBox) ||
    head.readUInt32BE(0) === 0x1a45dfa3 || // EBML: WebM, Matroska
    ['OggS', 'RIFF', 'fLaC', 'caff', '#!AM'].includes(ascii(0, 4)) ||
    ascii(0, 3) === 'ID3' ||
    head.readUInt32BE(0) === 0x3026b275 || // ASF
    (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) || // MPEG audio / ADTS frame sync
    (head[0] === 0x47 && head[188] === 0x47) // MPEG-TS
  );
}
