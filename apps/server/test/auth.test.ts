import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import { sql } from 'kysely';
import { currentTotp } from '../src/domain/auth/totp.js';
import { demo, demoPassword, errorOf, sessionCookieFrom, startTestServer, Agent, type TestServer, expectProblem } from './support/harness.js';

describe('accounts and sessions', () => {
  let server: TestServer;
  let clock = Date.now();
  beforeAll(async () => {
    server = await startTestServer({ LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' }, { now: () => new Date(clock) });
  });
  afterAll(async () => server?.close());

  it('logs in with e-mail and password and returns the session with roles', async () => {
    const response = await server.request({ method: 'POST', url: '/api/session', payload: { email: 'KLANTMANAGER@voorbeeld.nl ', password: demoPassword } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.roles).toEqual(['professional']);
    expect(body.organisation.name).toBe('Gemeente Voorbeeld');
    const cookie = response.cookies.find((c) => c.name === 'sk_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('stores only a hash of the session token', async () => {
    const agent = await server.login(demo.reviewer);
    const token = agent.cookie?.split('=')[1] ?? '';
    const rows = await server.spreekkamer.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('refuses a wrong password with the same answer as an unknown account', async () => {
    const wrong = await expectProblem(server.anonymous().call(contract.account.login, { body: { email: demo.policy, password: 'niet-het-wachtwoord' } }), 401);
    const unknown = await expectProblem(server.anonymous().call(contract.account.login, { body: { email: 'niemand@voorbeeld.nl', password: 'niet-het-wachtwoord' } }), 401);
    expect(wrong).toEqual(unknown);
    expect(wrong.message).toMatch(/wachtwoord klopt niet/);
    // reset the failure counter for the lockout test below
    await server.login(demo.policy);
  });

  it('locks the account temporarily after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await expectProblem(server.anonymous().call(contract.account.login, { body: { email: demo.manager, password: 'fout-fout-fout' } }), i < 2 ? 401 : 429);
    }
    const locked = await expectProblem(server.anonymous().call(contract.account.login, { body: { email: demo.manager, password: demoPassword } }), 429);
    expect(locked.code).toBe('account_locked');
    clock += 16 * 60_000;
    await server.anonymous().call(contract.account.login, { body: { email: demo.manager, password: demoPassword } });
  });

  it('requires the CSRF token for state-changing requests', async () => {
    const agent = await server.login(demo.professional);
    // raw on purpose: no CSRF token, then a forged one
    const withoutToken = await server.request({ method: 'PATCH', url: '/api/account', headers: { cookie: agent.cookie ?? '' }, payload: { name: 'X' } });
    expect(withoutToken.statusCode).toBe(403);
    expect(errorOf(withoutToken).code).toBe('csrf');
    const forged = await agent.request({ method: 'PATCH', url: '/api/account', headers: { 'x-csrf-token': 'f'.repeat(64) }, payload: { name: 'X' } });
    expect(forged.statusCode).toBe(403);
    const me = await agent.call(contract.account.session);
    expect(me.user.name).toBe('Sanne de Vries');
  });

  it('ends sessions at log-out, after idle time, and for forged cookies', async () => {
    const agent = await server.login(demo.reviewer);
    await agent.call(contract.account.logout);
    await expectProblem(agent.call(contract.account.session), 401);

    const idle = await server.login(demo.reviewer);
    clock += 31 * 60_000;
    await expectProblem(idle.call(contract.account.session), 401);

    const forged = new Agent(server, 'sk_session=' + 'A'.repeat(43), 'x');
    const response = await expectProblem(forged.call(contract.account.session), 401);
    expect(response.code).toBe('unauthenticated');
  });

  it('changes the password and logs out other devices', async () => {
    const first = await server.login(demo.policy);
    const second = await server.login(demo.policy);
    const wrongCurrent = await expectProblem(first.call(contract.account.changePassword, { body: { currentPassword: 'verkeerd-verkeerd', newPassword: 'een-nieuw-lang-wachtwoord' } }), 400);
    expect(wrongCurrent.code).toBe('password_wrong');
    const tooShort = await expectProblem(first.call(contract.account.changePassword, { body: { currentPassword: demoPassword, newPassword: 'kort' } }), 400);
    expect(tooShort.fields?.[0]?.message).toMatch(/minstens 12 tekens/);
    await first.call(contract.account.changePassword, { body: { currentPassword: demoPassword, newPassword: 'een-nieuw-lang-wachtwoord' } });
    await first.call(contract.account.session);
    await expectProblem(second.call(contract.account.session), 401);
    await server.login(demo.policy, 'een-nieuw-lang-wachtwoord');
  });

  it('sets up TOTP and then requires the code at log-in', async () => {
    const agent = await server.login(demo.reviewer);
    const setup = await agent.call(contract.account.startTotpSetup);
    const { secret, qrSvg, otpauthUrl } = setup;
    expect(qrSvg).toContain('<svg');
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await agent.post('/api/account/totp/confirm', { code: '000000' === currentTotp(secret, new Date(clock)) ? '111111' : '000000' });
    expect(errorOf(wrong).code).toBe('totp_invalid');
    const confirmed = await agent.call(contract.account.confirmTotp, { body: { code: currentTotp(secret, new Date(clock)) } });
    expect(confirmed.user.totpEnabled).toBe(true);

    const stored = await server.spreekkamer.database.db.selectFrom('users').select('totp_secret').where('email', '=', demo.reviewer).executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(secret);

    const withoutCode = await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.reviewer, password: demoPassword } });
    expect(errorOf(withoutCode).code).toBe('totp_required');
    await expectProblem(server.anonymous().call(contract.account.login, { body: { email: demo.reviewer, password: demoPassword, totpCode: 'abc' } }), 400);
    await server.anonymous().call(contract.account.login, { body: { email: demo.reviewer, password: demoPassword, totpCode: currentTotp(secret, new Date(clock)) } });
  });

  it('lets an organisation require TOTP: until set up, only account set-up works', async () => {
    const admin = await server.login(demo.admin);
    const settings = await admin.call(contract.admin.settings);
    await admin.call(contract.admin.updateSettings, { body: { ...settings, requireTotp: true } });
    const professional = await server.login(demo.professional);
    const session = await professional.call(contract.account.session);
    expect(session.mustSetUpTotp).toBe(true);
    const blocked = await professional.get('/api/admin/users');
    expect(errorOf(blocked).code).toBe('totp_setup_required');
    await professional.call(contract.account.startTotpSetup);
    // the administrator (also without TOTP) is held to the same rule
    expect(errorOf(await admin.put('/api/admin/settings', { ...settings, requireTotp: false })).code).toBe('totp_setup_required');
    await sql`update organisations set require_totp = 0`.execute(server.spreekkamer.database.db);
  });

  it('answers unknown API paths and methods with the error shape', async () => {
    // raw on purpose: a path outside the contract
    const response = await server.request({ method: 'GET', url: '/api/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).message).toMatch(/bestaat niet/);
  });

  it('answers in English when the browser asks for it', async () => {
    // raw on purpose: an Accept-Language header
    const response = await server.request({ method: 'GET', url: '/api/session', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(errorOf(response).message).toBe('You are not logged in. Please log in first.');
  });

  it('serves security headers and the OpenAPI document', async () => {
    // raw on purpose: the OpenAPI document itself
    const response = await server.request({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    const document = response.json() as { servers: { url: string }[]; paths: Record<string, unknown> };
    expect(document.servers[0]?.url).toBe('/api');
    const paths = Object.keys(document.paths);
    expect(paths).toContain('/session');
    expect(paths).toContain('/admin/users/{id}');
  });

  it('reports health and readiness', async () => {
    expect((await server.request({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await server.request({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('keeps no session cookie for failed log-ins', async () => {
    // raw on purpose: reads the Set-Cookie header
    const response = await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.admin, password: 'verkeerd-wachtwoord' } });
    expect(sessionCookieFrom(response)).toBeUndefined();
  });
});

describe('HSTS behind TLS', () => {
  it('sends Strict-Transport-Security when PUBLIC_URL is https', async () => {
    const server = await startTestServer({ PUBLIC_URL: 'https://spreekkamer.voorbeeld.nl' });
    try {
      const response = await server.request({ method: 'GET', url: '/health' });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      // raw on purpose: reads the Set-Cookie header
      const login = await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.admin, password: demoPassword } });
      expect(login.cookies.find((c) => c.name === 'sk_session')?.secure).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('rate limiting of credential attempts', () => {
  it('limits log-in attempts per address and answers in Dutch', async () => {
    const server = await startTestServer({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      // raw on purpose: counts statuses up to the rate limit
      const attempt = () => server.request({ method: 'POST', url: '/api/session', payload: { email: 'x@voorbeeld.nl', password: 'wachtwoord' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(errorOf(limited)).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Wacht even/) });
    } finally {
      await server.close();
    }
  });
});
