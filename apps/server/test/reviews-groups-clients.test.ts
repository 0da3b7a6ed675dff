import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, newUser, readyRecording, unknownId, userIdOf, type ConsentedConversation } from './support/review-fixtures.js';

describe('reviews: peer groups, client points, withdrawal', () => {
  let server: TestServer;
  let professional: Agent;
  let professionalId: string;
  let reviewer: Agent;
  let reviewerId: string;
  let admin: Agent;
  let manager: Agent;
  let colleague: { id: string; agent: Agent };
  let secondColleague: { id: string; agent: Agent };

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    admin = await server.login(demo.admin);
    manager = await server.login(demo.manager);
    professionalId = await userIdOf(admin, demo.professional);
    reviewerId = await userIdOf(admin, demo.reviewer);
    colleague = await newUser(server, admin, 'Noor Visser', 'professional');
    secondColleague = await newUser(server, admin, 'Ali Kaya', 'professional');
  });
  afterAll(async () => server?.close());

  async function recordingWithMoments(choices: Parameters<typeof consentedConversation>[2], spans: [number, number][]) {
    const conversation = await consentedConversation(server, professional, choices);
    const recordingId = await readyRecording(server, professionalId, conversation, 120);
    const momentIds: string[] = [];
    for (const [start, end] of spans) {
      const response = await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: start, endSeconds: end, title: `Moment ${start}`, notes: 'Mijn eigen notitie' });
      expect(response.statusCode, response.body).toBe(200);
      momentIds.push(response.json().id);
    }
    return { conversation, recordingId, momentIds };
  }

  describe('peer groups', () => {
    let groupId: string;
    let shareId: string;
    let momentIds: string[];
    let recordingId: string;

    it('creates a group; invitees see nothing shared until they join', async () => {
      const created = await professional.post('/api/peer-groups', { name: 'Intervisie <b>West</b>', memberIds: [colleague.id, secondColleague.id] });
      expect(created.statusCode, created.body).toBe(200);
      const group = created.json();
      groupId = group.id;
      expect(group).toMatchObject({ name: 'Intervisie <b>West</b>', myStatus: 'active' });
      expect(group.members.map((m: { name: string; status: string }) => [m.name, m.status]).sort()).toEqual(
        [['Ali Kaya', 'invited'], ['Noor Visser', 'invited'], ['Sanne de Vries', 'active']].sort(),
      );

      ({ recordingId, momentIds } = await recordingWithMoments({ audience: 'peer_group' }, [[10, 20], [50, 60], [90, 100]]));
      const share = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: momentIds.slice(0, 2), recipient: { type: 'peer_group', groupId }, question: 'Wat zien jullie?', expiresAt: inDays(10) });
      expect(share.statusCode, share.body).toBe(200);
      shareId = share.json().id;
      expect(share.json().recipient).toMatchObject({ type: 'peer_group', name: 'Intervisie <b>West</b>' });

      expect((await colleague.agent.get('/api/peer-groups')).json().groups[0]).toMatchObject({ id: groupId, myStatus: 'invited' });
      expect((await colleague.agent.get('/api/shares/received')).json().shares).toEqual([]);
      expect((await colleague.agent.get(`/api/shares/${shareId}`)).statusCode).toBe(404);
      expect((await colleague.agent.post(`/api/peer-groups/${groupId}/members`, { userId: reviewerId })).statusCode).toBe(404);
    });

    it('a member who joined sees the group’s share and comments in the group’s thread', async () => {
      expect((await colleague.agent.post(`/api/peer-groups/${groupId}/accept`)).json().myStatus).toBe('active');
      const received = (await colleague.agent.get('/api/shares/received')).json().shares;
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ id: shareId, via: 'peer_group', groupName: 'Intervisie <b>West</b>', ownerName: 'Sanne de Vries' });
      expect(received[0].moments.map((m: { startSeconds: number }) => m.startSeconds)).toEqual([10, 50]);
      expect(JSON.stringify(received)).not.toContain('Mijn eigen notitie');

      const comment = await colleague.agent.post(`/api/moments/${momentIds[0]}/comments`, { shareId, atSeconds: 12, kind: 'strength', body: 'Je geeft haar de tijd om na te denken.' });
      expect(comment.statusCode, comment.body).toBe(200);
      expect((await colleague.agent.get(`/api/moments/${momentIds[2]}/comments`)).statusCode).toBe(404);
      const ranges = await server.spreekkamer.services.reviews.content.sharedRanges(
        { userId: colleague.id, organisationId: (await server.spreekkamer.repositories.users.findById(colleague.id))?.organisation_id ?? '', roles: ['professional'], teamIds: { professional: [], manager: [] } },
        recordingId,
      );
      expect(ranges).toEqual({ ranges: [[10, 20], [50, 60]], via: 'peer_group' });
      // Only a reviewer the share names writes an analysis.
      expect((await colleague.agent.put(`/api/shares/${shareId}/meeting`, { analysis: 'Mijn analyse' })).statusCode).toBe(404);
    });

    it('leaving ends access at once', async () => {
      expect((await colleague.agent.post(`/api/peer-groups/${groupId}/leave`)).statusCode).toBe(204);
      expect((await colleague.agent.get('/api/shares/received')).json().shares).toEqual([]);
      expect((await colleague.agent.get(`/api/shares/${shareId}`)).statusCode).toBe(404);
      expect((await colleague.agent.get(`/api/moments/${momentIds[0]}/comments?shareId=${shareId}`)).statusCode).toBe(404);
      expect((await colleague.agent.post(`/api/moments/${momentIds[0]}/comments`, { shareId, atSeconds: 12, kind: 'question', body: 'Nog een vraag?' })).statusCode).toBe(404);
      expect((await colleague.agent.get('/api/peer-groups')).json().groups).toEqual([]);
      expect((await colleague.agent.post(`/api/peer-groups/${groupId}/accept`)).statusCode).toBe(404);
      const ranges = await server.spreekkamer.services.reviews.content.sharedRanges(
        { userId: colleague.id, organisationId: (await server.spreekkamer.repositories.users.findById(colleague.id))?.organisation_id ?? '', roles: ['professional'], teamIds: { professional: [], manager: [] } },
        recordingId,
      );
      expect(ranges).toBeNull();
      // The comment stays for the others.
      expect((await professional.get(`/api/moments/${momentIds[0]}/comments?shareId=${shareId}`)).json().comments).toHaveLength(1);
    });

    it('being removed by the creator ends access at once; only the creator removes', async () => {
      await secondColleague.agent.post(`/api/peer-groups/${groupId}/accept`);
      expect((await secondColleague.agent.get(`/api/shares/${shareId}`)).statusCode).toBe(200);
      expect((await secondColleague.agent.delete(`/api/peer-groups/${groupId}/members/${professionalId}`)).statusCode).toBe(403);
      const removed = await professional.delete(`/api/peer-groups/${groupId}/members/${secondColleague.id}`);
      expect(removed.statusCode).toBe(200);
      expect(removed.json().members.map((m: { userId: string }) => m.userId)).not.toContain(secondColleague.id);
      expect((await secondColleague.agent.get(`/api/shares/${shareId}`)).statusCode).toBe(404);
      expect((await secondColleague.agent.get('/api/shares/received')).json().shares).toEqual([]);
    });

    it('a manager or administrator cannot see or join groups', async () => {
      expect((await manager.get('/api/peer-groups')).json().groups).toEqual([]);
      expect((await manager.post(`/api/peer-groups/${groupId}/accept`)).statusCode).toBe(404);
      expect((await admin.get('/api/peer-groups')).statusCode).toBe(403);
      expect((await admin.post('/api/peer-groups', { name: 'Beheer', memberIds: [] })).statusCode).toBe(403);
    });

    it.each([
      ['an empty name', { name: '  ' }, 400],
      ['a name that is too long', { name: 'x'.repeat(81) }, 400],
      ['an unknown member', { name: 'Groep', memberIds: [unknownId] }, 404],
      ['a malformed member id', { name: 'Groep', memberIds: ['nobody'] }, 400],
    ])('refuses a group with %s', async (_name, body, status) => {
      const before = (await professional.get('/api/peer-groups')).json().groups.length;
      const response = await professional.post('/api/peer-groups', body);
      expect(response.statusCode).toBe(status);
      expect(errorOf(response).message).toBeTruthy();
      expect((await professional.get('/api/peer-groups')).json().groups.length).toBe(before);
    });

    it('the professional cannot share with a group they are not an active member of', async () => {
      const foreign = (await colleague.agent.post('/api/peer-groups', { name: 'Andere groep', memberIds: [] })).json();
      const response = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentIds[0]], recipient: { type: 'peer_group', groupId: foreign.id }, expiresAt: inDays(3) });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('client feedback via a reviewer', () => {
    let conversation: ConsentedConversation;
    let recordingId: string;
    let momentIds: string[];
    let shareId: string;
    const points: Record<string, string> = {};

    beforeAll(async () => {
      ({ conversation, recordingId, momentIds } = await recordingWithMoments({ audience: 'reviewer', reviewerUserId: reviewerId, feedbackViaReviewer: true }, [[5, 15], [30, 40], [70, 80]]));
      const share = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: momentIds.slice(0, 2), recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(10), clientTalk: true });
      expect(share.statusCode, share.body).toBe(200);
      shareId = share.json().id;
    });

    it('the reviewer notes the client’s points; the client sees them and chooses per point', async () => {
      for (const [key, text] of [['open', 'Ik voelde me gehoord toen zij <i>wachtte</i>.'], ['anon', 'Het ging te snel over geld.'], ['secret', 'Ik durfde niet te zeggen dat ik schulden heb.']] as const) {
        const response = await reviewer.post(`/api/shares/${shareId}/client-points`, { text, momentId: key === 'open' ? momentIds[1] : null });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()).toMatchObject({ relay: 'pending', text });
        points[key] = response.json().id;
      }
      // Nothing reaches the professional before the client chose.
      expect((await professional.get(`/api/recordings/${recordingId}/client-points`)).json().points).toEqual([]);

      const talks = (await conversation.client.get('/api/client/review-talks')).json().talks;
      expect(talks).toHaveLength(1);
      expect(talks[0]).toMatchObject({ shareId, reviewerName: 'Youssef El Amrani', conversationHeldOn: '2026-11-20', fragments: [{ number: 1, startSeconds: 5, endSeconds: 15 }, { number: 2, startSeconds: 30, endSeconds: 40 }] });
      expect(JSON.stringify(talks)).not.toContain('Moment 5');
      expect(JSON.stringify(talks)).not.toContain('Mijn eigen notitie');
      expect(talks[0].points.find((p: { id: string }) => p.id === points.open)).toMatchObject({ relay: 'pending', momentNumber: 2 });

      const decide = (id: string | undefined, relay: string) => conversation.client.post(`/api/client/client-points/${id}/relay`, { relay });
      expect((await decide(points.open, 'pass_on')).json()).toMatchObject({ relay: 'pass_on', momentNumber: 2 });
      expect((await decide(points.anon, 'anonymous')).statusCode).toBe(200);
      expect((await decide(points.secret, 'private')).statusCode).toBe(200);

      const relayed = await professional.get(`/api/recordings/${recordingId}/client-points`);
      const list = relayed.json().points as { id: string; text: string }[];
      // A nameless point never sits next to its recording; it waits for a batch of k clients.
      expect(list.map((p) => p.text)).toEqual(['Ik voelde me gehoord toen zij <i>wachtte</i>.']);
      expect(relayed.body).not.toContain('schulden');

      const reviewerList = (await reviewer.get(`/api/shares/${shareId}/client-points`)).json().points as { id: string; relay: string }[];
      expect(reviewerList.find((p) => p.id === points.secret)?.relay).toBe('private');

      // The client sees what was passed on.
      const after = (await conversation.client.get('/api/client/review-talks')).json().talks[0].points as { id: string; relay: string }[];
      expect(Object.fromEntries(after.map((p) => [p.id, p.relay]))).toEqual({ [points.open!]: 'pass_on', [points.anon!]: 'anonymous', [points.secret!]: 'private' });
    });

    it('a point the client keeps private never reaches the professional, whatever the reviewer tries', async () => {
      // The reviewer cannot set the choice: the client route needs the client's own cookie.
      const asReviewer = await reviewer.post(`/api/client/client-points/${points.secret}/relay`, { relay: 'pass_on' });
      expect(asReviewer.statusCode).toBe(401);
      // Nor remove it once the client chose, nor re-add it as an owner-visible outcome of someone else's recording.
      const removal = await reviewer.delete(`/api/client-points/${points.secret}`);
      expect(removal.statusCode).toBe(409);
      expect(errorOf(removal).code).toBe('client_point_decided');
      // The professional has no route to the reviewer's list.
      expect((await professional.get(`/api/shares/${shareId}/client-points`)).statusCode).toBe(404);
      const relayed = await professional.get(`/api/recordings/${recordingId}/client-points`);
      expect(relayed.body).not.toContain('schulden');
      // Changing their mind is the client's: pass_on → private takes the point back.
      await conversation.client.post(`/api/client/client-points/${points.open}/relay`, { relay: 'private' });
      expect((await professional.get(`/api/recordings/${recordingId}/client-points`)).json().points.map((p: { id: string }) => p.id)).not.toContain(points.open);
    });

    it('another client’s code reaches nothing', async () => {
      const other = await consentedConversation(server, professional, { audience: 'reviewer', feedbackViaReviewer: true });
      expect((await other.client.get('/api/client/review-talks')).json().talks).toEqual([]);
      const attempt = await other.client.post(`/api/client/client-points/${points.secret}/relay`, { relay: 'pass_on' });
      expect(attempt.statusCode).toBe(404);
      expect((await reviewer.get(`/api/shares/${shareId}/client-points`)).json().points.find((p: { id: string }) => p.id === points.secret).relay).toBe('private');
      // A wrong code for this client's link opens nothing.
      const wrong = await server.request({ method: 'POST', url: '/api/client/session', payload: { token: conversation.token, code: conversation.code === '000000' ? '111111' : '000000' }, remoteAddress: '10.8.0.1' });
      expect(wrong.statusCode).toBe(401);
      // A forged client cookie is no session.
      const forged = await server.request({ method: 'GET', url: '/api/client/review-talks', headers: { cookie: 'sk_client=vals.token.hier' } });
      expect(forged.statusCode).toBe(401);
      // The client's choice needs their CSRF token.
      const noCsrf = await conversation.client.request({ method: 'POST', url: `/api/client/client-points/${points.secret}/relay`, payload: { relay: 'pass_on' }, headers: { 'x-csrf-token': 'vals' } });
      expect(noCsrf.statusCode).toBe(403);
    });

    it('refuses bad relay choices and bad points', async () => {
      expect((await conversation.client.post(`/api/client/client-points/${points.anon}/relay`, { relay: 'pending' })).statusCode).toBe(400);
      expect((await conversation.client.post(`/api/client/client-points/${points.anon}/relay`, { relay: 'everyone' })).statusCode).toBe(400);
      expect((await conversation.client.post(`/api/client/client-points/${unknownId}/relay`, { relay: 'private' })).statusCode).toBe(404);
      expect((await reviewer.post(`/api/shares/${shareId}/client-points`, { text: '' })).statusCode).toBe(400);
      expect((await reviewer.post(`/api/shares/${shareId}/client-points`, { text: 'x'.repeat(1001) })).statusCode).toBe(400);
      expect((await reviewer.post(`/api/shares/${shareId}/client-points`, { text: 'Punt', momentId: momentIds[2] })).statusCode).toBe(404);
      expect((await reviewer.post(`/api/shares/${unknownId}/client-points`, { text: 'Punt' })).statusCode).toBe(404);
    });

    it('without the client’s consent for it, there is no client talk', async () => {
      const { recordingId: plain, momentIds: ids } = await recordingWithMoments({ audience: 'reviewer', feedbackViaReviewer: false }, [[5, 15]]);
      const share = (await professional.post(`/api/recordings/${plain}/shares`, { momentIds: ids, recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) })).json();
      const response = await reviewer.post(`/api/shares/${share.id}/client-points`, { text: 'Punt' });
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('client_talk_not_allowed');
    });

    it('a revoked share closes the talk for the client too', async () => {
      const other = await recordingWithMoments({ audience: 'reviewer', feedbackViaReviewer: true }, [[5, 15]]);
      const share = (await professional.post(`/api/recordings/${other.recordingId}/shares`, { momentIds: other.momentIds, recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5), clientTalk: true })).json();
      const point = (await reviewer.post(`/api/shares/${share.id}/client-points`, { text: 'Iets' })).json();
      expect((await other.conversation.client.get('/api/client/review-talks')).json().talks).toHaveLength(1);
      await professional.post(`/api/shares/${share.id}/revoke`);
      expect((await other.conversation.client.get('/api/client/review-talks')).json().talks).toEqual([]);
      expect((await other.conversation.client.post(`/api/client/client-points/${point.id}/relay`, { relay: 'pass_on' })).statusCode).toBe(404);
      expect((await reviewer.post(`/api/shares/${share.id}/client-points`, { text: 'Nog iets' })).statusCode).toBe(404);
    });
  });

  describe('withdrawal of consent', () => {
    it('removes moments, notes, shares, comments, outcomes and client points of that recording, and nothing else', async () => {
      const keep = await recordingWithMoments({ audience: 'reviewer', feedbackViaReviewer: true }, [[5, 15]]);
      const gone = await recordingWithMoments({ audience: 'reviewer', feedbackViaReviewer: true }, [[5, 15], [20, 30]]);
      const share = (await professional.post(`/api/recordings/${gone.recordingId}/shares`, { momentIds: gone.momentIds, recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5), clientTalk: true })).json();
      const keptShare = (await professional.post(`/api/recordings/${keep.recordingId}/shares`, { momentIds: keep.momentIds, recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) })).json();
      const comment = (await reviewer.post(`/api/moments/${gone.momentIds[0]}/comments`, { shareId: share.id, atSeconds: 6, kind: 'alternative', body: 'Je kunt eerst samenvatten.' })).json();
      await reviewer.post(`/api/moments/${gone.momentIds[0]}/comments`, { shareId: share.id, parentId: comment.id, atSeconds: 6, kind: 'question', body: 'Hoe dan?' });
      await professional.put(`/api/comments/${comment.id}/takeaway`, { takeaway: true });
      await reviewer.put(`/api/shares/${share.id}/meeting`, { analysis: 'Voorbereiding' });
      await professional.post(`/api/recordings/${gone.recordingId}/outcomes`, { kind: 'agreement', text: 'Afspraak' });
      const point = (await reviewer.post(`/api/shares/${share.id}/client-points`, { text: 'Punt van de klant' })).json();
      await gone.conversation.client.post(`/api/client/client-points/${point.id}/relay`, { relay: 'pass_on' });
      const keptComment = (await reviewer.post(`/api/moments/${keep.momentIds[0]}/comments`, { shareId: keptShare.id, atSeconds: 6, kind: 'strength', body: 'Goed dat je doorvraagt.' })).json();

      const withdrawn = await gone.conversation.client.post(`/api/client/consents/${gone.conversation.consentId}/withdraw`);
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);

      const db = server.spreekkamer.database.db;
      const count = async (table: 'moments' | 'shares' | 'comments' | 'review_outcomes' | 'client_points' | 'review_meetings' | 'share_moments', column: string, ids: string[]) =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where(column as never, 'in', ids as never).executeTakeFirstOrThrow()).n);
      expect(await count('moments', 'recording_id', [gone.recordingId])).toBe(0);
      expect(await count('shares', 'recording_id', [gone.recordingId])).toBe(0);
      expect(await count('share_moments', 'share_id', [share.id])).toBe(0);
      expect(await count('comments', 'moment_id', gone.momentIds)).toBe(0);
      expect(await count('review_outcomes', 'recording_id', [gone.recordingId])).toBe(0);
      expect(await count('client_points', 'share_id', [share.id])).toBe(0);
      expect(await count('review_meetings', 'share_id', [share.id])).toBe(0);

      expect((await reviewer.get(`/api/shares/${share.id}`)).statusCode).toBe(404);
      expect((await reviewer.get('/api/shares/received')).json().shares.map((s: { id: string }) => s.id)).not.toContain(share.id);
      expect((await professional.get(`/api/moments/${gone.momentIds[0]}/comments`)).statusCode).toBe(404);

      // The other recording keeps everything.
      expect((await professional.get(`/api/recordings/${keep.recordingId}/moments`)).json().moments).toHaveLength(1);
      expect((await professional.get(`/api/moments/${keep.momentIds[0]}/comments`)).json().comments.map((c: { id: string }) => c.id)).toEqual([keptComment.id]);
      expect((await reviewer.get(`/api/shares/${keptShare.id}`)).statusCode).toBe(200);

      // Only counts in the audit log, no content.
      const audit = await db.selectFrom('audit_events').select(['details_json']).where('action', '=', 'review.removed_on_withdrawal').execute();
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.map((a) => a.details_json).join()).not.toMatch(/Afspraak|Punt van de klant|samenvatten/);
    });
  });
});
