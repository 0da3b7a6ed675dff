import type { Readable } from 'node:stream';
import { hasPermission, type PlaybackDescriptor } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { derivedLabels } from './processing.js';
import { openDerived } from '../../crypto/derived-data.js';
import { unwrapKey } from '../../crypto/envelope.js';
import type { RecordingRow, RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { ShareCutRow, ShareCutsRepository } from '../../db/repositories/share-cuts.repository.js';
import { HLS_SEGMENT_NAME, parseHlsPlaylist, renderHlsPlaylist } from '../../media/index.js';
import { BlobNotFoundError, type BlobStore } from '../../storage/blob-store.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';
import { blobNames, recordingPrefix, spanPrefix } from './blob-keys.js';
import { coversStretch, narrowRanges, rangesOverlap, unionRanges, type AllowedRanges, type PlaybackGrant, type TimeRange } from './playback-access.js';
import { PlaybackTokens, type PlaybackToken } from './playback-tokens.js';
import { RecordingPlaylists } from './recording-playlists.js';
import { cutKeyOf } from './span-cuts.js';

export interface PlaybackSettings {
  masterKey: Buffer;
  tokenSecret: Buffer;
  /** Short: a leaked URL is useless minutes later. Players refresh the descriptor. */
  tokenTtlSeconds?: number;
}

export interface PlaybackDependencies {
  recordings: RecordingsRepository;
  /** Exact cuts of shared spans: all a recipient ever receives of the media. */
  cuts: Pick<ShareCutsRepository, 'findById'>;
  gate: AccessGate;
  /** The spans of a recording that active shares reach the actor with (reviews/share-content.ts). */
  sharedRanges: (actor: Actor, recordingId: string) => Promise<{ ranges: TimeRange[]; via: 'reviewer' | 'peer_group' | 'policy' } | null>;
  blobs: BlobStore;
  audit: AuditLog;
  settings: PlaybackSettings;
  now: Clock;
}

export interface MediaBody {
  contentType: string;
  body: Buffer | Readable;
  size?: number;
}

/**
 * Playback through short-lived signed tokens bound to viewer, recording and allowed spans, used
 * together with the viewer's own session (same-origin requests carry its cookie). The tokens are
 * stateless (any process with the secret verifies them); the recording row is still read on every
 * request, so a deleted recording stops playing at once everywhere. Playlist and key also re-run
 * the access decision, so an ended share stops at the next playlist or key request.
 */
export class PlaybackService {
  private readonly now: Clock;
  private readonly tokens: PlaybackTokens;
  private readonly playlists: RecordingPlaylists;

  constructor(private readonly deps: PlaybackDependencies) {
    this.now = deps.now;
    this.tokens = new PlaybackTokens({ secret: deps.settings.tokenSecret, ttlSeconds: deps.settings.tokenTtlSeconds ?? 600, now: deps.now });
    this.playlists = new RecordingPlaylists(deps.blobs);
  }

  private get ttl(): number {
    return this.tokens.ttlSeconds;
  }

  /**
   * Mints the tokens for the whole recording: only for who may watch all of it (the owner). A
   * recipient of a share receives nothing of the recording's own media, only exact cuts
   * (spanDescriptor).
   */
  async descriptor(actor: Actor, viewerName: string, recordingId: string): Promise<PlaybackDescriptor> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    const grant = await this.grantOf(actor, recordingId);
    if (grant?.allowedRanges !== 'all') throw new AppError('not_found');
    const now = this.now();
    const token = this.tokens.sign({ r: recordingId, v: actor.userId, a: 'all', k: grant.role }, now);
    const base = `/api/playback/${recordingId}`;
    const q = `?t=${token}`;
    return {
      recordingId,
      kind: grant.recording.kind,
      playlistUrl: `${base}/index.m3u8${q}`,
      token,
      viewerName,
      peaksUrl: `${base}/peaks.json${q}`,
      posterUrl: grant.recording.has_poster === 1 ? `${base}/poster.jpg${q}` : null,
      durationSeconds: grant.recording.duration_seconds ?? 0,
      allowedRanges: 'all',
      startsAtSeconds: 0,
      expiresAt: new Date(now.getTime() + this.ttl * 1000).toISOString(),
      refreshAt: new Date(now.getTime() + (this.ttl * 1000) / 2).toISOString(),
    };
  }

  /**
   * The tokens for one exact cut of a shared span (the caller found the cut through the share).
   * Its playlist, key and segments hold nothing outside [start, end); the cut starts at 0, and
   * `startsAtSeconds` tells the player where that is on the recording's own clock.
   */
  async spanDescriptor(actor: Actor, viewerName: string, cut: ShareCutRow): Promise<PlaybackDescriptor> {
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [cut.recording_id] });
    const grant = await this.grantOf(actor, cut.recording_id);
    if (!grant || !coversStretch(grant.allowedRanges, cut)) throw new AppError('not_found');
    const now = this.now();
    const span: TimeRange = [cut.start_seconds, cut.end_seconds];
    const token = this.tokens.sign({ r: cut.recording_id, v: actor.userId, a: [span], k: grant.role, c: cut.id }, now);
    const base = `/api/playback/${cut.recording_id}`;
    const q = `?t=${token}`;
    return {
      recordingId: cut.recording_id,
      kind: grant.recording.kind,
      playlistUrl: `${base}/spans/${cut.id}/index.m3u8${q}`,
      token,
      viewerName,
      peaksUrl: `${base}/peaks.json${q}`,
      posterUrl: null,
      durationSeconds: grant.recording.duration_seconds ?? 0,
      allowedRanges: [span],
      startsAtSeconds: cut.start_seconds,
      expiresAt: new Date(now.getTime() + this.ttl * 1000).toISOString(),
      refreshAt: new Date(now.getTime() + (this.ttl * 1000) / 2).toISOString(),
    };
  }

  /** A cut's playlist: one logged view. Token, session, today's access and the cut's row, on every request. */
  async spanPlaylist(actor: Actor, recordingId: string, cutId: string, token: string): Promise<string> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    const { cut, grant } = await this.spanAccess(actor, recordingId, cutId, claims);
    const playlist = parseHlsPlaylist((await this.blob(spanPrefix(recordingId, cut.id) + blobNames.playlist)).toString('utf8'));
    await this.deps.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'recording.viewed',
      subjectType: 'recording',
      subjectId: recordingId,
      details: { role: grant.role, ranges: [`${round(cut.start_seconds)}-${round(cut.end_seconds)}`], cutId: cut.id },
    });
    const suffix = `?t=${encodeURIComponent(token)}`;
    return renderHlsPlaylist(playlist, { keyUri: `key${suffix}`, segmentUri: (name) => `${name}${suffix}` });
  }

  /** The cut's own key: derived from the recording's key and the cut's salt, so it dies with either. */
  async spanKey(actor: Actor, recordingId: string, cutId: string, token: string): Promise<Buffer> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    const { cut, grant } = await this.spanAccess(actor, recordingId, cutId, claims);
    const key = cutKeyOf(this.deps.settings.masterKey, grant.recording.wrapped_key, cut);
    if (!key) throw new AppError('not_found');
    return key;
  }

  async spanSegment(actor: Actor, recordingId: string, cutId: string, name: string, token: string): Promise<MediaBody> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    const { cut } = await this.spanAccess(actor, recordingId, cutId, claims);
    if (!HLS_SEGMENT_NAME.test(name)) throw new AppError('not_found');
    return this.segmentBody(spanPrefix(recordingId, cut.id) + name);
  }

  /** The playlist: one view in the audit log. Needs the viewer's own session as well as the token. */
  async playlist(actor: Actor, recordingId: string, token: string): Promise<string> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    // Access is checked again: a share that ended or a recording that was deleted stops here.
    const grant = await this.wholeRecordingAccess(actor, recordingId, claims);
    const playlist = await this.playlists.load(await this.playable(recordingId));
    await this.deps.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'recording.viewed',
      subjectType: 'recording',
      subjectId: recordingId,
      details: { role: grant.role },
    });
    const suffix = `?t=${encodeURIComponent(token)}`;
    return renderHlsPlaylist(playlist, { keyUri: `key${suffix}`, segmentUri: (name) => `${name}${suffix}` });
  }

  async key(actor: Actor, recordingId: string, token: string): Promise<Buffer> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    const grant = await this.wholeRecordingAccess(actor, recordingId, claims);
    if (!grant.recording.wrapped_key) throw new AppError('not_found');
    return unwrapKey(this.deps.settings.masterKey, grant.recording.wrapped_key);
  }

  /** Segments of the whole recording: today's access is checked again, and the recording must still exist. */
  async segment(actor: Actor, recordingId: string, name: string, token: string): Promise<MediaBody> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    if (!HLS_SEGMENT_NAME.test(name)) throw new AppError('not_found');
    const recording = await this.playable(recordingId);
    await this.wholeRecordingAccess(actor, recordingId, claims);
    return this.segmentBody(recordingPrefix(recording.id) + name);
  }

  private async segmentBody(key: string): Promise<MediaBody> {
    try {
      const size = await this.deps.blobs.size(key);
      return { contentType: 'video/mp2t', body: await this.deps.blobs.getStream(key), size };
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new AppError('not_found');
      throw error;
    }
  }

  /** Derived resources re-check today's access like the media itself: a token outlives a share, this answer does not. */
  async peaks(actor: Actor, recordingId: string, token: string): Promise<MediaBody> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    const { ranges, recording } = await this.derivedAccess(actor, recordingId, claims);
    const data = JSON.parse((await this.openDerived(recording, blobNames.peaks, derivedLabels.peaks)).toString('utf8')) as { durationSeconds: number; peaks: number[] };
    if (claims.a !== 'all' || ranges !== 'all') {
      // Outside the shared spans the waveform stays flat: even its shape is not for this viewer.
      const step = data.peaks.length > 0 ? data.durationSeconds / data.peaks.length : 0;
      data.peaks = data.peaks.map((value, i) => (rangesOverlap(ranges, i * step, (i + 1) * step) ? value : 0));
    }
    return { contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(data)) };
  }

  async poster(actor: Actor, recordingId: string, token: string): Promise<MediaBody> {
    const claims = this.tokens.verify(actor, recordingId, token);
    await requireAccess(this.deps.gate, { actor, permission: 'recording.play', ids: [recordingId] });
    const { ranges, recording } = await this.derivedAccess(actor, recordingId, claims);
    if (ranges !== 'all' || recording.has_poster !== 1) throw new AppError('not_found');
    return { contentType: 'image/jpeg', body: await this.openDerived(recording, blobNames.poster, derivedLabels.poster) };
  }

  /** Token, today's access decision and a playable recording: what every derived resource needs first. */
  private async derivedAccess(actor: Actor, recordingId: string, claims: PlaybackToken): Promise<{ ranges: AllowedRanges; recording: RecordingRow & { wrapped_key: string } }> {
    const grant = await this.grantOf(actor, recordingId);
    if (!grant) throw new AppError('not_found');
    const ranges = narrowRanges(claims.a, grant.allowedRanges);
    if (ranges !== 'all' && ranges.length === 0) throw new AppError('not_found');
    return { ranges, recording: await this.playable(recordingId) };
  }

  /** The recording's own media: only for a viewer who may watch all of it, with a token for all of it. */
  private async wholeRecordingAccess(actor: Actor, recordingId: string, claims: PlaybackToken): Promise<PlaybackGrant & { recording: RecordingRow }> {
    const grant = await this.grantOf(actor, recordingId);
    if (!grant || claims.c !== undefined || claims.a !== 'all' || grant.allowedRanges !== 'all') throw new AppError('not_found');
    return grant;
  }

  /** A cut: the token names it, its row (salt) still exists and is ready, and today's access still covers its span. */
  private async spanAccess(actor: Actor, recordingId: string, cutId: string, claims: PlaybackToken): Promise<{ cut: ShareCutRow; grant: PlaybackGrant & { recording: RecordingRow } }> {
    if (claims.c !== cutId) throw new AppError('playback_token_invalid');
    const cut = await this.deps.cuts.findById(cutId);
    if (!cut || cut.recording_id !== recordingId || cut.status !== 'ready') throw new AppError('not_found');
    const grant = await this.grantOf(actor, recordingId);
    if (!grant || !coversStretch(narrowRanges(claims.a, grant.allowedRanges), cut)) throw new AppError('not_found');
    return { cut, grant };
  }

  /**
   * What the actor may play of a recording, after the gate let them reach it: the owner all of it,
   * a recipient the spans their active shares hold. Null when the recording cannot be played.
   */
  private async grantOf(actor: Actor, recordingId: string): Promise<(PlaybackGrant & { recording: RecordingRow }) | null> {
    const recording = await this.deps.recordings.findById(recordingId);
    if (!recording || recording.status !== 'ready' || recording.wrapped_key === null || recording.organisation_id !== actor.organisationId) return null;
    if (recording.professional_id === actor.userId && hasPermission(actor.roles, 'recordings.own')) return { allowedRanges: 'all', role: 'owner', recording };
    const shared = hasPermission(actor.roles, 'shares.received') || hasPermission(actor.roles, 'shares.policy') ? await this.deps.sharedRanges(actor, recordingId) : null;
    const ranges = shared ? unionRanges(shared.ranges) : [];
    return shared && ranges.length > 0 ? { allowedRanges: ranges, role: shared.via, recording } : null;
  }

  private async blob(key: string): Promise<Buffer> {
    try {
      return await this.deps.blobs.getBuffer(key);
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new AppError('not_found');
      throw error;
    }
  }

  private async playable(recordingId: string): Promise<RecordingRow & { wrapped_key: string }> {
    const recording = await this.deps.recordings.findById(recordingId);
    if (!recording || recording.status !== 'ready' || recording.wrapped_key === null) throw new AppError('not_found');
    return recording as RecordingRow & { wrapped_key: string };
  }

  private async openDerived(recording: RecordingRow & { wrapped_key: string }, name: string, label: string): Promise<Buffer> {
    const mediaKey = unwrapKey(this.deps.settings.masterKey, recording.wrapped_key);
    try {
      return openDerived(mediaKey, label, await this.deps.blobs.getBuffer(recordingPrefix(recording.id) + name));
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new AppError('not_found');
      throw error;
    }
  }

}

function round(seconds: number): string {
  return (Math.round(seconds * 10) / 10).toString();
}
