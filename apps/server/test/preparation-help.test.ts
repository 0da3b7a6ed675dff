import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { openClient, unknownId, userIdOf } from './support/review-fixtures.js';

/**
 * An independent coach from outside helps a client prepare a Samenleergesprek, with no recording:
 * the client chooses what the helper sees and which of the helper's points go on to the
 * professional; nobody else gets in, and the helper's access ends with the help, the
 * conversation, or their account's end date.
 */
let clock = new Date('2026-12-01T10:00:00.000Z');

describe('help with preparing, from outside', () => {
  let server: TestServer;
  let admin: Agent;
  let professional: Agent;
  let manager: Agent;
  let policy: Agent;
  let internalReviewer: Agent;
  let internalReviewerId: string;
  let helper: Agent;
  let helperId: string;
  let client: Agent;
  let otherClient: Agent;
  let feedbackId: string;
  let participantId: string;
  const pseudonym = 'Mevrouw Voorbereid';

  async function newClientWithLink(name: string): Promise<{ id: string; agent: Agent }> {
    const created = (await professional.post('/api/clients', { pseudonym: name })).json() as { id: string };
    const issued = (await professional.post(`/api/clients/${created.id}/access`)).json() as { path: string; code: string };
    return { id: created.id, agent: await openClient(server, issued.path.split('/').pop() ?? '', issued.code) };
  }

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => clock });
    admin = await server.login(demo.admin);
    professional = await server.login(demo.professional);
    manager = await server.login(demo.manager);
    policy = await server.login(demo.policy);
    internalReviewer = await server.login(demo.reviewer);
    internalReviewerId = await userIdOf(admin, demo.reviewer);

    const email = 'hanna@onafhankelijk-bureau.nl';
    const invited = await admin.post('/api/admin/users', { name: 'Hanna Buiten', email, memberships: [{ role: 'reviewer', teamId: null }], external: { organisation: 'Bureau Onafhankelijk', accessUntil: '2026-12-10' } });
    expect(invited.statusCode, invited.body).toBe(200);
    const token = invited.json().invitationPath.split('/').pop();
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'een-lang-extern-wachtwoord' } })).statusCode).toBe(200);
    helperId = invited.json().user.id;
    helper = await server.login(email, 'een-lang-extern-wachtwoord');

    const mine = await newClientWithLink(pseudonym);
    client = mine.agent;
    const created = await professional.post('/api/feedback', { clientIds: [mine.id] });
    expect(created.statusCode, created.body).toBe(200);
    feedbackId = created.json().id;
    participantId = created.json().participants[0].id;
    otherClient = (await newClientWithLink('Meneer Ander')).agent;
  });
  afterAll(async () => server?.close());

  const helperUrl = () => `/api/feedback/${feedbackId}/participants/${participantId}/helper`;

  it('the professional invites only an independent coach from outside', async () => {
    const internal = await professional.put(helperUrl(), { helperId: internalReviewerId });
    expect(internal.statusCode).toBe(422);
    expect(errorOf(internal)).toMatchObject({ code: 'preparation_helper_invalid', message: 'Kies een onafhankelijke coach van buiten de organisatie, met een account dat nog werkt.' });
    expect((await professional.put(helperUrl(), { helperId: unknownId })).statusCode).toBe(422);
    expect((await professional.get(`/api/feedback/${feedbackId}/helpers`)).json().helpers).toEqual([]);

    const invited = await professional.put(helperUrl(), { helperId });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json().helpers).toEqual([
      expect.objectContaining({ participantId, name: 'Hanna Buiten', independentFrom: 'Bureau Onafhankelijk', accessUntil: '2026-12-10', passedOn: [] }),
    ]);
  });

  it('the helper sees nothing of the preparation until the client shows it, and never a recording or a name', async () => {
    const list = await helper.get('/api/preparation-helps');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().helps).toHaveLength(1);
    const helpId = list.json().helps[0].id as string;

    const prepared = await client.post(`/api/client/feedback/${feedbackId}/preparation`, {
      picks: [
        { theme: 'collaboration', subtopic: 'listening' },
        { theme: 'achievement', subtopic: 'goal' },
      ],
      ownWords: 'Ik wil dat we vaker samen plannen.',
    });
    expect(prepared.statusCode, prepared.body).toBe(200);

    const before = await helper.get(`/api/preparation-helps/${helpId}`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().shown).toEqual({ picks: [], ownWords: null });
    for (const secret of [pseudonym, 'samen plannen', 'recording', 'conversationId', 'clientId']) expect(before.body).not.toContain(secret);

    // The client sees who helps, and chooses: one theme and their own words (a theme they did not pick is ignored).
    const seen = (await client.get(`/api/client/feedback/${feedbackId}/helper`)).json();
    expect(seen.helper).toMatchObject({ name: 'Hanna Buiten', independentFrom: 'Bureau Onafhankelijk', shown: { picks: [], ownWords: false }, points: [] });
    const shown = await client.post(`/api/client/feedback/${feedbackId}/helper/shown`, {
      picks: [
        { theme: 'collaboration', subtopic: 'listening' },
        { theme: 'fit', subtopic: 'support' },
      ],
      ownWords: true,
    });
    expect(shown.statusCode, shown.body).toBe(200);
    const after = (await helper.get(`/api/preparation-helps/${helpId}`)).json();
    expect(after.shown).toEqual({ picks: [{ theme: 'collaboration', subtopic: 'listening' }], ownWords: 'Ik wil dat we vaker samen plannen.' });
    expect(JSON.stringify(after)).not.toContain('goal');
  });

  it('the client decides per point what reaches the professional; the points are sealed', async () => {
    const helpId = (await helper.get('/api/preparation-helps')).json().helps[0].id as string;
    expect((await helper.post(`/api/preparation-helps/${helpId}/points`, { text: 'Zij wil vaker samen een plan maken.' })).statusCode).toBe(200);
    expect((await helper.post(`/api/preparation-helps/${helpId}/points`, { text: 'Privé: zij is moe van de vele afspraken.' })).statusCode).toBe(200);
    expect((await helper.post(`/api/preparation-helps/${helpId}/points`, { text: '<b>x</b>' })).statusCode).toBe(400);

    const points = (await client.get(`/api/client/feedback/${feedbackId}/helper`)).json().helper.points as { id: string; text: string; relay: string }[];
    expect(points.map((p) => p.relay)).toEqual(['pending', 'pending']);
    // Nothing reaches the professional before the client chose.
    expect((await professional.get(`/api/feedback/${feedbackId}/helpers`)).json().helpers[0].passedOn).toEqual([]);

    // Found by text: with the test's fixed clock both were written at the same instant.
    const open = points.find((p) => p.text.startsWith('Zij wil'));
    const closed = points.find((p) => p.text.startsWith('Privé'));
    expect((await client.post(`/api/client/feedback/${feedbackId}/helper/points/${open?.id ?? ''}`, { relay: 'pass_on' })).statusCode).toBe(200);
    expect((await client.post(`/api/client/feedback/${feedbackId}/helper/points/${closed?.id ?? ''}`, { relay: 'private' })).statusCode).toBe(200);
    expect((await client.post(`/api/client/feedback/${feedbackId}/helper/points/${closed?.id ?? ''}`, { relay: 'anonymous' })).statusCode).toBe(400);

    const helpers = await professional.get(`/api/feedback/${feedbackId}/helpers`);
    expect(helpers.json().helpers[0].passedOn.map((p: { text: string }) => p.text)).toEqual(['Zij wil vaker samen een plan maken.']);
    expect(helpers.body).not.toContain('moe van');
    // Nor through the conversation itself.
    expect((await professional.get(`/api/feedback/${feedbackId}`)).body).not.toContain('moe van');

    const stored = JSON.stringify(await server.spreekkamer.database.db.selectFrom('preparation_points').selectAll().execute());
    expect(stored).not.toContain('plan maken');
    expect(stored).not.toContain('moe van');
  });

  it('refuses every wrong person', async () => {
    const helpId = (await helper.get('/api/preparation-helps')).json().helps[0].id as string;
    const pointId = ((await client.get(`/api/client/feedback/${feedbackId}/helper`)).json().helper.points as { id: string; relay: string }[]).find((p) => p.relay === 'pass_on')?.id ?? '';
    const expectRefused = async (agent: Agent, method: 'get' | 'post' | 'put' | 'delete', url: string, body?: unknown) => {
      const response = method === 'get' || method === 'delete' ? await agent[method](url) : await agent[method](url, body);
      expect([401, 403, 404], `${method} ${url}: ${response.statusCode} ${response.body}`).toContain(response.statusCode);
      expect(response.body).not.toContain('plan maken');
      expect(response.body).not.toContain('samen plannen');
    };
    // A coach from inside who was not invited, another professional (a team lead), a policy advisor, an administrator, a stranger.
    for (const agent of [internalReviewer, manager, policy, admin, server.anonymous()]) {
      await expectRefused(agent, 'get', `/api/preparation-helps/${helpId}`);
      await expectRefused(agent, 'post', `/api/preparation-helps/${helpId}/points`, { text: 'Ingebroken.' });
      await expectRefused(agent, 'get', `/api/feedback/${feedbackId}/helpers`);
      await expectRefused(agent, 'put', helperUrl(), { helperId });
      await expectRefused(agent, 'delete', helperUrl());
    }
    for (const agent of [internalReviewer, manager, policy, admin]) {
      const list = await agent.get('/api/preparation-helps');
      if (list.statusCode === 200) expect(list.json().helps).toEqual([]);
      else expect([401, 403]).toContain(list.statusCode);
    }
    // The helper cannot act as the professional or as the client.
    await expectRefused(helper, 'get', `/api/feedback/${feedbackId}/helpers`);
    await expectRefused(helper, 'get', `/api/feedback/${feedbackId}`);
    await expectRefused(helper, 'get', `/api/client/feedback/${feedbackId}/helper`);
    await expectRefused(helper, 'post', `/api/client/feedback/${feedbackId}/helper/points/${pointId}`, { relay: 'private' });
    // Another client of the same professional.
    await expectRefused(otherClient, 'get', `/api/client/feedback/${feedbackId}/helper`);
    await expectRefused(otherClient, 'post', `/api/client/feedback/${feedbackId}/helper/shown`, { picks: [], ownWords: true });
    await expectRefused(otherClient, 'post', `/api/client/feedback/${feedbackId}/helper/points/${pointId}`, { relay: 'private' });
    // A professional's session is not a client's, and a forged client token is refused.
    await expectRefused(professional, 'post', `/api/client/feedback/${feedbackId}/helper/points/${pointId}`, { relay: 'private' });
    const forged = await server.request({ method: 'GET', url: `/api/client/feedback/${feedbackId}/helper`, headers: { cookie: 'sk_client=forged.token.value' } });
    expect(forged.statusCode).toBe(401);
    // The point kept its client's choice through all of this.
    expect((await professional.get(`/api/feedback/${feedbackId}/helpers`)).json().helpers[0].passedOn).toHaveLength(1);
  });

  it('access ends when the professional ends the help; a new invitation starts with nothing shown', async () => {
    const helpId = (await helper.get('/api/preparation-helps')).json().helps[0].id as string;
    const ended = await professional.delete(helperUrl());
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().helpers).toEqual([]);
    expect((await helper.get(`/api/preparation-helps/${helpId}`)).statusCode).toBe(404);
    expect((await helper.post(`/api/preparation-helps/${helpId}/points`, { text: 'Nog één.' })).statusCode).toBe(404);
    expect((await helper.get('/api/preparation-helps')).json().helps).toEqual([]);
    expect((await client.get(`/api/client/feedback/${feedbackId}/helper`)).json().helper).toBeNull();

    expect((await professional.put(helperUrl(), { helperId })).statusCode).toBe(200);
    const again = (await helper.get('/api/preparation-helps')).json().helps[0].id as string;
    expect(again).not.toBe(helpId);
    expect((await helper.get(`/api/preparation-helps/${again}`)).json()).toMatchObject({ shown: { picks: [], ownWords: null }, points: [] });
  });

  it('access ends at the helper’s end date, and when the conversation is completed', async () => {
    const helpId = (await helper.get('/api/preparation-helps')).json().helps[0].id as string;
    clock = new Date('2026-12-11T08:00:00.000Z');
    try {
      const late = await helper.get(`/api/preparation-helps/${helpId}`);
      expect(late.statusCode).toBe(401);
      expect(late.body).not.toContain('samen plannen');
      // Nor can a helper whose end date passed be invited again (a fresh session: ten days went by).
      const later = await server.login(demo.professional);
      const reinvite = await later.put(helperUrl(), { helperId });
      expect(reinvite.statusCode).toBe(422);
    } finally {
      clock = new Date('2026-12-02T10:00:00.000Z');
    }
    const fresh = await server.login('hanna@onafhankelijk-bureau.nl', 'een-lang-extern-wachtwoord');
    professional = await server.login(demo.professional);
    expect((await fresh.get(`/api/preparation-helps/${helpId}`)).statusCode).toBe(200);
    expect((await professional.patch(`/api/feedback/${feedbackId}`, { status: 'completed' })).statusCode).toBe(200);
    expect((await fresh.get(`/api/preparation-helps/${helpId}`)).statusCode).toBe(404);
    expect((await fresh.get('/api/preparation-helps')).json().helps).toEqual([]);
  });
});
