import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, newUser, readyRecording, unknownId, userIdOf } from './support/review-fixtures.js';

const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('reviews: moments, shares, comments', () => {
  let server: TestServer;
  let professional: Agent;
  let professionalId: string;
  let reviewer: Agent;
  let reviewerId: string;
  let manager: Agent;
  let admin: Agent;
  let policy: Agent;
  let otherProfessional: Agent;
  let otherReviewer: { id: string; agent: Agent };
  let recordingId: string;

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    manager = await server.login(demo.manager);
    admin = await server.login(demo.admin);
    policy = await server.login(demo.policy);
    professionalId = await userIdOf(admin, demo.professional);
    reviewerId = await userIdOf(admin, demo.reviewer);
    otherProfessional = (await newUser(server, admin, 'Noor Visser', 'professional')).agent;
    otherReviewer = await newUser(server, admin, 'Bram de Boer', 'reviewer');
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer' });
    recordingId = await readyRecording(server, professionalId, conversation, 120);
  });
  afterAll(async () => server?.close());

  async function moment(start: number, end: number, title = 'Moment'): Promise<string> {
    const response = await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: start, endSeconds: end, title });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().id;
  }

  async function countRows(table: 'moments' | 'shares' | 'comments' | 'review_outcomes'): Promise<number> {
    const row = await server.spreekkamer.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  describe('moments', () => {
    it('creates, lists, changes and deletes the professional’s own moments', async () => {
      const created = await professional.post(`/api/recordings/${recordingId}/moments`, {
        startSeconds: 10.25,
        endSeconds: 22.5,
        title: 'Vraag over werk',
        themes: ['resistance', 'shared_goal', 'resistance'],
        notes: 'Ik praat door.',
      });
      expect(created.statusCode).toBe(200);
      const m = created.json();
      expect(m).toMatchObject({ recordingId, startSeconds: 10.25, endSeconds: 22.5, title: 'Vraag over werk', themes: ['resistance', 'shared_goal'], notes: 'Ik praat door.' });

      const patched = await professional.patch(`/api/moments/${m.id}`, { endSeconds: 30, notes: 'Wat zie ik: een lange stilte.' });
      expect(patched.json()).toMatchObject({ startSeconds: 10.25, endSeconds: 30, notes: 'Wat zie ik: een lange stilte.' });

      const list = (await professional.get(`/api/recordings/${recordingId}/moments`)).json().moments as { id: string }[];
      expect(list.map((x) => x.id)).toContain(m.id);

      const deleted = await professional.delete(`/api/moments/${m.id}`);
      expect(deleted.statusCode).toBe(204);
      const after = (await professional.get(`/api/recordings/${recordingId}/moments`)).json().moments as { id: string }[];
      expect(after.map((x) => x.id)).not.toContain(m.id);
    });

    it('stores HTML and script in title and notes as plain text', async () => {
      const created = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 1, endSeconds: 3, title: script, notes: `${script}\nregel 2` })).json();
      const fetched = (await professional.get(`/api/recordings/${recordingId}/moments`)).json().moments.find((x: { id: string }) => x.id === created.id);
      expect(fetched.title).toBe(script);
      expect(fetched.notes).toBe(`${script}\nregel 2`);
      await professional.delete(`/api/moments/${created.id}`);
    });

    it.each([
      ['end before start', { startSeconds: 50, endSeconds: 40, title: 'x' }, 400, 'moment_out_of_range'],
      ['end equal to start', { startSeconds: 50, endSeconds: 50, title: 'x' }, 400, 'moment_out_of_range'],
      ['end after the recording', { startSeconds: 100, endSeconds: 130, title: 'x' }, 400, 'moment_out_of_range'],
      ['start after the recording', { startSeconds: 125, endSeconds: 126, title: 'x' }, 400, 'moment_out_of_range'],
      ['negative start', { startSeconds: -1, endSeconds: 5, title: 'x' }, 400, 'validation'],
      ['seconds as text', { startSeconds: 'tien', endSeconds: 5, title: 'x' }, 400, 'validation'],
      ['empty title', { startSeconds: 1, endSeconds: 5, title: '   ' }, 400, 'validation'],
      ['title too long', { startSeconds: 1, endSeconds: 5, title: 'x'.repeat(121) }, 400, 'validation'],
      ['notes too long', { startSeconds: 1, endSeconds: 5, title: 'x', notes: 'x'.repeat(5001) }, 400, 'validation'],
      ['unknown theme', { startSeconds: 1, endSeconds: 5, title: 'x', themes: ['anger'] }, 400, 'validation'],
      ['control characters', { startSeconds: 1, endSeconds: 5, title: 'a\u0000b' }, 400, 'validation'],
    ])('refuses a moment with %s, in Dutch, changing nothing', async (_name, body, status, code) => {
      const before = await countRows('moments');
      const response = await professional.post(`/api/recordings/${recordingId}/moments`, body);
      expect(response.statusCode).toBe(status);
      const error = errorOf(response);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/[a-z]/);
      expect(error.message).not.toMatch(/\b(the|must)\b/i);
      expect(await countRows('moments')).toBe(before);
    });

    it('refuses a patch that moves the end before the start, or unknown fields', async () => {
      const id = await moment(10, 20);
      const backwards = await professional.patch(`/api/moments/${id}`, { endSeconds: 5 });
      expect(backwards.statusCode).toBe(400);
      expect(errorOf(backwards).code).toBe('moment_out_of_range');
      const unknownField = await professional.patch(`/api/moments/${id}`, { recordingId: unknownId });
      expect(unknownField.statusCode).toBe(400);
      const list = (await professional.get(`/api/recordings/${recordingId}/moments`)).json().moments;
      expect(list.find((x: { id: string }) => x.id === id)).toMatchObject({ startSeconds: 10, endSeconds: 20 });
    });

    it('answers not_found for unknown ids and validation for malformed ones', async () => {
      expect((await professional.get(`/api/recordings/${unknownId}/moments`)).statusCode).toBe(404);
      expect((await professional.post(`/api/recordings/${unknownId}/moments`, { startSeconds: 1, endSeconds: 2, title: 'x' })).statusCode).toBe(404);
      expect((await professional.patch(`/api/moments/${unknownId}`, { title: 'x' })).statusCode).toBe(404);
      expect((await professional.delete(`/api/moments/${unknownId}`)).statusCode).toBe(404);
      const malformed = await professional.get('/api/recordings/not-a-uuid/moments');
      expect(malformed.statusCode).toBe(400);
      expect(errorOf(malformed).code).toBe('validation');
    });
  });

  describe('nobody else reaches moments, shares or comments', () => {
    let momentId: string;
    let shareId: string;
    let commentId: string;
    beforeAll(async () => {
      momentId = await moment(40, 55, 'Geheim moment');
      const share = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(7) });
      expect(share.statusCode, share.body).toBe(200);
      shareId = share.json().id;
      const comment = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 41, kind: 'observation', body: 'Ik zie dat je wacht tot ze klaar is.' });
      expect(comment.statusCode, comment.body).toBe(200);
      commentId = comment.json().id;
    });

    const endpoints = () => [
      { method: 'GET', url: `/api/recordings/${recordingId}/moments` },
      { method: 'POST', url: `/api/recordings/${recordingId}/moments`, payload: { startSeconds: 1, endSeconds: 2, title: 'x' } },
      { method: 'PATCH', url: `/api/moments/${momentId}`, payload: { title: 'overgenomen' } },
      { method: 'DELETE', url: `/api/moments/${momentId}` },
      { method: 'GET', url: `/api/recordings/${recordingId}/shares` },
      { method: 'GET', url: `/api/recordings/${recordingId}/share-options` },
      { method: 'POST', url: `/api/recordings/${recordingId}/shares`, payload: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(3) } },
      { method: 'GET', url: `/api/shares/${shareId}` },
      { method: 'POST', url: `/api/shares/${shareId}/revoke` },
      { method: 'GET', url: `/api/moments/${momentId}/comments` },
      { method: 'GET', url: `/api/moments/${momentId}/comments?shareId=${shareId}` },
      { method: 'POST', url: `/api/moments/${momentId}/comments`, payload: { shareId, atSeconds: 41, kind: 'question', body: 'Mag ik meelezen?' } },
      { method: 'PUT', url: `/api/comments/${commentId}/takeaway`, payload: { takeaway: true } },
      { method: 'DELETE', url: `/api/comments/${commentId}` },
      { method: 'GET', url: `/api/shares/${shareId}/meeting` },
      { method: 'GET', url: `/api/recordings/${recordingId}/outcomes` },
      { method: 'GET', url: `/api/recordings/${recordingId}/client-points` },
      { method: 'GET', url: `/api/recordings/${recordingId}/review-export` },
      { method: 'GET', url: `/api/recordings/${recordingId}/review-export.md` },
      { method: 'GET', url: `/api/recordings/${recordingId}/review-export.csv` },
    ];

    it.each(['manager', 'admin', 'policy', 'otherProfessional', 'otherReviewer'] as const)('a %s gets nothing and changes nothing', async (who) => {
      const agent = { manager, admin, policy, otherProfessional, otherReviewer: otherReviewer.agent }[who];
      for (const endpoint of endpoints()) {
        const response = await agent.request({ method: endpoint.method as 'GET', url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
        expect([403, 404], `${who} ${endpoint.method} ${endpoint.url}: ${response.statusCode}`).toContain(response.statusCode);
        expect(['forbidden', 'not_found']).toContain(errorOf(response).code);
        expect(response.body).not.toContain('Geheim moment');
        expect(response.body).not.toContain('wacht tot ze klaar');
      }
      // The lists that exist for everyone hold nothing of it.
      const received = await agent.get('/api/shares/received');
      if (received.statusCode === 200) expect(received.json().shares).toEqual([]);
      else expect(received.statusCode).toBe(403);
      const moments = (await professional.get(`/api/recordings/${recordingId}/moments`)).json().moments;
      expect(moments.find((m: { id: string }) => m.id === momentId)).toMatchObject({ title: 'Geheim moment' });
      const comments = (await professional.get(`/api/moments/${momentId}/comments`)).json().comments;
      expect(comments.map((c: { id: string; takeaway: boolean }) => [c.id, c.takeaway])).toContainEqual([commentId, false]);
      const shares = (await professional.get(`/api/recordings/${recordingId}/shares`)).json().shares;
      expect(shares.find((s: { id: string }) => s.id === shareId).state).toBe('active');
    });

    it('refuses everything without a session, and state changes without the CSRF token', async () => {
      const anonymous = server.anonymous();
      for (const endpoint of endpoints()) {
        const response = await anonymous.request({ method: endpoint.method as 'GET', url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      }
      const noCsrf = await professional.request({ method: 'POST', url: `/api/shares/${shareId}/revoke`, headers: { 'x-csrf-token': 'vals' } });
      expect(noCsrf.statusCode).toBe(403);
      expect(errorOf(noCsrf).code).toBe('csrf');
    });

    it('a client session is not a staff session', async () => {
      const conversation = await consentedConversation(server, professional);
      const response = await conversation.client.get(`/api/recordings/${recordingId}/moments`);
      expect(response.statusCode).toBe(401);
    });
  });

  describe('sharing moments with a reviewer', () => {
    it('shares two moments with an end date; the reviewer sees exactly those, without the notes; revoking ends it at once', async () => {
      const first = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 60, endSeconds: 70, title: 'Begin', notes: 'Privé notitie', themes: ['flow'] })).json();
      const second = await moment(80, 90, 'Afspraak');
      const notShared = await moment(95, 100, 'Niet gedeeld');

      const options = (await professional.get(`/api/recordings/${recordingId}/share-options`)).json();
      expect(options.consent).toMatchObject({ audience: 'reviewer', reviewerUserId: null });
      expect(options.reviewers.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([reviewerId, otherReviewer.id]));
      expect(options.groups).toEqual([]);

      const expiresAt = inDays(14);
      const created = await professional.post(`/api/recordings/${recordingId}/shares`, {
        momentIds: [first.id, second],
        recipient: { type: 'reviewer', userId: reviewerId },
        question: 'Wat zie je als ik <b>stil</b> ben?',
        expiresAt,
      });
      expect(created.statusCode, created.body).toBe(200);
      const share = created.json();
      expect(share).toMatchObject({ recipient: { type: 'reviewer', userId: reviewerId, name: 'Youssef El Amrani' }, question: 'Wat zie je als ik <b>stil</b> ben?', state: 'active', revokedAt: null, clientTalk: false });
      expect(new Date(share.expiresAt).getTime()).toBe(new Date(expiresAt).getTime());
      expect(share.momentIds.sort()).toEqual([first.id, second].sort());

      const received = (await reviewer.get('/api/shares/received')).json().shares;
      const mine = received.find((s: { id: string }) => s.id === share.id);
      expect(mine).toMatchObject({ ownerName: 'Sanne de Vries', via: 'reviewer', question: 'Wat zie je als ik <b>stil</b> ben?' });
      expect(mine.moments.map((m: { title: string }) => m.title)).toEqual(['Begin', 'Afspraak']);
      expect(JSON.stringify(received)).not.toContain('Privé notitie');
      expect(JSON.stringify(received)).not.toContain('Niet gedeeld');

      const detail = await reviewer.get(`/api/shares/${share.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ isOwner: false, state: 'active' });

      // Another reviewer of the same organisation sees nothing of it.
      expect((await otherReviewer.agent.get(`/api/shares/${share.id}`)).statusCode).toBe(404);
      expect((await otherReviewer.agent.get('/api/shares/received')).json().shares).toEqual([]);

      // Comments: only on shared moments.
      expect((await reviewer.get(`/api/moments/${second}/comments?shareId=${share.id}`)).statusCode).toBe(200);
      expect((await reviewer.get(`/api/moments/${notShared}/comments`)).statusCode).toBe(404);
      expect((await reviewer.post(`/api/moments/${notShared}/comments`, { shareId: share.id, atSeconds: 96, kind: 'observation', body: 'Ik zie iets.' })).statusCode).toBe(404);

      const revoked = await professional.post(`/api/shares/${share.id}/revoke`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ state: 'revoked' });
      expect(revoked.json().revokedAt).toBeTruthy();
      expect((await reviewer.get(`/api/shares/${share.id}`)).statusCode).toBe(404);
      expect((await reviewer.get('/api/shares/received')).json().shares.map((s: { id: string }) => s.id)).not.toContain(share.id);
      expect((await reviewer.get(`/api/moments/${second}/comments?shareId=${share.id}`)).statusCode).toBe(404);
      expect((await reviewer.post(`/api/moments/${second}/comments`, { shareId: share.id, atSeconds: 81, kind: 'observation', body: 'Ik zie iets.' })).statusCode).toBe(404);
      // What the reviewer may still play of this recording comes only from the other, earlier share.
      const organisationId = (await server.spreekkamer.repositories.users.findById(reviewerId))?.organisation_id ?? '';
      const ranges = await server.spreekkamer.services.reviews.content.sharedRanges({ userId: reviewerId, organisationId, roles: ['reviewer'], teamIds: { professional: [], manager: [] } }, recordingId);
      expect(ranges?.ranges).toEqual([[40, 55]]);
      // The owner still sees the share, as revoked.
      expect((await professional.get(`/api/shares/${share.id}`)).json()).toMatchObject({ isOwner: true, state: 'revoked' });
    });

    it('an expired share gives no access', async () => {
      const id = await moment(5, 8, 'Kort');
      const share = (await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [id], recipient: { type: 'reviewer', userId: otherReviewer.id }, expiresAt: inDays(1) })).json();
      expect((await otherReviewer.agent.get(`/api/shares/${share.id}`)).statusCode).toBe(200);
      await server.spreekkamer.database.db.updateTable('shares').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', share.id).execute();
      expect((await otherReviewer.agent.get(`/api/shares/${share.id}`)).statusCode).toBe(404);
      expect((await otherReviewer.agent.get('/api/shares/received')).json().shares).toEqual([]);
      expect((await professional.get(`/api/shares/${share.id}`)).json().state).toBe('expired');
    });

    it.each([
      ['an end date in the past', () => ({ expiresAt: inDays(-1) }), 400, 'share_expiry_invalid'],
      ['an end date more than a year ahead', () => ({ expiresAt: inDays(400) }), 400, 'share_expiry_invalid'],
      ['an end date after the recording is deleted', () => ({ expiresAt: inDays(100) }), 400, 'share_expiry_invalid'],
      ['no end date', () => ({ expiresAt: undefined }), 400, 'validation'],
      ['a malformed end date', () => ({ expiresAt: 'morgen' }), 400, 'validation'],
      ['no moments', () => ({ momentIds: [] }), 400, 'validation'],
      ['an unknown moment', () => ({ momentIds: [unknownId] }), 404, 'not_found'],
      ['an unknown reviewer', () => ({ recipient: { type: 'reviewer', userId: unknownId } }), 404, 'not_found'],
      ['a colleague without the reviewer role as reviewer', () => ({ recipient: { type: 'reviewer', userId: 'OTHER_PROFESSIONAL' } }), 404, 'not_found'],
      ['an unknown group', () => ({ recipient: { type: 'peer_group', groupId: unknownId } }), 404, 'not_found'],
      ['an unknown recipient type', () => ({ recipient: { type: 'everyone' } }), 400, 'validation'],
      ['a question that is too long', () => ({ question: 'x'.repeat(501) }), 400, 'validation'],
      ['client talk without the client’s consent', () => ({ clientTalk: true }), 403, 'client_talk_not_allowed'],
    ])('refuses a share with %s and creates nothing', async (_name, change, status, code) => {
      const id = await moment(2, 4, 'Basis');
      const otherProfessionalId = (await otherProfessional.get('/api/session')).json().user.id;
      const body: Record<string, unknown> = { momentIds: [id], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5), ...change() };
      if (JSON.stringify(body).includes('OTHER_PROFESSIONAL')) body.recipient = { type: 'reviewer', userId: otherProfessionalId };
      const before = await countRows('shares');
      const response = await professional.post(`/api/recordings/${recordingId}/shares`, body);
      expect(response.statusCode, response.body).toBe(status);
      expect(errorOf(response).code).toBe(code);
      expect(await countRows('shares')).toBe(before);
    });

    it('refuses a moment of another recording in a share', async () => {
      const conversation = await consentedConversation(server, professional, { audience: 'reviewer' });
      const otherRecording = await readyRecording(server, professionalId, conversation, 60);
      const foreign = (await professional.post(`/api/recordings/${otherRecording}/moments`, { startSeconds: 1, endSeconds: 5, title: 'Ander' })).json();
      const response = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [foreign.id], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('sharing stays inside the client’s consent', () => {
    async function attempt(choices: Parameters<typeof consentedConversation>[2], recipient: 'reviewer' | 'otherReviewer' | 'group') {
      const conversation = await consentedConversation(server, professional, choices);
      const id = await readyRecording(server, professionalId, conversation, 60, choices?.media ?? 'video');
      const m = (await professional.post(`/api/recordings/${id}/moments`, { startSeconds: 1, endSeconds: 5, title: 'x' })).json();
      const group = (await professional.post('/api/peer-groups', { name: 'Intervisie', memberIds: [] })).json();
      const target =
        recipient === 'group' ? { type: 'peer_group', groupId: group.id } : { type: 'reviewer', userId: recipient === 'reviewer' ? reviewerId : otherReviewer.id };
      return professional.post(`/api/recordings/${id}/shares`, { momentIds: [m.id], recipient: target, expiresAt: inDays(5) });
    }

    it.each([
      ['only the professional → a reviewer', { audience: 'professional' }, 'reviewer'],
      ['only the professional → a peer group', { audience: 'professional' }, 'group'],
      ['a reviewer → a peer group', { audience: 'reviewer' }, 'group'],
      ['audio only, a reviewer → a peer group', { audience: 'reviewer', media: 'audio' }, 'group'],
      ['a named reviewer → another reviewer', { audience: 'peer_group', reviewerUserId: 'REVIEWER' }, 'otherReviewer'],
    ] as const)('refuses: consent for %s', async (_name, choices, recipient) => {
      const before = await countRows('shares');
      const resolved = { ...choices, ...('reviewerUserId' in choices ? { reviewerUserId: reviewerId } : {}) };
      const response = await attempt(resolved, recipient);
      expect(response.statusCode, response.body).toBe(403);
      expect(errorOf(response).code).toBe('consent_scope_exceeded');
      expect(await countRows('shares')).toBe(before);
    });

    it.each([
      ['audio only with peer group consent → a peer group', { audience: 'peer_group', media: 'audio' }, 'group'],
      ['a named reviewer → that reviewer', { audience: 'reviewer', reviewerUserId: 'REVIEWER' }, 'reviewer'],
    ] as const)('allows: consent for %s', async (_name, choices, recipient) => {
      const resolved = { ...choices, ...('reviewerUserId' in choices ? { reviewerUserId: reviewerId } : {}) };
      const response = await attempt(resolved, recipient);
      expect(response.statusCode, response.body).toBe(200);
    });
  });

  describe('comments', () => {
    let momentId: string;
    let shareId: string;
    beforeAll(async () => {
      momentId = await moment(20, 35, 'Gesprek over geld');
      shareId = (await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) })).json().id;
    });

    it('the reviewer comments with an alternative, the professional replies and marks a takeaway', async () => {
      const alt = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 25.5, kind: 'alternative', body: 'Je zou kunnen vragen wat zij zelf wil bereiken.' });
      expect(alt.statusCode, alt.body).toBe(200);
      expect(alt.json()).toMatchObject({ kind: 'alternative', authorName: 'Youssef El Amrani', atSeconds: 25.5, takeaway: false, shareId, parentId: null });
      const reply = await professional.post(`/api/moments/${momentId}/comments`, { shareId, parentId: alt.json().id, atSeconds: 25.5, kind: 'question', body: 'Hoe zou je dat zeggen?' });
      expect(reply.json().parentId).toBe(alt.json().id);
      const replyToReply = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, parentId: reply.json().id, atSeconds: 26, kind: 'observation', body: 'Bijvoorbeeld: wat wilt u over een half jaar?' });
      expect(replyToReply.json().parentId).toBe(alt.json().id);

      const own = await professional.post(`/api/moments/${momentId}/comments`, { atSeconds: 21, kind: 'strength', body: 'Ik noem eerst het doel van het gesprek.' });
      expect(own.json().shareId).toBeNull();

      const marked = await professional.put(`/api/comments/${alt.json().id}/takeaway`, { takeaway: true });
      expect(marked.json().takeaway).toBe(true);
      expect((await reviewer.put(`/api/comments/${alt.json().id}/takeaway`, { takeaway: false })).statusCode).toBe(403);

      const reviewerView = (await reviewer.get(`/api/moments/${momentId}/comments`)).json().comments as { id: string; takeaway: boolean }[];
      expect(reviewerView.map((c) => c.id)).toEqual(expect.arrayContaining([alt.json().id, reply.json().id, replyToReply.json().id]));
      expect(reviewerView.map((c) => c.id)).not.toContain(own.json().id);
      expect(reviewerView.find((c) => c.id === alt.json().id)?.takeaway).toBe(true);

      const ownerView = (await professional.get(`/api/moments/${momentId}/comments`)).json().comments as { id: string }[];
      expect(ownerView.map((c) => c.id)).toContain(own.json().id);

      const outcomes = (await professional.get(`/api/recordings/${recordingId}/outcomes`)).json();
      expect(outcomes.takeawayComments.map((c: { id: string; momentTitle: string }) => [c.id, c.momentTitle])).toContainEqual([alt.json().id, 'Gesprek over geld']);
    });

    it('a reviewer cannot write a private remark of the professional', async () => {
      const response = await reviewer.post(`/api/moments/${momentId}/comments`, { atSeconds: 25, kind: 'observation', body: 'Ik zie iets.' });
      expect(response.statusCode).toBe(404);
    });

    it('nudges a comment that only judges, and accepts it once confirmed', async () => {
      const before = await countRows('comments');
      const nudged = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 30, kind: 'observation', body: 'Slecht.' });
      expect(nudged.statusCode).toBe(422);
      expect(errorOf(nudged)).toMatchObject({ code: 'comment_judging' });
      expect(errorOf(nudged).message).toContain('Beschrijf wat u ziet');
      expect(await countRows('comments')).toBe(before);
      const english = await reviewer.request({ method: 'POST', url: `/api/moments/${momentId}/comments`, headers: { 'accept-language': 'en' }, payload: { shareId, atSeconds: 30, kind: 'observation', body: 'wrong' } });
      expect(errorOf(english).message).toContain('Describe what you see');
      const confirmed = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 30, kind: 'observation', body: 'Slecht.', confirmJudging: true });
      expect(confirmed.statusCode).toBe(200);
      const described = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 30, kind: 'observation', body: 'Ik zie dat ze wegkijkt als je "slecht" zegt.' });
      expect(described.statusCode).toBe(200);
    });

    it.each([
      ['an empty body', { body: '   ' }, 400, 'validation'],
      ['an oversized body', { body: 'x'.repeat(2001) }, 400, 'validation'],
      ['an unknown kind', { kind: 'verdict' }, 400, 'validation'],
      ['a time before the moment', { atSeconds: 5 }, 400, 'moment_out_of_range'],
      ['a time after the moment', { atSeconds: 50 }, 400, 'moment_out_of_range'],
      ['an unknown parent', { parentId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
      ['an unknown share', { shareId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
    ])('refuses a comment with %s', async (_name, change, status, code) => {
      const before = await countRows('comments');
      const response = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 22, kind: 'observation', body: 'Ik zie iets.', ...change });
      expect(response.statusCode, response.body).toBe(status);
      expect(errorOf(response).code).toBe(code);
      expect(await countRows('comments')).toBe(before);
    });

    it('stores script in a comment as text', async () => {
      const created = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 22, kind: 'question', body: script });
      expect(created.json().body).toBe(script);
      const listed = (await professional.get(`/api/moments/${momentId}/comments?shareId=${shareId}`)).json().comments;
      expect(listed.map((c: { body: string }) => c.body)).toContain(script);
    });

    it('only the author deletes a comment', async () => {
      const created = (await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 22, kind: 'question', body: 'Wat wilde je hier bereiken?' })).json();
      expect((await professional.delete(`/api/comments/${created.id}`)).statusCode).toBe(404);
      expect((await reviewer.delete(`/api/comments/${created.id}`)).statusCode).toBe(204);
      expect((await reviewer.delete(`/api/comments/${created.id}`)).statusCode).toBe(404);
    });
  });

  describe('review meeting', () => {
    it('the reviewer prepares an analysis; both record takeaways and agreements on the recording', async () => {
      const m = await moment(100, 110, 'Afsluiting');
      const share = (await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [m], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) })).json();
      const saved = await reviewer.put(`/api/shares/${share.id}/meeting`, { analysis: `Sterk: je vat samen.\n${script}`, meetingOn: '2026-12-01' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ analysis: `Sterk: je vat samen.\n${script}`, meetingOn: '2026-12-01' });
      expect((await professional.put(`/api/shares/${share.id}/meeting`, { analysis: 'Overschreven' })).statusCode).toBe(404);
      expect((await professional.get(`/api/shares/${share.id}/meeting`)).json().analysis).toContain('Sterk: je vat samen.');

      const byReviewer = await reviewer.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'agreement', text: 'Volgende keer eerst het doel noemen.', shareId: share.id });
      expect(byReviewer.statusCode, byReviewer.body).toBe(200);
      const byOwner = await professional.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'takeaway', text: 'Stiltes laten vallen.' });
      expect(byOwner.statusCode).toBe(200);
      const withScript = await professional.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'agreement', text: script });
      expect(withScript.json().text).toBe(script);
      expect((await professional.delete(`/api/outcomes/${withScript.json().id}`)).statusCode).toBe(204);
      expect((await reviewer.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'takeaway', text: 'Zonder share' })).statusCode).toBe(403);
      expect((await reviewer.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'takeaway', text: '' , shareId: share.id })).statusCode).toBe(400);

      const meeting = (await reviewer.get(`/api/shares/${share.id}/meeting`)).json();
      expect(meeting.outcomes.map((o: { text: string }) => o.text)).toEqual(['Volgende keer eerst het doel noemen.']);
      const all = (await professional.get(`/api/recordings/${recordingId}/outcomes`)).json();
      expect(all.outcomes.map((o: { text: string }) => o.text)).toEqual(expect.arrayContaining(['Volgende keer eerst het doel noemen.', 'Stiltes laten vallen.']));

      await professional.post(`/api/shares/${share.id}/revoke`);
      expect((await reviewer.get(`/api/shares/${share.id}/meeting`)).statusCode).toBe(404);
      expect((await professional.get(`/api/shares/${share.id}/meeting`)).statusCode).toBe(200);
      expect((await reviewer.delete(`/api/outcomes/${byReviewer.json().id}`)).statusCode).toBe(404);
      expect((await professional.delete(`/api/outcomes/${byOwner.json().id}`)).statusCode).toBe(204);
    });

    it.each([
      ['an analysis that is too long', { analysis: 'x'.repeat(10001) }],
      ['a malformed date', { analysis: 'ok', meetingOn: '1 december' }],
    ])('refuses %s', async (_name, body) => {
      const m = await moment(111, 115, 'Extra');
      const share = (await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [m], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) })).json();
      const response = await reviewer.put(`/api/shares/${share.id}/meeting`, body);
      expect(response.statusCode).toBe(400);
      expect((await reviewer.get(`/api/shares/${share.id}/meeting`)).json().analysis).toBe('');
    });
  });

  describe('export', () => {
    it('exports the professional’s own moments, notes and takeaways as Markdown and CSV, text only', async () => {
      await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 3, endSeconds: 6, title: '=SUM(A1) <b>vet</b>', notes: script });
      const md = await professional.get(`/api/recordings/${recordingId}/review-export.md`);
      expect(md.statusCode).toBe(200);
      expect(md.headers['content-type']).toContain('text/markdown');
      expect(md.headers['content-disposition']).toMatch(/^attachment; filename="terugkijken-2026-11-20\.md"$/);
      expect(md.body).toContain('&lt;script&gt;');
      expect(md.body).not.toContain('<script');
      expect(md.body).toContain('Je zou kunnen vragen wat zij zelf wil bereiken.');

      const csv = await professional.get(`/api/recordings/${recordingId}/review-export.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain(`"'=SUM(A1) <b>vet</b>"`);

      const json = (await professional.get(`/api/recordings/${recordingId}/review-export`)).json();
      expect(json.moments.length).toBeGreaterThan(3);
      expect(json.conversationHeldOn).toBe('2026-11-20');
    });
  });

  describe('review guide', () => {
    it('shows the defaults to everyone; only an administrator changes or resets them', async () => {
      const guide = (await professional.get('/api/review-guide')).json();
      expect(guide.customised).toBe(false);
      expect(guide.steps.map((s: { id: string }) => s.id)).toEqual(['strengths', 'describe', 'effect', 'alternatives']);
      const steps = guide.steps.map((s: { id: string }) => ({ id: s.id, prompts: [{ nl: `Eigen vraag bij ${s.id} ${script}`, en: '' }] }));
      expect((await professional.put('/api/review-guide', { steps })).statusCode).toBe(403);
      expect((await manager.put('/api/review-guide', { steps })).statusCode).toBe(403);
      const updated = await admin.put('/api/review-guide', { steps });
      expect(updated.statusCode, updated.body).toBe(200);
      const seen = (await reviewer.get('/api/review-guide')).json();
      expect(seen.customised).toBe(true);
      expect(seen.steps[0].prompts).toEqual([{ nl: `Eigen vraag bij strengths ${script}`, en: `Eigen vraag bij strengths ${script}` }]);
      const reset = await admin.delete('/api/review-guide');
      expect(reset.json().customised).toBe(false);
    });

    it.each([
      ['a missing step', (steps: { id: string }[]) => steps.slice(1)],
      ['a step twice', (steps: { id: string }[]) => [...steps.slice(1), steps[1]]],
      ['an empty prompt', (steps: { id: string }[]) => steps.map((s) => ({ ...s, prompts: [{ nl: ' ', en: '' }] }))],
      ['a step without prompts', (steps: { id: string }[]) => steps.map((s) => ({ ...s, prompts: [] }))],
      ['a prompt that is too long', (steps: { id: string }[]) => steps.map((s) => ({ ...s, prompts: [{ nl: 'x'.repeat(301), en: '' }] }))],
    ])('refuses %s', async (_name, change) => {
      const steps = ['strengths', 'describe', 'effect', 'alternatives'].map((id) => ({ id, prompts: [{ nl: 'Vraag', en: 'Question' }] }));
      const response = await admin.put('/api/review-guide', { steps: change(steps) });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation');
      expect((await admin.get('/api/review-guide')).json().customised).toBe(false);
    });
  });
});
