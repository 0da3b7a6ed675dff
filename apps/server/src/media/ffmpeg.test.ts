import { describe, expect, it } from 'vitest';
import { MediaToolError, progressParser, runFfmpeg, runTool } from './ffmpeg.js';

describe('runTool / runFfmpeg', { timeout: 60_000 }, () => {
  it('kills a process that runs past its timeout', async () => {
    const started = Date.now();
    const err: unknown = await runFfmpeg(['-re', '-f', 'lavfi', '-i', 'sine', '-f', 'null', '-'], { timeoutMs: 500 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MediaToolError);
    expect((err as MediaToolError).timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps the last part of stderr for diagnostics', async () => {
    const err: unknown = await runFfmpeg(['-i', '/nonexistent/input.mp4', '-f', 'null', '-']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaToolError);
    const { exitCode, stderrTail, timedOut } = err as MediaToolError;
    expect(exitCode).not.toBe(0);
    expect(timedOut).toBe(false);
    expect(stderrTail).toContain('No such file or directory');
  });

  it('caps the stderr tail at 4 KB', async () => {
    const err: unknown = await runTool('sh', ['-c', 'head -c 20000 /dev/zero | tr "\\0" x >&2; echo END >&2; exit 3']).catch(
      (e: unknown) => e,
    );
    const { exitCode, stderrTail } = err as MediaToolError;
    expect(exitCode).toBe(3);
    expect(stderrTail.length).toBeLessThanOrEqual(4096);
    expect(stderrTail.endsWith('END\n')).toBe(true);
  });

  it('reports a missing binary as an error, not a crash', async () => {
    await expect(runFfmpeg(['-version'], { ffmpegPath: '/nonexistent/ffmpeg' })).rejects.toThrow(/could not start/);
  });

  it('reports progress as a fraction of the known duration', async () => {
    const fractions: number[] = [];
    await runFfmpeg(['-re', '-f', 'lavfi', '-i', 'sine=duration=1.5', '-f', 'null', '-'], {
      durationSeconds: 1.5,
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.some((f) => f > 0.1 && f < 0.9)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('parses progress lines split across chunks', () => {
    const seen: number[] = [];
    const feed = progressParser((s) => seen.push(s));
    feed(Buffer.from('frame=1\nout_time_us=150'));
    feed(Buffer.from('0000\nout_time_ms=2500000\nprogress=continue\n'));
    expect(seen).toEqual([1.5, 2.5]);
  });
});
