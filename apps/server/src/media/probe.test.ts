import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAudioOnly,
  makeEmptyFile,
  makeSpeechConversation,
  makeTextFileAsMp4,
  makeTruncatedMp4,
} from '../../../../scripts/fixtures/make-media.mjs';
import { runFfmpeg, runFfprobe } from './ffmpeg.js';
import { MediaRejectedError, probeMedia } from './probe.js';
import type { MediaLimits, MediaRejectionCode } from './probe.js';

const limits: MediaLimits = { maxBytes: 500 * 1024 * 1024, maxDurationSeconds: 3600 };
let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'probe-test-'));
  await Promise.all([
    makeSpeechConversation({ out: file('talk.mp4'), seconds: 8, width: 640, height: 360 }),
    makeSpeechConversation({ out: file('talk-faststart.mp4'), seconds: 8, width: 640, height: 360, faststart: true }),
    makeSpeechConversation({ out: file('browser.webm'), seconds: 8, width: 640, height: 360, codec: 'vp8', mediaRecorder: true }),
    makeSpeechConversation({ out: file('talk-vp9.webm'), seconds: 6, width: 640, height: 360, codec: 'vp9' }),
    makeAudioOnly(file('memo.m4a'), 6),
    makeAudioOnly(file('memo.ogg'), 6),
    makeTextFileAsMp4(file('text.mp4')),
    makeEmptyFile(file('empty.mp4')),
    runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25', '-t', '3', '-c:v', 'libx264', file('silent-video.mp4')]),
    runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1', file('picture.png')]),
    writeFile(file('playlist.mp4'), '#EXTM3U\n#EXTINF:1,\n/etc/hostname\n#EXT-X-ENDLIST\n'),
  ]);
  await makeTruncatedMp4(file('talk.mp4'), file('cut.mp4'));
  await makeTruncatedMp4(file('talk-faststart.mp4'), file('cut-faststart.mp4'));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(name: string, customLimits = limits): Promise<MediaRejectedError> {
  const err: unknown = await probeMedia(file(name), customLimits).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof MediaRejectedError)) throw new Error(`expected a rejection of ${name}, got ${String(err)}`);
  expect(err.message).not.toContain(dir);
  expect(err.message).not.toContain(name);
  return err;
}

describe('probeMedia accepts recordings', { timeout: 60_000 }, () => {
  it('reads an H.264/AAC mp4', async () => {
    const info = await probeMedia(file('talk.mp4'), limits);
    expect(info).toMatchObject({
      hasVideo: true,
      hasAudio: true,
      videoCodec: 'h264',
      audioCodec: 'aac',
      width: 640,
      height: 360,
      container: 'mov',
      sizeBytes: (await stat(file('talk.mp4'))).size,
    });
    expect(info.durationSeconds).toBeCloseTo(8, 0);
  });

  it('measures a MediaRecorder-style WebM that has no duration in its header', async () => {
    const { stdout } = await runFfprobe(['-show_entries', 'format=duration', '-of', 'csv=p=0', file('browser.webm')]);
    expect(stdout.trim()).toBe('N/A');
    const info = await probeMedia(file('browser.webm'), limits);
    expect(info).toMatchObject({ videoCodec: 'vp8', audioCodec: 'opus', container: 'matroska', hasVideo: true });
    expect(info.durationSeconds).toBeGreaterThan(7.5);
    expect(info.durationSeconds).toBeLessThan(8.5);
  });

  it('reads a VP9/Opus WebM', async () => {
    const info = await probeMedia(file('talk-vp9.webm'), limits);
    expect(info).toMatchObject({ videoCodec: 'vp9', audioCodec: 'opus', hasVideo: true });
    expect(info.durationSeconds).toBeCloseTo(6, 0);
  });

  it.each([
    ['memo.m4a', 'aac'],
    ['memo.ogg', 'opus'],
  ])('reads audio-only %s', async (name, codec) => {
    const info = await probeMedia(file(name), limits);
    expect(info).toMatchObject({ hasVideo: false, hasAudio: true, audioCodec: codec });
    expect(info.videoCodec).toBeUndefined();
    expect(info.durationSeconds).toBeCloseTo(6, 0);
  });
});

describe('probeMedia rejects what cannot be used', { timeout: 60_000 }, () => {
  it.each<[string, MediaRejectionCode]>([
    ['text.mp4', 'text'],
    ['picture.png', 'not_media'],
    ['playlist.mp4', 'text'],
    ['empty.mp4', 'empty'],
    ['cut.mp4', 'truncated'],
    ['cut-faststart.mp4', 'truncated'],
    ['silent-video.mp4', 'no_audio'],
  ])('%s → %s', async (name, code) => {
    const err = await rejection(name);
    expect(err.code).toBe(code);
  });

  it('rejects files over the size limit before reading them', async () => {
    const size = (await stat(file('talk.mp4'))).size;
    const err = await rejection('talk.mp4', { ...limits, maxBytes: size - 1 });
    expect(err.code).toBe('too_large');
    expect(await probeMedia(file('talk.mp4'), { ...limits, maxBytes: size })).toMatchObject({ sizeBytes: size });
  });

  it('rejects recordings over the duration limit, also when the header has no duration', async () => {
    const mp4 = await rejection('talk.mp4', { ...limits, maxDurationSeconds: 5 });
    expect(mp4.code).toBe('too_long');
    const webm = await rejection('browser.webm', { ...limits, maxDurationSeconds: 5 });
    expect(webm.code).toBe('too_long');
  });
});
