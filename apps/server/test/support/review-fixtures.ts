import { randomBytes, randomUUID } from 'node:crypto';
import { consentTextVersion } from '@spreekkamer/shared';
import { expect } from 'vitest';
import { Agent, type TestServer } from './harness.js';

export const unknownId = '00000000-0000-4000-8000-000000000000';

let ipCounter = 1;
/** Each client "device" gets its own address, so the per-address limit on codes stays out of the way. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.9.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

export async function openClient(server: TestServer, token: string, code: string): Promise<Agent> {
  const response = await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code }, remoteAddress: nextIp() });
  if (response.statusCode !== 200) throw new Error(`open failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'sk_client');
  if (!cookie) throw new Error('no client cookie set');
  return new Agent(server, `sk_client=${cookie.value}`, response.json().csrfToken);
}

export async function newUser(server: TestServer, admin: Agent, name: string, role: 'professional' | 'reviewer'): Promise<{ id: string; agent: Agent }> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(3).toString('hex')}@voorbeeld.nl`;
  const teamId = (await admin.get('/api/admin/teams')).json().teams[0].id;
  const invited = (await admin.post('/api/admin/users', { name, email, memberships: [{ role, teamId: role === 'professional' ? teamId : null }] })).json();
  const token = invited.invitationPath.split('/').pop();
  const password = 'een-lang-test-wachtwoord';
  const accepted = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } });
  expect(accepted.statusCode).toBe(200);
  return { id: invited.user.id, agent: await server.login(email, password) };
}

export async function userIdOf(admin: Agent, email: string): Promise<string> {
  const users = (await admin.get('/api/admin/users')).json().users as { id: string; email: string }[];
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

export interface ConsentChoices {
  media?: 'video' | 'audio';
  audience?: 'professional' | 'reviewer' | 'peer_group';
  reviewerUserId?: string | null;
  watchWithClient?: boolean;
  feedbackViaReviewer?: boolean;
  reviewerFrom?: 'any' | 'internal' | 'external';
  /** "Kijk met ons mee": a fragment may be shown to policy or the management team. */
  policyViewing?: boolean;
}

export interface ConsentedConversation {
  clientId: string;
  conversationId: string;
  consentId: string;
  token: string;
  code: string;
  client: Agent;
}

/** A client, a conversation and a consent in force (given by the client through link and code, confirmed by the professional). */
export async function consentedConversation(server: TestServer, professional: Agent, choices: ConsentChoices = {}): Promise<ConsentedConversation> {
  const created = await professional.post('/api/clients', { pseudonym: `Klant ${randomBytes(2).toString('hex')}` });
  expect(created.statusCode).toBe(200);
  const clientId: string = created.json().id;
  const planned = await professional.post(`/api/clients/${clientId}/conversations`, {
    heldOn: '2026-11-20',
    kind: 'in_person',
    ...(choices.reviewerUserId ? { reviewerUserId: choices.reviewerUserId } : {}),
  });
  expect(planned.statusCode).toBe(200);
  const conversationId: string = planned.json().id;
  const issued = (await professional.post(`/api/clients/${clientId}/access`)).json();
  const token: string = issued.path.split('/').pop();
  const code: string = issued.code;
  const client = await openClient(server, token, code);
  const given = await client.post(`/api/client/conversations/${conversationId}/consent`, {
    media: choices.media ?? 'video',
    audience: choices.audience ?? 'peer_group',
    watchWithClient: choices.watchWithClient ?? false,
    feedbackViaReviewer: choices.feedbackViaReviewer ?? false,
    ...(choices.policyViewing ? { policyViewing: true } : {}),
    ...(choices.reviewerFrom ? { reviewerFrom: choices.reviewerFrom } : {}),
    retentionDays: 90,
    signature: 'Jan de Klant',
    textVersion: consentTextVersion,
    locale: 'nl',
  });
  expect(given.statusCode, given.body).toBe(200);
  const consentId: string = given.json().id;
  const confirmed = await professional.post(`/api/consents/${consentId}/professional-consent`, { confirm: true });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { clientId, conversationId, consentId, token, code, client };
}

/**
 * A processed recording of a consented conversation, written straight into the database: the
 * review features only need a ready recording with a duration. (Playback tests upload a real file.)
 */
export async function readyRecording(server: TestServer, professionalId: string, conversation: ConsentedConversation, durationSeconds = 120, kind: 'video' | 'audio' = 'video'): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const organisationId = (await server.spreekkamer.repositories.users.findById(professionalId))?.organisation_id ?? '';
  await server.spreekkamer.repositories.recordings.insert({
    id,
    organisation_id: organisationId,
    professional_id: professionalId,
    conversation_id: conversation.conversationId,
    consent_id: conversation.consentId,
    kind,
    status: 'ready',
    progress: 1,
    upload_id: null,
    upload_length: null,
    wrapped_key: null,
    duration_seconds: durationSeconds,
    has_poster: 0,
    failure_code: null,
    failure_message: null,
    created_at: now,
    updated_at: now,
    ready_at: now,
    retention_ends_at: new Date(Date.now() + 90 * 24 * 3600_000).toISOString(),
    retention_notice_at: null,
    deleted_at: null,
    deleted_reason: null,
  });
  return id;
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 3600_000).toISOString();
}
