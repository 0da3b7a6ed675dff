import { createReadStream } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { consentTextVersion } from '@spreekkamer/shared';
import { makeSpeechConversation } from '../../scripts/fixtures/make-media.mjs';

/** A browser stand-in over HTTP for setting things up through the API: a cookie and a CSRF token. */
export class ApiAgent {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  fetch(urlPath: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(new URL(urlPath, this.baseUrl), { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  }

  async json<T = Record<string, string>>(urlPath: string, method = 'GET', body?: unknown): Promise<T> {
    const response = await this.fetch(urlPath, { method, ...(body !== undefined ? { body } : {}) });
    if (response.status >= 300) throw new Error(`${method} ${urlPath}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

async function open(baseUrl: string, urlPath: string, body: unknown, cookieName: string): Promise<ApiAgent> {
  const response = await fetch(new URL(urlPath, baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`${urlPath}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`))?.split(';')[0] ?? '';
  return new ApiAgent(baseUrl, cookie, ((await response.json()) as { csrfToken: string }).csrfToken);
}

export function apiLogin(baseUrl: string, email: string, password: string): Promise<ApiAgent> {
  return open(baseUrl, '/api/session', { email, password }, 'sk_session');
}

export interface ConsentedRecording {
  recordingId: string;
  /** The client's personal link (absolute) and code. */
  clientLink: string;
  clientCode: string;
}

/**
 * Through the API, as the other features' pages would do it: a client, a conversation, the
 * client's consent (a reviewer may watch; feedback via that reviewer allowed), the professional's
 * own consent, and a generated 12 s video uploaded with tus and processed.
 */
export async function consentedRecording(owner: ApiAgent, pseudonym: string, media?: { file: string; kind: 'video' | 'audio' }, choices: { policyViewing?: boolean } = {}): Promise<ConsentedRecording> {
  const baseUrl = owner.baseUrl;
  const client = await owner.json('/api/clients', 'POST', { pseudonym });
  const conversation = await owner.json(`/api/clients/${client.id}/conversations`, 'POST', { heldOn: '2026-11-20', kind: 'in_person' });
  const access = await owner.json(`/api/clients/${client.id}/access`, 'POST', {});
  const clientAgent = await open(baseUrl, '/api/client/session', { token: access.path?.split('/').pop(), code: access.code }, 'sk_client');
  const consent = await clientAgent.json(`/api/client/conversations/${conversation.id}/consent`, 'POST', {
    media: 'video',
    audience: 'reviewer',
    watchWithClient: false,
    feedbackViaReviewer: true,
    ...(choices.policyViewing ? { policyViewing: true } : {}),
    retentionDays: 90,
    signature: pseudonym,
    textVersion: consentTextVersion,
    locale: 'nl',
  });
  await owner.json(`/api/consents/${consent.id}/professional-consent`, 'POST', { confirm: true });
  await clientAgent.fetch('/api/client/session', { method: 'DELETE' });

  const file = media?.file ?? (await makeSpeechConversation({ out: path.join(mkdtempSync(path.join(tmpdir(), 'spreekkamer-e2e-review-')), 'talk.mp4'), seconds: 12, width: 640, height: 360 }));
  const size = (await stat(file)).size;
  const created = await owner.json<{ recording: { id: string } }>('/api/recordings', 'POST', { conversationId: conversation.id, kind: media?.kind ?? 'video', sizeBytes: size });
  const recordingId = created.recording.id;
  await new Promise<void>((resolve, reject) => {
    const upload = new tus.Upload(createReadStream(file), {
      endpoint: new URL('/api/uploads', baseUrl).toString(),
      metadata: { recordingId, filename: path.basename(file) },
      headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
      chunkSize: 256 * 1024,
      uploadSize: size,
      retryDelays: [],
      storeFingerprintForResuming: false,
      onError: reject,
      onSuccess: () => resolve(),
    });
    upload.start();
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const state = await owner.json<{ status: string }>(`/api/recordings/${recordingId}`);
    if (state.status === 'ready') break;
    if (state.status === 'failed' || Date.now() > deadline) throw new Error(`recording ${state.status}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { recordingId, clientLink: `${baseUrl}${access.path}`, clientCode: access.code ?? '' };
}
