import { describe, expect, it } from 'vitest';
import { closerVoice, pooled, speakerStats } from './voice-prints.js';

const voice = (frames: number, mean: number[], variance = mean.map(() => 1)) => ({ frames, mean, variance });

describe('voice print arithmetic', () => {
  it('pools recordings weighted by their frames, with the spread between them counted in', () => {
    const print = pooled([voice(100, [0, 10]), voice(300, [4, 10])]);
    expect(print?.mean).toEqual([3, 10]);
    // Within each 1; between: 0.25·9 + 0.75·1 = 3.
    expect(print?.variance[0]).toBeCloseTo(4, 10);
    expect(print?.variance[1]).toBeCloseTo(1, 10);
    expect(pooled([])).toBeNull();
  });

  it('picks the voice nearer to the print in the print\'s own spread, or none when it cannot tell', () => {
    const print = { mean: [0, 0], variance: [100, 0.01] };
    // B is further in raw distance (5 vs 0.5) but A is further in the print's spread (0.5 on a dimension that hardly varies).
    expect(closerVoice(print, { A: voice(80, [0, 0.5]), B: voice(80, [5, 0]) })).toBe('B');
    expect(closerVoice(print, { A: voice(80, [1, 0]), B: voice(80, [1, 0]) })).toBeNull();
    expect(closerVoice(print, { A: voice(80, [1, 0, 0]), B: voice(80, [1, 0]) })).toBeNull();
  });

  it('reads only complete statistics: an analysis from before voice prints (means only) gives none', () => {
    expect(speakerStats({ A: [1, 2], B: [3, 4] })).toBeNull();
    expect(speakerStats(null)).toBeNull();
    expect(speakerStats({ A: voice(60, [1, 2]), B: voice(60, [Number.NaN, 2]) })).toBeNull();
    expect(speakerStats({ A: voice(60, [1, 2]), B: voice(60, [3, 2]) })?.B.mean).toEqual([3, 2]);
  });
});
