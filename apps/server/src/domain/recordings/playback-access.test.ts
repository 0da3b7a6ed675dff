import { describe, expect, it } from 'vitest';
import { parseHlsPlaylist, renderHlsPlaylist } from '../../media/index.js';
import { rangesOverlap, unionRanges } from './playback-access.js';

describe('a playlist for spans', () => {
  const playlist = parseHlsPlaylist(
    ['#EXTM3U', '#EXT-X-TARGETDURATION:4', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-KEY:METHOD=AES-128,URI="key",IV=0x0123456789abcdef0123456789abcdef']
      .concat(Array.from({ length: 10 }, (_, i) => [`#EXTINF:4.000000,`, `seg_${String(i).padStart(5, '0')}.ts`]).flat())
      .concat(['#EXT-X-ENDLIST'])
      .join('\n'),
  );
  const uris = { keyUri: 'key?t=T', segmentUri: (name: string) => `${name}?t=T` };

  it('renders the whole recording with the key and segment addresses rewritten (media/hls.ts, the one playlist writer)', () => {
    const text = renderHlsPlaylist(playlist, uris);
    const rendered = parseHlsPlaylist(text);
    expect(rendered.segments).toHaveLength(10);
    expect(rendered.segments[0]?.uri).toBe('seg_00000.ts?t=T');
    expect(rendered.key).toEqual({ method: 'AES-128', uri: 'key?t=T', iv: '0x0123456789abcdef0123456789abcdef' });
    expect(text).toContain('#EXT-X-ENDLIST');
  });

  it('decides segment overlap with half-open spans', () => {
    expect(rangesOverlap([[4, 8]], 0, 4)).toBe(false);
    expect(rangesOverlap([[4, 8]], 4, 8)).toBe(true);
    expect(rangesOverlap([[4, 8]], 8, 12)).toBe(false);
    expect(rangesOverlap('all', 100, 104)).toBe(true);
  });

  it('merges spans into one sorted list and drops empty or inverted ones', () => {
    expect(unionRanges([[50, 60], [10, 20], [15, 30]])).toEqual([[10, 30], [50, 60]]);
    expect(unionRanges([[5, 5], [9, 3]])).toEqual([]);
  });
});
