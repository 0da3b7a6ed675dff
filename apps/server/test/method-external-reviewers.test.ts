import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, readyRecording, userIdOf } from './support/review-fixtures.js';

/**
 * An independent third party: a reviewer account from outside the organisation, labelled as such,
 * that stops working on its own after its end date; and a client who can ask for a coach from
 * outside (or only from inside), which the server holds every share to.
 */
let clock = new Date('2026-12-01T10:00:00.000Z');

describe('external reviewers', () => {
  let server: TestServer;
  let admin: Agent;
  let professional: Agent;
  let professionalId: string;
  let internalReviewerId: string;
  let external: { id: string; email: string; password: string };

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => clock });
    admin = await server.login(demo.admin);
    professional = await server.login(demo.professional);
    professionalId = await userIdOf(admin, demo.professional);
    internalReviewerId = await userIdOf(admin, demo.reviewer);
  });
  afterAll(async () => server?.close());

  it('an administrator invites an external reviewer with an organisation and an end date; bad end dates are refused', async () => {
    const base = { name: 'Petra Buiten', email: 'petra@coachbureau.nl', memberships: [{ role: 'reviewer', teamId: null }] };
    const past = await admin.post('/api/admin/users', { ...base, external: { organisation: 'Coachbureau Noord', accessUntil: '2026-11-30' } });
    expect(past.statusCode).toBe(400);
    expect(errorOf(past).fields?.[0]).toMatchObject({ path: 'external.accessUntil', message: 'Kies een einddatum van vandaag of later.' });
    const impossible = await admin.post('/api/admin/users', { ...base, external: { organisation: 'Coachbureau Noord', accessUntil: '2026-02-30' } });
    expect(errorOf(impossible).fields?.[0]?.path).toBe('external.accessUntil');
    expect((await admin.post('/api/admin/users', { ...base, external: { organisation: '', accessUntil: '2026-12-31' } })).statusCode).toBe(400);
    expect((await admin.get('/api/admin/users')).json().users.some((u: { email: string }) => u.email === base.email)).toBe(false);

    const invited = await admin.post('/api/admin/users', { ...base, external: { organisation: 'Coachbureau Noord', accessUntil: '2026-12-15' } });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json().user.external).toEqual({ organisation: 'Coachbureau Noord', accessUntil: '2026-12-15' });
    const password = 'een-lang-extern-wachtwoord';
    const token = invited.json().invitationPath.split('/').pop();
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } })).statusCode).toBe(200);
    external = { id: invited.json().user.id, email: base.email, password };

    const people = (await professional.get('/api/reviews/people')).json().people as { id: string; independentFrom: string | null }[];
    expect(people.find((p) => p.id === external.id)?.independentFrom).toBe('Coachbureau Noord');
    expect(people.find((p) => p.id === internalReviewerId)?.independentFrom).toBeNull();
  });

  it('a client who asks for a coach from outside gets only outside coaches, and one who asks for inside only inside', async () => {
    const outside = await consentedConversation(server, professional, { audience: 'reviewer', reviewerFrom: 'external' });
    const copy = (await outside.client.get(`/api/client/consents/${outside.consentId}`)).json();
    expect(copy.reviewerFrom).toBe('external');
    const outsideRecording = await readyRecording(server, professionalId, outside);
    const moment = (await professional.post(`/api/recordings/${outsideRecording}/moments`, { startSeconds: 1, endSeconds: 5, title: 'M', notes: '' })).json().id;
    const options = (await professional.get(`/api/recordings/${outsideRecording}/share-options`)).json();
    expect(options.reviewers.map((r: { id: string }) => r.id)).toEqual([external.id]);
    const share = (userId: string, recordingId: string, momentId: string) =>
      professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentId], recipient: { type: 'reviewer', userId }, expiresAt: '2026-12-20T00:00:00.000Z' });
    expect((await share(internalReviewerId, outsideRecording, moment)).statusCode).toBe(403);
    expect((await share(external.id, outsideRecording, moment)).statusCode).toBe(200);

    const inside = await consentedConversation(server, professional, { audience: 'reviewer', reviewerFrom: 'internal' });
    const insideRecording = await readyRecording(server, professionalId, inside);
    const insideMoment = (await professional.post(`/api/recordings/${insideRecording}/moments`, { startSeconds: 1, endSeconds: 5, title: 'M', notes: '' })).json().id;
    expect((await share(external.id, insideRecording, insideMoment)).statusCode).toBe(403);
    expect((await share(internalReviewerId, insideRecording, insideMoment)).statusCode).toBe(200);
  });

  it('the external reviewer works until the end date and loses access the day after: no log-in, no session, no shares', async () => {
    clock = new Date('2026-12-15T22:00:00.000Z');
    const reviewer = await server.login(external.email, external.password);
    expect((await reviewer.get('/api/shares/received')).json().shares).toHaveLength(1);

    clock = new Date('2026-12-16T00:00:01.000Z');
    expect((await reviewer.get('/api/shares/received')).statusCode).toBe(401);
    expect((await reviewer.get('/api/session')).statusCode).toBe(401);
    const again = await server.request({ method: 'POST', url: '/api/session', payload: { email: external.email, password: external.password } });
    expect(again.statusCode).toBe(401);
    expect(errorOf(again).code).toBe('login_failed');
    // Gone from the list of people to share with, too. (Two weeks passed: everyone logs in again.)
    professional = await server.login(demo.professional);
    admin = await server.login(demo.admin);
    expect((await professional.get('/api/reviews/people')).json().people.some((p: { id: string }) => p.id === external.id)).toBe(false);

    // The administrator extends the agreement: access works again, nothing else changed.
    expect((await admin.patch(`/api/admin/users/${external.id}`, { external: { organisation: 'Coachbureau Noord', accessUntil: '2027-03-31' } })).statusCode).toBe(200);
    const back = await server.login(external.email, external.password);
    expect((await back.get('/api/shares/received')).statusCode).toBe(200);
  });
});
