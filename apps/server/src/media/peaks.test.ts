import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAudioOnly, makeSpeechConversation } from '../../../../scripts/fixtures/make-media.mjs';
import { runFfmpeg, runFfprobe } from './ffmpeg.js';
import { computePeaks } from './peaks.js';
import { extractPoster } from './poster.js';

let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'peaks-test-'));
  await Promise.all([
    makeSpeechConversation({ out: file('talk.mp4'), seconds: 6 }),
    makeAudioOnly(file('memo.ogg'), 10),
    runFfmpeg(['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono', '-t', '2', '-c:a', 'aac', file('silence.m4a')]),
    // 1 s of silence, then 1 s of a loud tone: the waveform must show where the sound is.
    runFfmpeg([
      '-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono:d=1',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=8000:duration=1',
      '-filter_complex', '[0][1]concat=n=2:v=0:a=1', '-c:a', 'pcm_s16le', file('step.wav'),
    ]),
  ]);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('computePeaks', { timeout: 60_000 }, () => {
  it('returns one value per bucket, scaled to 0..1 with 3 decimals', async () => {
    const peaks = await computePeaks(file('memo.ogg'), 200);
    expect(peaks).toHaveLength(200);
    expect(Math.max(...peaks)).toBe(1);
    for (const p of peaks) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Math.round(p * 1000) / 1000).toBe(p);
    }
    // Speech has pauses between turns.
    expect(peaks.filter((p) => p < 0.2).length).toBeGreaterThan(5);
  });

  it('places sound where it is', async () => {
    const peaks = await computePeaks(file('step.wav'), 10);
    expect(peaks.slice(0, 5).every((p) => p === 0)).toBe(true);
    expect(peaks.slice(5).every((p) => p > 0.9)).toBe(true);
  });

  it('works on the audio of a video and with more buckets than 10 ms blocks', async () => {
    expect(await computePeaks(file('talk.mp4'), 50)).toHaveLength(50);
    const many = await computePeaks(file('step.wav'), 500);
    expect(many).toHaveLength(500);
    expect(many.at(-1)).toBeGreaterThan(0.9);
  });

  it('gives zeros for silence', async () => {
    expect(await computePeaks(file('silence.m4a'), 20)).toEqual(new Array(20).fill(0));
  });
});

describe('extractPoster', { timeout: 60_000 }, () => {
  it('writes a JPEG at most 640 pixels wide', async () => {
    await extractPoster(file('talk.mp4'), file('poster.jpg'), 2);
    const jpeg = await readFile(file('poster.jpg'));
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const { stdout } = await runFfprobe(['-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', file('poster.jpg')]);
    expect(stdout.trim()).toBe('mjpeg,640,360');
  });

  it('falls back to the first frame when asked for a moment after the end', async () => {
    await extractPoster(file('talk.mp4'), file('late %d poster.jpg'), 999);
    const jpeg = await readFile(file('late %d poster.jpg'));
    expect(jpeg[0]).toBe(0xff);
    expect(jpeg[1]).toBe(0xd8);
  });

  it('fails for audio without video', async () => {
    await expect(extractPoster(file('memo.ogg'), file('none.jpg'), 1)).rejects.toThrow();
  });
});
