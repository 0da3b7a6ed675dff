import { describe, expect, it } from 'vitest';
import type { RecordingRow } from '../../db/repositories/recordings.repository.js';
import { parseHlsPlaylist, renderHlsPlaylist } from '../../media/index.js';
import type { Actor } from '../access.js';
import { PlaybackAccessPolicy, rangesOverlap } from './playback-access.js';

const recording = {
  id: 'r1',
  organisation_id: 'org',
  professional_id: 'owner',
  status: 'ready',
  wrapped_key: 'v1.x.y.z',
} as RecordingRow;

function actor(userId: string, roles: Actor['roles'] = ['professional'], organisationId = 'org'): Actor {
  return { userId, organisationId, roles, teamIds: { professional: [], manager: [] } };
}

function policy(row: RecordingRow = recording): PlaybackAccessPolicy {
  return new PlaybackAccessPolicy({ findById: async () => row });
}

describe('playbackAccess', () => {
  it('grants the owner everything and nobody else anything, whatever their role', async () => {
    expect(await policy().playbackAccess(actor('owner'), 'r1')).toMatchObject({ allowedRanges: 'all', role: 'owner' });
    for (const roles of [['professional'], ['manager'], ['administrator'], ['reviewer'], ['policy_advisor']] as const) {
      expect(await policy().playbackAccess(actor('someone', roles), 'r1')).toBeNull();
    }
    // The owner without a role that owns recordings, or in another organisation, gets nothing either.
    // (A manager owns the recordings of their own conversations with staff members.)
    expect(await policy().playbackAccess(actor('owner', ['reviewer']), 'r1')).toBeNull();
    expect(await policy().playbackAccess(actor('owner', ['manager']), 'r1')).toMatchObject({ allowedRanges: 'all', role: 'owner' });
    expect(await policy().playbackAccess(actor('owner', ['professional'], 'other-org'), 'r1')).toBeNull();
  });

  it('plays nothing that is not ready or has lost its key', async () => {
    for (const changes of [{ status: 'processing' }, { status: 'deleted' }, { wrapped_key: null }] as const) {
      expect(await policy({ ...recording, ...changes } as RecordingRow).playbackAccess(actor('owner'), 'r1')).toBeNull();
    }
    expect(await new PlaybackAccessPolicy({ findById: async () => undefined }).playbackAccess(actor('owner'), 'r1')).toBeNull();
  });

  it('lets added rules grant spans, merged into one list', async () => {
    const access = policy();
    access.addRule(async (a) => (a.userId === 'reviewer' ? { allowedRanges: [[10, 20], [50, 60]], role: 'reviewer' } : null));
    access.addRule(async (a) => (a.userId === 'reviewer' ? { allowedRanges: [[15, 30]], role: 'peer_group' } : null));
    expect(await access.playbackAccess(actor('reviewer', ['reviewer']), 'r1')).toMatchObject({ allowedRanges: [[10, 30], [50, 60]], role: 'reviewer' });
    expect(await access.playbackAccess(actor('stranger', ['reviewer']), 'r1')).toBeNull();
  });

  it('ignores empty or inverted spans', async () => {
    const access = policy();
    access.addRule(async () => ({ allowedRanges: [[5, 5], [9, 3]], role: 'reviewer' }));
    expect(await access.playbackAccess(actor('reviewer', ['reviewer']), 'r1')).toBeNull();
  });
});

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
});
