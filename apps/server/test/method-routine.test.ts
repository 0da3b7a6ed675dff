import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentTextVersion } from '@spreekkamer/shared';
import { consentedConversation, inDays, newUser, openClient, readyRecording, userIdOf, type ConsentedConversation } from './support/review-fixtures.js';

/**
 * Issue #16, second part, through the HTTP API: "zo geef je feedback" once per account, the
 * viewer's context with a share (sealed, only for its recipient), and "niet delen" stretches that
 * no share or fragment may overlap, whoever marked them.
 */
describe('method routine', () => {
  let server: TestServer;
  let admin: Agent;
  let professional: Agent;
  let reviewer: Agent;
  let professionalId: string;
  let reviewerId: string;
  let other: { id: string; agent: Agent };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(demo.admin);
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    professionalId = await userIdOf(admin, demo.professional);
    reviewerId = await userIdOf(admin, demo.reviewer);
    other = await newUser(server, admin, 'Andere Klantmanager', 'professional');
  });
  afterAll(async () => server?.close());

  const shareWith = (recordingId: string, momentIds: string[], extra: Record<string, unknown> = {}) =>
    professional.post(`/api/recordings/${recordingId}/shares`, { momentIds, recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(14), ...extra });

  describe('zo geef je feedback', () => {
    it('is offered until the person has gone through it, remembered on the account and not per device', async () => {
      expect((await reviewer.get('/api/session')).json().user.feedbackGuideSeen).toBe(false);
      const seen = await reviewer.post('/api/account/feedback-guide');
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().user.feedbackGuideSeen).toBe(true);
      const elsewhere = await server.login(demo.reviewer);
      expect((await elsewhere.get('/api/session')).json().user.feedbackGuideSeen).toBe(true);
      // Someone else still gets it.
      expect((await other.agent.get('/api/session')).json().user.feedbackGuideSeen).toBe(false);
      // Seeing it twice changes nothing.
      expect((await reviewer.post('/api/account/feedback-guide')).json().user.feedbackGuideSeen).toBe(true);
    });

    it('cannot be marked without a session', async () => {
      expect((await server.request({ method: 'POST', url: '/api/account/feedback-guide' })).statusCode).toBe(401);
    });
  });

  describe('wat moet de kijker weten', () => {
    let conversation: ConsentedConversation;
    let recordingId: string;
    let shareId: string;
    const context = 'Mevrouw kwam net terug van een gesprek bij de schuldhulp; ze was moe.';

    beforeAll(async () => {
      conversation = await consentedConversation(server, professional, { audience: 'reviewer' });
      recordingId = await readyRecording(server, professionalId, conversation);
    });

    it('travels with the share, sealed in the database, and is shown to the recipient', async () => {
      const moment = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 5, endSeconds: 20, title: 'Begin', notes: '' })).json().id;
      const created = await shareWith(recordingId, [moment], { question: 'Hoe kwam mijn vraag over?', viewerContext: context });
      expect(created.statusCode, created.body).toBe(200);
      shareId = created.json().id;
      expect(created.json().viewerContext).toBe(context);

      const row = await server.spreekkamer.database.db.selectFrom('shares').select(['viewer_context', 'question']).where('id', '=', shareId).executeTakeFirstOrThrow();
      expect(row.viewer_context).not.toContain('schuldhulp');
      expect(row.viewer_context.length).toBeGreaterThan(0);

      const received = await reviewer.get(`/api/shares/${shareId}`);
      expect(received.statusCode).toBe(200);
      expect(received.json().viewerContext).toBe(context);
      expect((await reviewer.get('/api/shares/received')).json().shares.find((s: { id: string }) => s.id === shareId)?.viewerContext).toBe(context);
    });

    it('a share without context reads as empty', async () => {
      const moment = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 30, endSeconds: 40, title: 'Later', notes: '' })).json().id;
      const created = await shareWith(recordingId, [moment]);
      expect(created.json().viewerContext).toBe('');
    });

    it('another professional, a manager and a policy advisor cannot read it', async () => {
      for (const agent of [other.agent, await server.login(demo.manager), await server.login(demo.policy)]) {
        const response = await agent.get(`/api/shares/${shareId}`);
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toContain('schuldhulp');
        expect((await agent.get('/api/shares/received')).body).not.toContain('schuldhulp');
      }
    });

    it('goes with the recording: after deletion nothing of it is left', async () => {
      expect((await professional.delete(`/api/recordings/${recordingId}`)).statusCode).toBe(204);
      // At once: the recording's text key is gone, so the sealed context no longer opens.
      const row = await server.spreekkamer.database.db.selectFrom('shares').select('viewer_context').where('id', '=', shareId).executeTakeFirstOrThrow();
      expect(await server.spreekkamer.repositories.vault.openForRecording(recordingId, 'share.viewer_context', row.viewer_context)).toBeNull();
      // Then the erase job removes the rows themselves.
      await server.spreekkamer.recordings.eraser.erase(recordingId, null);
      const rows = await server.spreekkamer.database.db.selectFrom('shares').select('id').where('recording_id', '=', recordingId).execute();
      expect(rows).toEqual([]);
      expect((await reviewer.get(`/api/shares/${shareId}`)).statusCode).toBe(404);
    });
  });

  describe('niet delen', () => {
    let conversation: ConsentedConversation;
    let recordingId: string;
    let earlyMoment: string;
    let straddling: string;
    let groupId: string;

    beforeAll(async () => {
      conversation = await consentedConversation(server, professional, { audience: 'peer_group', feedbackViaReviewer: true });
      recordingId = await readyRecording(server, professionalId, conversation);
      earlyMoment = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 2, endSeconds: 10, title: 'Voor', notes: '' })).json().id;
      straddling = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 25, endSeconds: 50, title: 'Over de grens', notes: '' })).json().id;
      groupId = (await professional.post('/api/peer-groups', { name: 'Intervisie niet delen', memberIds: [reviewerId] })).json().id;
    });

    it('marking a stretch ends an active share that already shows part of it', async () => {
      const before = await shareWith(recordingId, [straddling]);
      expect(before.statusCode, before.body).toBe(200);
      const marked = await professional.post(`/api/recordings/${recordingId}/no-share-stretches`, { startSeconds: 30, endSeconds: 45 });
      expect(marked.statusCode, marked.body).toBe(200);
      expect(marked.json()).toMatchObject({ startSeconds: 30, endSeconds: 45, markedBy: 'professional' });
      const shares = (await professional.get(`/api/recordings/${recordingId}/shares`)).json().shares as { id: string; state: string }[];
      expect(shares.find((s) => s.id === before.json().id)?.state).toBe('revoked');
      expect((await reviewer.get(`/api/shares/${before.json().id}`)).statusCode).toBe(404);
    });

    it('a share that overlaps it is refused in every path: reviewer, talk with the client, peer group', async () => {
      for (const extra of [{}, { clientTalk: true }, { recipient: { type: 'peer_group', groupId } }]) {
        const refused = await shareWith(recordingId, [earlyMoment, straddling], extra);
        expect(refused.statusCode, JSON.stringify(extra)).toBe(409);
        expect(errorOf(refused).code).toBe('no_share_overlap');
        expect(errorOf(refused).message).toMatch(/niet gedeeld/);
      }
      expect((await shareWith(recordingId, [earlyMoment], { recipient: { type: 'peer_group', groupId } })).statusCode).toBe(200);
    });

    it('a fragment (moment) that overlaps it cannot be made or moved into it; around it can', async () => {
      const inside = await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 40, endSeconds: 60, title: 'Erin', notes: '' });
      expect(inside.statusCode).toBe(409);
      expect(errorOf(inside).code).toBe('no_share_overlap');
      const after = await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 45, endSeconds: 60, title: 'Erna', notes: '' });
      expect(after.statusCode, after.body).toBe(200);
      expect((await professional.patch(`/api/moments/${after.json().id}`, { startSeconds: 44 })).statusCode).toBe(409);
      expect((await professional.patch(`/api/moments/${after.json().id}`, { title: 'Alleen de titel' })).statusCode).toBe(200);
      // Shortening the old moment to the part before the stretch makes it shareable again.
      expect((await professional.patch(`/api/moments/${straddling}`, { endSeconds: 30 })).statusCode).toBe(200);
      expect((await shareWith(recordingId, [straddling])).statusCode).toBe(200);
    });

    it('a fragment of a feedback conversation that overlaps it is refused, also without times', async () => {
      const feedback = (await professional.post('/api/feedback', { clientIds: [conversation.clientId] })).json();
      const add = (body: Record<string, unknown>) => professional.post(`/api/feedback/${feedback.id}/moments`, { theme: 'collaboration', title: 'Samen kijken', recordingId, ...body });
      const overlapping = await add({ startSeconds: 35, endSeconds: 70 });
      expect(overlapping.statusCode).toBe(409);
      expect(errorOf(overlapping).code).toBe('no_share_overlap');
      expect((await add({})).statusCode).toBe(409);
      const fine = await add({ startSeconds: 50, endSeconds: 70 });
      expect(fine.statusCode, fine.body).toBe(200);
      const momentId = fine.json().moments[0].id;
      expect((await professional.patch(`/api/feedback/${feedback.id}/moments/${momentId}`, { startSeconds: 20 })).statusCode).toBe(409);
    });

    it('the client marks a stretch from the page of their consent; the professional sees it and cannot remove it', async () => {
      const marked = await conversation.client.post(`/api/client/consents/${conversation.consentId}/no-share-stretches`, { startSeconds: 80, endSeconds: 95 });
      expect(marked.statusCode, marked.body).toBe(200);
      const [stretch] = marked.json().stretches;
      expect(stretch).toMatchObject({ recordingId, markedBy: 'client', startSeconds: 80, endSeconds: 95 });
      expect((await conversation.client.get(`/api/client/consents/${conversation.consentId}/no-share-stretches`)).json().stretches).toHaveLength(2);
      const listed = (await professional.get(`/api/recordings/${recordingId}/no-share-stretches`)).json().stretches as { id: string; markedBy: string }[];
      expect(listed.map((s) => s.markedBy)).toEqual(['professional', 'client']);
      const removal = await professional.delete(`/api/no-share-stretches/${stretch.id}`);
      expect(removal.statusCode).toBe(403);
      expect(errorOf(removal).code).toBe('no_share_marked_by_client');
      expect((await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 90, endSeconds: 100, title: 'Cliënt zei nee', notes: '' })).statusCode).toBe(409);
    });

    it('nobody else can see, mark or remove stretches', async () => {
      const mine = (await professional.get(`/api/recordings/${recordingId}/no-share-stretches`)).json().stretches as { id: string; markedBy: string }[];
      const own = mine.find((s) => s.markedBy === 'professional');
      // Other professionals (a manager is one too) learn nothing: not found. Roles without recordings are refused outright.
      const outsiders: [Agent, number][] = [[other.agent, 404], [await server.login(demo.manager), 404], [reviewer, 403], [await server.login(demo.admin), 403]];
      for (const [agent, status] of outsiders) {
        expect((await agent.get(`/api/recordings/${recordingId}/no-share-stretches`)).statusCode).toBe(status);
        expect((await agent.post(`/api/recordings/${recordingId}/no-share-stretches`, { startSeconds: 1, endSeconds: 2 })).statusCode).toBe(status);
        expect((await agent.delete(`/api/no-share-stretches/${own?.id}`)).statusCode).toBe(status);
      }
      expect((await professional.get(`/api/recordings/${recordingId}/no-share-stretches`)).json().stretches).toHaveLength(2);
      // Another client cannot mark this recording through their own link.
      const stranger = await consentedConversation(server, professional);
      expect((await stranger.client.post(`/api/client/consents/${conversation.consentId}/no-share-stretches`, { startSeconds: 1, endSeconds: 2 })).statusCode).toBe(404);
      expect((await stranger.client.get(`/api/client/consents/${conversation.consentId}/no-share-stretches`)).statusCode).toBe(404);
      // A consent without a recording has no page to mark from.
      expect((await stranger.client.post(`/api/client/consents/${stranger.consentId}/no-share-stretches`, { startSeconds: 1, endSeconds: 2 })).statusCode).toBe(404);
      // A staff session is not a client session.
      expect((await professional.post(`/api/client/consents/${conversation.consentId}/no-share-stretches`, { startSeconds: 1, endSeconds: 2 })).statusCode).toBe(401);
      // The professional's own mark can be taken back by them.
      expect((await professional.delete(`/api/no-share-stretches/${own?.id}`)).statusCode).toBe(204);
    });

    it('a stretch that ends before it starts is refused with a Dutch message', async () => {
      const response = await professional.post(`/api/recordings/${recordingId}/no-share-stretches`, { startSeconds: 50, endSeconds: 40 });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message).toMatch(/[a-z]/);
    });
  });

  describe('saying no, counted honestly', () => {
    const ids: string[] = [];

    /** A new client who says no to the recording of a conversation, with or without a reason. */
    async function decline(reason?: string): Promise<{ client: Agent; conversationId: string; clientId: string }> {
      const clientId: string = (await professional.post('/api/clients', { pseudonym: `Nee ${ids.length}` })).json().id;
      const conversationId: string = (await professional.post(`/api/clients/${clientId}/conversations`, { heldOn: '2026-11-20', kind: 'in_person' })).json().id;
      const issued = (await professional.post(`/api/clients/${clientId}/access`)).json();
      const client = await openClient(server, issued.path.split('/').pop(), issued.code);
      const body = { media: 'none', audience: 'professional', watchWithClient: false, feedbackViaReviewer: false, retentionDays: 90, textVersion: consentTextVersion, locale: 'nl', ...(reason ? { declineReason: reason } : {}) };
      const answered = await client.post(`/api/client/conversations/${conversationId}/consent`, body);
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json().status).toBe('declined');
      ids.push(clientId, conversationId, answered.json().id);
      return { client, conversationId, clientId };
    }
    const totalsFor = async (agent: Agent) => (await agent.get('/api/insight/decline-reasons')).json() as { minimum: number; kinds: { kind: string; total: number | null; reasons: { reason: string; count: number }[] }[] };

    it('shows nothing until five people gave a reason, then only organisation totals', async () => {
      const policy = await server.login(demo.policy);
      for (let i = 0; i < 4; i += 1) await decline('camera');
      await decline(); // saying no without a reason is not counted
      let totals = await totalsFor(policy);
      expect(totals.minimum).toBe(5);
      expect(totals.kinds.find((k) => k.kind === 'consent')).toEqual({ kind: 'consent', total: null, reasons: [] });

      const last = await decline('camera');
      // Saying no again for the same conversation adds no second reason.
      const again = await last.client.post(`/api/client/conversations/${last.conversationId}/consent`, { media: 'none', audience: 'professional', watchWithClient: false, feedbackViaReviewer: false, retentionDays: 90, textVersion: consentTextVersion, locale: 'nl', declineReason: 'trust' });
      expect(again.statusCode, again.body).toBe(200);
      totals = await totalsFor(policy);
      expect(totals.kinds.find((k) => k.kind === 'consent')).toEqual({ kind: 'consent', total: 5, reasons: [{ reason: 'camera', count: 5 }] });

      await decline('privacy');
      totals = await totalsFor(await server.login(demo.manager));
      // One "privacy" counts in the total but is not shown on its own.
      expect(totals.kinds.find((k) => k.kind === 'consent')).toEqual({ kind: 'consent', total: 6, reasons: [{ reason: 'camera', count: 5 }] });
    });

    it('a reason for declining the short check is counted apart, and stays hidden below five', async () => {
      const { client, clientId } = await decline();
      const request = (await professional.post('/api/alliance/requests', { clientId })).json().id;
      expect((await client.post(`/api/client/alliance/${request}/decline`, { reason: 'time' })).statusCode).toBe(200);
      const rows = await server.spreekkamer.database.db.selectFrom('decline_reasons').selectAll().where('kind', '=', 'feedback').execute();
      expect(rows.map((r) => r.reason)).toEqual(['time']);
      expect((await totalsFor(await server.login(demo.policy))).kinds.find((k) => k.kind === 'feedback')).toEqual({ kind: 'feedback', total: null, reasons: [] });
      // A reason outside the list is refused.
      const other = (await professional.post('/api/alliance/requests', { clientId })).json().id;
      expect((await client.post(`/api/client/alliance/${other}/decline`, { reason: 'de klantmanager' })).statusCode).toBe(400);
    });

    it('cannot be traced to a client, professional, conversation or moment, and is never per professional', async () => {
      const rows = await server.spreekkamer.database.db.selectFrom('decline_reasons').selectAll().execute();
      expect(rows.length).toBe(7);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(['id', 'kind', 'month', 'organisation_id', 'reason']);
        expect(row.month).toMatch(/^\d{4}-\d{2}$/);
        for (const id of [...ids, professionalId]) expect(Object.values(row)).not.toContain(id);
      }
      // The audit entries of the declines name the conversation, but never the reason.
      const audit = JSON.stringify(await server.spreekkamer.database.db.selectFrom('audit_events').select('details_json').execute());
      expect(audit).not.toMatch(/camera|privacy|declineReason/);
      // Only managers and policy staff see the totals; the professional, a reviewer, an administrator and a client do not.
      for (const agent of [professional, reviewer, other.agent, await server.login(demo.admin)]) {
        const response = await agent.get('/api/insight/decline-reasons');
        expect(response.statusCode).toBe(403);
        expect(response.body).not.toContain('camera');
      }
      const client = (await consentedConversation(server, professional)).client;
      expect((await client.get('/api/insight/decline-reasons')).statusCode).toBe(401);
      // No filter by professional exists: a query parameter changes nothing.
      const policy = await server.login(demo.policy);
      expect((await policy.get(`/api/insight/decline-reasons?professionalId=${professionalId}`)).json()).toEqual(await totalsFor(policy));
    });
  });

  describe('a recurring reminder to ask for feedback', () => {
    it('is set per client by its own professional, shows as due, and "done" moves it a whole period on', async () => {
      const clientId: string = (await professional.post('/api/clients', { pseudonym: 'Herinnering' })).json().id;
      expect((await professional.get(`/api/clients/${clientId}`)).json().feedbackReminder).toBeNull();
      const set = await professional.patch(`/api/clients/${clientId}`, { feedbackReminderMonths: 6 });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().feedbackReminder).toMatchObject({ months: 6, due: false });
      const dueOn = new Date(set.json().feedbackReminder.dueOn).getTime();
      expect(dueOn - Date.now()).toBeGreaterThan(170 * 86_400_000);
      expect(dueOn - Date.now()).toBeLessThan(190 * 86_400_000);

      await server.spreekkamer.database.db.updateTable('clients').set({ feedback_reminder_due_on: '2020-01-01' }).where('id', '=', clientId).execute();
      const listed = (await professional.get('/api/clients')).json().clients.find((c: { id: string }) => c.id === clientId);
      expect(listed.feedbackReminder).toMatchObject({ months: 6, due: true });
      const done = await professional.patch(`/api/clients/${clientId}`, { feedbackReminderDone: true });
      expect(done.json().feedbackReminder).toMatchObject({ months: 6, due: false });

      expect((await professional.patch(`/api/clients/${clientId}`, { feedbackReminderMonths: 5 })).statusCode).toBe(400);
      expect((await other.agent.patch(`/api/clients/${clientId}`, { feedbackReminderMonths: 3 })).statusCode).toBe(404);
      expect((await (await server.login(demo.manager)).get(`/api/clients/${clientId}`)).statusCode).toBe(404);
      expect((await professional.patch(`/api/clients/${clientId}`, { feedbackReminderMonths: null })).json().feedbackReminder).toBeNull();
    });
  });
});
