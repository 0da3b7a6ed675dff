import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentTextDocument, consentTextVersion } from '@spreekkamer/shared';
import { assertMayRecord, mayShareWith, type ConsentRecord } from '../src/domain/consent/index.js';
import type { ConsentWithdrawnEvent } from '../src/domain/consent/withdrawal.js';
import { ensureCurrentConsentText } from '../src/domain/consent/consent-withdrawals.js';
import { Agent, demo, errorOf, startTestServer, type TestServer } from './support/harness.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

function consentBody(overrides: Record<string, unknown> = {}) {
  return {
    media: 'video',
    audience: 'professional',
    watchWithClient: false,
    feedbackViaReviewer: false,
    retentionDays: 90,
    signature: 'Jan Jansen',
    textVersion: consentTextVersion,
    locale: 'nl',
    ...overrides,
  };
}

let ipCounter = 1;
/** Each client "device" gets its own address, so the per-address limit on codes stays out of the way. */
function nextIp(): string {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

function clientCookieFrom(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'sk_client');
  if (!cookie) throw new Error('no client cookie set');
  return `sk_client=${cookie.value}`;
}

async function openClient(server: TestServer, token: string, code: string): Promise<Agent> {
  const response = await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code }, remoteAddress: nextIp() });
  if (response.statusCode !== 200) throw new Error(`open failed: ${response.statusCode} ${response.body}`);
  return new Agent(server, clientCookieFrom(response), response.json().csrfToken);
}

async function newClient(agent: Agent, pseudonym: string): Promise<{ id: string }> {
  const response = await agent.post('/api/clients', { pseudonym });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function plan(agent: Agent, clientId: string, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const response = await agent.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-11-20', kind: 'in_person', ...extra });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function access(agent: Agent, clientId: string): Promise<{ token: string; code: string }> {
  const response = await agent.post(`/api/clients/${clientId}/access`);
  expect(response.statusCode).toBe(200);
  const body = response.json();
  return { token: body.path.split('/').pop(), code: body.code };
}

async function newUser(server: TestServer, admin: Agent, name: string, email: string, role: 'professional' | 'reviewer'): Promise<{ id: string; agent: Agent }> {
  const teamId = (await admin.get('/api/admin/teams')).json().teams[0].id;
  const invited = (await admin.post('/api/admin/users', { name, email, memberships: [{ role, teamId: role === 'professional' ? teamId : null }] })).json();
  const token = invited.invitationPath.split('/').pop();
  const password = 'een-lang-test-wachtwoord';
  const accepted = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } });
  expect(accepted.statusCode).toBe(200);
  return { id: invited.user.id, agent: await server.login(email, password) };
}

describe('clients, conversations and consent', () => {
  let server: TestServer;
  let professional: Agent;
  let otherProfessional: Agent;
  let manager: Agent;
  let admin: Agent;
  let reviewer: Agent;
  let policy: Agent;
  let reviewerId: string;
  const withdrawn: ConsentWithdrawnEvent[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    manager = await server.login(demo.manager);
    admin = await server.login(demo.admin);
    reviewer = await server.login(demo.reviewer);
    policy = await server.login(demo.policy);
    otherProfessional = (await newUser(server, admin, 'Noor Visser', 'noor@voorbeeld.nl', 'professional')).agent;
    const users = (await admin.get('/api/admin/users')).json().users as { id: string; email: string }[];
    reviewerId = users.find((u) => u.email === demo.reviewer)?.id ?? '';
    server.spreekkamer.services.consent.addWithdrawalListener({
      onConsentWithdrawn: async (event) => {
        withdrawn.push(event);
      },
    });
  });
  afterAll(async () => server?.close());

  describe('clients for the professional', () => {
    it('registers a client with a contact that is stored encrypted and shown only to the owner', async () => {
      const created = await professional.post('/api/clients', { pseudonym: 'Meneer B.', contact: '06 12345678', locale: 'en' });
      expect(created.statusCode).toBe(200);
      const client = created.json();
      expect(client).toMatchObject({ pseudonym: 'Meneer B.', contact: '06 12345678', locale: 'en', hasAccess: false, conversationCount: 0 });
      const row = await server.spreekkamer.repositories.clients.findById(client.id);
      expect(row?.contact_wrapped).toBeTruthy();
      expect(row?.contact_wrapped).not.toContain('12345678');
      const list = (await professional.get('/api/clients')).json().clients as { id: string }[];
      expect(list.map((c) => c.id)).toContain(client.id);
      const updated = await professional.patch(`/api/clients/${client.id}`, { contact: 'b@voorbeeld.nl', pseudonym: 'Meneer B' });
      expect(updated.json()).toMatchObject({ contact: 'b@voorbeeld.nl', pseudonym: 'Meneer B' });
      const cleared = await professional.patch(`/api/clients/${client.id}`, { contact: null });
      expect(cleared.json().contact).toBeNull();
    });

    it('stores script and HTML in a pseudonym as plain text and returns it unchanged', async () => {
      const pseudonym = '<script>alert(1)</script><b>K</b>';
      const created = await professional.post('/api/clients', { pseudonym });
      expect(created.statusCode).toBe(200);
      expect(created.headers['content-type']).toMatch(/application\/json/);
      expect((await professional.get(`/api/clients/${created.json().id}`)).json().pseudonym).toBe(pseudonym);
    });

    it('plans and logs conversations and lists them with their consent status', async () => {
      const client = await newClient(professional, 'Mevrouw C.');
      const planned = await plan(professional, client.id, { kind: 'video_call', reviewerUserId: reviewerId });
      expect(planned).toMatchObject({ kind: 'video_call', heldOn: '2026-11-20', consent: null, reviewer: { id: reviewerId, name: 'Youssef El Amrani' } });
      await plan(professional, client.id, { heldOn: '2026-10-01', kind: 'phone' });
      const list = (await professional.get(`/api/clients/${client.id}/conversations`)).json().conversations as { heldOn: string }[];
      expect(list.map((c) => c.heldOn)).toEqual(['2026-11-20', '2026-10-01']);
      const changed = await professional.patch(`/api/conversations/${planned.id}`, { reviewerUserId: null, kind: 'in_person' });
      expect(changed.json()).toMatchObject({ reviewer: null, kind: 'in_person' });
      expect((await professional.get(`/api/clients/${client.id}`)).json().conversationCount).toBe(2);
    });

    it('offers only active reviewers of the own organisation', async () => {
      const reviewers = (await professional.get('/api/reviewers')).json().reviewers as { id: string; name: string }[];
      expect(reviewers).toEqual([{ id: reviewerId, name: 'Youssef El Amrani' }]);
    });
  });

  describe('owner-only access', () => {
    let clientId: string;
    let conversationId: string;
    let consentId: string;

    beforeAll(async () => {
      const client = await newClient(professional, 'Eigen klant');
      clientId = client.id;
      conversationId = (await plan(professional, clientId)).id;
      const { token, code } = await access(professional, clientId);
      const clientAgent = await openClient(server, token, code);
      consentId = (await clientAgent.post(`/api/client/conversations/${conversationId}/consent`, consentBody())).json().id;
    });

    const endpoints = (ids: { clientId: string; conversationId: string; consentId: string }) =>
      [
        { method: 'GET', url: `/api/clients/${ids.clientId}` },
        { method: 'PATCH', url: `/api/clients/${ids.clientId}`, payload: { pseudonym: 'Overgenomen' } },
        { method: 'GET', url: `/api/clients/${ids.clientId}/conversations` },
        { method: 'POST', url: `/api/clients/${ids.clientId}/conversations`, payload: { heldOn: '2026-11-21', kind: 'phone' } },
        { method: 'GET', url: `/api/conversations/${ids.conversationId}` },
        { method: 'PATCH', url: `/api/conversations/${ids.conversationId}`, payload: { kind: 'phone' } },
        { method: 'GET', url: `/api/consents/${ids.consentId}` },
        { method: 'POST', url: `/api/consents/${ids.consentId}/professional-consent`, payload: { confirm: true } },
        { method: 'POST', url: `/api/clients/${ids.clientId}/access` },
        { method: 'POST', url: `/api/clients/${ids.clientId}/hand-over` },
      ] as const;

    it.each([
      ['another professional', () => otherProfessional, 404, 'not_found'],
      ['a manager (who also records own conversations)', () => manager, 404, 'not_found'],
      ['an administrator', () => admin, 403, 'forbidden'],
      ['a reviewer', () => reviewer, 403, 'forbidden'],
      ['a policy advisor', () => policy, 403, 'forbidden'],
    ] as const)('gives %s nothing of another professional’s client', async (_who, agentOf, status, code) => {
      const agent = agentOf();
      for (const endpoint of endpoints({ clientId, conversationId, consentId })) {
        const response = await agent.request({ method: endpoint.method, url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(status);
        expect(errorOf(response).code).toBe(code);
        expect(response.cookies.find((c) => c.name === 'sk_client')).toBeUndefined();
      }
      if (status === 404) {
        const list = (await agent.get('/api/clients')).json().clients as { id: string }[];
        expect(list.map((c) => c.id)).not.toContain(clientId);
      } else {
        expect((await agent.get('/api/clients')).statusCode).toBe(403);
      }
      const own = (await professional.get(`/api/clients/${clientId}`)).json();
      expect(own.pseudonym).toBe('Eigen klant');
      const conversations = (await professional.get(`/api/clients/${clientId}/conversations`)).json().conversations as { kind: string; consent: { professionalConfirmed: boolean } }[];
      expect(conversations).toHaveLength(1);
      expect(conversations[0]?.kind).toBe('in_person');
      expect(conversations[0]?.consent.professionalConfirmed).toBe(false);
    });

    it('refuses everything without a session', async () => {
      for (const endpoint of endpoints({ clientId, conversationId, consentId })) {
        const response = await server.request({ method: endpoint.method, url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      }
    });

    it('gives a client session no access to the professional endpoints', async () => {
      const { token, code } = await access(professional, clientId);
      const clientAgent = await openClient(server, token, code);
      for (const endpoint of endpoints({ clientId, conversationId, consentId })) {
        const response = await clientAgent.request({ method: endpoint.method, url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      }
    });
  });

  describe('the client’s consent', () => {
    it('runs from link and code to a copy, with the text version, and the professional confirms', async () => {
      const client = await newClient(professional, 'Klant D.');
      const conversation = await plan(professional, client.id, { reviewerUserId: reviewerId });
      const { token, code } = await access(professional, client.id);
      const clientAgent = await openClient(server, token, code);

      const home = (await clientAgent.get('/api/client/home')).json();
      expect(home).toMatchObject({ organisationName: 'Gemeente Voorbeeld', professionalName: 'Sanne de Vries', consents: [] });
      expect(home.waiting).toEqual([{ conversationId: conversation.id, heldOn: '2026-11-20', kind: 'in_person' }]);

      const form = (await clientAgent.get(`/api/client/conversations/${conversation.id}/consent-form`)).json();
      expect(form).toMatchObject({ textVersion: consentTextVersion, retentionDaysOptions: [30, 90, 180], retentionDaysDefault: 90, reviewer: { name: 'Youssef El Amrani' }, answeredConsentId: null });

      const given = await clientAgent.post(`/api/client/conversations/${conversation.id}/consent`, consentBody({ media: 'audio', audience: 'reviewer', watchWithClient: true, feedbackViaReviewer: true, retentionDays: 30, signature: '  Jan de Klant ' }));
      expect(given.statusCode).toBe(200);
      const copy = given.json();
      expect(copy).toMatchObject({
        status: 'given',
        media: 'audio',
        audience: 'reviewer',
        reviewer: { id: reviewerId, name: 'Youssef El Amrani' },
        watchWithClient: true,
        feedbackViaReviewer: true,
        retentionDays: 30,
        textVersion: consentTextVersion,
        signedVia: 'own_device',
        signature: 'Jan de Klant',
        professionalConsentedAt: null,
        withdrawnAt: null,
      });
      const row = await server.spreekkamer.repositories.consents.findById(copy.id);
      expect(row?.text_version).toBe(consentTextVersion);
      expect(row?.client_signature).not.toContain('Jan');

      const stored = await server.spreekkamer.repositories.consents.findText(consentTextVersion);
      expect(stored?.content_json).toBe(consentTextDocument());
      expect(stored?.content_hash).toBe(createHash('sha256').update(consentTextDocument()).digest('hex'));

      // Not in force until the professional gives their own consent.
      const policy = server.spreekkamer.consentPolicy;
      const active = await policy.findActiveConsent(conversation.id);
      expect(active?.id).toBe(copy.id);
      expect(() => assertMayRecord(active, 'audio')).toThrow('recording_consent_missing');

      const confirmed = await professional.post(`/api/consents/${copy.id}/professional-consent`, { confirm: true });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json().professionalConsentedAt).toBeTruthy();
      const inForce = await policy.findActiveConsent(conversation.id);
      expect(() => assertMayRecord(inForce, 'audio')).not.toThrow();
      expect(() => assertMayRecord(inForce, 'video')).toThrow('recording_consent_audio_only');
      expect(mayShareWith(inForce, 'reviewer', reviewerId)).toBe(true);
      expect(mayShareWith(inForce, 'reviewer', unknownId)).toBe(false);
      expect(mayShareWith(inForce, 'peer_group')).toBe(false);
      expect(mayShareWith(inForce, 'client')).toBe(true);

      const summary = (await professional.get(`/api/conversations/${conversation.id}`)).json().consent;
      expect(summary).toMatchObject({ id: copy.id, status: 'given', media: 'audio', professionalConfirmed: true });
      expect((await clientAgent.get(`/api/client/consents/${copy.id}`)).json().professionalConsentedAt).toBeTruthy();

      const again = await clientAgent.post(`/api/client/conversations/${conversation.id}/consent`, consentBody());
      expect(again.statusCode).toBe(409);
      expect(errorOf(again).code).toBe('consent_already_answered');
      const homeAfter = (await clientAgent.get('/api/client/home')).json();
      expect(homeAfter.waiting).toEqual([]);
      expect(homeAfter.consents).toHaveLength(1);
    });

    it('lets the client say no without typing a name, and no recording is allowed', async () => {
      const client = await newClient(professional, 'Klant E.');
      const conversation = await plan(professional, client.id);
      const { token, code } = await access(professional, client.id);
      const clientAgent = await openClient(server, token, code);
      const declined = await clientAgent.post(`/api/client/conversations/${conversation.id}/consent`, consentBody({ media: 'none', signature: undefined, retentionDays: 7 }));
      expect(declined.statusCode).toBe(200);
      expect(declined.json()).toMatchObject({ status: 'declined', media: 'none', signature: '' });
      expect(await server.spreekkamer.consentPolicy.findActiveConsent(conversation.id)).toBeNull();
      const confirm = await professional.post(`/api/consents/${declined.json().id}/professional-consent`, { confirm: true });
      expect(confirm.statusCode).toBe(409);
      expect(errorOf(confirm).code).toBe('consent_not_given');
      // Changing one's mind after "no" is allowed; the "no" stays in the history.
      const later = await clientAgent.post(`/api/client/conversations/${conversation.id}/consent`, consentBody({ media: 'audio' }));
      expect(later.statusCode).toBe(200);
      expect((await clientAgent.get('/api/client/home')).json().consents).toHaveLength(2);
    });

    it('records the tablet when the professional hands the device over', async () => {
      const client = await newClient(professional, 'Klant F.');
      const conversation = await plan(professional, client.id);
      const handed = await professional.post(`/api/clients/${client.id}/hand-over`);
      expect(handed.statusCode).toBe(200);
      expect(handed.json().via).toBe('tablet');
      const tablet = new Agent(server, `${professional.cookie}; ${clientCookieFrom(handed)}`, handed.json().csrfToken);
      const given = await tablet.post(`/api/client/conversations/${conversation.id}/consent`, consentBody());
      expect(given.statusCode).toBe(200);
      expect(given.json().signedVia).toBe('tablet');
    });
  });

  describe('a client only reaches their own things', () => {
    let clientA: Agent;
    let conversationB: string;
    let consentB: string;

    beforeAll(async () => {
      const a = await newClient(professional, 'Klant A');
      const b = await newClient(professional, 'Klant B');
      await plan(professional, a.id);
      conversationB = (await plan(professional, b.id)).id;
      const accessA = await access(professional, a.id);
      const accessB = await access(professional, b.id);
      clientA = await openClient(server, accessA.token, accessA.code);
      const clientB = await openClient(server, accessB.token, accessB.code);
      consentB = (await clientB.post(`/api/client/conversations/${conversationB}/consent`, consentBody())).json().id;
    });

    it('cannot read, answer or withdraw for another client’s conversation', async () => {
      const form = await clientA.get(`/api/client/conversations/${conversationB}/consent-form`);
      expect(form.statusCode).toBe(404);
      const give = await clientA.post(`/api/client/conversations/${conversationB}/consent`, consentBody());
      expect(give.statusCode).toBe(404);
      expect(errorOf(give).code).toBe('not_found');
      const copy = await clientA.get(`/api/client/consents/${consentB}`);
      expect(copy.statusCode).toBe(404);
      const withdraw = await clientA.post(`/api/client/consents/${consentB}/withdraw`);
      expect(withdraw.statusCode).toBe(404);
      const rows = await server.spreekkamer.repositories.consents.listForConversations([conversationB]);
      expect(rows.map((r) => r.status)).toEqual(['given']);
      const home = (await clientA.get('/api/client/home')).json();
      expect(home.consents).toEqual([]);
      expect(home.waiting.map((w: { conversationId: string }) => w.conversationId)).not.toContain(conversationB);
    });

    it('refuses a forged or tampered client token and a missing CSRF token', async () => {
      const forged = new Agent(server, `sk_client=${randomBytes(40).toString('base64url')}`, 'x');
      expect((await forged.get('/api/client/home')).statusCode).toBe(401);
      const real = clientA.cookie ?? '';
      const tampered = new Agent(server, `${real.slice(0, -3)}${real.endsWith('A') ? 'B' : 'A'}xx`, clientA.csrfToken);
      const response = await tampered.get('/api/client/home');
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('client_unauthenticated');
      const noCsrf = new Agent(server, clientA.cookie, undefined);
      const post = await noCsrf.post(`/api/client/consents/${consentB}/withdraw`);
      expect(post.statusCode).toBe(403);
    });

    it('ends old sessions when the professional renews the link', async () => {
      const c = await newClient(professional, 'Klant G');
      const first = await access(professional, c.id);
      const session = await openClient(server, first.token, first.code);
      expect((await session.get('/api/client/home')).statusCode).toBe(200);
      await access(professional, c.id);
      expect((await session.get('/api/client/home')).statusCode).toBe(401);
      const oldLink = await server.request({ method: 'POST', url: '/api/client/session', payload: first, remoteAddress: nextIp() });
      expect(oldLink.statusCode).toBe(404);
    });

    it('locks the link after five wrong codes, even for the right code', async () => {
      const c = await newClient(professional, 'Klant H');
      const { token, code } = await access(professional, c.id);
      const wrongCode = code === '000000' ? '111111' : '000000';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const response = await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code: wrongCode }, remoteAddress: nextIp() });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const right = await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code }, remoteAddress: nextIp() });
      expect(right.statusCode).toBe(429);
      expect(errorOf(right).code).toBe('client_locked');
      expect(right.cookies.find((cookie) => cookie.name === 'sk_client')).toBeUndefined();
    });
  });

  describe('withdrawal', () => {
    it('is done by the client alone, without a reason; the professional sees that, not why; listeners run', async () => {
      const client = await newClient(professional, 'Klant W');
      const conversation = await plan(professional, client.id);
      const { token, code } = await access(professional, client.id);
      const clientAgent = await openClient(server, token, code);
      const consentId = (await clientAgent.post(`/api/client/conversations/${conversation.id}/consent`, consentBody())).json().id;
      await professional.post(`/api/consents/${consentId}/professional-consent`, { confirm: true });

      // Someone other than the client: the professional's own session, a tablet hand-over, another client.
      const byProfessional = await professional.post(`/api/client/consents/${consentId}/withdraw`);
      expect(byProfessional.statusCode).toBe(401);
      const handed = await professional.post(`/api/clients/${client.id}/hand-over`);
      const tablet = new Agent(server, clientCookieFrom(handed), handed.json().csrfToken);
      const byTablet = await tablet.post(`/api/client/consents/${consentId}/withdraw`);
      expect(byTablet.statusCode).toBe(403);
      const other = await newClient(professional, 'Klant X');
      const otherAccess = await access(professional, other.id);
      const otherClient = await openClient(server, otherAccess.token, otherAccess.code);
      expect((await otherClient.post(`/api/client/consents/${consentId}/withdraw`)).statusCode).toBe(404);
      expect((await server.spreekkamer.consentPolicy.findActiveConsent(conversation.id))?.id).toBe(consentId);
      expect(withdrawn.filter((e) => e.consentId === consentId)).toEqual([]);

      const done = await clientAgent.post(`/api/client/consents/${consentId}/withdraw`);
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ status: 'withdrawn', withdrawalPending: false });
      expect(done.json().withdrawnAt).toBeTruthy();
      expect(withdrawn.filter((e) => e.consentId === consentId)).toEqual([{ consentId, conversationId: conversation.id, clientId: client.id, professionalId: expect.any(String) }]);
      expect(await server.spreekkamer.consentPolicy.findActiveConsent(conversation.id)).toBeNull();

      // Twice is harmless and runs the follow-up once.
      expect((await clientAgent.post(`/api/client/consents/${consentId}/withdraw`)).statusCode).toBe(200);
      expect(withdrawn.filter((e) => e.consentId === consentId)).toHaveLength(1);

      const seen = (await professional.get(`/api/consents/${consentId}`)).json();
      expect(seen.status).toBe('withdrawn');
      expect(Object.keys(seen)).not.toContain('reason');
      const confirmAgain = await professional.post(`/api/consents/${consentId}/professional-consent`, { confirm: true });
      expect(confirmAgain.statusCode).toBe(409);

      const events = await server.spreekkamer.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'consent.withdrawn').where('subject_id', '=', consentId).execute();
      expect(events).toHaveLength(1);
      expect(events[0]?.actor_user_id).toBeNull();
      expect(JSON.parse(events[0]?.details_json ?? '{}')).toEqual({ conversationId: conversation.id });
    });

    it('succeeds for the client when a listener fails, stays pending, and finishes on retry', async () => {
      let failing = true;
      const calls: string[] = [];
      server.spreekkamer.services.consent.addWithdrawalListener({
        onConsentWithdrawn: async (event) => {
          calls.push(event.consentId);
          if (failing) throw new Error('storage unreachable');
        },
      });
      const client = await newClient(professional, 'Klant Y');
      const conversation = await plan(professional, client.id);
      const { token, code } = await access(professional, client.id);
      const clientAgent = await openClient(server, token, code);
      const consentId = (await clientAgent.post(`/api/client/conversations/${conversation.id}/consent`, consentBody())).json().id;

      const done = await clientAgent.post(`/api/client/consents/${consentId}/withdraw`);
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ status: 'withdrawn', withdrawalPending: true });
      expect((await professional.get(`/api/consents/${consentId}`)).json().withdrawalPending).toBe(true);

      const stillFailing = await server.spreekkamer.consentWithdrawals.retryPending();
      expect(stillFailing.stillPending).toBeGreaterThanOrEqual(1);
      failing = false;
      const retried = await server.spreekkamer.consentWithdrawals.retryPending();
      expect(retried.stillPending).toBe(0);
      expect(calls.filter((id) => id === consentId)).toHaveLength(3);
      expect((await professional.get(`/api/consents/${consentId}`)).json().withdrawalPending).toBe(false);
    });
  });

  describe('bad input', () => {
    let clientId: string;
    let conversationId: string;
    let clientAgent: Agent;

    beforeAll(async () => {
      clientId = (await newClient(professional, 'Klant Z')).id;
      conversationId = (await plan(professional, clientId)).id;
      const { token, code } = await access(professional, clientId);
      clientAgent = await openClient(server, token, code);
    });

    async function expectRefused(response: Awaited<ReturnType<Agent['post']>>, status: number, path: string | null, message?: RegExp) {
      expect(response.statusCode, response.body).toBe(status);
      const error = errorOf(response);
      expect(error.message).toMatch(/[a-z]/);
      if (path !== null) {
        const field = error.fields?.find((f) => f.path === path);
        expect(field, JSON.stringify(error)).toBeDefined();
        if (message) expect(field?.message).toMatch(message);
      }
    }

    it('refuses bad clients with a Dutch message and stores nothing', async () => {
      const before = (await professional.get('/api/clients')).json().clients.length;
      await expectRefused(await professional.post('/api/clients', { pseudonym: '' }), 400, 'pseudonym', /Vul dit veld in/);
      await expectRefused(await professional.post('/api/clients', { pseudonym: '   ' }), 400, 'pseudonym');
      await expectRefused(await professional.post('/api/clients', { pseudonym: 'x'.repeat(81) }), 400, 'pseudonym', /hoogstens 80/);
      await expectRefused(await professional.post('/api/clients', { pseudonym: 42 }), 400, 'pseudonym', /verkeerd soort/);
      await expectRefused(await professional.post('/api/clients', {}), 400, 'pseudonym', /verplicht/);
      await expectRefused(await professional.post('/api/clients', { pseudonym: 'A', contact: 'niet bereikbaar' }), 400, 'contact', /telefoonnummer of een e-mailadres/);
      await expectRefused(await professional.post('/api/clients', { pseudonym: 'A', locale: 'fr' }), 400, 'locale');
      await expectRefused(await professional.post('/api/clients', { pseudonym: 'A', bsn: '123456782' }), 400, null);
      await expectRefused(await professional.request({ method: 'POST', url: '/api/clients', payload: '{"pseudonym":', headers: { 'content-type': 'application/json' } }), 400, null);
      await expectRefused(await professional.patch(`/api/clients/${clientId}`, { pseudonym: '' }), 400, 'pseudonym');
      await expectRefused(await professional.patch(`/api/clients/${unknownId}`, { pseudonym: 'B' }), 404, null);
      await expectRefused(await professional.get('/api/clients/niet-een-id'), 400, null);
      expect((await professional.get('/api/clients')).json().clients.length).toBe(before);
      expect((await professional.get(`/api/clients/${clientId}`)).json().pseudonym).toBe('Klant Z');
    });

    it('refuses bad conversations and stores nothing', async () => {
      await expectRefused(await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-02-30', kind: 'phone' }), 400, 'heldOn', /goede vorm/);
      await expectRefused(await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: 'gisteren', kind: 'phone' }), 400, 'heldOn');
      await expectRefused(await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-11-20', kind: 'letter' }), 400, 'kind', /Kies een van/);
      await expectRefused(await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-11-20' }), 400, 'kind');
      await expectRefused(await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-11-20', kind: 'phone', reviewerUserId: unknownId }), 400, 'reviewerUserId', /meekijker/);
      const users = (await admin.get('/api/admin/users')).json().users as { id: string; email: string }[];
      const managerId = users.find((u) => u.email === demo.manager)?.id;
      await expectRefused(await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-11-20', kind: 'phone', reviewerUserId: managerId }), 400, 'reviewerUserId');
      await expectRefused(await professional.post(`/api/clients/${unknownId}/conversations`, { heldOn: '2026-11-20', kind: 'phone' }), 404, null);
      await expectRefused(await professional.patch(`/api/conversations/${conversationId}`, { heldOn: '20-11-2026' }), 400, 'heldOn');
      await expectRefused(await professional.get(`/api/conversations/${unknownId}`), 404, null);
      expect((await professional.get(`/api/clients/${clientId}/conversations`)).json().conversations).toHaveLength(1);
    });

    it('refuses bad consent answers and stores nothing', async () => {
      const url = `/api/client/conversations/${conversationId}/consent`;
      await expectRefused(await clientAgent.post(url, consentBody({ signature: '' })), 400, 'signature', /Typ uw naam/);
      await expectRefused(await clientAgent.post(url, consentBody({ signature: undefined })), 400, 'signature');
      await expectRefused(await clientAgent.post(url, consentBody({ signature: 'x'.repeat(121) })), 400, 'signature');
      await expectRefused(await clientAgent.post(url, consentBody({ retentionDays: 7 })), 400, 'retentionDays', /bewaartermijnen/);
      await expectRefused(await clientAgent.post(url, consentBody({ retentionDays: '90' })), 400, 'retentionDays');
      await expectRefused(await clientAgent.post(url, consentBody({ media: 'film' })), 400, 'media');
      await expectRefused(await clientAgent.post(url, consentBody({ audience: 'everyone' })), 400, 'audience');
      await expectRefused(await clientAgent.post(url, consentBody({ watchWithClient: 'ja' })), 400, 'watchWithClient');
      await expectRefused(await clientAgent.post(url, consentBody({ reviewerUserId: reviewerId })), 400, null);
      const outdated = await clientAgent.post(url, consentBody({ textVersion: '2020.1' }));
      await expectRefused(outdated, 409, null);
      expect(errorOf(outdated).code).toBe('consent_text_outdated');
      await expectRefused(await clientAgent.post(`/api/client/conversations/${unknownId}/consent`, consentBody()), 404, null);
      await expectRefused(await clientAgent.post(`/api/client/consents/${unknownId}/withdraw`), 404, null);
      await expectRefused(await professional.post(`/api/consents/${unknownId}/professional-consent`, { confirm: true }), 404, null);
      await expectRefused(await professional.post(`/api/consents/${unknownId}/professional-consent`, { confirm: false }), 400, 'confirm');
      expect(await server.spreekkamer.repositories.consents.listForConversations([conversationId])).toEqual([]);

      // A signature with markup is kept as the typed text.
      const markup = '<img src=x onerror=alert(1)> Jan';
      const given = await clientAgent.post(url, consentBody({ signature: markup }));
      expect(given.statusCode).toBe(200);
      expect(given.json().signature).toBe(markup);
    });

    it('answers in English when asked', async () => {
      const response = await professional.request({ method: 'POST', url: '/api/clients', payload: { pseudonym: '' }, headers: { 'accept-language': 'en' } });
      expect(errorOf(response).fields?.[0]?.message).toBe('Fill in this field.');
    });
  });
});

describe('client sessions and consent over time', () => {
  let server: TestServer;
  let clock = Date.parse('2026-11-22T09:00:00Z');
  beforeAll(async () => {
    server = await startTestServer({}, { now: () => new Date(clock) });
  });
  afterAll(async () => server?.close());

  it('refuses an expired client session', async () => {
    const professional = await server.login(demo.professional);
    const client = await newClient(professional, 'Klant T');
    const { token, code } = await access(professional, client.id);
    const clientAgent = await openClient(server, token, code);
    expect((await clientAgent.get('/api/client/home')).statusCode).toBe(200);
    clock += 121 * 60_000;
    const expired = await clientAgent.get('/api/client/home');
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe('client_unauthenticated');
  });

  it('refuses to start when the consent text changed without a new version', async () => {
    await server.spreekkamer.database.db.updateTable('consent_texts').set({ content_hash: 'changed' }).where('version', '=', consentTextVersion).execute();
    await expect(ensureCurrentConsentText(server.spreekkamer.repositories.consents, () => new Date())).rejects.toThrow(/new consentTextVersion/);
  });
});

describe('the consent policy on records', () => {
  const base: ConsentRecord = {
    id: 'c',
    conversationId: 'v',
    clientId: 'k',
    professionalId: 'p',
    status: 'given',
    media: 'video',
    audience: 'peer_group',
    reviewerUserId: null,
    reviewerFrom: 'any',
    watchWithClient: false,
    feedbackViaReviewer: false,
    policyViewing: false,
    retentionDays: 90,
    textVersion: consentTextVersion,
    givenAt: '2026-11-22T09:00:00.000Z',
    professionalConsentedAt: '2026-11-22T09:01:00.000Z',
    withdrawnAt: null,
  };

  it('lets any reviewer watch when the client left the reviewer open', () => {
    expect(mayShareWith(base, 'reviewer', 'anyone')).toBe(true);
    expect(mayShareWith(base, 'peer_group')).toBe(true);
    expect(mayShareWith(base, 'client')).toBe(false);
  });
});
