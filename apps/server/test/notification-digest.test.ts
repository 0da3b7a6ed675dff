import { contract } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, readyRecording, userIdOf } from './support/review-fixtures.js';
import { startSmtpServer, type SmtpTestServer } from './support/smtp.js';

describe('daily e-mail digest of notifications', () => {
  let smtp: SmtpTestServer;
  let server: TestServer;
  let professional: Agent;
  let reviewer: Agent;
  let admin: Agent;
  let pseudonym = '';

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl', PUBLIC_URL: 'https://spreekkamer.voorbeeld.nl', DEMO_RECORDING: 'false' });
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    admin = await server.login(demo.admin);
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const digestsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email) && /nieuwe melding/.test(mail.subject));

  it('is off until the person turns it on themselves', async () => {
    expect((await reviewer.call(contract.notifications.digest))).toEqual({ available: true, enabled: false });
    const on = await reviewer.put('/api/notifications/digest', { enabled: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ available: true, enabled: true });
    // Only one's own choice: nothing to name another person with, and the professional's stays off.
    expect((await reviewer.put('/api/notifications/digest', { enabled: true, userId: 'x' })).statusCode).toBe(400);
    expect((await professional.call(contract.notifications.digest))).toEqual({ available: true, enabled: false });
    expect((await server.anonymous().put('/api/notifications/digest', { enabled: true })).statusCode).toBe(401);
  });

  it('counts new notifications and links to them, naming no client, no colleague and no content; once', async () => {
    const professionalId = await userIdOf(admin, demo.professional);
    const reviewerId = await userIdOf(admin, demo.reviewer);
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer' });
    pseudonym = (await professional.call(contract.clients.get, { params: { id: conversation.clientId } })).pseudonym;
    const recordingId = await readyRecording(server, professionalId, conversation, 60);
    const momentId = (await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 1, endSeconds: 5, title: 'Geheime titel' } })).id;
    for (let i = 0; i < 2; i += 1) {
      const share = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(7), question: 'Geheime vraag' });
      expect(share.statusCode, share.body).toBe(200);
    }
    expect((await reviewer.call(contract.notifications.list)).unread).toBe(2);

    expect(await server.spreekkamer.notificationDigests.send()).toBe(1);
    const mails = digestsTo(demo.reviewer);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Er zijn 2 nieuwe meldingen voor u');
    expect(mails[0]?.text).toContain('https://spreekkamer.voorbeeld.nl/meldingen');
    for (const secret of [pseudonym, 'Geheime titel', 'Geheime vraag', 'Sanne', recordingId, momentId]) expect(mails[0]?.text).not.toContain(secret);
    // The professional did not ask for it and gets nothing.
    expect(digestsTo(demo.professional)).toHaveLength(0);

    // The next day: nothing new, nothing sent; the notifications themselves stay unread in the app.
    expect(await server.spreekkamer.notificationDigests.send()).toBe(0);
    expect(digestsTo(demo.reviewer)).toHaveLength(1);
    expect((await reviewer.call(contract.notifications.list)).unread).toBe(2);
  });

  it('stops when the person turns it off', async () => {
    expect((await reviewer.call(contract.notifications.setDigest, { body: { enabled: false } }))).toEqual({ available: true, enabled: false });
    const reviewerId = await userIdOf(admin, demo.reviewer);
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer' });
    const recordingId = await readyRecording(server, await userIdOf(admin, demo.professional), conversation, 60);
    const momentId = (await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 1, endSeconds: 5, title: 'Nog een' } })).id;
    await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(7) });
    expect(await server.spreekkamer.notificationDigests.send()).toBe(0);
    expect(digestsTo(demo.reviewer)).toHaveLength(1);
  });
});

describe('the digest without a mail server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' });
  });
  afterAll(async () => server?.close());

  it('cannot be turned on, and says why in Dutch', async () => {
    const reviewer = await server.login(demo.reviewer);
    expect((await reviewer.call(contract.notifications.digest))).toEqual({ available: false, enabled: false });
    const refused = await reviewer.put('/api/notifications/digest', { enabled: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'digest_unavailable', title: 'Spreekkamer kan geen e-mail versturen. Een overzicht per e-mail kan daarom niet.' });
    expect(await server.spreekkamer.notificationDigests.send()).toBe(0);
  });
});
