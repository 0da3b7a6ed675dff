import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { Agent, demo, demoPassword, errorOf, sessionCookieFrom, startTestServer, type TestServer } from './support/harness.js';
import { startOidcProvider, type OidcProviderProcess } from './support/oidc-provider.js';

const clientId = 'spreekkamer-test';
const publicUrl = 'http://spreekkamer.test';
const roleMap = {
  'sk-coach': 'reviewer',
  'sk-beheer': 'administrator',
  'sk-team-werk': 'professional:Team Werk en Inkomen',
  '0b6f-leidinggevenden': ['manager:Team Werk en Inkomen', 'policy_advisor'],
};

describe('single sign-on with OpenID Connect (real provider process)', () => {
  let provider: OidcProviderProcess;
  let server: TestServer;

  beforeAll(async () => {
    provider = await startOidcProvider();
    server = await startTestServer({
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: 'geheim-van-de-test',
      OIDC_ROLE_CLAIMS: 'roles,realm_access.roles,groups',
      OIDC_ROLE_MAP: JSON.stringify(roleMap),
      OIDC_LABEL: 'uw Voorbeeld-account',
      OIDC_BREAK_GLASS_EMAILS: demo.admin,
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await provider?.stop();
  });

  /** The browser's way: our start → the provider's authorize → back to our callback with the transaction cookie. */
  async function throughProvider(claims: Record<string, unknown>, from: { agent?: Agent; path?: string; transactionCookie?: string } = {}) {
    await provider.setClaims(claims);
    const start = await server.request({ method: 'GET', url: from.path ?? '/api/sso/login', headers: from.agent?.cookie ? { cookie: from.agent.cookie } : {} });
    expect(start.statusCode).toBe(302);
    const authorizeUrl = new URL(String(start.headers.location));
    expect(authorizeUrl.origin).toBe(new URL(provider.issuer).origin);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('state')).toBeTruthy();
    expect(authorizeUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${publicUrl}/api/sso/callback`);
    const transaction = start.cookies.find((c) => c.name === 'sk_sso');
    expect(transaction?.httpOnly).toBe(true);
    const answer = await fetch(authorizeUrl, { redirect: 'manual' });
    const back = new URL(String(answer.headers.get('location')));
    expect(`${back.origin}${back.pathname}`).toBe(`${publicUrl}/api/sso/callback`);
    const callback = await server.request({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie: from.transactionCookie ?? `sk_sso=${transaction?.value ?? ''}` } });
    expect(callback.statusCode).toBe(302);
    return callback;
  }

  async function loggedIn(claims: Record<string, unknown>): Promise<Agent> {
    const callback = await throughProvider(claims);
    expect(callback.headers.location).toBe('/');
    const cookie = sessionCookieFrom(callback);
    expect(cookie).toBeDefined();
    const agent = new Agent(server, cookie, undefined);
    const session = await agent.get('/api/session');
    expect(session.statusCode).toBe(200);
    agent.csrfToken = (session.json() as { csrfToken: string }).csrfToken;
    return agent;
  }

  const refusalOf = (callback: { headers: Record<string, unknown>; cookies: { name: string }[] }) => {
    expect(callback.cookies.some((c) => c.name === 'sk_session')).toBe(false);
    return new URL(String(callback.headers.location), publicUrl).searchParams.get('reden');
  };

  async function lastAudit(action: string) {
    return server.spreekkamer.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst();
  }

  it('tells the log-in page what the organisation account is called', async () => {
    const info = await server.request({ method: 'GET', url: '/api/sso' });
    expect(info.json()).toEqual({ enabled: true, label: 'uw Voorbeeld-account', passwordsOff: false });
  });

  it('logs a new person in with the role their claim maps to, as a normal audited session', async () => {
    const agent = await loggedIn({ sub: 'anna-1', email: 'Anna@Voorbeeld.nl', email_verified: true, name: 'Anna Jansen', roles: ['sk-coach', 'offline_access'] });
    const session = (await agent.get('/api/session')).json() as { user: { name: string; email: string; roles: string[] } };
    expect(session.user).toMatchObject({ name: 'Anna Jansen', email: 'anna@voorbeeld.nl', roles: ['reviewer'] });
    const login = await lastAudit('auth.login');
    expect(JSON.parse(login?.details_json ?? '{}')).toEqual({ method: 'sso' });
    const identity = await server.spreekkamer.database.db.selectFrom('sso_identities').selectAll().where('subject', '=', 'anna-1').executeTakeFirstOrThrow();
    expect(identity.issuer).toBe(provider.issuer);
    // Names of roles and groups only: nothing that looks like a token is kept.
    expect(identity.last_claims_json).not.toMatch(/eyJ/);
  });

  it('maps Keycloak realm roles and Entra groups to roles in a team', async () => {
    const agent = await loggedIn({ sub: 'bram-2', email: 'bram@voorbeeld.nl', email_verified: true, realm_access: { roles: ['sk-team-werk'] }, groups: ['0b6f-leidinggevenden'] });
    const session = (await agent.get('/api/session')).json() as { user: { roles: string[]; teams: { name: string }[] } };
    expect([...session.user.roles].sort()).toEqual(['manager', 'policy_advisor', 'professional']);
    expect(session.user.teams.map((t) => t.name)).toEqual(['Team Werk en Inkomen']);
  });

  it('applies a changed role at the next log-in', async () => {
    await loggedIn({ sub: 'anna-1', email: 'anna@voorbeeld.nl', email_verified: true, roles: ['sk-coach'] });
    const agent = await loggedIn({ sub: 'anna-1', email: 'anna@voorbeeld.nl', email_verified: true, roles: ['sk-team-werk'] });
    expect(((await agent.get('/api/session')).json() as { user: { roles: string[] } }).user.roles).toEqual(['professional']);
    expect(JSON.parse((await lastAudit('auth.sso_roles_changed'))?.details_json ?? '{}')).toEqual({ from: ['reviewer'], to: ['professional'] });
    // The coach's pages are closed to her now.
    expect((await agent.get('/api/admin/users')).statusCode).toBe(403);
  });

  it('refuses an unknown or absent role with a reason for the page, and audits it', async () => {
    expect(refusalOf(await throughProvider({ sub: 'carla-3', email: 'carla@voorbeeld.nl', email_verified: true, roles: ['iets-anders'] }))).toBe('no_role');
    expect(JSON.parse((await lastAudit('auth.sso_refused'))?.details_json ?? '{}')).toMatchObject({ reason: 'no_role' });
    expect(await server.spreekkamer.repositories.users.findByEmail('carla@voorbeeld.nl')).toBeUndefined();
    // A known person whose role was taken away at the provider is refused too.
    expect(refusalOf(await throughProvider({ sub: 'anna-1', email: 'anna@voorbeeld.nl', email_verified: true }))).toBe('no_role');
  });

  it('refuses an ID token from another issuer or for another audience', async () => {
    const before = await server.spreekkamer.database.db.selectFrom('sessions').select('id').execute();
    expect(refusalOf(await throughProvider({ sub: 'anna-1', roles: ['sk-coach'], iss: 'http://127.0.0.1:9/nep-uitgever' }))).toBe('provider_error');
    expect(refusalOf(await throughProvider({ sub: 'anna-1', roles: ['sk-coach'], aud: 'een-andere-toepassing' }))).toBe('provider_error');
    const after = await server.spreekkamer.database.db.selectFrom('sessions').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('refuses an answer without its own transaction cookie (login CSRF), or with a forged one', async () => {
    expect(refusalOf(await throughProvider({ sub: 'anna-1', roles: ['sk-coach'] }, { transactionCookie: 'sk_sso=' }))).toBe('expired');
    expect(refusalOf(await throughProvider({ sub: 'anna-1', roles: ['sk-coach'] }, { transactionCookie: 'sk_sso=eyJzdGF0ZSI6IngifQ.00' }))).toBe('expired');
  });

  it('never takes over an existing password account or the administrator by e-mail; the link must be explicit', async () => {
    expect(refusalOf(await throughProvider({ sub: 'beheer-idp', email: demo.admin, email_verified: true, roles: ['sk-beheer'] }))).toBe('link_required');
    expect(refusalOf(await throughProvider({ sub: 'sanne-idp', email: demo.professional, email_verified: true, roles: ['sk-team-werk'] }))).toBe('link_required');
    // Logged in with the password, the administrator links the organisation account on purpose.
    const admin = await server.login(demo.admin);
    const linked = await throughProvider({ sub: 'beheer-idp', email: demo.admin, email_verified: true, roles: ['sk-beheer'] }, { agent: admin, path: '/api/sso/link' });
    expect(linked.headers.location).toBe('/');
    expect(JSON.parse((await lastAudit('auth.sso_linked'))?.details_json ?? '{}')).toEqual({ how: 'by_the_person' });
    const viaSso = await loggedIn({ sub: 'beheer-idp', email: demo.admin, email_verified: true, roles: ['sk-beheer'] });
    expect(((await viaSso.get('/api/session')).json() as { user: { email: string; roles: string[] } }).user).toMatchObject({ email: demo.admin, roles: ['administrator'] });
    // An identity that already belongs to someone else is not linked to the logged-in person (nor does it switch accounts).
    const reviewer = await server.login(demo.reviewer);
    const elsewhere = await throughProvider({ sub: 'beheer-idp', email: demo.admin, email_verified: true, roles: ['sk-beheer'] }, { agent: reviewer, path: '/api/sso/link' });
    expect(refusalOf(elsewhere)).toBe('linked_elsewhere');
    // Linking needs a session: without one there is nothing to link to.
    expect((await server.request({ method: 'GET', url: '/api/sso/link' })).statusCode).toBe(401);
  });

  it('links an unused invitation by verified e-mail, but not by an unverified one', async () => {
    const admin = await server.login(demo.admin);
    const invited = await admin.post('/api/admin/users', { name: 'Dirk', email: 'dirk@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] });
    expect(invited.statusCode).toBe(200);
    expect(refusalOf(await throughProvider({ sub: 'dirk-4', email: 'dirk@voorbeeld.nl', email_verified: false, roles: ['sk-coach'] }))).toBe('link_required');
    const dirk = await loggedIn({ sub: 'dirk-4', email: 'dirk@voorbeeld.nl', email_verified: true, roles: ['sk-coach'] });
    expect(((await dirk.get('/api/session')).json() as { user: { name: string } }).user.name).toBe('Dirk');
  });

  it('refuses a locked or switched-off account as password log-in does', async () => {
    const users = server.spreekkamer.repositories.users;
    const dirk = await users.findByEmail('dirk@voorbeeld.nl');
    if (!dirk) throw new Error('dirk was made above');
    await users.update(dirk.id, { locked_until: new Date(Date.now() + 600_000).toISOString() });
    expect(refusalOf(await throughProvider({ sub: 'dirk-4', email: 'dirk@voorbeeld.nl', email_verified: true, roles: ['sk-coach'] }))).toBe('account_locked');
    await users.update(dirk.id, { locked_until: null, active: 0 });
    expect(refusalOf(await throughProvider({ sub: 'dirk-4', email: 'dirk@voorbeeld.nl', email_verified: true, roles: ['sk-coach'] }))).toBe('account_inactive');
    await users.update(dirk.id, { active: 1 });
  });

  it('shows the administrator what arrived at the last SSO log-in, and nobody else', async () => {
    await loggedIn({ sub: 'bram-2', email: 'bram@voorbeeld.nl', email_verified: true, realm_access: { roles: ['sk-team-werk', 'offline_access'] }, groups: ['0b6f-leidinggevenden'] });
    const bram = await server.spreekkamer.repositories.users.findByEmail('bram@voorbeeld.nl');
    const admin = await server.login(demo.admin);
    const seen = await admin.get(`/api/admin/users/${bram?.id ?? ''}/sso`);
    expect(seen.statusCode).toBe(200);
    const identity = (seen.json() as { identities: { issuer: string; claims: { claim: string; values: string[] }[]; mapped: unknown[] }[] }).identities[0];
    expect(identity?.issuer).toBe(provider.issuer);
    expect(identity?.claims).toEqual([
      { claim: 'roles', values: [] },
      { claim: 'realm_access.roles', values: ['sk-team-werk', 'offline_access'] },
      { claim: 'groups', values: ['0b6f-leidinggevenden'] },
    ]);
    expect(identity?.mapped).toContainEqual({ role: 'manager', team: 'Team Werk en Inkomen' });
    for (const email of [demo.manager, demo.professional, demo.reviewer, demo.policy]) {
      const other = await server.login(email);
      expect((await other.get(`/api/admin/users/${bram?.id ?? ''}/sso`)).statusCode).toBe(403);
    }
    expect((await admin.get('/api/admin/users/niet-een-id/sso')).statusCode).toBe(400);
  });

  it('ends sessions by back-channel log-out: only the provider session named, and only with a token the provider signed', async () => {
    const first = await loggedIn({ sub: 'erik-5', email: 'erik@voorbeeld.nl', email_verified: true, roles: ['sk-coach'], sid: 'sessie-a' });
    const second = await loggedIn({ sub: 'erik-5', email: 'erik@voorbeeld.nl', email_verified: true, roles: ['sk-coach'], sid: 'sessie-b' });
    const post = (token: string) =>
      server.request({ method: 'POST', url: '/api/sso/backchannel-logout', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `logout_token=${encodeURIComponent(token)}` });

    const forgedKey = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'erik-5', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } })
      .setProtectedHeader({ alg: 'RS256', typ: 'logout+jwt' })
      .setIssuer(provider.issuer)
      .setAudience(clientId)
      .setIssuedAt()
      .sign(forgedKey.privateKey);
    expect(errorOf(await post(forged)).code).toBe('sso_logout_token_invalid');
    expect((await post(await provider.logoutToken({ sub: 'erik-5', aud: 'een-andere-toepassing' }))).statusCode).toBe(400);
    expect((await post(await provider.logoutToken({ sub: 'erik-5', aud: clientId, events: {} }))).statusCode).toBe(400);
    expect((await post(await provider.logoutToken({ sub: 'erik-5', aud: clientId, nonce: 'n' }))).statusCode).toBe(400);
    expect((await first.get('/api/session')).statusCode).toBe(200);

    expect((await post(await provider.logoutToken({ sub: 'erik-5', sid: 'sessie-a', aud: clientId }))).statusCode).toBe(200);
    expect((await first.get('/api/session')).statusCode).toBe(401);
    expect((await second.get('/api/session')).statusCode).toBe(200);
    expect((await post(await provider.logoutToken({ sub: 'erik-5', aud: clientId }))).statusCode).toBe(200);
    expect((await second.get('/api/session')).statusCode).toBe(401);
    expect(JSON.parse((await lastAudit('auth.sso_logged_out'))?.details_json ?? '{}')).toEqual({ sessions: 1, by: 'provider' });
  });

  it('logs out at the provider too (RP-initiated) when the session came from SSO, and only here for a password session', async () => {
    const agent = await loggedIn({ sub: 'anna-1', email: 'anna@voorbeeld.nl', email_verified: true, roles: ['sk-coach'] });
    const out = await agent.post('/api/sso/logout');
    expect(out.statusCode).toBe(200);
    const redirectTo = new URL(String((out.json() as { redirectTo: string }).redirectTo));
    expect(`${redirectTo.origin}${redirectTo.pathname}`).toBe(`${provider.issuer}/endsession`);
    expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/`);
    expect(redirectTo.searchParams.get('client_id')).toBe(clientId);
    expect((await agent.get('/api/session')).statusCode).toBe(401);

    const byPassword = await server.login(demo.reviewer);
    const plain = await byPassword.post('/api/sso/logout');
    expect(plain.json()).toEqual({ redirectTo: null });
    expect((await byPassword.get('/api/session')).statusCode).toBe(401);
    // CSRF: a log-out without the token is refused.
    const other = await server.login(demo.reviewer);
    expect((await server.request({ method: 'POST', url: '/api/sso/logout', headers: { cookie: other.cookie ?? '' } })).statusCode).toBe(403);
  });

  it('switches passwords off only for an administrator who used SSO; then password log-in is refused except for break-glass', async () => {
    const manager = await server.login(demo.manager);
    expect((await manager.put('/api/admin/sso', { passwordsOff: true })).statusCode).toBe(403);
    for (const email of [demo.manager, demo.professional, demo.reviewer, demo.policy]) {
      const other = await server.login(email);
      expect((await other.get('/api/admin/sso')).statusCode).toBe(403);
    }
    // Anna is SSO-proven but no administrator.
    const anna = await loggedIn({ sub: 'anna-1', email: 'anna@voorbeeld.nl', email_verified: true, roles: ['sk-coach'] });
    expect((await anna.put('/api/admin/sso', { passwordsOff: true })).statusCode).toBe(403);
    expect((await manager.put('/api/admin/sso', { passwordsOff: 'ja' })).statusCode).toBe(400);

    // The administrator linked (above) and logged in through SSO: switching off is allowed.
    const admin = await loggedIn({ sub: 'beheer-idp', email: demo.admin, email_verified: true, roles: ['sk-beheer'] });
    const switched = await admin.put('/api/admin/sso', { passwordsOff: true });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ configured: true, passwordsOff: true, provenByYou: true, breakGlassCount: 1 });
    expect((await server.request({ method: 'GET', url: '/api/sso' })).json()).toMatchObject({ passwordsOff: true });

    const refused = await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.professional, password: demoPassword } });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused)).toMatchObject({ code: 'password_login_off', message: expect.stringMatching(/organisatie-account/) as unknown as string });
    // Break-glass: the listed administrator still gets in with the password when the provider is down.
    expect((await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.admin, password: demoPassword } })).statusCode).toBe(200);

    expect((await admin.put('/api/admin/sso', { passwordsOff: false })).statusCode).toBe(200);
    expect((await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.professional, password: demoPassword } })).statusCode).toBe(200);
  });
});

describe('single sign-on switched off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(async () => server?.close());

  it('shows no button and refuses the SSO routes and the passwords-off switch', async () => {
    expect((await server.request({ method: 'GET', url: '/api/sso' })).json()).toEqual({ enabled: false, label: null, passwordsOff: false });
    expect((await server.request({ method: 'GET', url: '/api/sso/login' })).statusCode).toBe(404);
    const admin = await server.login(demo.admin);
    expect(errorOf(await admin.put('/api/admin/sso', { passwordsOff: true })).code).toBe('sso_not_configured');
  });
});
