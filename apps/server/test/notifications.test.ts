import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import { demo, startTestServer, type Agent, type TestServer, expectProblem } from './support/harness.js';
import { consentedConversation, inDays, newUser, readyRecording, unknownId, userIdOf, type ConsentedConversation } from './support/review-fixtures.js';

interface NotificationJson {
  id: string;
  kind: string;
  actorName: string | null;
  link: string;
  read: boolean;
}

describe('notifications inside the app', () => {
  let server: TestServer;
  let professional: Agent;
  let professionalId: string;
  let reviewer: Agent;
  let reviewerId: string;
  let otherProfessional: Agent;
  let otherReviewer: Agent;
  let manager: Agent;
  let admin: Agent;
  let conversation: ConsentedConversation;
  let recordingId: string;
  let momentId: string;
  let shareId: string;

  async function listOf(agent: Agent): Promise<{ unread: number; notifications: NotificationJson[] }> {
    const response = await agent.call(contract.notifications.list);
    return response;
  }

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    manager = await server.login(demo.manager);
    admin = await server.login(demo.admin);
    professionalId = await userIdOf(admin, demo.professional);
    reviewerId = await userIdOf(admin, demo.reviewer);
    otherProfessional = (await newUser(server, admin, 'Noor Visser', 'professional')).agent;
    otherReviewer = (await newUser(server, admin, 'Bram de Boer', 'reviewer')).agent;
    conversation = await consentedConversation(server, professional, { audience: 'reviewer', feedbackViaReviewer: true });
    recordingId = await readyRecording(server, professionalId, conversation, 120);
    momentId = (await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 10, endSeconds: 20, title: 'Vraag over werk' } })).id;
  });
  afterAll(async () => server?.close());

  it('tells the reviewer that something was shared, naming the colleague and never the client', async () => {
    const before = (await listOf(reviewer)).unread;
    const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(7) } });
    shareId = share.id;
    const list = await listOf(reviewer);
    expect(list.unread).toBe(before + 1);
    const item = list.notifications.find((n) => n.kind === 'share_received' && n.link === `/gedeeld/${shareId}`);
    expect(item).toBeDefined();
    expect(item?.read).toBe(false);
    const pseudonym = (await professional.call(contract.clients.get, { params: { id: conversation.clientId } })).pseudonym as string;
    expect(JSON.stringify(list)).not.toContain(pseudonym);
    expect(JSON.stringify(list)).not.toContain('Vraag over werk');
    // The one who shared hears nothing of their own act.
    expect((await listOf(professional)).notifications.some((n) => n.kind === 'share_received')).toBe(false);
  });

  it('tells the professional about a comment, linking to its moment in the review room', async () => {
    await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 12, kind: 'strength', body: 'Mooie open vraag.' } });
    const list = await listOf(professional);
    const item = list.notifications.find((n) => n.kind === 'comment_added');
    expect(item?.link).toBe(`/opnames/${recordingId}/bekijken?moment=${momentId}`);
    expect(JSON.stringify(list)).not.toContain('Mooie open vraag.');
  });

  it('keeps each reader’s notifications to themselves: another professional, another reviewer, a manager and an administrator see none of them and cannot mark them', async () => {
    const own = (await listOf(reviewer)).notifications[0];
    expect(own).toBeDefined();
    const id = own?.id ?? unknownId;
    for (const stranger of [otherProfessional, otherReviewer, manager, admin]) {
      const list = await listOf(stranger);
      expect(list.notifications.map((n) => n.id)).not.toContain(id);
      expect(list.notifications.some((n) => n.link.includes(recordingId) || n.link.includes(shareId))).toBe(false);
      await expectProblem(stranger.call(contract.notifications.markRead, { params: { id } }), 404);
      await stranger.call(contract.notifications.markAllRead);
    }
    expect((await listOf(reviewer)).notifications.find((n) => n.id === id)?.read).toBe(false);
  });

  it('marks one and then all as read, for the reader only', async () => {
    const list = await listOf(professional);
    const first = list.notifications[0];
    expect(first).toBeDefined();
    await professional.call(contract.notifications.markRead, { params: { id: first?.id ?? unknownId } });
    const after = await listOf(professional);
    expect(after.unread).toBe(list.unread - 1);
    expect(after.notifications.find((n) => n.id === first?.id)?.read).toBe(true);
    await professional.call(contract.notifications.markAllRead);
    expect((await listOf(professional)).unread).toBe(0);
    expect((await listOf(reviewer)).unread).toBeGreaterThan(0);
  });

  it('refuses strangers and bad ids clearly, changing nothing', async () => {
    await expectProblem(server.anonymous().call(contract.notifications.list), 401);
    await expectProblem(reviewer.call(contract.notifications.markRead, { params: { id: 'niet-een-id' } }), 400);
    await expectProblem(reviewer.call(contract.notifications.markRead, { params: { id: unknownId } }), 404);
  });

  it('tells the professional about a point the client passed on, without the client’s name or words', async () => {
    // The client passes on a point through the reviewer.
    const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(7), clientTalk: true } });
    const talkShare = share.id as string;
    const point = await reviewer.call(contract.reviews.addClientPoint, { params: { id: talkShare }, body: { text: 'Het ging te snel over geld.', momentId } });
    await conversation.client.call(contract.clientReviews.relay, { params: { id: point.id }, body: { relay: 'anonymous' } });
    const list = await listOf(professional);
    const item = list.notifications.find((n) => n.kind === 'client_point_relayed');
    expect(item?.link).toBe(`/opnames/${recordingId}/bekijken#review-client-points`);
    expect(JSON.stringify(list)).not.toContain('te snel over geld');
  });

  it('tells the professional once, when they look, that a share of theirs ends within two days; not a later one, not someone else', async () => {
    const soon = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(1) } });
    const soonId = soon.id as string;
    await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) } });
    const first = await listOf(professional);
    const ending = first.notifications.filter((n) => n.kind === 'share_expiring');
    // The shares made earlier in this file run for seven days; only the one ending tomorrow counts.
    expect(ending).toHaveLength(1);
    expect(ending[0]?.link).toBe(`/opnames/${recordingId}/bekijken#review-share`);
    expect(ending[0]?.read).toBe(false);
    // Looking again (the bell asks on every page) does not make it twice, and the counter agrees.
    const again = await listOf(professional);
    expect(again.notifications.filter((n) => n.kind === 'share_expiring')).toHaveLength(1);
    expect(JSON.stringify(again)).not.toContain(soonId);
    // Once read it stays read; the recipient, another professional, a manager and an administrator hear nothing of it.
    await professional.call(contract.notifications.markRead, { params: { id: ending[0]?.id ?? unknownId } });
    expect((await listOf(professional)).notifications.filter((n) => n.kind === 'share_expiring').map((n) => n.read)).toEqual([true]);
    for (const other of [reviewer, otherProfessional, manager, admin]) expect((await listOf(other)).notifications.some((n) => n.kind === 'share_expiring')).toBe(false);
    // A revoked share no longer ends "soon": a new short one would be told, a revoked one is not.
    const revokedSoon = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(1.5) } });
    expect((await professional.post(`/api/shares/${revokedSoon.id as string}/revoke`)).statusCode).toBeLessThan(300);
    expect((await listOf(professional)).notifications.filter((n) => n.kind === 'share_expiring')).toHaveLength(1);
  });

  it('tells the professional a week ahead that a recording will be deleted, through the daily retention job', async () => {
    const expiring = await readyRecording(server, professionalId, conversation, 60);
    await server.spreekkamer.repositories.recordings.updateIf(expiring, ['ready'], { retention_ends_at: inDays(3) });
    await server.spreekkamer.recordings.retention.run();
    const list = await listOf(professional);
    const item = list.notifications.find((n) => n.kind === 'recording_expiring' && n.link === `/opnames/${expiring}`);
    expect(item?.read).toBe(false);
    for (const other of [reviewer, otherProfessional, manager, admin]) expect((await listOf(other)).notifications.some((n) => n.link.includes(expiring))).toBe(false);
  });

  it('puts the learning-round reminder in the list of the professional, once, and of nobody else', async () => {
    const today = new Date().toISOString().slice(5, 10);
    const rounds = today > '01-10' ? [{ starts: '01-01', ends: today }] : [{ starts: today, ends: '12-31' }];
    await admin.call(contract.learning.setRhythm, { body: { rounds } });
    const list = await listOf(professional);
    const reminders = list.notifications.filter((n) => n.kind === 'learning_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.link).toBe('/leren');
    expect((await listOf(professional)).notifications.filter((n) => n.kind === 'learning_reminder')).toHaveLength(1);
    // The demo team lead is also a professional and so has a round of their own; a reviewer and an administrator have none.
    for (const other of [reviewer, admin]) expect((await listOf(other)).notifications.some((n) => n.kind === 'learning_reminder')).toBe(false);
  });

  it('removes notifications that point at a recording once the client withdraws', async () => {
    const withdraw = await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`);
    expect(withdraw.statusCode, withdraw.body).toBeLessThan(300);
    await expect.poll(async () => (await listOf(reviewer)).notifications.filter((n) => n.link.includes(shareId)).length, { timeout: 10_000 }).toBe(0);
    expect((await listOf(professional)).notifications.some((n) => n.link.includes(recordingId))).toBe(false);
    // The reviewer hears that it was deleted, once, and nothing about whom or why.
    const removed = (await listOf(reviewer)).notifications.filter((n) => n.kind === 'shared_removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ link: '/gedeeld', actorName: null });
    expect((await listOf(professional)).notifications.some((n) => n.kind === 'shared_removed')).toBe(false);
  });
});
