import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';

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
    teamId = (await admin.get('/api/admin/teams')).json().teams[0].id;
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
    const invited = await admin.post('/api/admin/users', { name: 'Noor Visser', email: 'noor@voorbeeld.nl', memberships: [{ role: 'professional', teamId }] });
    expect(invited.statusCode).toBe(200);
    const { invitationPath, user } = invited.json();
    expect(user.hasPassword).toBe(false);
    const token = invitationPath.split('/').pop();
    const info = await server.request({ method: 'GET', url: `/api/invitations/${token}` });
    expect(info.json()).toEqual({ name: 'Noor Visser', email: 'noor@voorbeeld.nl', organisationName: 'Gemeente Voorbeeld' });
    const weak = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'kort' } });
    expect(weak.statusCode).toBe(400);
    const accepted = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'noor-haar-eigen-wachtwoord' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.roles).toEqual(['professional']);
    const reused = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'iemand-anders-wachtwoord' } });
    expect(reused.statusCode).toBe(410);
    expect(errorOf(reused).code).toBe('invitation_invalid');
    await server.login('noor@voorbeeld.nl', 'noor-haar-eigen-wachtwoord');
  });

  it('refuses a forged or unknown invitation token', async () => {
    const response = await server.request({ method: 'GET', url: `/api/invitations/${'x'.repeat(43)}` });
    expect(response.statusCode).toBe(410);
    const accept = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token: 'y'.repeat(43), password: 'een-lang-wachtwoord' } });
    expect(accept.statusCode).toBe(410);
  });

  it('a renewed invitation replaces the old link', async () => {
    const invited = (await admin.post('/api/admin/users', { name: 'Bram', email: 'bram@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] })).json();
    const renewed = (await admin.post(`/api/admin/users/${invited.user.id}/invitation`)).json();
    const oldToken = invited.invitationPath.split('/').pop();
    const newToken = renewed.invitationPath.split('/').pop();
    expect((await server.request({ method: 'GET', url: `/api/invitations/${oldToken}` })).statusCode).toBe(410);
    expect((await server.request({ method: 'GET', url: `/api/invitations/${newToken}` })).statusCode).toBe(200);
  });

  it('changes roles and deactivates users, ending their sessions at once', async () => {
    const invited = (await admin.post('/api/admin/users', { name: 'Kim', email: 'kim@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] })).json();
    const token = invited.invitationPath.split('/').pop();
    await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'kim-haar-wachtwoord!' } });
    const kim = await server.login('kim@voorbeeld.nl', 'kim-haar-wachtwoord!');
    const changed = await admin.patch(`/api/admin/users/${invited.user.id}`, { memberships: [{ role: 'manager', teamId }, { role: 'professional', teamId }] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().memberships.map((m: { role: string }) => m.role).sort()).toEqual(['manager', 'professional']);
    expect((await kim.get('/api/session')).json().user.roles.sort()).toEqual(['manager', 'professional']);

    expect((await admin.patch(`/api/admin/users/${invited.user.id}`, { active: false })).statusCode).toBe(200);
    expect((await kim.get('/api/session')).statusCode).toBe(401);
    const login = await server.request({ method: 'POST', url: '/api/session', payload: { email: 'kim@voorbeeld.nl', password: 'kim-haar-wachtwoord!' } });
    expect(login.statusCode).toBe(401);
  });

  it('never leaves the organisation without an active administrator', async () => {
    const me = (await admin.get('/api/session')).json().user;
    const response = await admin.patch(`/api/admin/users/${me.id}`, { active: false });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).code).toBe('last_administrator');
    const demote = await admin.patch(`/api/admin/users/${me.id}`, { memberships: [{ role: 'reviewer', teamId: null }] });
    expect(demote.statusCode).toBe(409);
    expect((await admin.get('/api/session')).json().user.roles).toEqual(['administrator']);
  });

  it('rejects bad input with Dutch field messages and changes nothing', async () => {
    const before = (await admin.get('/api/admin/users')).json().users.length;
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
    const unknownId = await admin.patch('/api/admin/users/00000000-0000-4000-8000-000000000000', { name: 'X' });
    expect(unknownId.statusCode).toBe(404);
    const badId = await admin.patch('/api/admin/users/niet-een-id', { name: 'X' });
    expect(badId.statusCode).toBe(400);
    expect((await admin.get('/api/admin/users')).json().users.length).toBe(before);
  });

  it('stores names with markup as plain text', async () => {
    const response = await admin.post('/api/admin/teams', { name: '<script>alert(1)</script>' });
    expect(response.statusCode).toBe(200);
    const teams = (await admin.get('/api/admin/teams')).json().teams;
    expect(teams.map((t: { name: string }) => t.name)).toContain('<script>alert(1)</script>');
    expect(response.headers['content-type']).toMatch(/application\/json/);
  });

  it('updates organisation settings and validates them', async () => {
    const settings = (await admin.get('/api/admin/settings')).json();
    expect(settings).toMatchObject({ name: 'Gemeente Voorbeeld', minimumGroupSize: 5, retentionDaysOptions: [30, 90, 180], retentionDaysDefault: 90 });
    const invalid = await admin.put('/api/admin/settings', { ...settings, retentionDaysDefault: 45 });
    expect(invalid.statusCode).toBe(400);
    expect(errorOf(invalid).fields?.[0]?.message).toMatch(/standaard bewaartermijn/);
    const tooSmallGroup = await admin.put('/api/admin/settings', { ...settings, minimumGroupSize: 4 });
    expect(tooSmallGroup.statusCode).toBe(400);
    expect(errorOf(tooSmallGroup).fields?.[0]).toMatchObject({ path: 'minimumGroupSize', message: 'Kies minstens 5. In een kleinere groep zijn mensen te herkennen.' });
    expect((await admin.get('/api/admin/settings')).json().minimumGroupSize).toBe(5);
    const ok = await admin.put('/api/admin/settings', { ...settings, retentionDaysOptions: [30, 60], retentionDaysDefault: 60 });
    expect(ok.json().retentionDaysDefault).toBe(60);
  });

  it('lets administrators read audit metadata only, and it never holds content', async () => {
    const audit = (await admin.get('/api/admin/audit?limit=200')).json();
    const actions = audit.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'admin.user_invited', 'admin.roles_changed', 'admin.settings_changed', 'auth.login_failed']));
    const raw = JSON.stringify(await server.spreekkamer.database.db.selectFrom('audit_events').selectAll().execute());
    for (const secret of ['noor@voorbeeld.nl', 'Noor Visser', 'noor-haar-eigen-wachtwoord', '<script>']) expect(raw).not.toContain(secret);
    const page = (await admin.get('/api/admin/audit?limit=2')).json();
    expect(page.events).toHaveLength(2);
    const next = (await admin.get(`/api/admin/audit?limit=2&before=${page.nextBefore}`)).json();
    expect(next.events[0].seq).toBeLessThan(page.events[1].seq + 1);
    expect((await admin.get('/api/admin/audit?limit=5000')).statusCode).toBe(400);
  });
});
