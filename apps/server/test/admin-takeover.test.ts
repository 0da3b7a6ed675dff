import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { demo, demoPassword, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { startSmtpServer, type SmtpTestServer } from './support/smtp.js';

/** Nothing an administrator receives may carry a way into another account. */
function expectNoCredential(response: LightMyRequestResponse): void {
  expect(response.cookies.map((c) => c.name)).not.toContain('sk_session');
  expect(response.body).not.toMatch(/uitnodiging\/|wachtwoord-herstellen|"token"/);
}

async function secondAdministrator(server: TestServer, admin: Agent): Promise<Agent> {
  const invited = (await admin.post('/api/admin/users', { name: 'Tweede Beheerder', email: 'beheer2@voorbeeld.nl', memberships: [{ role: 'administrator', teamId: null }] })).json();
  const token = String(invited.invitationPath).split('/').pop();
  const accepted = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'tweede-beheerder-wachtwoord' } });
  expect(accepted.statusCode).toBe(200);
  return server.login('beheer2@voorbeeld.nl', 'tweede-beheerder-wachtwoord');
}

describe('no administrator can obtain a session or credential of another account (no SMTP)', () => {
  let server: TestServer;
  let admin: Agent;
  let professional: Agent;
  let professionalId: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(demo.admin);
    professional = await server.login(demo.professional);
    professionalId = (await admin.get('/api/admin/users')).json().users.find((u: { email: string }) => u.email === demo.professional).id;
  });
  afterAll(async () => server?.close());

  it('refuses a new invitation for an account that has a password', async () => {
    const response = await admin.post(`/api/admin/users/${professionalId}/invitation`);
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).code).toBe('account_has_password');
    expect(errorOf(response).message).toMatch(/wachtwoord/);
    expectNoCredential(response);
    expect((await professional.get('/api/session')).statusCode).toBe(200);
  });

  it('an invitation issued before the password was set cannot replace it', async () => {
    const invited = (await admin.post('/api/admin/users', { name: 'Lot', email: 'lot@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] })).json();
    const token = String(invited.invitationPath).split('/').pop();
    const renewed = (await admin.post(`/api/admin/users/${invited.user.id}/invitation`)).json();
    const newToken = String(renewed.invitationPath).split('/').pop();
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token: newToken, password: 'lot-haar-eigen-wachtwoord' } })).statusCode).toBe(200);
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'van-de-beheerder-123' } })).statusCode).toBe(410);
    expect((await admin.post(`/api/admin/users/${invited.user.id}/invitation`)).statusCode).toBe(409);
  });

  it('role change, deactivation, reactivation and an e-mail change hand out nothing', async () => {
    const teamId = (await admin.get('/api/admin/teams')).json().teams[0].id;
    const roles = await admin.patch(`/api/admin/users/${professionalId}`, { memberships: [{ role: 'professional', teamId }, { role: 'reviewer', teamId: null }] });
    expect(roles.statusCode).toBe(200);
    expectNoCredential(roles);
    const email = await admin.patch(`/api/admin/users/${professionalId}`, { email: 'beheer-eigen@voorbeeld.nl' });
    expectNoCredential(email);
    expect((await admin.get('/api/admin/users')).json().users.find((u: { id: string }) => u.id === professionalId).email).toBe(demo.professional);
    const off = await admin.patch(`/api/admin/users/${professionalId}`, { active: false });
    expectNoCredential(off);
    expect((await professional.get('/api/session')).statusCode).toBe(401);
    const on = await admin.patch(`/api/admin/users/${professionalId}`, { active: true });
    expectNoCredential(on);
    expect(on.json().hasPassword).toBe(true);
    const invitation = await admin.post(`/api/admin/users/${professionalId}/invitation`);
    expect(invitation.statusCode).toBe(409);
    professional = await server.login(demo.professional);
  });

  it('a reset needs the holder’s code, a second administrator, and leaves the new password to the holder', async () => {
    const admin2 = await secondAdministrator(server, admin);
    // Without the person asking first, no administrator can start a reset.
    const unasked = await admin.post(`/api/admin/users/${professionalId}/password-reset`, { code: '12345678' });
    expect(unasked.statusCode).toBe(400);
    expect(errorOf(unasked).code).toBe('reset_code_wrong');

    const started = await server.request({ method: 'POST', url: '/api/password-resets', payload: { email: demo.professional } });
    expect(started.statusCode).toBe(200);
    const { token, code, mode } = started.json();
    expect(mode).toBe('approval');
    // Unknown addresses get an answer of the same shape, so the page tells nobody who has an account.
    const unknown = (await server.request({ method: 'POST', url: '/api/password-resets', payload: { email: 'niemand@voorbeeld.nl' } })).json();
    expect(Object.keys(unknown).sort()).toEqual(['code', 'mode', 'token']);

    const wrong = await admin.post(`/api/admin/users/${professionalId}/password-reset`, { code: '00000000' === code ? '11111111' : '00000000' });
    expect(wrong.statusCode).toBe(400);
    const requested = await admin.post(`/api/admin/users/${professionalId}/password-reset`, { code });
    expect(requested.statusCode).toBe(200);
    expect(requested.json().status).toBe('awaiting_approval');
    expectNoCredential(requested);
    const listed = (await admin2.get('/api/admin/users')).json().users.find((u: { id: string }) => u.id === professionalId);
    expect(listed.passwordReset).toMatchObject({ status: 'awaiting_approval', requestedByName: expect.any(String) });
    expectNoCredential(await admin2.get('/api/admin/users'));

    // The link is useless before approval, and the requester cannot approve their own request.
    expect((await server.request({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'te-vroeg-wachtwoord' } })).statusCode).toBe(410);
    const self = await admin.post(`/api/admin/users/${professionalId}/password-reset/approval`);
    expect(self.statusCode).toBe(409);
    expect(errorOf(self).code).toBe('reset_needs_other_admin');
    expect((await professional.get('/api/session')).statusCode).toBe(200);

    const approved = await admin2.post(`/api/admin/users/${professionalId}/password-reset/approval`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().user.hasPassword).toBe(true);
    expectNoCredential(approved);
    // Every session ends and the old password no longer works.
    expect((await professional.get('/api/session')).statusCode).toBe(401);
    expect((await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.professional, password: demoPassword } })).statusCode).toBe(401);
    // A cleared password does not reopen the invitation route.
    expect((await admin.post(`/api/admin/users/${professionalId}/invitation`)).statusCode).toBe(409);

    const completed = await server.request({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'mijn-nieuwe-wachtwoord' } });
    expect(completed.statusCode).toBe(200);
    expectNoCredential(completed);
    expect((await server.request({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'nog-een-keer-wachtwoord' } })).statusCode).toBe(410);
    const back = await server.login(demo.professional, 'mijn-nieuwe-wachtwoord');
    const session = (await back.get('/api/session')).json();
    expect(session.passwordReset).toMatchObject({ requestedByName: expect.any(String), approvedByName: 'Tweede Beheerder' });
    expect(session.user.totpEnabled).toBe(false);
  });
});

describe('with SMTP, a reset link goes only to the account’s own address', () => {
  let server: TestServer;
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl', PUBLIC_URL: 'https://spreekkamer.voorbeeld.nl' });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('mails the link to the holder and tells the administrator nothing usable', async () => {
    const admin = await server.login(demo.admin);
    const professional = await server.login(demo.professional);
    const id = (await admin.get('/api/admin/users')).json().users.find((u: { email: string }) => u.email === demo.professional).id;
    const response = await admin.post(`/api/admin/users/${id}/password-reset`, {});
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('email_sent');
    expectNoCredential(response);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual([demo.professional]);
    const token = /wachtwoord-herstellen#([A-Za-z0-9_-]+)/.exec(smtp.received[0]?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    // The old password still works until the holder chooses a new one.
    expect((await professional.get('/api/session')).statusCode).toBe(200);
    expect((await server.request({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'nieuw-via-de-mail-1' } })).statusCode).toBe(200);
    expect((await professional.get('/api/session')).statusCode).toBe(401);
    const back = await server.login(demo.professional, 'nieuw-via-de-mail-1');
    expect((await back.get('/api/session')).json().passwordReset.requestedByName).toBeTruthy();
    // The log-in page's own request answers the same for unknown addresses and sends nothing there.
    const unknown = await server.request({ method: 'POST', url: '/api/password-resets', payload: { email: 'niemand@voorbeeld.nl' } });
    expect(unknown.json()).toEqual({ mode: 'email' });
    expect(smtp.received).toHaveLength(1);
  });
});
