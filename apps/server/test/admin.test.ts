import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import { demo, errorOf, startTestServer, type Agent, type TestServer, expectProblem } from './support/harness.js';

const adminEndpoints = [
  { method: 'GET', url: '/api/admin/users' },
  { method: 'POST', url: '/api/admin/users', payload: { name: 'Nieuw', email: 'nieuw@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] } },
  { method: 'GET', url: '/api/admin/teams' },
  { method: 'POST', url: '/api/admin/teams', payload: { name: 'Team X' } },
  { method: 'GET', url: '/api/admin/settings' },
  { method: 'GET', url: '/api/admin/audit' },
  { method: 'GET', url: '/api/admin/audit/verify' },
] as const;

describe('administration', () => {
  let server: TestServer;
  let admin: Agent;
  let teamId: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(demo.admin);
    teamId = (await admin.call(contract.admin.listTeams)).teams[0]!.id;
  });
  afterAll(async () => server?.close());

  it.each(['professional', 'reviewer', 'manager', 'policy'] as const)('refuses every admin endpoint to a %s', async (role) => {
    const agent = await server.login(demo[role]);
    for (const endpoint of adminEndpoints) {
      const response = await agent.request({ method: endpoint.method, url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
      expect(response.statusCode, `${role} ${endpoint.method} ${endpoint.url}`).toBe(403);
      expect(errorOf(response).code).toBe('forbidden');
    }
    const users = await admin.get('/api/admin/users');
    expect(users.json().users.map((u: { email: string }) => u.email)).not.toContain('nieuw@voorbeeld.nl');
  });

  it('refuses admin endpoints without a session', async () => {
    for (const endpoint of adminEndpoints) {
      const response = await server.request({ method: endpoint.method, url: endpoint.url });
      expect(response.statusCode).toBe(401);
    }
  });

  it('invites a user who sets a password through the link and logs in', async () => {
    const invited = await admin.call(contract.admin.inviteUser, { body: { name: 'Noor Visser', email: 'noor@voorbeeld.nl', memberships: [{ role: 'professional', teamId }] } });
    const { invitationPath, user } = invited;
    expect(user.hasPassword).toBe(false);
    const token = invitationPath.split('/').pop()!;
    const info = await server.anonymous().call(contract.account.invitation, { params: { token } });
    expect(info).toEqual({ name: 'Noor Visser', email: 'noor@voorbeeld.nl', organisationName: 'Gemeente Voorbeeld' });
    await expectProblem(server.anonymous().call(contract.account.acceptInvitation, { body: { token, password: 'kort' } }), 400);
    const accepted = await server.anonymous().call(contract.account.acceptInvitation, { body: { token, password: 'noor-haar-eigen-wachtwoord' } });
    expect(accepted.user.roles).toEqual(['professional']);
    const reused = await expectProblem(server.anonymous().call(contract.account.acceptInvitation, { body: { token, password: 'iemand-anders-wachtwoord' } }), 410);
    expect(reused.code).toBe('invitation_invalid');
    await server.login('noor@voorbeeld.nl', 'noor-haar-eigen-wachtwoord');
  });

  it('refuses a forged or unknown invitation token', async () => {
    await expectProblem(server.anonymous().call(contract.account.invitation, { params: { token: 'x'.repeat(43) } }), 410);
    await expectProblem(server.anonymous().call(contract.account.acceptInvitation, { body: { token: 'y'.repeat(43), password: 'een-lang-wachtwoord' } }), 410);
  });

  it('a renewed invitation replaces the old link', async () => {
    const invited = await admin.call(contract.admin.inviteUser, { body: { name: 'Bram', email: 'bram@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] } });
    const renewed = await admin.call(contract.admin.reinvite, { params: { id: invited.user.id } });
    const oldToken = invited.invitationPath.split('/').pop()!;
    const newToken = renewed.invitationPath.split('/').pop()!;
    await expectProblem(server.anonymous().call(contract.account.invitation, { params: { token: oldToken } }), 410);
    await server.anonymous().call(contract.account.invitation, { params: { token: newToken } });
  });

  it('changes roles and deactivates users, ending their sessions at once', async () => {
    const invited = await admin.call(contract.admin.inviteUser, { body: { name: 'Kim', email: 'kim@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] } });
    const token = invited.invitationPath.split('/').pop()!;
    await server.anonymous().call(contract.account.acceptInvitation, { body: { token, password: 'kim-haar-wachtwoord!' } });
    const kim = await server.login('kim@voorbeeld.nl', 'kim-haar-wachtwoord!');
    const changed = await admin.call(contract.admin.updateUser, { params: { id: invited.user.id }, body: { memberships: [{ role: 'manager', teamId }, { role: 'professional', teamId }] } });
    expect(changed.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['manager', 'professional']);
    expect((await kim.call(contract.account.session)).user.roles.sort()).toEqual(['manager', 'professional']);

    await admin.call(contract.admin.updateUser, { params: { id: invited.user.id }, body: { active: false } });
    await expectProblem(kim.call(contract.account.session), 401);
    await expectProblem(server.anonymous().call(contract.account.login, { body: { email: 'kim@voorbeeld.nl', password: 'kim-haar-wachtwoord!' } }), 401);
  });

  it('never leaves the organisation without an active administrator', async () => {
    const me = (await admin.call(contract.account.session)).user;
    const response = await expectProblem(admin.call(contract.admin.updateUser, { params: { id: me.id }, body: { active: false } }), 409);
    expect(response.code).toBe('last_administrator');
    await expectProblem(admin.call(contract.admin.updateUser, { params: { id: me.id }, body: { memberships: [{ role: 'reviewer', teamId: null }] } }), 409);
    expect((await admin.call(contract.account.session)).user.roles).toEqual(['administrator']);
  });

  it('rejects bad input with Dutch field messages and changes nothing', async () => {
    const before = (await admin.call(contract.admin.listUsers)).users.length;
    const cases: { payload: unknown; path: string; message: RegExp }[] = [
      { payload: { name: '', email: 'a@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] }, path: 'name', message: /Vul dit veld in/ },
      { payload: { name: 'A'.repeat(500), email: 'a@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] }, path: 'name', message: /hoogstens 120 tekens/ },
      { payload: { name: 'A', email: 'geen-adres', memberships: [{ role: 'reviewer', teamId: null }] }, path: 'email', message: /e-mailadres/ },
      { payload: { name: 'A', email: 'a@voorbeeld.nl', memberships: [] }, path: 'memberships', message: /minstens 1/ },
      { payload: { name: 'A', email: 'a@voorbeeld.nl', memberships: [{ role: 'koning', teamId: null }] }, path: 'memberships.0.role', message: /mogelijkheden/ },
      { payload: { name: 'A', email: 'a@voorbeeld.nl', memberships: [{ role: 'professional', teamId: null }] }, path: 'memberships.0.teamId', message: /Kies een team/ },
      { payload: { name: 'A', email: 'a@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId }] }, path: 'memberships.0.teamId', message: /hele organisatie/ },
      { payload: { name: 'A', email: 'a@voorbeeld.nl', memberships: [{ role: 'professional', teamId: '00000000-0000-4000-8000-000000000000' }] }, path: 'memberships.0.teamId', message: /bestaat niet/ },
      { payload: { name: 42, email: 'a@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] }, path: 'name', message: /verkeerd soort/ },
      { payload: { name: 'Dubbel', email: demo.professional, memberships: [{ role: 'reviewer', teamId: null }] }, path: 'email', message: /al een account/ },
    ];
    for (const { payload, path, message } of cases) {
      const response = await admin.post('/api/admin/users', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      const error = errorOf(response);
      expect(error.fields?.find((f) => f.path === path)?.message, JSON.stringify(error)).toMatch(message);
    }
    const oversized = await admin.request({ method: 'POST', url: '/api/admin/teams', payload: JSON.stringify({ name: 'x'.repeat(200_000) }), headers: { 'content-type': 'application/json' } });
    expect(oversized.statusCode).toBe(413);
    expect(errorOf(oversized).code).toBe('payload_too_large');
    const notJson = await admin.request({ method: 'POST', url: '/api/admin/teams', payload: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    const wrongType = await admin.request({ method: 'POST', url: '/api/admin/teams', payload: 'name=x', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.statusCode).toBe(415);
    await expectProblem(admin.call(contract.admin.updateUser, { params: { id: '00000000-0000-4000-8000-000000000000' }, body: { name: 'X' } }), 404);
    await expectProblem(admin.call(contract.admin.updateUser, { params: { id: 'niet-een-id' }, body: { name: 'X' } }), 400);
    expect((await admin.call(contract.admin.listUsers)).users.length).toBe(before);
  });

  it('stores names with markup as plain text', async () => {
    const response = await admin.post('/api/admin/teams', { name: '<script>alert(1)</script>' });
    expect(response.statusCode).toBe(200);
    const teams = (await admin.call(contract.admin.listTeams)).teams;
    expect(teams.map((t: { name: string }) => t.name)).toContain('<script>alert(1)</script>');
    expect(response.headers['content-type']).toMatch(/application\/json/);
  });

  it('updates organisation settings and validates them', async () => {
    const settings = await admin.call(contract.admin.settings);
    expect(settings).toMatchObject({ name: 'Gemeente Voorbeeld', minimumGroupSize: 5, retentionDaysOptions: [30, 90, 180], retentionDaysDefault: 90 });
    const invalid = await expectProblem(admin.call(contract.admin.updateSettings, { body: { ...settings, retentionDaysDefault: 45 } }), 400);
    expect(invalid.fields?.[0]?.message).toMatch(/standaard bewaartermijn/);
    const tooSmallGroup = await expectProblem(admin.call(contract.admin.updateSettings, { body: { ...settings, minimumGroupSize: 4 } }), 400);
    expect(tooSmallGroup.fields?.[0]).toMatchObject({ path: 'minimumGroupSize', message: 'Kies minstens 5. In een kleinere groep zijn mensen te herkennen.' });
    expect((await admin.call(contract.admin.settings)).minimumGroupSize).toBe(5);
    const ok = await admin.call(contract.admin.updateSettings, { body: { ...settings, retentionDaysOptions: [30, 60], retentionDaysDefault: 60 } });
    expect(ok.retentionDaysDefault).toBe(60);
  });

  it('lets administrators read audit metadata only, and it never holds content', async () => {
    const audit = await admin.call(contract.admin.listAudit, { query: { limit: '200' } });
    const actions = audit.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'admin.user_invited', 'admin.roles_changed', 'admin.settings_changed', 'auth.login_failed']));
    const raw = JSON.stringify(await server.spreekkamer.database.db.selectFrom('audit_events').selectAll().execute());
    for (const secret of ['noor@voorbeeld.nl', 'Noor Visser', 'noor-haar-eigen-wachtwoord', '<script>']) expect(raw).not.toContain(secret);
    const page = await admin.call(contract.admin.listAudit, { query: { limit: '2' } });
    expect(page.events).toHaveLength(2);
    const next = await admin.call(contract.admin.listAudit, { query: { limit: '2', before: page.nextBefore } });
    expect(next.events[0]!.seq).toBeLessThan(page.events[1]!.seq + 1);
    await expectProblem(admin.call(contract.admin.listAudit, { query: { limit: '5000' } }), 400);
  });
});
