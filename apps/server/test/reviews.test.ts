import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import { demo, errorOf, startTestServer, type Agent, type TestServer, expectProblem } from './support/harness.js';
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
    const response = await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: start, endSeconds: end, title } });
    return response.id;
  }

  async function countRows(table: 'moments' | 'shares' | 'comments' | 'review_outcomes'): Promise<number> {
    const row = await server.spreekkamer.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  describe('moments', () => {
    it('creates, lists, changes and deletes the professional’s own moments', async () => {
      const created = await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: {
        startSeconds: 10.25,
        endSeconds: 22.5,
        title: 'Vraag over werk',
        themes: ['resistance', 'shared_goal', 'resistance'],
        notes: 'Ik praat door.',
      } });
      const m = created;
      expect(m).toMatchObject({ recordingId, startSeconds: 10.25, endSeconds: 22.5, title: 'Vraag over werk', themes: ['resistance', 'shared_goal'], notes: 'Ik praat door.' });

      const patched = await professional.call(contract.reviews.updateMoment, { params: { id: m.id }, body: { endSeconds: 30, notes: 'Wat zie ik: een lange stilte.' } });
      expect(patched).toMatchObject({ startSeconds: 10.25, endSeconds: 30, notes: 'Wat zie ik: een lange stilte.' });

      const list = (await professional.call(contract.reviews.listMoments, { params: { id: recordingId } })).moments as { id: string }[];
      expect(list.map((x) => x.id)).toContain(m.id);

      await professional.call(contract.reviews.deleteMoment, { params: { id: m.id } });
      const after = (await professional.call(contract.reviews.listMoments, { params: { id: recordingId } })).moments as { id: string }[];
      expect(after.map((x) => x.id)).not.toContain(m.id);
    });

    it('stores HTML and script in title and notes as plain text', async () => {
      const created = await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 1, endSeconds: 3, title: script, notes: `${script}\nregel 2` } });
      const fetched = (await professional.call(contract.reviews.listMoments, { params: { id: recordingId } })).moments.find((x) => x.id === created.id)!;
      expect(fetched.title).toBe(script);
      expect(fetched.notes).toBe(`${script}\nregel 2`);
      await professional.call(contract.reviews.deleteMoment, { params: { id: created.id } });
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
      // raw on purpose: bodies the contract forbids
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
      const backwards = await expectProblem(professional.call(contract.reviews.updateMoment, { params: { id }, body: { endSeconds: 5 } }), 400);
      expect(backwards.code).toBe('moment_out_of_range');
      // raw on purpose: a field the contract does not know
      const unknownField = await professional.patch(`/api/moments/${id}`, { recordingId: unknownId });
      expect(unknownField.statusCode).toBe(400);
      const list = (await professional.call(contract.reviews.listMoments, { params: { id: recordingId } })).moments;
      expect(list.find((x: { id: string }) => x.id === id)).toMatchObject({ startSeconds: 10, endSeconds: 20 });
    });

    it('answers not_found for unknown ids and validation for malformed ones', async () => {
      await expectProblem(professional.call(contract.reviews.listMoments, { params: { id: unknownId } }), 404);
      await expectProblem(professional.call(contract.reviews.createMoment, { params: { id: unknownId }, body: { startSeconds: 1, endSeconds: 2, title: 'x' } }), 404);
      await expectProblem(professional.call(contract.reviews.updateMoment, { params: { id: unknownId }, body: { title: 'x' } }), 404);
      await expectProblem(professional.call(contract.reviews.deleteMoment, { params: { id: unknownId } }), 404);
      const malformed = await expectProblem(professional.call(contract.reviews.listMoments, { params: { id: 'not-a-uuid' } }), 400);
      expect(malformed.code).toBe('validation');
    });
  });

  describe('nobody else reaches moments, shares or comments', () => {
    let momentId: string;
    let shareId: string;
    let commentId: string;
    beforeAll(async () => {
      momentId = await moment(40, 55, 'Geheim moment');
      const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(7) } });
      shareId = share.id;
      const comment = await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 41, kind: 'observation', body: 'Ik zie dat je wacht tot ze klaar is.' } });
      commentId = comment.id;
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
      const moments = (await professional.call(contract.reviews.listMoments, { params: { id: recordingId } })).moments;
      expect(moments.find((m: { id: string }) => m.id === momentId)).toMatchObject({ title: 'Geheim moment' });
      const comments = (await professional.call(contract.reviews.listComments, { params: { id: momentId }, query: {  } })).comments;
      expect(comments.map((c: { id: string; takeaway: boolean }) => [c.id, c.takeaway])).toContainEqual([commentId, false]);
      const shares = (await professional.call(contract.reviews.listShares, { params: { id: recordingId } })).shares;
      expect(shares.find((s) => s.id === shareId)!.state).toBe('active');
    });

    it('refuses everything without a session, and state changes without the CSRF token', async () => {
      const anonymous = server.anonymous();
      for (const endpoint of endpoints()) {
        const response = await anonymous.request({ method: endpoint.method as 'GET', url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      }
      // raw on purpose: a forged CSRF token
      const noCsrf = await professional.request({ method: 'POST', url: `/api/shares/${shareId}/revoke`, headers: { 'x-csrf-token': 'vals' } });
      expect(noCsrf.statusCode).toBe(403);
      expect(errorOf(noCsrf).code).toBe('csrf');
    });

    it('a client session is not a staff session', async () => {
      const conversation = await consentedConversation(server, professional);
      await expectProblem(conversation.client.call(contract.reviews.listMoments, { params: { id: recordingId } }), 401);
    });
  });

  describe('sharing moments with a reviewer', () => {
    it('shares two moments with an end date; the reviewer sees exactly those, without the notes; revoking ends it at once', async () => {
      const first = await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 60, endSeconds: 70, title: 'Begin', notes: 'Privé notitie', themes: ['flow'] } });
      const second = await moment(80, 90, 'Afspraak');
      const notShared = await moment(95, 100, 'Niet gedeeld');

      const options = await professional.call(contract.reviews.shareOptions, { params: { id: recordingId } });
      expect(options.consent).toMatchObject({ audience: 'reviewer', reviewerUserId: null });
      expect(options.reviewers.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([reviewerId, otherReviewer.id]));
      expect(options.groups).toEqual([]);

      const expiresAt = inDays(14);
      const created = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: {
        momentIds: [first.id, second],
        recipient: { type: 'reviewer', userId: reviewerId },
        question: 'Wat zie je als ik <b>stil</b> ben?',
        expiresAt,
      } });
      const share = created;
      expect(share).toMatchObject({ recipient: { type: 'reviewer', userId: reviewerId, name: 'Youssef El Amrani' }, question: 'Wat zie je als ik <b>stil</b> ben?', state: 'active', revokedAt: null, clientTalk: false });
      expect(new Date(share.expiresAt).getTime()).toBe(new Date(expiresAt).getTime());
      expect(share.momentIds.sort()).toEqual([first.id, second].sort());

      const received = (await reviewer.call(contract.reviews.received)).shares;
      const mine = received.find((s) => s.id === share.id)!;
      expect(mine).toMatchObject({ ownerName: 'Sanne de Vries', via: 'reviewer', question: 'Wat zie je als ik <b>stil</b> ben?' });
      expect(mine.moments.map((m: { title: string }) => m.title)).toEqual(['Begin', 'Afspraak']);
      expect(JSON.stringify(received)).not.toContain('Privé notitie');
      expect(JSON.stringify(received)).not.toContain('Niet gedeeld');

      const detail = await reviewer.call(contract.reviews.shareDetail, { params: { id: share.id } });
      expect(detail).toMatchObject({ isOwner: false, state: 'active' });

      // Another reviewer of the same organisation sees nothing of it.
      await expectProblem(otherReviewer.agent.call(contract.reviews.shareDetail, { params: { id: share.id } }), 404);
      expect((await otherReviewer.agent.call(contract.reviews.received)).shares).toEqual([]);

      // Comments: only on shared moments.
      await reviewer.call(contract.reviews.listComments, { params: { id: second }, query: { shareId: share.id } });
      await expectProblem(reviewer.call(contract.reviews.listComments, { params: { id: notShared }, query: {  } }), 404);
      await expectProblem(reviewer.call(contract.reviews.createComment, { params: { id: notShared }, body: { shareId: share.id, atSeconds: 96, kind: 'observation', body: 'Ik zie iets.' } }), 404);

      const revoked = await professional.call(contract.reviews.revokeShare, { params: { id: share.id } });
      expect(revoked).toMatchObject({ state: 'revoked' });
      expect(revoked.revokedAt).toBeTruthy();
      await expectProblem(reviewer.call(contract.reviews.shareDetail, { params: { id: share.id } }), 404);
      expect((await reviewer.call(contract.reviews.received)).shares.map((s: { id: string }) => s.id)).not.toContain(share.id);
      await expectProblem(reviewer.call(contract.reviews.listComments, { params: { id: second }, query: { shareId: share.id } }), 404);
      await expectProblem(reviewer.call(contract.reviews.createComment, { params: { id: second }, body: { shareId: share.id, atSeconds: 81, kind: 'observation', body: 'Ik zie iets.' } }), 404);
      // What the reviewer may still play of this recording comes only from the other, earlier share.
      const organisationId = (await server.spreekkamer.repositories.users.findById(reviewerId))?.organisation_id ?? '';
      const ranges = await server.spreekkamer.services.reviews.content.sharedRanges({ userId: reviewerId, organisationId, roles: ['reviewer'], teamIds: { professional: [], manager: [] } }, recordingId);
      expect(ranges?.ranges).toEqual([[40, 55]]);
      // The owner still sees the share, as revoked.
      expect(await professional.call(contract.reviews.shareDetail, { params: { id: share.id } })).toMatchObject({ isOwner: true, state: 'revoked' });
    });

    it('an expired share gives no access', async () => {
      const id = await moment(5, 8, 'Kort');
      const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [id], recipient: { type: 'reviewer', userId: otherReviewer.id }, expiresAt: inDays(1) } });
      await otherReviewer.agent.call(contract.reviews.shareDetail, { params: { id: share.id } });
      await server.spreekkamer.database.db.updateTable('shares').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', share.id).execute();
      await expectProblem(otherReviewer.agent.call(contract.reviews.shareDetail, { params: { id: share.id } }), 404);
      expect((await otherReviewer.agent.call(contract.reviews.received)).shares).toEqual([]);
      expect((await professional.call(contract.reviews.shareDetail, { params: { id: share.id } })).state).toBe('expired');
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
      const otherProfessionalId = (await otherProfessional.call(contract.account.session)).user.id;
      const body: Record<string, unknown> = { momentIds: [id], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5), ...change() };
      if (JSON.stringify(body).includes('OTHER_PROFESSIONAL')) body.recipient = { type: 'reviewer', userId: otherProfessionalId };
      const before = await countRows('shares');
      // raw on purpose: bodies the contract forbids
      const response = await professional.post(`/api/recordings/${recordingId}/shares`, body);
      expect(response.statusCode, response.body).toBe(status);
      expect(errorOf(response).code).toBe(code);
      expect(await countRows('shares')).toBe(before);
    });

    it('refuses a moment of another recording in a share', async () => {
      const conversation = await consentedConversation(server, professional, { audience: 'reviewer' });
      const otherRecording = await readyRecording(server, professionalId, conversation, 60);
      const foreign = await professional.call(contract.reviews.createMoment, { params: { id: otherRecording }, body: { startSeconds: 1, endSeconds: 5, title: 'Ander' } });
      await expectProblem(professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [foreign.id], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) } }), 404);
    });
  });

  describe('sharing stays inside the client’s consent', () => {
    async function attempt(choices: Parameters<typeof consentedConversation>[2], recipient: 'reviewer' | 'otherReviewer' | 'group') {
      const conversation = await consentedConversation(server, professional, choices);
      const id = await readyRecording(server, professionalId, conversation, 60, choices?.media ?? 'video');
      const m = await professional.call(contract.reviews.createMoment, { params: { id }, body: { startSeconds: 1, endSeconds: 5, title: 'x' } });
      const group = await professional.call(contract.reviews.createPeerGroup, { body: { name: 'Intervisie', memberIds: [] } });
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
      shareId = (await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) } })).id;
    });

    it('the reviewer comments with an alternative, the professional replies and marks a takeaway', async () => {
      const alt = await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 25.5, kind: 'alternative', body: 'Je zou kunnen vragen wat zij zelf wil bereiken.' } });
      expect(alt).toMatchObject({ kind: 'alternative', authorName: 'Youssef El Amrani', atSeconds: 25.5, takeaway: false, shareId, parentId: null });
      const reply = await professional.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, parentId: alt.id, atSeconds: 25.5, kind: 'question', body: 'Hoe zou je dat zeggen?' } });
      expect(reply.parentId).toBe(alt.id);
      const replyToReply = await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, parentId: reply.id, atSeconds: 26, kind: 'observation', body: 'Bijvoorbeeld: wat wilt u over een half jaar?' } });
      expect(replyToReply.parentId).toBe(alt.id);

      const own = await professional.call(contract.reviews.createComment, { params: { id: momentId }, body: { atSeconds: 21, kind: 'strength', body: 'Ik noem eerst het doel van het gesprek.' } });
      expect(own.shareId).toBeNull();

      const marked = await professional.call(contract.reviews.setTakeaway, { params: { id: alt.id }, body: { takeaway: true } });
      expect(marked.takeaway).toBe(true);
      await expectProblem(reviewer.call(contract.reviews.setTakeaway, { params: { id: alt.id }, body: { takeaway: false } }), 403);

      const reviewerView = (await reviewer.call(contract.reviews.listComments, { params: { id: momentId }, query: {  } })).comments as { id: string; takeaway: boolean }[];
      expect(reviewerView.map((c) => c.id)).toEqual(expect.arrayContaining([alt.id, reply.id, replyToReply.id]));
      expect(reviewerView.map((c) => c.id)).not.toContain(own.id);
      expect(reviewerView.find((c) => c.id === alt.id)?.takeaway).toBe(true);

      const ownerView = (await professional.call(contract.reviews.listComments, { params: { id: momentId }, query: {  } })).comments as { id: string }[];
      expect(ownerView.map((c) => c.id)).toContain(own.id);

      const outcomes = await professional.call(contract.reviews.outcomes, { params: { id: recordingId } });
      expect(outcomes.takeawayComments.map((c: { id: string; momentTitle: string }) => [c.id, c.momentTitle])).toContainEqual([alt.id, 'Gesprek over geld']);
    });

    it('a reviewer cannot write a private remark of the professional', async () => {
      await expectProblem(reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { atSeconds: 25, kind: 'observation', body: 'Ik zie iets.' } }), 404);
    });

    it('nudges a comment that only judges, and accepts it once confirmed', async () => {
      const before = await countRows('comments');
      const nudged = await expectProblem(reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 30, kind: 'observation', body: 'Slecht.' } }), 422);
      expect(nudged).toMatchObject({ code: 'comment_judging' });
      expect(nudged.message).toContain('Beschrijf wat u ziet');
      expect(await countRows('comments')).toBe(before);
      // raw on purpose: an Accept-Language header
      const english = await reviewer.request({ method: 'POST', url: `/api/moments/${momentId}/comments`, headers: { 'accept-language': 'en' }, payload: { shareId, atSeconds: 30, kind: 'observation', body: 'wrong' } });
      expect(errorOf(english).message).toContain('Describe what you see');
      await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 30, kind: 'observation', body: 'Slecht.', confirmJudging: true } });
      await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 30, kind: 'observation', body: 'Ik zie dat ze wegkijkt als je "slecht" zegt.' } });
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
      // raw on purpose: bodies the contract forbids
      const response = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 22, kind: 'observation', body: 'Ik zie iets.', ...change });
      expect(response.statusCode, response.body).toBe(status);
      expect(errorOf(response).code).toBe(code);
      expect(await countRows('comments')).toBe(before);
    });

    it('stores script in a comment as text', async () => {
      const created = await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 22, kind: 'question', body: script } });
      expect(created.body).toBe(script);
      const listed = (await professional.call(contract.reviews.listComments, { params: { id: momentId }, query: { shareId } })).comments;
      expect(listed.map((c: { body: string }) => c.body)).toContain(script);
    });

    it('only the author deletes a comment', async () => {
      const created = await reviewer.call(contract.reviews.createComment, { params: { id: momentId }, body: { shareId, atSeconds: 22, kind: 'question', body: 'Wat wilde je hier bereiken?' } });
      await expectProblem(professional.call(contract.reviews.deleteComment, { params: { id: created.id } }), 404);
      await reviewer.call(contract.reviews.deleteComment, { params: { id: created.id } });
      await expectProblem(reviewer.call(contract.reviews.deleteComment, { params: { id: created.id } }), 404);
    });
  });

  describe('review meeting', () => {
    it('the reviewer prepares an analysis; both record takeaways and agreements on the recording', async () => {
      const m = await moment(100, 110, 'Afsluiting');
      const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [m], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) } });
      const saved = await reviewer.call(contract.reviews.updateMeeting, { params: { id: share.id }, body: { analysis: `Sterk: je vat samen.\n${script}`, meetingOn: '2026-12-01' } });
      expect(saved).toMatchObject({ analysis: `Sterk: je vat samen.\n${script}`, meetingOn: '2026-12-01' });
      await expectProblem(professional.call(contract.reviews.updateMeeting, { params: { id: share.id }, body: { analysis: 'Overschreven' } }), 404);
      expect((await professional.call(contract.reviews.meeting, { params: { id: share.id } })).analysis).toContain('Sterk: je vat samen.');

      const byReviewer = await reviewer.call(contract.reviews.addOutcome, { params: { id: recordingId }, body: { kind: 'agreement', text: 'Volgende keer eerst het doel noemen.', shareId: share.id } });
      const byOwner = await professional.call(contract.reviews.addOutcome, { params: { id: recordingId }, body: { kind: 'takeaway', text: 'Stiltes laten vallen.' } });
      const withScript = await professional.call(contract.reviews.addOutcome, { params: { id: recordingId }, body: { kind: 'agreement', text: script } });
      expect(withScript.text).toBe(script);
      await professional.call(contract.reviews.deleteOutcome, { params: { id: withScript.id } });
      await expectProblem(reviewer.call(contract.reviews.addOutcome, { params: { id: recordingId }, body: { kind: 'takeaway', text: 'Zonder share' } }), 403);
      await expectProblem(reviewer.call(contract.reviews.addOutcome, { params: { id: recordingId }, body: { kind: 'takeaway', text: '' , shareId: share.id } }), 400);

      const meeting = await reviewer.call(contract.reviews.meeting, { params: { id: share.id } });
      expect(meeting.outcomes.map((o: { text: string }) => o.text)).toEqual(['Volgende keer eerst het doel noemen.']);
      const all = await professional.call(contract.reviews.outcomes, { params: { id: recordingId } });
      expect(all.outcomes.map((o: { text: string }) => o.text)).toEqual(expect.arrayContaining(['Volgende keer eerst het doel noemen.', 'Stiltes laten vallen.']));

      await professional.call(contract.reviews.revokeShare, { params: { id: share.id } });
      await expectProblem(reviewer.call(contract.reviews.meeting, { params: { id: share.id } }), 404);
      await professional.call(contract.reviews.meeting, { params: { id: share.id } });
      await expectProblem(reviewer.call(contract.reviews.deleteOutcome, { params: { id: byReviewer.id } }), 404);
      await professional.call(contract.reviews.deleteOutcome, { params: { id: byOwner.id } });
    });

    it.each([
      ['an analysis that is too long', { analysis: 'x'.repeat(10001) }],
      ['a malformed date', { analysis: 'ok', meetingOn: '1 december' }],
    ])('refuses %s', async (_name, body) => {
      const m = await moment(111, 115, 'Extra');
      const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [m], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) } });
      await expectProblem(reviewer.call(contract.reviews.updateMeeting, { params: { id: share.id }, body }), 400);
      expect((await reviewer.call(contract.reviews.meeting, { params: { id: share.id } })).analysis).toBe('');
    });
  });

  describe('export', () => {
    it('exports the professional’s own moments, notes and takeaways as Markdown and CSV, text only', async () => {
      await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 3, endSeconds: 6, title: '=SUM(A1) <b>vet</b>', notes: script } });
      // raw on purpose: downloads, read as files
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

      const json = await professional.call(contract.reviews.export, { params: { id: recordingId } });
      expect(json.moments.length).toBeGreaterThan(3);
      expect(json.conversationHeldOn).toBe('2026-11-20');
    });
  });

  describe('review guide', () => {
    it('shows the defaults to everyone; only an administrator changes or resets them', async () => {
      const guide = await professional.call(contract.reviews.guide);
      expect(guide.customised).toBe(false);
      expect(guide.steps.map((s: { id: string }) => s.id)).toEqual(['strengths', 'describe', 'effect', 'alternatives']);
      const steps = guide.steps.map((s) => ({ id: s.id, prompts: [{ nl: `Eigen vraag bij ${s.id} ${script}`, en: '' }] }));
      await expectProblem(professional.call(contract.reviews.updateGuide, { body: { steps } }), 403);
      await expectProblem(manager.call(contract.reviews.updateGuide, { body: { steps } }), 403);
      await admin.call(contract.reviews.updateGuide, { body: { steps } });
      const seen = await reviewer.call(contract.reviews.guide);
      expect(seen.customised).toBe(true);
      expect(seen.steps[0]!.prompts).toEqual([{ nl: `Eigen vraag bij strengths ${script}`, en: `Eigen vraag bij strengths ${script}` }]);
      const reset = await admin.call(contract.reviews.resetGuide);
      expect(reset.customised).toBe(false);
    });

    it.each([
      ['a missing step', (steps: { id: string }[]) => steps.slice(1)],
      ['a step twice', (steps: { id: string }[]) => [...steps.slice(1), steps[1]]],
      ['an empty prompt', (steps: { id: string }[]) => steps.map((s) => ({ ...s, prompts: [{ nl: ' ', en: '' }] }))],
      ['a step without prompts', (steps: { id: string }[]) => steps.map((s) => ({ ...s, prompts: [] }))],
      ['a prompt that is too long', (steps: { id: string }[]) => steps.map((s) => ({ ...s, prompts: [{ nl: 'x'.repeat(301), en: '' }] }))],
    ])('refuses %s', async (_name, change) => {
      const steps = ['strengths', 'describe', 'effect', 'alternatives'].map((id) => ({ id, prompts: [{ nl: 'Vraag', en: 'Question' }] }));
      // raw on purpose: guides the contract forbids
      const response = await admin.put('/api/review-guide', { steps: change(steps) });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation');
      expect((await admin.call(contract.reviews.guide)).customised).toBe(false);
    });
  });
});
