import { createDecipheriv, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAudioOnly, makeSpeechConversation } from '../../../../scripts/fixtures/make-media.mjs';
import { MediaToolError, runFfprobe } from './ffmpeg.js';
import { playedSeconds } from './span-duration.js';
import { cutEncryptedHls, packageEncryptedHls, parseHlsPlaylist, PlaylistRefusedError, renderHlsPlaylist, selectHlsSegments } from './hls.js';
import type { PackageHlsResult } from './hls.js';
import { probeMedia } from './probe.js';

const limits = { maxBytes: 1024 ** 3, maxDurationSeconds: 3600 };
let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hls-test-'));
  await Promise.all([
    makeSpeechConversation({ out: file('talk.mp4'), seconds: 10, width: 640, height: 360 }),
    makeSpeechConversation({ out: file('big.webm'), seconds: 4, width: 1920, height: 1080, codec: 'vp9', mediaRecorder: true }),
    makeSpeechConversation({ out: file('upright.webm'), seconds: 2, width: 1080, height: 1920, codec: 'vp8' }),
    // Chromium's MediaRecorder can write H.264 with Opus (video/webm;codecs=h264,opus).
    makeSpeechConversation({ out: file('browser-h264.mkv'), seconds: 4, width: 640, height: 360, codec: 'h264' }),
    makeAudioOnly(file('memo.m4a'), 6),
    makeAudioOnly(file('memo.ogg'), 6),
  ]);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function packageFile(name: string, audioOnly: boolean, key = randomBytes(16)) {
  const info = await probeMedia(file(name), limits);
  const outputDir = file(`${name}-hls${audioOnly ? '-audio' : ''}`);
  const progress: number[] = [];
  const result = await packageEncryptedHls({
    input: file(name),
    outputDir,
    mediaKey: key,
    keyUri: 'key',
    keyDir: file(`${name}-job`),
    audioOnly,
    info,
    onProgress: (f) => progress.push(f),
  });
  return { result, key, outputDir, progress };
}

/** Decrypts one segment the way a player does and returns ffprobe's view of the plain TS. */
async function decryptAndProbe(result: PackageHlsResult, key: Buffer, index = 0) {
  const playlist = parseHlsPlaylist(await readFile(result.playlistFile, 'utf8'));
  const iv = playlist.key?.iv;
  if (!iv) throw new Error('playlist has no IV');
  const segment = result.segmentFiles[index];
  if (!segment) throw new Error('no such segment');
  const decipher = createDecipheriv('aes-128-cbc', key, Buffer.from(iv.replace(/^0x/i, ''), 'hex'));
  const plain = Buffer.concat([decipher.update(await readFile(segment)), decipher.final()]);
  for (let offset = 0; offset < plain.length; offset += 188) expect(plain[offset]).toBe(0x47);
  const plainFile = `${segment}.plain.ts`;
  await writeFile(plainFile, plain);
  const { stdout } = await runFfprobe(['-print_format', 'json', '-show_streams', plainFile]);
  await rm(plainFile);
  return (JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string; width?: number; height?: number }[] }).streams;
}

describe('packageEncryptedHls', { timeout: 60_000 }, () => {
  it('copies H.264/AAC into encrypted segments that cannot be read without the key', async () => {
    const { result, key, outputDir, progress } = await packageFile('talk.mp4', false);
    expect(result.mode).toBe('remux');
    expect(result.durationSeconds).toBeCloseTo(10, 0);
    expect(result.segmentFiles.length).toBeGreaterThanOrEqual(3);

    // Only playlist and segments land in the output; the key never does.
    const names = await readdir(outputDir);
    expect(names.sort()).toEqual(['index.m3u8', ...result.segmentFiles.map((f) => path.basename(f))].sort());
    for (const name of names) expect((await readFile(path.join(outputDir, name))).includes(key)).toBe(false);

    const text = await readFile(result.playlistFile, 'utf8');
    expect(text).toMatch(/#EXT-X-KEY:METHOD=AES-128,URI="key",IV=0x[0-9a-f]{32}/);
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');

    const first = result.segmentFiles[0] ?? '';
    const cipher = await readFile(first);
    expect(cipher[0] === 0x47 && cipher[188] === 0x47).toBe(false);
    await expect(runFfprobe(['-show_streams', first])).rejects.toBeInstanceOf(MediaToolError);

    const streams = await decryptAndProbe(result, key, 1);
    expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

    expect(progress.at(-1)).toBe(1);
  });

  it('transcodes VP9/Opus to H.264/AAC of at most 720p', async () => {
    const { result, key, progress } = await packageFile('big.webm', false);
    expect(result.mode).toBe('transcode');
    // ffmpeg reports twice a second; transcoding 4 s of 1080p takes longer than that here.
    expect(progress.some((f) => f > 0 && f < 1)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(result.durationSeconds).toBeCloseTo(4, 0);
    const streams = await decryptAndProbe(result, key);
    const video = streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'h264', width: 1280, height: 720 });
    expect(streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
  });

  it('copies H.264 video and re-encodes only Opus audio', async () => {
    const { result, key } = await packageFile('browser-h264.mkv', false);
    expect(result.mode).toBe('copy-video');
    const streams = await decryptAndProbe(result, key);
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
    expect(streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 640, height: 360 });
  });

  it('keeps upright video upright and within 720p', async () => {
    const { result, key } = await packageFile('upright.webm', false);
    const video = (await decryptAndProbe(result, key)).find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ width: 720, height: 1280 });
  });

  it.each([
    ['memo.m4a', 'remux'],
    ['memo.ogg', 'transcode'],
    ['talk.mp4', 'remux'],
  ])('audio-only output of %s has no video stream (%s)', async (name, mode) => {
    const { result, key } = await packageFile(name, true);
    expect(result.mode).toBe(mode);
    const streams = await decryptAndProbe(result, key);
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['audio:aac']);
  });

  it('refuses a key of the wrong size', async () => {
    const info = await probeMedia(file('memo.m4a'), limits);
    await expect(
      packageEncryptedHls({ input: file('memo.m4a'), outputDir: file('bad'), mediaKey: randomBytes(8), keyUri: 'key', keyDir: file('bad-job'), audioOnly: true, info }),
    ).rejects.toThrow(/16 bytes/);
  });
});

/** Decrypts every segment of an HLS output and returns ffprobe's duration of the joined plain TS. */
async function decryptedDuration(playlistFile: string, key: Buffer): Promise<{ duration: number; plain: Buffer }> {
  const playlist = parseHlsPlaylist(await readFile(playlistFile, 'utf8'));
  const iv = Buffer.from((playlist.key?.iv ?? '').replace(/^0x/i, ''), 'hex');
  const parts: Buffer[] = [];
  for (const segment of playlist.segments) {
    const decipher = createDecipheriv('aes-128-cbc', key, iv);
    parts.push(decipher.update(await readFile(path.join(path.dirname(playlistFile), segment.uri))), decipher.final());
  }
  const plain = Buffer.concat(parts);
  const plainFile = `${playlistFile}.plain.ts`;
  await writeFile(plainFile, plain);
  const duration = await playedSeconds(plainFile);
  await rm(plainFile);
  return { duration, plain };
}

describe('cutEncryptedHls', { timeout: 60_000 }, () => {
  it.each([false, true])('cuts exactly the span out of decrypted segments, with its own key (audio only: %s)', async (audioOnly) => {
    const { result, key } = await packageFile('talk.mp4', false);
    const whole = await decryptedDuration(result.playlistFile, key);
    const spanKey = randomBytes(16);
    const outputDir = file(`cut-${audioOnly}`);
    const cut = await cutEncryptedHls({
      input: Readable.from([whole.plain]),
      offsetSeconds: 2,
      durationSeconds: 2.9,
      audioOnly,
      outputDir,
      mediaKey: spanKey,
      keyUri: 'key',
      keyDir: file(`cut-${audioOnly}-job`),
    });
    const { duration } = await decryptedDuration(cut.playlistFile, spanKey);
    expect(Math.abs(duration - 2.9)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(cut.durationSeconds - 2.9)).toBeLessThanOrEqual(0.1);
    // The key files lived only in the job folder, and only while ffmpeg ran.
    expect(await readdir(file(`cut-${audioOnly}-job`))).toEqual([]);
    await expect(decryptedDuration(cut.playlistFile, key)).rejects.toThrow();
  });
});

const SAMPLE = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:4
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-KEY:METHOD=AES-128,URI="key",IV=0x0123456789abcdef0123456789abcdef
#EXTINF:4.000000,
seg_00000.ts
#EXTINF:4.000000,
seg_00001.ts
#EXTINF:4.000000,
seg_00002.ts
#EXTINF:2.500000,
seg_00003.ts
#EXT-X-ENDLIST
`;

describe('HLS playlists', { timeout: 60_000 }, () => {
  const playlist = parseHlsPlaylist(SAMPLE);
  const uris = (text: string): string[] => text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

  it('parses segments with start times and the key', () => {
    expect(playlist.targetDuration).toBe(4);
    expect(playlist.key).toEqual({ method: 'AES-128', uri: 'key', iv: '0x0123456789abcdef0123456789abcdef' });
    expect(playlist.segments.map((s) => [s.uri, s.startSeconds, s.durationSeconds, s.sequence])).toEqual([
      ['seg_00000.ts', 0, 4, 0],
      ['seg_00001.ts', 4, 4, 1],
      ['seg_00002.ts', 8, 4, 2],
      ['seg_00003.ts', 12, 2.5, 3],
    ]);
  });

  it('renders the whole playlist with rewritten key and segment URIs', () => {
    const text = renderHlsPlaylist(playlist, { keyUri: '/api/key?t=abc', segmentUri: (s) => `/api/seg/${s}?t=abc` });
    expect(text).toContain('#EXT-X-KEY:METHOD=AES-128,URI="/api/key?t=abc",IV=0x0123456789abcdef0123456789abcdef');
    expect(uris(text)).toEqual(playlist.segments.map((s) => `/api/seg/${s.uri}?t=abc`));
    expect(text).toContain('#EXT-X-ENDLIST');
    expect(parseHlsPlaylist(text).segments.map((s) => s.durationSeconds)).toEqual([4, 4, 4, 2.5]);
  });

  it('limits the playlist to segments overlapping a time span', () => {
    const render = (fromSeconds: number, toSeconds: number) =>
      uris(renderHlsPlaylist(playlist, { keyUri: 'k', segmentUri: (s) => s, fromSeconds, toSeconds }));
    expect(render(5, 9)).toEqual(['seg_00001.ts', 'seg_00002.ts']);
    expect(render(4, 8)).toEqual(['seg_00001.ts']);
    expect(render(13, 100)).toEqual(['seg_00003.ts']);
    expect(render(6, 6)).toEqual(['seg_00001.ts']);
    expect(render(20, 30)).toEqual([]);
    const text = renderHlsPlaylist(playlist, { keyUri: 'k', segmentUri: (s) => s, fromSeconds: 9, toSeconds: 13 });
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:2');
    expect(selectHlsSegments(playlist, 9, 13)[0]?.startSeconds).toBe(8);
  });

  it('refuses URIs that would break the playlist', () => {
    expect(() => renderHlsPlaylist(playlist, { keyUri: 'a"b', segmentUri: (s) => s })).toThrow();
    expect(() => renderHlsPlaylist(playlist, { keyUri: 'k', segmentUri: (s) => `${s}\n#EXT-X-ENDLIST` })).toThrow(PlaylistRefusedError);
  });

  it('refuses a playlist whose segments are not ours, so no token follows them elsewhere', () => {
    for (const foreign of ['https://elders.example/seg_00000.ts', '../other/seg_00000.ts', 'seg_00000.ts?x=1', 'index.m3u8']) {
      const tampered = parseHlsPlaylist(SAMPLE.replace('seg_00001.ts', foreign));
      expect(() => renderHlsPlaylist(tampered, { keyUri: 'k', segmentUri: (s) => `${s}?t=T` }), foreign).toThrow(PlaylistRefusedError);
    }
  });
});
