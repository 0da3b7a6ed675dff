import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, newUser, readyRecording, unknownId, userIdOf } from './support/review-fixtures.js';
import { startSmtpServer, type SmtpTestServer } from './support/smtp.js';

/** A clock the test moves; null means the real time. Only moved backwards from the real time, so sessions stay valid. */
let fixed: Date | null = null;
const now = () => fixed ?? new Date();

const wholeYear = { rounds: [{ starts: '01-01', ends: '12-31' }] };

describe('learning: questions, rounds, leercoach and plan', () => {
  let server: TestServer;
  let admin: Agent;
  let manager: Agent;
  let policy: Agent;
  let coach: Agent;
  let coachId: string;
  let pro: { id: string; agent: Agent };
  let otherPro: { id: string; agent: Agent };
  let otherCoach: { id: string; agent: Agent };
  let recordingId: string;
  let conversation: Awaited<ReturnType<typeof consentedConversation>>;

  beforeAll(async () => {
    server = await startTestServer({}, { now });
    admin = await server.login(demo.admin);
    // The demo team lead holds manager AND professional: they run their own rounds, but see nobody else's.
    manager = await server.login(demo.manager);
    policy = await server.login(demo.policy);
    coach = await server.login(demo.reviewer);
    coachId = await userIdOf(admin, demo.reviewer);
    pro = await newUser(server, admin, 'Lotte Smit', 'professional');
    otherPro = await newUser(server, admin, 'Ravi Kalloe', 'professional');
    otherCoach = await newUser(server, admin, 'Els Vos', 'reviewer');
    expect((await admin.put('/api/learning/rhythm', wholeYear)).statusCode).toBe(200);
  });
  afterAll(async () => server?.close());

  async function round(agent: Agent) {
    const response = await agent.get('/api/learning/round');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  function stepState(state: { round: { steps: { id: string; state: string }[] } }, id: string): string | undefined {
    return state.round.steps.find((s) => s.id === id)?.state;
  }

  describe('the rhythm', () => {
    it('is set by an administrator only, with clear messages for wrong dates', async () => {
      const overlap = await admin.put('/api/learning/rhythm', { rounds: [{ starts: '03-01', ends: '06-30' }, { starts: '06-01', ends: '09-30' }] });
      expect(overlap.statusCode).toBe(400);
      expect(errorOf(overlap).fields?.[0]?.message).toContain('voordat de vorige is afgelopen');
      const backwards = await admin.put('/api/learning/rhythm', { rounds: [{ starts: '05-01', ends: '04-01' }] });
      expect(errorOf(backwards).fields?.[0]?.message).toBe('Het einde moet na het begin liggen.');
      expect((await admin.put('/api/learning/rhythm', { rounds: [1, 2, 3, 4, 5].map((m) => ({ starts: `0${m}-01`, ends: `0${m}-20` })) })).statusCode).toBe(400);
      for (const agent of [pro.agent, manager, policy, coach]) {
        expect((await agent.put('/api/learning/rhythm', wholeYear)).statusCode).toBe(403);
        expect((await agent.get('/api/learning/rhythm')).statusCode).toBe(403);
      }
      expect((await admin.get('/api/learning/rhythm')).json()).toEqual(wholeYear);
    });
  });

  describe('steps tick from real actions', () => {
    it('ticks question, recording, looking back, foreign eyes, client feedback, takeaway and next step', async () => {
      const before = await round(pro.agent);
      expect(before.round.steps.every((s: { state: string }) => s.state === 'open')).toBe(true);

      // Starting without a question is a normal path: an empty question.
      const question = (await pro.agent.post('/api/learning/questions', {})).json();
      expect(question).toMatchObject({ text: '', theme: null, status: 'open' });
      conversation = await consentedConversation(server, pro.agent, { audience: 'reviewer' });
      recordingId = await readyRecording(server, pro.id, conversation, 120);
      const afterRecording = await round(pro.agent);
      expect(stepState(afterRecording, 'question')).toBe('done');
      expect(stepState(afterRecording, 'record')).toBe('done');
      expect(stepState(afterRecording, 'look_back')).toBe('open');

      const moment = (await pro.agent.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 5, endSeconds: 15, title: 'Stilte na de vraag' })).json();
      const share = await pro.agent.post(`/api/recordings/${recordingId}/shares`, { momentIds: [moment.id], recipient: { type: 'reviewer', userId: coachId }, question: 'Wat zie jij hier?', expiresAt: inDays(20) });
      expect(share.statusCode, share.body).toBe(200);
      expect((await pro.agent.post('/api/alliance/requests', { clientId: conversation.clientId })).statusCode).toBe(200);
      expect((await pro.agent.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'takeaway', text: 'Eerst laten uitpraten.' })).statusCode).toBe(200);
      const ticked = await round(pro.agent);
      for (const step of ['look_back', 'foreign_eyes', 'client_feedback', 'takeaway']) expect(stepState(ticked, step), step).toBe('done');
      expect(stepState(ticked, 'next_step')).toBe('open');

      const patched = await pro.agent.patch(`/api/learning/rounds/${ticked.round.key}`, { nextStep: 'Na elke vraag tot vijf tellen.', minutesSpent: 90 });
      expect(stepState(patched.json(), 'next_step')).toBe('done');
      expect(patched.json().round.minutesSpent).toBe(90);
      // Auto ticks come from the person's own actions only: another professional's round stays untouched.
      expect((await round(otherPro.agent)).round.steps.every((s: { state: string }) => s.state === 'open')).toBe(true);
    });

    it('can be ticked and skipped by hand, and the whole round skipped, without a trace for anyone else', async () => {
      const key = (await round(otherPro.agent)).round.key;
      const ticked = await otherPro.agent.put(`/api/learning/rounds/${key}/steps/record`, { state: 'done' });
      expect(stepState(ticked.json(), 'record')).toBe('done');
      const skipped = await otherPro.agent.put(`/api/learning/rounds/${key}/steps/foreign_eyes`, { state: 'skipped' });
      expect(stepState(skipped.json(), 'foreign_eyes')).toBe('skipped');
      const reopened = await otherPro.agent.put(`/api/learning/rounds/${key}/steps/record`, { state: 'open' });
      expect(stepState(reopened.json(), 'record')).toBe('open');
      const wholeRound = await otherPro.agent.patch(`/api/learning/rounds/${key}`, { skipped: true });
      expect(wholeRound.json()).toMatchObject({ round: { skipped: true }, reminder: null });
      const bad = await otherPro.agent.put(`/api/learning/rounds/${key}/steps/record`, { state: 'maybe' });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message).toContain('Niet alles is goed ingevuld');
      for (const agent of [manager, admin, policy]) {
        const body = (await agent.get('/api/learning/round')).body;
        expect(body).not.toContain('skipped":true');
      }
    });
  });

  describe('learning questions', () => {
    let questionId: string;
    let momentId: string;

    it('starts from a theme and from a moment, and links the professional’s own items', async () => {
      const themed = await pro.agent.post('/api/learning/questions', { text: 'Werk ik echt samen aan één doel?', theme: 'shared_goal' });
      expect(themed.json()).toMatchObject({ theme: 'shared_goal', roundKey: expect.stringMatching(/^\d{4}-1$/) });
      momentId = (await pro.agent.get(`/api/recordings/${recordingId}/moments`)).json().moments[0].id;
      const fromMoment = await pro.agent.post('/api/learning/questions', { fromMomentId: momentId, text: 'Wat doet mijn stilte?' });
      expect(fromMoment.statusCode, fromMoment.body).toBe(200);
      questionId = fromMoment.json().id;
      expect(fromMoment.json().links).toEqual([expect.objectContaining({ kind: 'moment', targetId: momentId, recordingId, label: 'Stilte na de vraag' })]);
      const outcome = (await pro.agent.get(`/api/recordings/${recordingId}/outcomes`)).json();
      const takeawayId = (outcome.takeaways ?? outcome.outcomes ?? []).find((o: { text: string }) => o.text === 'Eerst laten uitpraten.')?.id;
      expect(takeawayId).toBeDefined();
      const linked = await pro.agent.post(`/api/learning/questions/${questionId}/links`, { kind: 'outcome', targetId: takeawayId });
      expect(linked.json().links).toHaveLength(2);
    });

    it('refuses to link someone else’s moment, or start from it', async () => {
      const foreign = await otherPro.agent.post('/api/learning/questions', { fromMomentId: momentId });
      expect(foreign.statusCode).toBe(400);
      expect(errorOf(foreign).fields?.[0]?.message).toBe('Dit onderdeel bestaat niet (meer).');
      const own = (await otherPro.agent.post('/api/learning/questions', {})).json();
      expect((await otherPro.agent.post(`/api/learning/questions/${own.id}/links`, { kind: 'moment', targetId: momentId })).statusCode).toBe(400);
    });

    it('marks a question done with what was learned, and keeps actions with dates', async () => {
      const done = await pro.agent.patch(`/api/learning/questions/${questionId}`, { status: 'done', learned: 'Stilte geeft de klant ruimte.' });
      expect(done.json()).toMatchObject({ status: 'done', learned: 'Stilte geeft de klant ruimte.', doneAt: expect.any(String) });
      const action = await pro.agent.post('/api/learning/actions', { questionId, what: 'Drie gesprekken met een pauze na elke vraag', dueOn: '2026-12-20' });
      expect(action.json()).toMatchObject({ questionId, dueOn: '2026-12-20', doneAt: null });
      const ticked = await pro.agent.patch(`/api/learning/actions/${action.json().id}`, { done: true });
      expect(ticked.json().doneAt).not.toBeNull();
      expect((await otherPro.agent.patch(`/api/learning/actions/${action.json().id}`, { done: false })).statusCode).toBe(404);
      expect((await otherPro.agent.post('/api/learning/actions', { questionId, what: 'x' })).statusCode).toBe(404);
    });

    it('shares with an intervision group and unshares again', async () => {
      const group = (await pro.agent.post('/api/peer-groups', { name: 'Intervisie noord' })).json();
      await pro.agent.post(`/api/peer-groups/${group.id}/members`, { userId: otherPro.id });
      await otherPro.agent.post(`/api/peer-groups/${group.id}/accept`);
      const shared = await pro.agent.post(`/api/learning/questions/${questionId}/shares`, { peerGroupId: group.id });
      expect(shared.statusCode, shared.body).toBe(200);
      const seen = (await otherPro.agent.get('/api/learning/shared-questions')).json().questions;
      expect(seen).toEqual([expect.objectContaining({ id: questionId, text: 'Wat doet mijn stilte?', professionalName: 'Lotte Smit' })]);
      // A shared question shows the question, never the linked moments.
      expect(JSON.stringify(seen)).not.toContain('Stilte na de vraag');
      expect((await otherPro.agent.get(`/api/learning/questions/${questionId}`)).statusCode).toBe(404);
      const shareId = shared.json().shares[0].id;
      expect((await otherPro.agent.post(`/api/learning/question-shares/${shareId}/revoke`)).statusCode).toBe(404);
      expect((await pro.agent.post(`/api/learning/question-shares/${shareId}/revoke`)).statusCode).toBe(204);
      expect((await otherPro.agent.get('/api/learning/shared-questions')).json().questions).toEqual([]);
    });
  });

  describe('the leercoach', () => {
    let invitationId: string;
    let questionId: string;

    it('is invited for the round, sees only what is shared, and shares a notes thread', async () => {
      const key = (await round(pro.agent)).round.key;
      const candidates = (await pro.agent.get('/api/learning/coach-candidates')).json().people;
      expect(candidates.map((p: { id: string }) => p.id)).toContain(coachId);
      expect((await pro.agent.post(`/api/learning/rounds/${key}/coach`, { coachUserId: otherPro.id })).statusCode).toBe(400);
      const invited = await pro.agent.post(`/api/learning/rounds/${key}/coach`, { coachUserId: coachId });
      expect(invited.statusCode, invited.body).toBe(200);
      invitationId = invited.json().id;
      expect((await round(pro.agent)).round.coaches).toEqual([expect.objectContaining({ id: invitationId, coachName: 'Youssef El Amrani', active: true })]);

      const home = (await coach.get('/api/learning/coaching')).json().people;
      expect(home).toEqual([expect.objectContaining({ invitation: expect.objectContaining({ id: invitationId, professionalName: 'Lotte Smit' }), sharedQuestions: 0, fragments: 1 })]);
      const empty = (await coach.get(`/api/learning/coach-invitations/${invitationId}`)).json();
      expect(empty.questions).toEqual([]);
      expect(empty.fragments).toHaveLength(1);
      // The share's question is sealed under the recording's key: the coach reads it opened.
      expect(empty.fragments[0].question).toBe('Wat zie jij hier?');

      questionId = (await pro.agent.get('/api/learning/questions')).json().questions.find((q: { theme: string | null }) => q.theme === 'shared_goal').id;
      expect((await pro.agent.post(`/api/learning/questions/${questionId}/shares`, { coachInvitationId: invitationId })).statusCode).toBe(200);
      const view = (await coach.get(`/api/learning/coach-invitations/${invitationId}`)).json();
      expect(view.questions).toEqual([expect.objectContaining({ id: questionId, text: 'Werk ik echt samen aan één doel?' })]);
      expect(view.questions).toHaveLength(1);

      const note = await coach.post(`/api/learning/coach-invitations/${invitationId}/notes`, { kind: 'voorgesprek', body: 'Waar wil je op letten?' });
      expect(note.json()).toMatchObject({ kind: 'voorgesprek', mine: true, authorName: 'Youssef El Amrani' });
      await pro.agent.post(`/api/learning/coach-invitations/${invitationId}/notes`, { kind: 'voorgesprek', body: 'Op mijn stiltes.' });
      const thread = (await pro.agent.get(`/api/learning/coach-invitations/${invitationId}`)).json().notes;
      expect(thread.map((n: { body: string; mine: boolean }) => [n.body, n.mine])).toEqual([
        ['Waar wil je op letten?', false],
        ['Op mijn stiltes.', true],
      ]);
    });

    it('is refused to everyone else: manager, administrator, policy advisor, another professional, a coach not invited', async () => {
      const qid = questionId;
      const attempts: [string, string, unknown?][] = [
        ['GET', `/api/learning/questions/${qid}`],
        ['PATCH', `/api/learning/questions/${qid}`, { text: 'overgenomen' }],
        ['DELETE', `/api/learning/questions/${qid}`],
        ['POST', `/api/learning/questions/${qid}/links`, { kind: 'moment', targetId: unknownId }],
        ['POST', `/api/learning/questions/${qid}/shares`, { coachInvitationId: invitationId }],
        ['GET', `/api/learning/coach-invitations/${invitationId}`],
        ['POST', `/api/learning/coach-invitations/${invitationId}/notes`, { kind: 'nagesprek', body: 'meegelezen' }],
        ['POST', `/api/learning/coach-invitations/${invitationId}/end`],
      ];
      for (const agent of [manager, admin, policy, otherPro.agent, otherCoach.agent]) {
        for (const [method, url, payload] of attempts) {
          const response = await agent.request({ method: method as 'GET', url, ...(payload ? { payload: payload as object } : {}) });
          expect([403, 404], `${method} ${url}`).toContain(response.statusCode);
          expect(response.body).not.toContain('Werk ik echt samen');
        }
        // Their own plan, questions and coaching contain nothing of Lotte's.
        for (const url of ['/api/learning/plan', '/api/learning/plan.md', '/api/learning/questions', '/api/learning/coaching', '/api/learning/shared-questions']) {
          const response = await agent.get(url);
          expect(response.body, url).not.toContain('Werk ik echt samen');
          expect(response.body, url).not.toContain('Lotte');
        }
      }
      for (const agent of [admin, policy]) {
        for (const url of ['/api/learning/plan', '/api/learning/plan.md', '/api/learning/questions', '/api/learning/round']) expect((await agent.get(url)).statusCode, url).toBe(403);
      }
      expect((await pro.agent.get(`/api/learning/questions/${qid}`)).json().text).toBe('Werk ik echt samen aan één doel?');
    });

    it('loses access as soon as the invitation ends', async () => {
      expect([403, 404]).toContain((await coach.post(`/api/learning/coach-invitations/${invitationId}/end`)).statusCode);
      expect((await pro.agent.post(`/api/learning/coach-invitations/${invitationId}/end`)).statusCode).toBe(204);
      expect((await coach.get(`/api/learning/coach-invitations/${invitationId}`)).statusCode).toBe(404);
      expect((await coach.post(`/api/learning/coach-invitations/${invitationId}/notes`, { kind: 'nagesprek', body: 'nog even' })).statusCode).toBe(404);
      expect((await coach.get('/api/learning/coaching')).json().people).toEqual([]);
      // The professional keeps their own thread.
      expect((await pro.agent.get(`/api/learning/coach-invitations/${invitationId}`)).json().notes).toHaveLength(2);
    });
  });

  describe('the development plan', () => {
    it('shows the professional’s own questions, lessons, actions and rounds, also as Markdown', async () => {
      const plan = (await pro.agent.get('/api/learning/plan')).json();
      expect(plan.name).toBe('Lotte Smit');
      expect(plan.questions.map((q: { text: string }) => q.text)).toContain('Wat doet mijn stilte?');
      expect(plan.actions).toHaveLength(1);
      expect(plan.rounds).toEqual([expect.objectContaining({ nextStep: 'Na elke vraag tot vijf tellen.', minutesSpent: 90, stepsDone: 7, stepsTotal: 7 })]);
      const markdown = await pro.agent.get('/api/learning/plan.md');
      expect(markdown.headers['content-type']).toContain('text/markdown');
      expect(markdown.body).toContain('# Ontwikkelplan van Lotte Smit');
      expect(markdown.body).toContain('Stilte geeft de klant ruimte.');
      expect(markdown.body).toContain('- [x] Drie gesprekken met een pauze na elke vraag (uiterlijk 2026-12-20)');
    });
  });

  describe('withdrawal of consent', () => {
    it('removes links to that recording from questions and plan, and keeps the professional’s own words', async () => {
      const before = (await pro.agent.get('/api/learning/questions')).json().questions.find((q: { text: string }) => q.text === 'Wat doet mijn stilte?');
      expect(before.links.length).toBeGreaterThan(0);
      const withdrawn = await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`);
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const after = (await pro.agent.get('/api/learning/questions')).json().questions.find((q: { id: string }) => q.id === before.id);
      expect(after).toMatchObject({ text: 'Wat doet mijn stilte?', learned: 'Stilte geeft de klant ruimte.', links: [] });
      const rows = await server.spreekkamer.database.db.selectFrom('learning_links').selectAll().where('recording_id', '=', recordingId).execute();
      expect(rows).toEqual([]);
      const plan = await pro.agent.get('/api/learning/plan.md');
      expect(plan.body).not.toContain('Stilte na de vraag');
      expect(plan.body).toContain('Wat doet mijn stilte?');
    });
  });

  describe('rounds open and close on their dates', () => {
    it('follows the injected clock', async () => {
      expect((await admin.put('/api/learning/rhythm', { rounds: [{ starts: '03-01', ends: '05-31' }, { starts: '09-15', ends: '11-30' }] })).statusCode).toBe(200);
      const at = async (iso: string) => {
        fixed = new Date(iso);
        return server.login(demo.professional);
      };
      let agent = await at('2026-02-28T12:00:00Z');
      expect(await round(agent)).toMatchObject({ round: null, nextRound: { key: '2026-1', startsOn: '2026-03-01', endsOn: '2026-05-31' }, reminder: null });
      expect((await agent.put('/api/learning/rounds/2026-1/steps/record', { state: 'done' })).statusCode).toBe(409);

      agent = await at('2026-03-01T07:00:00Z');
      expect(await round(agent)).toMatchObject({ round: { key: '2026-1' }, reminder: 'start' });
      expect((await agent.put('/api/learning/rounds/2026-1/steps/record', { state: 'done' })).statusCode).toBe(200);
      expect((await agent.patch('/api/learning/rounds/2026-1', { nextStep: 'Vaker doorvragen.' })).statusCode).toBe(200);

      agent = await at('2026-05-31T22:00:00Z');
      expect(await round(agent)).toMatchObject({ round: { key: '2026-1' }, reminder: 'week_before_end' });

      agent = await at('2026-06-01T00:00:00Z');
      expect(await round(agent)).toMatchObject({ round: null, nextRound: { key: '2026-2' } });
      expect((await agent.put('/api/learning/rounds/2026-1/steps/record', { state: 'open' })).statusCode).toBe(409);

      // The next round starts with a look back at the step chosen last time.
      agent = await at('2026-09-15T08:00:00Z');
      const next = await round(agent);
      expect(next.round).toMatchObject({ key: '2026-2', previousNextStep: 'Vaker doorvragen.' });
      expect(next.round.steps[0]).toMatchObject({ id: 'previous_step', state: 'open' });
      const lookedBack = await agent.patch('/api/learning/rounds/2026-2', { lookBackTried: 'partly', lookBackEffect: 'Klanten vertelden meer.' });
      expect(lookedBack.json().round.steps[0]).toMatchObject({ id: 'previous_step', state: 'done' });
    });

    it('ends a coach’s access four weeks after the round', async () => {
      fixed = new Date('2026-03-10T08:00:00Z');
      const agent = await server.login(demo.professional);
      const invited = (await agent.post('/api/learning/rounds/2026-1/coach', { coachUserId: coachId })).json();
      expect(invited.until).toBe('2026-06-29T00:00:00.000Z');
      fixed = new Date('2026-06-28T08:00:00Z');
      let coachAgent = await server.login(demo.reviewer);
      expect((await coachAgent.get(`/api/learning/coach-invitations/${invited.id}`)).statusCode).toBe(200);
      fixed = new Date('2026-06-29T00:00:01Z');
      coachAgent = await server.login(demo.reviewer);
      expect((await coachAgent.get(`/api/learning/coach-invitations/${invited.id}`)).statusCode).toBe(404);
      expect((await coachAgent.get('/api/learning/coaching')).json().people).toEqual([]);
      // A round that has closed takes no new coach.
      expect((await (await server.login(demo.professional)).post('/api/learning/rounds/2026-1/coach', { coachUserId: coachId })).statusCode).toBe(409);
      fixed = null;
    });
  });
});

describe('learning: reminders', () => {
  let smtp: SmtpTestServer;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl', PUBLIC_URL: 'https://spreekkamer.voorbeeld.nl' }, { now });
  });
  afterAll(async () => {
    fixed = null;
    await server?.close();
    await smtp?.close();
  });

  it('reach each participant once per kind, and nobody else', async () => {
    fixed = new Date('2026-03-02T07:00:00Z');
    const rounds = server.spreekkamer.services.learning.reminders;
    expect(await rounds.sendDueReminders()).toBe(2);
    const to = smtp.received.flatMap((m) => m.to).sort();
    expect(to).toEqual([demo.professional, demo.manager].sort());
    expect(smtp.received[0]?.subject).toBe('Uw leerronde is begonnen');
    expect(smtp.received[0]?.text).toContain('https://spreekkamer.voorbeeld.nl/leren');
    expect(await rounds.sendDueReminders()).toBe(0);

    // In the app: the reminder shows for the person themself; others have no round at all.
    const professional = await server.login(demo.professional);
    expect((await professional.get('/api/learning/round')).json().reminder).toBe('start');
    for (const email of [demo.reviewer, demo.policy, demo.admin]) expect((await (await server.login(email)).get('/api/learning/round')).statusCode).toBe(403);

    // A person who skips the round hears nothing more about it.
    fixed = new Date('2026-04-16T07:00:00Z');
    const again = await server.login(demo.professional);
    await again.patch('/api/learning/rounds/2026-1', { skipped: true });
    expect(await rounds.sendDueReminders()).toBe(1);
    expect(smtp.received.at(-1)?.to).toEqual([demo.manager]);
    expect(smtp.received.at(-1)?.subject).toBe('Uw leerronde is op de helft');
  });
});
