import { createDecipheriv } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import * as tus from 'tus-js-client';
import { parseHlsPlaylist } from '../../src/media/index.js';
import type { TestServer } from './harness.js';

/** Fixtures are made once per machine and cached in the temp folder (speech takes a few seconds). */
const fixtureDir = path.join(tmpdir(), 'spreekkamer-recording-fixtures');

type MediaFixtures = typeof import('../../../../scripts/fixtures/make-media.mjs');

async function fixtures(): Promise<MediaFixtures> {
  return (await import(new URL('../../../../scripts/fixtures/make-media.mjs', import.meta.url).href)) as MediaFixtures;
}

async function cached(name: string, make: (out: string) => Promise<unknown>): Promise<string> {
  await mkdir(fixtureDir, { recursive: true });
  const out = path.join(fixtureDir, name);
  try {
    if ((await stat(out)).size >= 0) return out;
  } catch {
    // not made yet
  }
  const partial = `${out}.${process.pid}.partial${path.extname(name)}`;
  await make(partial);
  const { rename } = await import('node:fs/promises');
  await rename(partial, out);
  return out;
}

export const media = {
  /** 12 s, 640x360 H.264/AAC: remux path. */
  videoMp4: () => cached('talk-12s.mp4', async (out) => (await fixtures()).makeSpeechConversation({ out, seconds: 12, width: 640, height: 360 })),
  /** 8 s VP9/Opus WebM: transcode path. */
  videoWebm: () => cached('talk-8s.webm', async (out) => (await fixtures()).makeSpeechConversation({ out, seconds: 8, width: 640, height: 360 })),
  /** 30 s VP8/Opus WebM with a busy picture: a transcode slow enough to be interrupted mid-job. */
  slowVideoWebm: () =>
    cached('talk-30s-busy.webm', async (out) => (await fixtures()).makeSpeechConversation({ out, seconds: 30, width: 960, height: 540, codec: 'vp8', picture: 'busy' })),
  audioM4a: () => cached('talk-8s.m4a', async (out) => (await fixtures()).makeAudioOnly(out, 8)),
  textAsMp4: () => cached('not-a-video.mp4', async (out) => (await fixtures()).makeTextFileAsMp4(out)),
  truncatedMp4: async () => {
    const source = await media.videoMp4();
    return cached('truncated.mp4', async (out) => (await fixtures()).makeTruncatedMp4(source, out));
  },
  empty: () => cached('empty.mp4', async (out) => (await fixtures()).makeEmptyFile(out)),
};

/** A browser stand-in over real HTTP (tus needs a real socket): session cookie plus CSRF header. */
export class HttpAgent {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string | undefined,
    readonly csrfToken: string | undefined,
  ) {}

  headers(extra: Record<string, string> = {}, method = 'GET'): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = this.csrfToken;
    return headers;
  }

  fetch(urlPath: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    return fetch(new URL(urlPath, this.baseUrl), { method, headers: this.headers(init.headers, method), ...(init.body !== undefined ? { body: init.body } : {}) });
  }

  json(urlPath: string, method: string, body: unknown): Promise<Response> {
    return this.fetch(urlPath, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
}

export async function httpLogin(baseUrl: string, email: string, password: string): Promise<HttpAgent> {
  const response = await fetch(new URL('/api/session', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sk_session='))?.split(';')[0];
  const body = (await response.json()) as { csrfToken: string };
  return new HttpAgent(baseUrl, cookie, body.csrfToken);
}

/** Makes the in-process test server listen on a real port. */
export async function listen(server: TestServer): Promise<string> {
  const app = server.spreekkamer.app;
  if (!app) throw new Error('no api role');
  return app.listen({ host: '127.0.0.1', port: 0 });
}

export interface CreatedRecording {
  recordingId: string;
}

export async function createRecording(agent: HttpAgent, conversationId: string, kind: 'video' | 'audio', sizeBytes: number): Promise<Response> {
  return agent.json('/api/recordings', 'POST', { conversationId, kind, sizeBytes });
}

/** Uploads with the real tus client (as the browser does); resolves with the upload URL. */
export function tusUpload(agent: HttpAgent, file: string, recordingId: string, options: { chunkSize?: number; size?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(createReadStream(file), {
      endpoint: new URL('/api/uploads', agent.baseUrl).toString(),
      metadata: { recordingId, filename: path.basename(file) },
      headers: agent.headers({}, 'POST'),
      chunkSize: options.chunkSize ?? 256 * 1024,
      ...(options.size !== undefined ? { uploadSize: options.size } : {}),
      retryDelays: [],
      storeFingerprintForResuming: false,
      onError: reject,
      onSuccess: () => resolve(upload.url ?? ''),
    });
    upload.start();
  });
}

export function tusMetadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

/** Raw tus creation, for refusals. */
export function tusCreate(agent: HttpAgent, length: number | null, metadata: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
  return agent.fetch('/api/uploads', {
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', ...(length === null ? {} : { 'upload-length': String(length) }), 'upload-metadata': tusMetadata(metadata), ...extra },
  });
}

/** One raw tus PATCH: `body` appended at `offset`. */
export function tusPatch(agent: HttpAgent, location: string, offset: number, body: Buffer): Promise<Response> {
  return agent.fetch(location, {
    method: 'PATCH',
    headers: { 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    body,
  });
}

export interface RecordingState {
  id: string;
  status: string;
  progress: number;
  failure: { code: string; message: string } | null;
  durationSeconds: number | null;
  kind: string;
  retentionEndsAt: string | null;
  hasPoster: boolean;
}

export async function waitForStatus(agent: HttpAgent, recordingId: string, statuses: string[], timeoutMs = 90_000): Promise<RecordingState> {
  const deadline = Date.now() + timeoutMs;
  const seen: number[] = [];
  for (;;) {
    const response = await agent.fetch(`/api/recordings/${recordingId}`);
    const body = (await response.json()) as RecordingState;
    if (response.status === 200) seen.push(body.progress);
    if (response.status === 200 && statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`recording ${recordingId} stayed ${body.status} (${JSON.stringify(body)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function expectDutchError(body: unknown, code: string): void {
  const problem = body as { code?: string; title?: string };
  expect(problem.code).toBe(code);
  expect(problem.title).toMatch(/[a-z]/);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|node_modules/);
}

/** HLS AES-128: CBC with PKCS#7 padding, IV from the playlist. */
export function decryptSegment(key: Buffer, ivHex: string, data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-128-cbc', key, Buffer.from(ivHex.replace(/^0x/i, ''), 'hex'));
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** MPEG-TS: every 188-byte packet starts with 0x47. */
export function looksLikeTransportStream(data: Buffer): boolean {
  if (data.length < 188 * 3 || data.length % 188 !== 0) return false;
  for (let i = 0; i < data.length; i += 188) if (data[i] !== 0x47) return false;
  return true;
}

export { parseHlsPlaylist };

export function appTables(): string[] {
  return ['recordings', 'jobs', 'audit_events'];
}

/** A consented conversation, a file uploaded with tus and processed: the owner's recording, ready to play. */
export async function readyUploadedRecording(
  agent: HttpAgent,
  conversationId: string,
  file: string,
  kind: 'video' | 'audio' = 'video',
): Promise<{ recordingId: string; state: RecordingState }> {
  const size = (await stat(file)).size;
  const created = await createRecording(agent, conversationId, kind, size);
  if (created.status !== 201) throw new Error(`create recording: ${created.status} ${await created.text()}`);
  const recordingId = ((await created.json()) as { recording: { id: string } }).recording.id;
  await tusUpload(agent, file, recordingId);
  const state = await waitForStatus(agent, recordingId, ['ready', 'failed']);
  if (state.status !== 'ready') throw new Error(`processing failed: ${JSON.stringify(state.failure)}`);
  return { recordingId, state };
}

export interface Descriptor {
  playlistUrl: string;
  token: string;
  peaksUrl: string;
  posterUrl: string | null;
  viewerName: string;
  allowedRanges: 'all' | [number, number][];
}

export async function playbackDescriptor(agent: HttpAgent, recordingId: string): Promise<Descriptor> {
  const response = await agent.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`playback: ${response.status} ${await response.text()}`);
  return (await response.json()) as Descriptor;
}

/** The playlist, and the absolute paths of its key and segments as a player would request them. */
export async function fetchPlaylist(agent: HttpAgent, descriptor: Descriptor): Promise<{ keyPath: string; segmentPaths: string[]; iv: string }> {
  const response = await agent.fetch(descriptor.playlistUrl);
  if (response.status !== 200) throw new Error(`playlist: ${response.status} ${await response.text()}`);
  const playlist = parseHlsPlaylist(await response.text());
  const base = new URL(descriptor.playlistUrl, agent.baseUrl);
  const pathOf = (uri: string) => {
    const url = new URL(uri, base);
    return url.pathname + url.search;
  };
  return { keyPath: pathOf(playlist.key?.uri ?? ''), segmentPaths: playlist.segments.map((s) => pathOf(s.uri)), iv: playlist.key?.iv ?? '' };
}

export async function newStaff(baseUrl: string, admin: HttpAgent, name: string, roles: ('professional' | 'reviewer' | 'manager' | 'administrator')[]): Promise<{ id: string; agent: HttpAgent }> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Math.random().toString(16).slice(2, 8)}@voorbeeld.nl`;
  const teams = (await (await admin.fetch('/api/admin/teams')).json()) as { teams: { id: string }[] };
  const teamId = teams.teams[0]?.id ?? null;
  const memberships = roles.map((role) => ({ role, teamId: role === 'professional' || role === 'manager' ? teamId : null }));
  const invited = (await (await admin.json('/api/admin/users', 'POST', { name, email, memberships })).json()) as { user: { id: string }; invitationPath: string };
  const token = invited.invitationPath.split('/').pop();
  const password = 'een-lang-test-wachtwoord';
  const accepted = await fetch(new URL('/api/invitations/accept', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password }) });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status}`);
  return { id: invited.user.id, agent: await httpLogin(baseUrl, email, password) };
}

export interface SpanDescriptor extends Descriptor {
  allowedRanges: [number, number][];
  startsAtSeconds: number;
}

/**
 * The exact cut of a shared moment, as a recipient's player asks for it: 409 span_preparing until
 * the cut job is done. `url` defaults to the share route; the client's talk passes its own.
 */
export async function sharedSpanDescriptor(
  fetchDescriptor: () => Promise<Response>,
  timeoutMs = 90_000,
): Promise<{ descriptor: SpanDescriptor; sawPreparing: boolean }> {
  let sawPreparing = false;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetchDescriptor();
    if (response.status === 200) return { descriptor: (await response.json()) as SpanDescriptor, sawPreparing };
    const body = (await response.json()) as { code?: string };
    if (response.status !== 409 || body.code !== 'span_preparing') throw new Error(`span playback: ${response.status} ${JSON.stringify(body)}`);
    sawPreparing = true;
    if (Date.now() > deadline) throw new Error('cut not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
