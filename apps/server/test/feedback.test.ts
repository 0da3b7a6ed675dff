import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, consentTextVersion } from '@spreekkamer/shared';
import { Agent, demo, errorOf, startTestServer, type TestServer, expectProblem } from './support/harness.js';

/**
 * Client feedback through the HTTP API: the feedback conversation with its preparation, group
 * mode, the alliance check (identified and anonymous), the follow-up, and every attack and bad
 * input we could think of. Runs against SQLite and PostgreSQL.
 */

let clock = new Date('2026-11-20T09:00:00.000Z');
let ipCounter = 1;
function nextIp(): string {
  ipCounter += 1;
  return `10.9.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

function clientCookieFrom(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'sk_client');
  if (!cookie) throw new Error('no client cookie set');
  return `sk_client=${cookie.value}`;
}

/** A short real recording made with ffmpeg, as a browser's MediaRecorder would send it. */
function makeAudio(seconds: number, dir: string, name: string): Buffer {
  const file = path.join(dir, name);
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=330:duration=${seconds}`, '-c:a', 'libopus', '-b:a', '16k', '-y', file]);
  return readFileSync(file);
}

const isoTime = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('client feedback', () => {
  let server: TestServer;
  const agents: Record<'professional' | 'other' | 'manager' | 'admin' | 'reviewer' | 'policy', Agent> = {} as never;
  const otherPassword = 'een-lang-test-wachtwoord';
  let audioDir: string;
  let shortAudio: Buffer;

  async function loginAll(): Promise<void> {
    agents.professional = await server.login(demo.professional);
    agents.manager = await server.login(demo.manager);
    agents.admin = await server.login(demo.admin);
    agents.reviewer = await server.login(demo.reviewer);
    agents.policy = await server.login(demo.policy);
    agents.other = await server.login('noor@voorbeeld.nl', otherPassword);
  }

  async function newClient(pseudonym: string, agent = agents.professional): Promise<string> {
    const response = await agent.call(contract.clients.create, { body: { pseudonym } });
    return response.id;
  }

  async function clientSession(clientId: string, agent = agents.professional): Promise<Agent> {
    const issued = await agent.call(contract.clientAccess.issue, { params: { id: clientId }, body: {} });
    const token = issued.path.split('/').pop();
    const opened = await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code: issued.code }, remoteAddress: nextIp() });
    expect(opened.statusCode).toBe(200);
    return new Agent(server, clientCookieFrom(opened), opened.json().csrfToken);
  }

  async function newFeedback(clientIds: string[], extra: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string; participants: { id: string; clientId: string }[] }> {
    const response = await agents.professional.call(contract.feedback.create, { body: { clientIds, ...extra } });
    return response;
  }

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => clock });
    const admin = await server.login(demo.admin);
    const teamId = (await admin.call(contract.admin.listTeams)).teams[0]!.id;
    const invited = await admin.call(contract.admin.inviteUser, { body: { name: 'Noor Visser', email: 'noor@voorbeeld.nl', memberships: [{ role: 'professional', teamId }] } });
    await server.anonymous().call(contract.account.acceptInvitation, { body: { token: invited.invitationPath.split('/').pop()!, password: otherPassword } });
    await loginAll();
    audioDir = mkdtempSync(path.join(tmpdir(), 'sk-feedback-audio-'));
    shortAudio = makeAudio(2, audioDir, 'short.webm');
  });
  afterAll(async () => {
    await server?.close();
    if (audioDir) rmSync(audioDir, { recursive: true, force: true });
  });

  describe('the feedback conversation, one client', () => {
    let clientId: string;
    let client: Agent;
    let feedbackId: string;
    let participantId: string;

    beforeAll(async () => {
      clientId = await newClient('Meneer A.');
      client = await clientSession(clientId);
      const created = await newFeedback([clientId]);
      feedbackId = created.id;
      participantId = created.participants[0]?.id ?? '';
    });

    it('shows the invitation on the client’s own page', async () => {
      const overview = await client.call(contract.clientFeedback.overview);
      expect(overview.conversations).toEqual([
        { id: feedbackId, status: 'invited', group: false, professionalName: 'Sanne de Vries', invitationExpiresAt: '2026-12-04T09:00:00.000Z', prepared: false, canPrepare: true },
      ]);
    });

    it('lets the client prepare: theme cards, own words, and a voice note stored encrypted', async () => {
      const prepared = await client.post(`/api/client/feedback/${feedbackId}/preparation`, {
        introSeen: true,
        picks: [
          { theme: 'collaboration', subtopic: 'listening' },
          { theme: 'fit', subtopic: null },
          { theme: 'collaboration', subtopic: 'listening' },
        ],
        ownWords: 'Ik wil het hebben over de brief.',
        done: true,
      });
      expect(prepared.statusCode, prepared.body).toBe(200);
      expect(prepared.json().me).toMatchObject({ introSeen: true, prepared: true, ownWords: 'Ik wil het hebben over de brief.', picks: [{ theme: 'collaboration', subtopic: 'listening' }, { theme: 'fit', subtopic: null }] });

      const saved = await client.request({ method: 'POST', url: `/api/client/feedback/${feedbackId}/voice-note`, payload: shortAudio, headers: { 'content-type': 'audio/webm' } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().durationSeconds).toBeGreaterThan(1.5);
      expect(saved.json().durationSeconds).toBeLessThan(2.5);
      const stored = await server.spreekkamer.repositories.feedback.findVoiceNote(participantId);
      expect(stored?.wrapped_key).toMatch(/^v1\./);
      expect(Buffer.from(stored?.ciphertext ?? '', 'base64').includes(shortAudio.subarray(0, 64))).toBe(false);

      const own = await client.get(`/api/client/feedback/${feedbackId}/voice-note`);
      expect(own.statusCode).toBe(200);
      expect(own.headers['cache-control']).toBe('no-store');
      expect(own.rawPayload.equals(shortAudio)).toBe(true);

      const detail = await agents.professional.call(contract.feedback.get, { params: { id: feedbackId } });
      expect(detail.participants[0]).toMatchObject({ clientId, pseudonym: 'Meneer A.', introSeen: true, hasVoiceNote: true, ownWords: 'Ik wil het hebben over de brief.' });
      expect(detail.participants[0]!.preparedAt).toBe(clock.toISOString());
      // The prepared words are stored sealed under the client's own key, never in plain.
      const raw = await server.spreekkamer.database.db.selectFrom('feedback_participants').select('own_words').where('id', '=', participantId).executeTakeFirstOrThrow();
      expect(raw.own_words).not.toContain('brief');
      expect((await server.spreekkamer.database.db.selectFrom('clients').select('text_key').where('id', '=', clientId).executeTakeFirstOrThrow()).text_key).toMatch(/^v1\./);
      const heard = await agents.professional.get(`/api/feedback/${feedbackId}/participants/${participantId}/voice-note`);
      expect(heard.rawPayload.equals(shortAudio)).toBe(true);
    });

    it('holds the conversation: two moments, both voices, summary, learning and an action; the client sees it all', async () => {
      const before = (await client.call(contract.clientFeedback.version, { params: { id: feedbackId } })).updatedAt;
      clock = new Date(clock.getTime() + 60_000);
      const started = await agents.professional.call(contract.feedback.update, { params: { id: feedbackId }, body: { step: 1 } });
      expect(started).toMatchObject({ status: 'in_progress', step: 1 });
      expect((await client.call(contract.clientFeedback.version, { params: { id: feedbackId } })).updatedAt).not.toBe(before);

      let detail = await agents.professional.call(contract.feedback.addMoment, { params: { id: feedbackId }, body: { theme: 'collaboration', subtopic: 'listening', title: 'Het begin van het gesprek' } });
      detail = await agents.professional.call(contract.feedback.addMoment, { params: { id: feedbackId }, body: { theme: 'fit', title: 'De brief over de uitkering' } });
      expect(detail.moments.map((m: { position: number; title: string }) => [m.position, m.title])).toEqual([
        [1, 'Het begin van het gesprek'],
        [2, 'De brief over de uitkering'],
      ]);
      const [first, second] = detail.moments as { id: string }[];
      await agents.professional.call(contract.feedback.update, { params: { id: feedbackId }, body: { step: 2 } });
      for (const moment of [first, second]) {
        for (const section of ['a', 'b', 'c'] as const) {
          await agents.professional.call(contract.feedback.putEntry, { params: { id: feedbackId }, body: { momentId: moment!.id, section, participantId: null, text: `Professional ${section}` } });
          await agents.professional.call(contract.feedback.putEntry, { params: { id: feedbackId }, body: { momentId: moment!.id, section, participantId, text: `Cliënt ${section}` } });
        }
      }
      // Writing the same voice again replaces; an empty text removes.
      await agents.professional.call(contract.feedback.putEntry, { params: { id: feedbackId }, body: { momentId: first!.id, section: 'a', participantId, text: 'Ik voelde me niet gehoord.' } });
      detail = await agents.professional.call(contract.feedback.putEntry, { params: { id: feedbackId }, body: { momentId: second!.id, section: 'c', participantId: null, text: '' } });
      expect(detail.entries).toHaveLength(11);

      await agents.professional.call(contract.feedback.update, { params: { id: feedbackId }, body: { step: 3, summary: 'We praten eerst over hoe het gaat.' } });
      await agents.professional.call(contract.feedback.putEntry, { params: { id: feedbackId }, body: { momentId: null, section: 'learned', participantId: null, text: 'Eerst vragen hoe het gaat.' } });
      await agents.professional.call(contract.feedback.putEntry, { params: { id: feedbackId }, body: { momentId: null, section: 'learned', participantId, text: 'Zeggen als ik iets niet snap.' } });
      detail = await agents.professional.call(contract.feedback.addAction, { params: { id: feedbackId }, body: { owner: 'professional', what: 'Brief samen lezen', dueOn: '2026-11-27' } });
      expect(detail.actions).toEqual([{ id: expect.any(String), owner: 'professional', participantId: null, what: 'Brief samen lezen', erased: false, dueOn: '2026-11-27', done: false }]);
      const own = await agents.professional.call(contract.feedback.addAction, { params: { id: feedbackId }, body: { owner: 'client', what: 'Vragen opschrijven', dueOn: '2026-11-25' } });
      expect(own.actions.find((a) => a.owner === 'client')!.participantId).toBe(participantId);

      const view = await client.call(contract.clientFeedback.get, { params: { id: feedbackId } });
      expect(view).toMatchObject({ status: 'in_progress', step: 3, summary: 'We praten eerst over hoe het gaat.', group: false });
      expect(view.moments.map((m: { title: string; hasRecording: boolean }) => [m.title, m.hasRecording])).toEqual([
        ['Het begin van het gesprek', false],
        ['De brief over de uitkering', false],
      ]);
      const a1 = view.entries.filter((e) => e.momentId === first?.id && e.section === 'a');
      expect(a1.map((e: { voice: unknown; text: string }) => [e.voice, e.text])).toEqual(
        expect.arrayContaining([
          [{ kind: 'professional', name: null }, 'Professional a'],
          [{ kind: 'me', name: null }, 'Ik voelde me niet gehoord.'],
        ]),
      );
      expect(view.actions.map((a: { owner: string; what: string }) => [a.owner, a.what])).toEqual([
        ['me', 'Vragen opschrijven'],
        ['professional', 'Brief samen lezen'],
      ]);
      expect(JSON.stringify(view)).not.toContain(clientId);
      expect(JSON.stringify(view)).not.toContain(participantId);
    });

    it('lets the client ask for a change, which the professional sees and resolves', async () => {
      const detail = await agents.professional.call(contract.feedback.get, { params: { id: feedbackId } });
      const entry = detail.entries.find((e) => e.participantId === participantId && e.section === 'learned')!;
      const asked = await client.call(contract.clientFeedback.addChangeRequest, { params: { id: feedbackId }, body: { target: 'entry', targetId: entry.id, note: 'Ik bedoelde iets anders.' } });
      expect(asked.myChangeRequests).toEqual([{ id: expect.any(String), target: 'entry', targetId: entry.id, note: 'Ik bedoelde iets anders.', status: 'open', createdAt: expect.any(String) }]);
      await client.call(contract.clientFeedback.addChangeRequest, { params: { id: feedbackId }, body: { target: 'summary', targetId: null } });
      const seen = (await agents.professional.call(contract.feedback.get, { params: { id: feedbackId } })).changeRequests;
      expect(seen).toHaveLength(2);
      expect(seen[0]).toMatchObject({ participantId, via: 'own_device', status: 'open', note: 'Ik bedoelde iets anders.' });
      const list = (await agents.professional.call(contract.feedback.list)).conversations.find((c: { id: string }) => c.id === feedbackId);
      expect(list).toMatchObject({ openChangeRequests: 2, preparedCount: 1, pseudonyms: ['Meneer A.'] });
      const room = await agents.professional.call(contract.feedback.addChangeRequest, { params: { id: feedbackId }, body: { target: 'moment', targetId: detail.moments[0]!.id, participantId, note: '' } });
      expect(room.changeRequests.at(-1)).toMatchObject({ via: 'room', participantId });
      for (const request of room.changeRequests) await agents.professional.call(contract.feedback.resolveChangeRequest, { params: { id: feedbackId, itemId: request.id } });
      const after = (await client.call(contract.clientFeedback.get, { params: { id: feedbackId } })).myChangeRequests;
      expect(after.map((r: { status: string }) => r.status)).toEqual(['resolved', 'resolved', 'resolved']);
    });

    it('closes the conversation; afterwards only actions can be ticked off', async () => {
      expect(await server.spreekkamer.repositories.feedback.findVoiceNote(participantId)).toBeDefined();
      const done = await agents.professional.patch(`/api/feedback/${feedbackId}`, { status: 'completed' });
      expect(done.json()).toMatchObject({ status: 'completed', completedAt: clock.toISOString() });
      const detail = done.json();
      // The voice note only served the preparation: it is gone once the conversation is held.
      expect(detail.participants[0].hasVoiceNote).toBe(false);
      expect(await server.spreekkamer.repositories.feedback.findVoiceNote(participantId)).toBeUndefined();
      await expectProblem(agents.professional.call(contract.feedback.voiceNote, { params: { id: feedbackId, participantId } }), 404);
      await expectProblem(client.call(contract.clientFeedback.voiceNote, { params: { id: feedbackId } }), 404);
      const attempts = [
        agents.professional.patch(`/api/feedback/${feedbackId}`, { summary: 'Anders' }),
        agents.professional.post(`/api/feedback/${feedbackId}/moments`, { theme: 'other', title: 'Nog een' }),
        agents.professional.put(`/api/feedback/${feedbackId}/entries`, { momentId: null, section: 'learned', participantId: null, text: 'Anders' }),
        agents.professional.patch(`/api/feedback/${feedbackId}/actions/${detail.actions[0].id}`, { what: 'Anders' }),
        client.post(`/api/client/feedback/${feedbackId}/preparation`, { ownWords: 'Anders' }),
        client.post(`/api/client/feedback/${feedbackId}/change-requests`, { target: 'summary', targetId: null }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.statusCode).toBe(409);
        expect(errorOf(response)).toMatchObject({ code: 'feedback_closed', message: 'Dit gesprek is afgerond. Er kan niets meer veranderen.' });
      }
      const ticked = await agents.professional.call(contract.feedback.updateAction, { params: { id: feedbackId, itemId: detail.actions[0].id }, body: { done: true } });
      expect(ticked.actions[0]!.done).toBe(true);
      const view = await client.call(contract.clientFeedback.get, { params: { id: feedbackId } });
      expect(view.summary).toBe('We praten eerst over hoe het gaat.');
      expect(view.actions[0]).toMatchObject({ done: true });
    });

    it('deletes the voice note with the conversation', async () => {
      const c = await newClient('Weg te halen');
      const session = await clientSession(c);
      const f = await newFeedback([c]);
      await session.request({ method: 'POST', url: `/api/client/feedback/${f.id}/voice-note`, payload: shortAudio, headers: { 'content-type': 'audio/webm' } });
      expect(await server.spreekkamer.repositories.feedback.findVoiceNote(f.participants[0]?.id ?? '')).toBeDefined();
      await agents.professional.call(contract.feedback.remove, { params: { id: f.id } });
      expect(await server.spreekkamer.repositories.feedback.findVoiceNote(f.participants[0]?.id ?? '')).toBeUndefined();
      expect(await server.spreekkamer.database.db.selectFrom('feedback_participants').select('id').where('feedback_id', '=', f.id).execute()).toEqual([]);
      await expectProblem(session.call(contract.clientFeedback.get, { params: { id: f.id } }), 404);
      await expectProblem(agents.professional.call(contract.feedback.get, { params: { id: f.id } }), 404);
    });

    it('lets the client remove their own voice note', async () => {
      const c = await newClient('Spreekt in');
      const session = await clientSession(c);
      const f = await newFeedback([c]);
      await session.request({ method: 'POST', url: `/api/client/feedback/${f.id}/voice-note`, payload: shortAudio, headers: { 'content-type': 'audio/ogg' } });
      await session.call(contract.clientFeedback.deleteVoiceNote, { params: { id: f.id } });
      await expectProblem(session.call(contract.clientFeedback.voiceNote, { params: { id: f.id } }), 404);
      expect((await session.call(contract.clientFeedback.get, { params: { id: f.id } })).me.hasVoiceNote).toBe(false);
    });
  });

  describe('a moment from a recording: watched together only with the client\'s consent', () => {
    /** A ready recording row, as the recordings feature leaves it after processing (no media needed here). */
    async function readyRecording(conversationId: string, consentId: string, professionalId: string): Promise<string> {
      const id = randomUUID();
      const at = clock.toISOString();
      const organisationId = (await server.spreekkamer.database.db.selectFrom('users').select('organisation_id').where('id', '=', professionalId).executeTakeFirstOrThrow()).organisation_id;
      await server.spreekkamer.database.db
        .insertInto('recordings')
        .values({
          id,
          organisation_id: organisationId,
          professional_id: professionalId,
          conversation_id: conversationId,
          consent_id: consentId,
          kind: 'video',
          status: 'ready',
          progress: 1,
          upload_id: null,
          upload_length: null,
          wrapped_key: null,
          duration_seconds: 600,
          has_poster: 0,
          failure_code: null,
          failure_message: null,
          created_at: at,
          updated_at: at,
          ready_at: at,
          retention_ends_at: null,
          retention_notice_at: null,
          deleted_at: null,
          deleted_reason: null,
        })
        .execute();
      return id;
    }

    async function consentedConversation(clientId: string, client: Agent, watchWithClient: boolean) {
      const conversation = await agents.professional.call(contract.clients.createConversation, { params: { id: clientId }, body: { heldOn: '2026-11-18', kind: 'in_person' } });
      const consent = await client.call(contract.clientConsent.give, { params: { id: conversation.id }, body: {
        media: 'video',
        audience: 'professional',
        watchWithClient,
        feedbackViaReviewer: false,
        retentionDays: 90,
        signature: 'Klant Opname',
        textVersion: consentTextVersion,
        locale: 'nl',
      } });
      await agents.professional.call(contract.consent.confirmAsProfessional, { params: { id: consent.id }, body: { confirm: true } });
      return { conversationId: conversation.id as string, consentId: consent.id as string };
    }

    it('links a fragment, offers watching together only under that consent, and forgets the link when consent is withdrawn', async () => {
      const clientId = await newClient('Met opname');
      const client = await clientSession(clientId);
      const me = (await agents.professional.call(contract.account.session)).user.id as string;
      const yes = await consentedConversation(clientId, client, true);
      const no = await consentedConversation(clientId, client, false);
      const withWatch = await readyRecording(yes.conversationId, yes.consentId, me);
      const withoutWatch = await readyRecording(no.conversationId, no.consentId, me);
      const f = await newFeedback([clientId]);

      let detail = await agents.professional.call(contract.feedback.addMoment, { params: { id: f.id }, body: { theme: 'collaboration', title: 'Samen kijken', recordingId: withWatch, startSeconds: 30, endSeconds: 75 } });
      detail = await agents.professional.call(contract.feedback.addMoment, { params: { id: f.id }, body: { theme: 'fit', title: 'Niet samen', recordingId: withoutWatch, startSeconds: 10, endSeconds: 20 } });
      expect(detail.moments.map((m: { recording: unknown }) => m.recording)).toEqual([
        { recordingId: withWatch, startSeconds: 30, endSeconds: 75, watchTogether: true },
        { recordingId: withoutWatch, startSeconds: 10, endSeconds: 20, watchTogether: false },
      ]);
      // The client sees that there is a fragment, never which recording.
      const view = await client.call(contract.clientFeedback.get, { params: { id: f.id } });
      expect(view.moments.map((m: { hasRecording: boolean }) => m.hasRecording)).toEqual([true, true]);
      expect(JSON.stringify(view)).not.toContain(withWatch);

      // Another professional's recording cannot be linked.
      const otherClient = await newClient('Van een ander', agents.other);
      const otherSession = await clientSession(otherClient, agents.other);
      const otherConversation = await agents.other.call(contract.clients.createConversation, { params: { id: otherClient }, body: { heldOn: '2026-11-18', kind: 'phone' } });
      const otherConsent = await otherSession.call(contract.clientConsent.give, { params: { id: otherConversation.id }, body: { media: 'audio', audience: 'professional', watchWithClient: true, feedbackViaReviewer: false, retentionDays: 90, signature: 'Ander', textVersion: consentTextVersion, locale: 'nl' } });
      const otherId = (await agents.other.call(contract.account.session)).user.id as string;
      const foreign = await readyRecording(otherConversation.id, otherConsent.id, otherId);
      const refused = await expectProblem(agents.professional.call(contract.feedback.updateMoment, { params: { id: f.id, itemId: detail.moments[1]!.id }, body: { recordingId: foreign } }), 400);
      expect(refused.fields).toEqual([{ path: 'recordingId', message: 'Deze opname kan hier niet gebruikt worden.' }]);

      // Withdrawal: the link to that conversation's recording goes, the words stay.
      await client.call(contract.clientConsent.withdraw, { params: { id: yes.consentId } });
      detail = await agents.professional.call(contract.feedback.get, { params: { id: f.id } });
      expect(detail.moments.map((m: { title: string; recording: unknown }) => [m.title, m.recording])).toEqual([
        ['Samen kijken', null],
        ['Niet samen', { recordingId: withoutWatch, startSeconds: 10, endSeconds: 20, watchTogether: false }],
      ]);
    });
  });

  describe('group mode', () => {
    it('keeps each client’s contributions anonymous toward the others unless they choose otherwise', async () => {
      const ids = [await newClient('Groep 1'), await newClient('Groep 2'), await newClient('Groep 3')];
      const sessions = [await clientSession(ids[0] ?? ''), await clientSession(ids[1] ?? ''), await clientSession(ids[2] ?? '')];
      const created = await newFeedback(ids);
      expect(created).toMatchObject({ group: true });
      const [p1, p2, p3] = created.participants;
      expect(created.participants.map((p) => (p as unknown as { anonymous: boolean }).anonymous)).toEqual([true, true, true]);

      await sessions[0]!.call(contract.clientFeedback.prepare, { params: { id: created.id }, body: { picks: [{ theme: 'achievement', subtopic: 'goal' }], ownWords: 'Geheim van 1' } });
      const named = await sessions[1]!.call(contract.clientFeedback.prepare, { params: { id: created.id }, body: { anonymous: false, displayName: 'Ali' } });
      expect(named.me).toMatchObject({ anonymous: false, displayName: 'Ali' });

      const { moments } = await agents.professional.call(contract.feedback.addMoment, { params: { id: created.id }, body: { theme: 'achievement', title: 'Afspraken' } });
      const momentId = moments[0]!.id;
      await agents.professional.call(contract.feedback.putEntry, { params: { id: created.id }, body: { momentId, section: 'a', participantId: p1!.id, text: 'Woorden van 1' } });
      await agents.professional.call(contract.feedback.putEntry, { params: { id: created.id }, body: { momentId, section: 'a', participantId: p2!.id, text: 'Woorden van Ali' } });
      await agents.professional.call(contract.feedback.addAction, { params: { id: created.id }, body: { owner: 'client', participantId: p2?.id, what: 'Ali belt', dueOn: '2026-12-01' } });
      const needsWho = await expectProblem(agents.professional.call(contract.feedback.addAction, { params: { id: created.id }, body: { owner: 'client', what: 'Iemand belt', dueOn: '2026-12-01' } }), 400);
      expect(needsWho.fields).toEqual([{ path: 'participantId', message: 'Deze deelnemer hoort niet bij dit gesprek.' }]);

      const view1 = await sessions[0]!.call(contract.clientFeedback.get, { params: { id: created.id } });
      const view2 = await sessions[1]!.call(contract.clientFeedback.get, { params: { id: created.id } });
      const view3 = await sessions[2]!.call(contract.clientFeedback.get, { params: { id: created.id } });
      const voiceOf = (view: { entries: { text: string; voice: unknown }[] }, text: string) => view.entries.find((e) => e.text === text)?.voice;
      expect(voiceOf(view1, 'Woorden van 1')).toEqual({ kind: 'me', name: null });
      expect(voiceOf(view1, 'Woorden van Ali')).toEqual({ kind: 'other', name: 'Ali' });
      expect(voiceOf(view2, 'Woorden van 1')).toEqual({ kind: 'other', name: null });
      expect(voiceOf(view3, 'Woorden van 1')).toEqual({ kind: 'other', name: null });
      expect(view3.actions).toEqual([{ id: expect.any(String), owner: 'other', ownerName: 'Ali', what: 'Ali belt', dueOn: '2026-12-01', done: false }]);
      expect(view2.actions[0]).toMatchObject({ owner: 'me', ownerName: null });
      for (const view of [view2, view3]) {
        const text = JSON.stringify(view);
        // Nothing that identifies participant 1 or shows their preparation.
        for (const secret of [ids[0], p1?.id, 'Groep 1', 'Geheim van 1', '"goal"']) expect(text).not.toContain(secret);
      }
      expect(JSON.stringify(view1)).not.toContain(ids[1]);
      expect(JSON.stringify(view1)).not.toContain(p3?.id);
      // The professional sees everyone.
      const detail = await agents.professional.call(contract.feedback.get, { params: { id: created.id } });
      expect(detail.participants.map((p: { pseudonym: string; anonymous: boolean }) => [p.pseudonym, p.anonymous])).toEqual([
        ['Groep 1', true],
        ['Groep 2', false],
        ['Groep 3', true],
      ]);
    });
  });

  describe('attacks: nobody but the professional and their own client', () => {
    let clientId: string;
    let client: Agent;
    let feedbackId: string;
    let participantId: string;
    let actionId: string;
    let momentId: string;
    let followUpId: string;
    let draftId: string;
    let requestId: string;

    beforeAll(async () => {
      clientId = await newClient('Privé');
      client = await clientSession(clientId);
      const created = await newFeedback([clientId]);
      feedbackId = created.id;
      participantId = created.participants[0]?.id ?? '';
      await client.request({ method: 'POST', url: `/api/client/feedback/${feedbackId}/voice-note`, payload: shortAudio, headers: { 'content-type': 'audio/webm' } });
      momentId = (await agents.professional.call(contract.feedback.addMoment, { params: { id: feedbackId }, body: { theme: 'fit', title: 'Geheim moment' } })).moments[0]!.id;
      actionId = (await agents.professional.call(contract.feedback.addAction, { params: { id: feedbackId }, body: { owner: 'together', what: 'Geheime actie', dueOn: '2026-12-01' } })).actions[0]!.id;
      followUpId = (await agents.professional.call(contract.followUps.create, { body: { clientId, feedbackId, learned: 'Geheim geleerd', changed: 'Geheim veranderd', send: true } })).id;
      draftId = (await agents.professional.call(contract.followUps.create, { body: { clientId, learned: 'Concept', changed: 'Concept' } })).id;
      requestId = (await agents.professional.call(contract.alliance.request, { body: { clientId } })).id;
      await client.call(contract.clientFeedback.answerAlliance, { params: { id: requestId }, body: { scores: { collaboration: 2, achievement: 2, fit: 2, own_topics: 2, overall: 2 } } });
    });

    const professionalEndpoints = () =>
      [
        { method: 'GET', url: `/api/feedback/${feedbackId}` },
        { method: 'GET', url: `/api/feedback/${feedbackId}/version` },
        { method: 'PATCH', url: `/api/feedback/${feedbackId}`, payload: { summary: 'Overgenomen' } },
        { method: 'DELETE', url: `/api/feedback/${feedbackId}` },
        { method: 'POST', url: `/api/feedback/${feedbackId}/moments`, payload: { theme: 'fit', title: 'X' } },
        { method: 'PATCH', url: `/api/feedback/${feedbackId}/moments/${momentId}`, payload: { title: 'X' } },
        { method: 'DELETE', url: `/api/feedback/${feedbackId}/moments/${momentId}` },
        { method: 'PUT', url: `/api/feedback/${feedbackId}/entries`, payload: { momentId, section: 'a', participantId: null, text: 'X' } },
        { method: 'POST', url: `/api/feedback/${feedbackId}/actions`, payload: { owner: 'together', what: 'X', dueOn: '2026-12-01' } },
        { method: 'PATCH', url: `/api/feedback/${feedbackId}/actions/${actionId}`, payload: { done: true } },
        { method: 'DELETE', url: `/api/feedback/${feedbackId}/actions/${actionId}` },
        { method: 'POST', url: `/api/feedback/${feedbackId}/change-requests`, payload: { target: 'summary', targetId: null } },
        { method: 'GET', url: `/api/feedback/${feedbackId}/participants/${participantId}/voice-note` },
        { method: 'GET', url: `/api/alliance/clients/${clientId}` },
        { method: 'POST', url: '/api/alliance/requests', payload: { clientId } },
        { method: 'PATCH', url: `/api/follow-ups/${draftId}`, payload: { learned: 'X' } },
        { method: 'POST', url: `/api/follow-ups/${draftId}/send` },
        { method: 'DELETE', url: `/api/follow-ups/${draftId}` },
        { method: 'POST', url: '/api/follow-ups', payload: { clientId, learned: 'X', changed: 'X' } },
        { method: 'POST', url: '/api/feedback', payload: { clientIds: [clientId] } },
      ] as const;

    it.each([
      ['another professional', () => agents.other, [400, 404]],
      ['a manager (who also holds conversations of their own)', () => agents.manager, [400, 404]],
      ['an administrator', () => agents.admin, [403]],
      ['a reviewer', () => agents.reviewer, [403]],
      ['a policy advisor', () => agents.policy, [403]],
    ] as const)('gives %s nothing of another professional’s feedback, checks or follow-ups', async (_who, agentOf, statuses) => {
      const agent = agentOf();
      for (const endpoint of professionalEndpoints()) {
        const response = await agent.request({ method: endpoint.method, url: endpoint.url, ...('payload' in endpoint ? { payload: endpoint.payload } : {}) });
        expect(statuses as readonly number[], `${endpoint.method} ${endpoint.url}: ${response.statusCode}`).toContain(response.statusCode);
        expect(response.body).not.toContain('Geheim');
        errorOf(response);
      }
      // Lists and overviews show only their own things.
      for (const url of ['/api/feedback', '/api/feedback/home', '/api/follow-ups', '/api/alliance/overview']) {
        const response = await agent.get(url);
        expect(response.body, url).not.toContain(feedbackId);
        expect(response.body, url).not.toContain(clientId);
        expect(response.body).not.toContain('Geheim');
      }
      // Still all there for the owner.
      const detail = await agents.professional.call(contract.feedback.get, { params: { id: feedbackId } });
      expect(detail.moments.map((m: { title: string }) => m.title)).toEqual(['Geheim moment']);
      expect(detail.actions.map((a: { what: string; done: boolean }) => [a.what, a.done])).toEqual([['Geheime actie', false]]);
      expect(detail.summary).toBe('');
      expect((await agents.professional.call(contract.followUps.list, { query: { clientId } })).followUps).toHaveLength(2);
      expect((await agents.professional.call(contract.alliance.trend, { params: { id: clientId } })).points).toHaveLength(1);
    });

    it('gives another client (own link and code) nothing of this client’s feedback, checks or follow-ups', async () => {
      const strangerId = await newClient('Vreemde');
      const stranger = await clientSession(strangerId);
      const otherRequest = (await agents.professional.call(contract.alliance.request, { body: { clientId } })).id;
      const attempts = [
        stranger.get(`/api/client/feedback/${feedbackId}`),
        stranger.get(`/api/client/feedback/${feedbackId}/version`),
        stranger.post(`/api/client/feedback/${feedbackId}/preparation`, { ownWords: 'Overgenomen' }),
        stranger.get(`/api/client/feedback/${feedbackId}/voice-note`),
        stranger.delete(`/api/client/feedback/${feedbackId}/voice-note`),
        stranger.request({ method: 'POST', url: `/api/client/feedback/${feedbackId}/voice-note`, payload: shortAudio, headers: { 'content-type': 'audio/webm' } }),
        stranger.post(`/api/client/feedback/${feedbackId}/change-requests`, { target: 'summary', targetId: null }),
        stranger.post(`/api/client/alliance/${otherRequest}/answer`, { scores: { collaboration: 5, achievement: null, fit: null, own_topics: null, overall: null } }),
        stranger.post(`/api/client/alliance/${otherRequest}/decline`),
        stranger.get(`/api/client/follow-ups/${followUpId}`),
        stranger.post(`/api/client/follow-ups/${followUpId}/read`),
        stranger.get(`/api/client/follow-ups/${draftId}`),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.statusCode, response.body).toBe(404);
        expect(errorOf(response).code).toBe('not_found');
      }
      const overview = await stranger.call(contract.clientFeedback.overview);
      expect(overview).toEqual({ conversations: [], allianceChecks: [], followUps: [] });
      // The owner's things are unchanged.
      expect((await client.call(contract.clientFeedback.get, { params: { id: feedbackId } })).me.ownWords).toBe('');
      await client.call(contract.clientFeedback.voiceNote, { params: { id: feedbackId } });
      expect((await client.call(contract.clientFeedback.overview)).allianceChecks.map((c: { id: string }) => c.id)).toEqual([otherRequest]);
      expect((await client.call(contract.clientFeedback.followUp, { params: { id: followUpId } })).read).toBe(false);
      // A draft is never shown to the client, not even their own.
      await expectProblem(client.call(contract.clientFeedback.followUp, { params: { id: draftId } }), 404);
    });

    it('refuses client routes without a client session, with a staff session, and with a forged cookie', async () => {
      const routes = [`/api/client/feedback`, `/api/client/feedback/${feedbackId}`, `/api/client/follow-ups/${followUpId}`];
      const forged = new Agent(server, `sk_client=${'x'.repeat(40)}.${'y'.repeat(43)}`, 'abc');
      for (const url of routes) {
        for (const agent of [server.anonymous(), agents.professional, forged]) {
          const response = await agent.get(url);
          expect(response.statusCode).toBe(401);
          expect(errorOf(response)).toMatchObject({ code: 'client_unauthenticated', message: 'Open eerst uw persoonlijke link en vul uw code in.' });
        }
      }
      const noCsrf = new Agent(server, client.cookie, undefined);
      const post = await noCsrf.post(`/api/client/feedback/${feedbackId}/preparation`, { ownWords: 'Zonder token' });
      expect(post.statusCode).toBe(403);
      expect((await client.call(contract.clientFeedback.get, { params: { id: feedbackId } })).me.ownWords).toBe('');
    });

    it('refuses professional routes without a session or CSRF token', async () => {
      await expectProblem(server.anonymous().call(contract.feedback.get, { params: { id: feedbackId } }), 401);
      const noCsrf = new Agent(server, agents.professional.cookie, undefined);
      const response = await expectProblem(noCsrf.call(contract.feedback.update, { params: { id: feedbackId }, body: { summary: 'Zonder token' } }), 403);
      expect(response.code).toBe('csrf');
    });

    it('locks a client’s link after five wrong codes; nothing of their feedback is reachable', async () => {
      const c = await newClient('Vergeten code');
      await newFeedback([c]);
      const issued = await agents.professional.call(contract.clientAccess.issue, { params: { id: c }, body: {} });
      const token = issued.path.split('/').pop();
      const wrong = issued.code === '000000' ? '111111' : '000000';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const response = await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code: wrong }, remoteAddress: nextIp() });
        statuses.push(response.statusCode);
        expect(response.cookies.find((cookie) => cookie.name === 'sk_client')).toBeUndefined();
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const right = await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code: issued.code }, remoteAddress: nextIp() });
      expect(right.statusCode).toBe(429);
      expect(errorOf(right)).toMatchObject({ code: 'client_locked', message: 'Te vaak een verkeerde code. Probeer het over een kwartier opnieuw.' });
    });
  });

  describe('bad input: a Dutch message, the right status, nothing changed', () => {
    let clientId: string;
    let client: Agent;
    let feedbackId: string;
    let momentId: string;
    let requestId: string;
    let draftId: string;

    beforeAll(async () => {
      clientId = await newClient('Invoer');
      client = await clientSession(clientId);
      feedbackId = (await newFeedback([clientId])).id;
      momentId = (await agents.professional.call(contract.feedback.addMoment, { params: { id: feedbackId }, body: { theme: 'collaboration', title: 'Eerste' } })).moments[0]!.id;
      requestId = (await agents.professional.call(contract.alliance.request, { body: { clientId } })).id;
      draftId = (await agents.professional.call(contract.followUps.create, { body: { clientId, learned: 'Concept', changed: 'Concept' } })).id;
    });

    const script = '<script>alert(1)</script>';
    const long = (n: number) => 'a'.repeat(n);

    async function snapshot() {
      const detail = await agents.professional.call(contract.feedback.get, { params: { id: feedbackId } });
      const { participants, ...rest } = detail;
      return { rest, participants, follow: await agents.professional.call(contract.followUps.list, { query: { clientId } }), checks: (await client.call(contract.clientFeedback.overview)).allianceChecks };
    }

    it.each([
      ['create: no clients', 'POST', '/api/feedback', { clientIds: [] }, 'clientIds', 'Kies er minstens 1.'],
      ['create: the same client twice', 'POST', '/api/feedback', () => ({ clientIds: [clientId, clientId] }), 'clientIds', 'Iemand staat er twee keer in.'],
      ['create: an unknown client', 'POST', '/api/feedback', { clientIds: ['00000000-0000-4000-8000-000000000000'] }, 'clientIds.0', 'Deze cliënt bestaat niet of is niet van u.'],
      ['create: not an id', 'POST', '/api/feedback', { clientIds: ['abc'] }, 'clientIds.0', 'Deze verwijzing bestaat niet.'],
      ['create: invitation too long', 'POST', '/api/feedback', () => ({ clientIds: [clientId], inviteDays: 365 }), 'inviteDays', 'Dit mag hoogstens 60 zijn.'],
      ['moment: empty title', 'POST', () => `/api/feedback/${feedbackId}/moments`, { theme: 'fit', title: '   ' }, 'title', 'Vul dit veld in.'],
      ['moment: title too long', 'POST', () => `/api/feedback/${feedbackId}/moments`, { theme: 'fit', title: long(201) }, 'title', 'Gebruik hoogstens 200 tekens.'],
      ['moment: script in the title', 'POST', () => `/api/feedback/${feedbackId}/moments`, { theme: 'fit', title: script }, 'title', 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.'],
      ['moment: unknown theme', 'POST', () => `/api/feedback/${feedbackId}/moments`, { theme: 'money', title: 'X' }, 'theme', 'Kies een van de mogelijkheden.'],
      ['moment: topic of another card', 'POST', () => `/api/feedback/${feedbackId}/moments`, { theme: 'fit', subtopic: 'listening', title: 'X' }, 'subtopic', 'Dit onderwerp hoort bij een andere themakaart.'],
      ['moment: a recording that is not there', 'POST', () => `/api/feedback/${feedbackId}/moments`, { theme: 'fit', title: 'X', recordingId: '00000000-0000-4000-8000-000000000000', startSeconds: 1, endSeconds: 5 }, 'recordingId', 'Deze opname kan hier niet gebruikt worden.'],
      ['moment: end before start', 'POST', () => `/api/feedback/${feedbackId}/moments`, { theme: 'fit', title: 'X', recordingId: '00000000-0000-4000-8000-000000000000', startSeconds: 9, endSeconds: 5 }, 'endSeconds', 'Het einde moet na het begin liggen.'],
      ['moment change: HTML in the title', 'PATCH', () => `/api/feedback/${feedbackId}/moments/${momentId}`, { title: '<b>vet</b>' }, 'title', 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.'],
      ['entry: too long', 'PUT', () => `/api/feedback/${feedbackId}/entries`, () => ({ momentId, section: 'a', participantId: null, text: long(2001) }), 'text', 'Gebruik hoogstens 2000 tekens.'],
      ['entry: script', 'PUT', () => `/api/feedback/${feedbackId}/entries`, () => ({ momentId, section: 'b', participantId: null, text: script }), 'text', 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.'],
      ['entry: A without a moment', 'PUT', () => `/api/feedback/${feedbackId}/entries`, { momentId: null, section: 'a', participantId: null, text: 'X' }, 'momentId', 'Kies het moment waar dit bij hoort.'],
      ['entry: learning tied to a moment', 'PUT', () => `/api/feedback/${feedbackId}/entries`, () => ({ momentId, section: 'learned', participantId: null, text: 'X' }), 'momentId', 'Wat u geleerd heeft, hoort niet bij één moment.'],
      ['entry: a voice from outside', 'PUT', () => `/api/feedback/${feedbackId}/entries`, () => ({ momentId, section: 'a', participantId: '00000000-0000-4000-8000-000000000000', text: 'X' }), 'participantId', 'Deze deelnemer hoort niet bij dit gesprek.'],
      ['action: empty', 'POST', () => `/api/feedback/${feedbackId}/actions`, { owner: 'together', what: '', dueOn: '2026-12-01' }, 'what', 'Vul dit veld in.'],
      ['action: a date that does not exist', 'POST', () => `/api/feedback/${feedbackId}/actions`, { owner: 'together', what: 'X', dueOn: '2026-02-30' }, 'dueOn', 'Vul een bestaande datum in.'],
      ['action: HTML', 'POST', () => `/api/feedback/${feedbackId}/actions`, { owner: 'together', what: '<img src=x onerror=alert(1)>', dueOn: '2026-12-01' }, 'what', 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.'],
      ['summary: too long', 'PATCH', () => `/api/feedback/${feedbackId}`, { summary: long(4001) }, 'summary', 'Gebruik hoogstens 4000 tekens.'],
      ['summary: unknown field', 'PATCH', () => `/api/feedback/${feedbackId}`, { status: 'invited' }, 'status', 'Kies een van de mogelijkheden.'],
      ['change request: unknown item', 'POST', () => `/api/feedback/${feedbackId}/change-requests`, { target: 'entry', targetId: '00000000-0000-4000-8000-000000000000' }, 'targetId', 'Dit onderdeel bestaat niet (meer).'],
      ['follow-up: empty', 'POST', '/api/follow-ups', () => ({ clientId, learned: '', changed: 'X' }), 'learned', 'Vul dit veld in.'],
      ['follow-up: too long', 'POST', '/api/follow-ups', () => ({ clientId, learned: 'X', changed: long(2001) }), 'changed', 'Gebruik hoogstens 2000 tekens.'],
      ['follow-up: script', 'PATCH', () => `/api/follow-ups/${draftId}`, { learned: script }, 'learned', 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.'],
      ['alliance: another professional’s client', 'POST', '/api/alliance/requests', { clientId: 'nope' }, 'clientId', 'Deze verwijzing bestaat niet.'],
    ] as const)('professional, %s', async (_name, method, url, payload, field, message) => {
      const before = await snapshot();
      const response = await agents.professional.request({
        method,
        url: typeof url === 'function' ? url() : url,
        payload: (typeof payload === 'function' ? payload() : payload) as Record<string, unknown>,
      });
      expect(response.statusCode, response.body).toBe(400);
      const error = errorOf(response);
      expect(error.code).toBe('validation');
      expect(error.message).toBe('Niet alles is goed ingevuld. Kijk bij de velden wat er mis is.');
      expect(error.fields).toContainEqual({ path: field, message });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a fourth moment', async () => {
      await agents.professional.call(contract.feedback.addMoment, { params: { id: feedbackId }, body: { theme: 'fit', title: 'Tweede' } });
      await agents.professional.call(contract.feedback.addMoment, { params: { id: feedbackId }, body: { theme: 'other', title: 'Derde' } });
      const before = await snapshot();
      const response = await expectProblem(agents.professional.call(contract.feedback.addMoment, { params: { id: feedbackId }, body: { theme: 'achievement', title: 'Vierde' } }), 409);
      expect(response).toMatchObject({ code: 'feedback_too_many_moments', message: 'U kunt hoogstens drie momenten kiezen. Haal eerst een moment weg.' });
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['own words too long', { ownWords: long(1001) }, 'ownWords', 'Gebruik hoogstens 1000 tekens.'],
      ['script in own words', { ownWords: script }, 'ownWords', 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.'],
      ['a theme card that does not exist', { picks: [{ theme: 'geld', subtopic: null }] }, 'picks.0.theme', 'Kies een van de mogelijkheden.'],
      ['too many picks', { picks: Array.from({ length: 13 }, () => ({ theme: 'other', subtopic: null })) }, 'picks', 'Kies er hoogstens 12.'],
      ['a name with HTML', { displayName: '<i>Ali</i>' }, 'displayName', 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.'],
      ['an unknown field', { clientId: 'x' }, 'body', 'Dit veld is onbekend.'],
    ] as const)('client preparation: %s', async (_name, payload, field, message) => {
      const before = await client.call(contract.clientFeedback.get, { params: { id: feedbackId } });
      // raw on purpose: bodies the contract forbids
      const response = await client.post(`/api/client/feedback/${feedbackId}/preparation`, payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).fields).toContainEqual({ path: field, message });
      expect(await client.call(contract.clientFeedback.get, { params: { id: feedbackId } })).toEqual(before);
    });

    it('client change request with HTML in the note', async () => {
      const response = await expectProblem(client.call(contract.clientFeedback.addChangeRequest, { params: { id: feedbackId }, body: { target: 'summary', targetId: null, note: '<a href="x">hier</a>' } }), 400);
      expect(response.fields).toContainEqual({ path: 'note', message: 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.' });
      expect((await client.call(contract.clientFeedback.get, { params: { id: feedbackId } })).myChangeRequests).toEqual([]);
    });

    it.each([
      ['not sound at all', () => Buffer.from('dit is geen geluid, maar gewone tekst die zich voordoet als geluid'), 'audio/webm', 400, 'voice_note_invalid', 'Dit geluid kunnen we niet gebruiken. Neem het opnieuw op.'],
      ['a cut-off recording', () => shortAudio.subarray(0, Math.floor(shortAudio.length / 3)), 'audio/webm', 400, 'voice_note_invalid', 'Dit geluid kunnen we niet gebruiken. Neem het opnieuw op.'],
      ['longer than two minutes', () => makeAudio(125, audioDir, 'long.webm'), 'audio/webm', 400, 'voice_note_too_long', 'Dit bericht is te lang. Het mag hoogstens 2 minuten duren.'],
      ['a video', () => {
        const file = path.join(audioDir, 'video.webm');
        execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x64:duration=1', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:v', 'libvpx', '-c:a', 'libopus', '-shortest', '-y', file]);
        return readFileSync(file);
      }, 'audio/webm', 400, 'voice_note_invalid', 'Dit geluid kunnen we niet gebruiken. Neem het opnieuw op.'],
      ['too large', () => Buffer.alloc(2 * 1024 * 1024 + 10, 1), 'audio/webm', 413, 'payload_too_large', 'Dit is te groot om te versturen.'],
      ['a type that is not sound', () => shortAudio, 'text/plain', 415, 'unsupported_media_type', 'Dit soort gegevens wordt hier niet geaccepteerd.'],
      ['empty', () => Buffer.alloc(0), 'audio/webm', 400, 'voice_note_invalid', 'Dit geluid kunnen we niet gebruiken. Neem het opnieuw op.'],
    ] as const)('voice note: %s', async (_name, body, type, status, code, message) => {
      const response = await client.request({ method: 'POST', url: `/api/client/feedback/${feedbackId}/voice-note`, payload: body(), headers: { 'content-type': type } });
      expect(response.statusCode, response.body).toBe(status);
      expect(errorOf(response)).toMatchObject({ code, message });
      await expectProblem(client.call(contract.clientFeedback.voiceNote, { params: { id: feedbackId } }), 404);
      expect(await server.spreekkamer.repositories.feedback.findVoiceNote((await agents.professional.call(contract.feedback.get, { params: { id: feedbackId } })).participants[0]!.id)).toBeUndefined();
    });

    it.each([
      ['all questions skipped', { scores: { collaboration: null, achievement: null, fit: null, own_topics: null, overall: null } }, 'scores', 'Kies minstens één gezicht, of kies "Liever niet".'],
      ['a face that does not exist', { scores: { collaboration: 6, achievement: null, fit: null, own_topics: null, overall: null } }, 'scores.collaboration', 'Dit mag hoogstens 5 zijn.'],
      ['zero', { scores: { collaboration: 0, achievement: null, fit: null, own_topics: null, overall: null } }, 'scores.collaboration', 'Dit moet minstens 1 zijn.'],
      ['half a face', { scores: { collaboration: 2.5, achievement: null, fit: null, own_topics: null, overall: null } }, 'scores.collaboration', 'Deze waarde heeft een verkeerd soort inhoud.'],
      ['a question missing', { scores: { collaboration: 3 } }, 'scores.achievement', 'Dit veld is verplicht.'],
    ] as const)('alliance answer: %s', async (_name, payload, field, message) => {
      // raw on purpose: bodies the contract forbids
      const response = await client.post(`/api/client/alliance/${requestId}/answer`, payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).fields).toContainEqual({ path: field, message });
      expect((await client.call(contract.clientFeedback.overview)).allianceChecks.map((c: { id: string }) => c.id)).toContain(requestId);
      expect((await agents.professional.call(contract.alliance.trend, { params: { id: clientId } })).points).toEqual([]);
    });

    it('an expired invitation: the client sees a clear message, the professional can renew it', async () => {
      const c = await newClient('Te laat');
      const session = await clientSession(c);
      const f = await newFeedback([c], { inviteDays: 1 });
      clock = new Date(clock.getTime() + 2 * 24 * 3600 * 1000);
      await loginAll();
      const fresh = await clientSession(c);
      for (const response of [
        await fresh.get(`/api/client/feedback/${f.id}`),
        await fresh.post(`/api/client/feedback/${f.id}/preparation`, { ownWords: 'Te laat' }),
        await fresh.request({ method: 'POST', url: `/api/client/feedback/${f.id}/voice-note`, payload: shortAudio, headers: { 'content-type': 'audio/webm' } }),
      ]) {
        expect(response.statusCode).toBe(410);
        expect(errorOf(response)).toMatchObject({ code: 'feedback_invitation_expired', message: 'Deze uitnodiging is verlopen. Vraag uw klantmanager om een nieuwe.' });
      }
      expect((await fresh.call(contract.clientFeedback.overview)).conversations).toEqual([]);
      // The old session is over anyway (the link was renewed for the new one).
      await expectProblem(session.call(contract.clientFeedback.overview), 401);
      await agents.professional.call(contract.feedback.update, { params: { id: f.id }, body: { inviteDays: 7 } });
      await fresh.call(contract.clientFeedback.prepare, { params: { id: f.id }, body: { ownWords: 'Nu wel' } });
      expect((await fresh.call(contract.clientFeedback.overview)).conversations).toHaveLength(1);
    });

    it('an expired or already answered alliance check', async () => {
      const c = await newClient('Check');
      const session = await clientSession(c);
      const id = (await agents.professional.call(contract.alliance.request, { body: { clientId: c } })).id;
      const scores = { collaboration: 4, achievement: 4, fit: 4, own_topics: 4, overall: 4 };
      await session.call(contract.clientFeedback.answerAlliance, { params: { id }, body: { scores } });
      const again = await expectProblem(session.call(contract.clientFeedback.answerAlliance, { params: { id }, body: { scores } }), 410);
      expect(again).toMatchObject({ code: 'alliance_check_unavailable', message: 'Deze vragen zijn al beantwoord of verlopen. Dank u wel.' });
      const late = (await agents.professional.call(contract.alliance.request, { body: { clientId: c } })).id;
      clock = new Date(clock.getTime() + 15 * 24 * 3600 * 1000);
      await loginAll();
      const fresh = await clientSession(c);
      expect((await fresh.call(contract.clientFeedback.overview)).allianceChecks).toEqual([]);
      await expectProblem(fresh.call(contract.clientFeedback.answerAlliance, { params: { id: late }, body: { scores } }), 410);
      expect((await agents.professional.call(contract.alliance.trend, { params: { id: c } })).points).toHaveLength(1);
    });
  });

  describe('the alliance check, identified', () => {
    it('shows the professional a trend and a quiet signal when it is low or falling; declining leaves nothing', async () => {
      const c = await newClient('Trend');
      const session = await clientSession(c);
      const answer = async (scores: Record<string, number | null>) => {
        clock = new Date(clock.getTime() + 60_000);
        const id = (await agents.professional.call(contract.alliance.request, { body: { clientId: c } })).id;
        await session.call(contract.clientFeedback.answerAlliance, { params: { id }, body: { scores: { collaboration: null, achievement: null, fit: null, own_topics: null, overall: null, ...scores } } });
      };
      await answer({ collaboration: 5, achievement: 4, fit: 5, own_topics: 4, overall: 5 });
      let trend = await agents.professional.call(contract.alliance.trend, { params: { id: c } });
      expect(trend).toMatchObject({ anonymous: false, threshold: 3, signal: null, openRequests: [] });
      expect(trend.points).toEqual([{ answeredAt: clock.toISOString(), average: 4.6, scores: { collaboration: 5, achievement: 4, fit: 5, own_topics: 4, overall: 5 } }]);
      await answer({ collaboration: 4, overall: 3 });
      trend = await agents.professional.call(contract.alliance.trend, { params: { id: c } });
      expect(trend.points.map((p: { average: number }) => p.average)).toEqual([4.6, 3.5]);
      expect(trend.signal).toEqual({ kind: 'falling', clientId: c, pseudonym: 'Trend', latest: 3.5 });
      await answer({ collaboration: 2, achievement: 2, fit: 3, own_topics: 2, overall: 2 });
      trend = await agents.professional.call(contract.alliance.trend, { params: { id: c } });
      expect(trend.signal).toMatchObject({ kind: 'low', latest: 2.2 });
      const home = await agents.professional.call(contract.feedback.home);
      expect(home.signals).toContainEqual({ kind: 'low', clientId: c, pseudonym: 'Trend', latest: 2.2 });
      // Only to that professional: not to a manager of the team, nor to another professional.
      expect((await agents.manager.call(contract.feedback.home)).signals).toEqual([]);
      expect((await agents.other.call(contract.feedback.home)).signals).toEqual([]);

      const declined = (await agents.professional.call(contract.alliance.request, { body: { clientId: c } })).id;
      expect((await agents.professional.call(contract.alliance.trend, { params: { id: c } })).openRequests).toHaveLength(1);
      await session.call(contract.clientFeedback.declineAlliance, { params: { id: declined }, body: {} });
      trend = await agents.professional.call(contract.alliance.trend, { params: { id: c } });
      expect(trend.openRequests).toEqual([]);
      expect(trend.points).toHaveLength(3);
    });

    it('can be handed over on the professional’s tablet', async () => {
      const c = await newClient('Tablet');
      const id = (await agents.professional.call(contract.alliance.request, { body: { clientId: c } })).id;
      const handed = await agents.professional.post(`/api/clients/${c}/hand-over`);
      const tablet = new Agent(server, clientCookieFrom(handed), handed.json().csrfToken);
      expect((await tablet.call(contract.clientFeedback.overview)).allianceChecks).toEqual([{ id, expiresAt: expect.any(String), anonymous: false }]);
      await tablet.call(contract.clientFeedback.answerAlliance, { params: { id }, body: { scores: { collaboration: 4, achievement: 4, fit: 4, own_topics: null, overall: 4 } } });
    });
  });

  describe('the alliance check, anonymous toward the professional', () => {
    it('stores no client, request link or time, and shows only closed months with at least k answers', async () => {
      const settings = await agents.admin.call(contract.admin.settings);
      const saved = await agents.admin.call(contract.admin.updateSettings, { body: { ...settings, allianceCheckAnonymous: true, allianceSignalBelow: 3.5 } });
      expect(saved).toMatchObject({ allianceCheckAnonymous: true, allianceSignalBelow: 3.5, minimumGroupSize: 5 });
      // An older settings form that does not know these fields leaves them as they are.
      const { allianceCheckAnonymous: _a, allianceSignalBelow: _b, ...older } = settings;
      expect(await agents.admin.call(contract.admin.updateSettings, { body: older })).toMatchObject({ allianceCheckAnonymous: true, allianceSignalBelow: 3.5 });

      // Start of a fresh month, so the periods below are ours alone.
      clock = new Date('2027-01-05T10:00:00.000Z');
      await loginAll();
      const month = '2027-01';
      const clients: { id: string; session: Agent; request: string }[] = [];
      for (let i = 0; i < 5; i += 1) {
        const id = await newClient(`Anoniem ${i}`);
        const session = await clientSession(id);
        const created = await agents.professional.call(contract.alliance.request, { body: { clientId: id } });
        expect(created.anonymous).toBe(true);
        expect((await session.call(contract.clientFeedback.overview)).allianceChecks[0]).toMatchObject({ id: created.id, anonymous: true });
        clients.push({ id, session, request: created.id });
      }
      const scores = [1, 2, 3, 3, 3];
      for (const [i, c] of clients.entries()) {
        clock = new Date(clock.getTime() + 60_000);
        await c.session.call(contract.clientFeedback.answerAlliance, { params: { id: c.request }, body: { scores: { collaboration: scores[i]!, achievement: 2, fit: null, own_topics: 3, overall: scores[i]! } } });
      }
      // The same client once more in this month does not count twice.
      const twice = (await agents.professional.call(contract.alliance.request, { body: { clientId: clients[0]!.id } })).id;
      await expectProblem(clients[0]!.session.call(contract.clientFeedback.answerAlliance, { params: { id: twice }, body: { scores: { collaboration: 5, achievement: 5, fit: 5, own_topics: 5, overall: 5 } } }), 410);

      // In the database: no client, no day, no link to the request.
      const rows = await server.spreekkamer.database.db.selectFrom('alliance_answers').selectAll().where('period', '=', month).execute();
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        expect(row.client_id).toBeNull();
        expect(row.answered_on).toBeNull();
        expect(row.anonymous).toBe(1);
        expect(Object.values(row).some((v) => typeof v === 'string' && (isoTime.test(v) || clients.some((c) => v === c.id || v === c.request)))).toBe(false);
      }
      const requests = await server.spreekkamer.database.db.selectFrom('alliance_requests').selectAll().where('id', 'in', clients.map((c) => c.request)).execute();
      expect(requests.map((r) => r.answered_at)).toEqual([month, month, month, month, month]);
      const audit = await server.spreekkamer.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'alliance.answered').execute();
      const anonymousEntries = audit.filter((e) => e.details_json.includes('"anonymous":true'));
      expect(anonymousEntries).toHaveLength(5);
      for (const entry of anonymousEntries) expect([entry.subject_id, entry.subject_type, entry.actor_user_id]).toEqual([null, null, null]);

      // Through the API, while the month is open: nothing at all.
      for (const c of clients) {
        const trend = await agents.professional.call(contract.alliance.trend, { params: { id: c.id } });
        expect(trend).toMatchObject({ anonymous: true, points: [], signal: null, openRequests: [] });
      }
      let overview = await agents.professional.call(contract.alliance.overview);
      expect(overview.periods.filter((p: { period: string }) => p.period === month)).toEqual([]);

      // The month after: the total of five, and nothing that points to one of them.
      clock = new Date('2027-02-02T10:00:00.000Z');
      await loginAll();
      for (let i = 0; i < 4; i += 1) {
        const id = await newClient(`Februari ${i}`);
        const session = await clientSession(id);
        const request = (await agents.professional.call(contract.alliance.request, { body: { clientId: id } })).id;
        await session.call(contract.clientFeedback.answerAlliance, { params: { id: request }, body: { scores: { collaboration: 5, achievement: 5, fit: 5, own_topics: 5, overall: 5 } } });
      }
      const response = await agents.professional.get('/api/alliance/overview');
      overview = response.json();
      const january = overview.periods.find((p: { period: string }) => p.period === month);
      expect(january).toEqual({ period: month, enoughAnswers: true, count: 5, averages: { collaboration: 2.4, achievement: 2, fit: null, own_topics: 3, overall: 2.4 } });
      expect(overview.periods.find((p: { period: string }) => p.period === '2027-02')).toBeUndefined();
      expect(overview.signals).toContainEqual({ kind: 'low', clientId: null, pseudonym: null, latest: expect.any(Number) });
      for (const c of clients) {
        expect(response.body).not.toContain(c.id);
        expect(response.body).not.toContain(c.request);
      }
      expect(response.body).not.toMatch(isoTime);

      // March: February had only four people, so it stays hidden.
      clock = new Date('2027-03-03T10:00:00.000Z');
      await loginAll();
      overview = await agents.professional.call(contract.alliance.overview);
      expect(overview.periods.find((p: { period: string }) => p.period === '2027-02')).toEqual({ period: '2027-02', enoughAnswers: false, count: null, averages: null });

      // Managers and administrators see none of it.
      expect((await agents.manager.call(contract.alliance.overview)).periods).toEqual([]);
      await expectProblem(agents.admin.call(contract.alliance.overview), 403);
      await agents.admin.call(contract.admin.updateSettings, { body: { ...settings, allianceCheckAnonymous: false, allianceSignalBelow: 3 } });
    });
  });

  describe('follow-up', () => {
    it('keeps "sent, not read yet" apart from "still to send" on the home page, and clears it when the client reads it; for nobody else', async () => {
      clock = new Date('2027-04-02T09:00:00.000Z');
      await loginAll();
      const c = await newClient('Gelezen');
      const session = await clientSession(c);
      const f = await newFeedback([c]);
      await agents.professional.call(contract.feedback.update, { params: { id: f.id }, body: { status: 'completed' } });
      let home = await agents.professional.call(contract.feedback.home);
      expect(home.openFollowUps.filter((o: { feedbackId: string }) => o.feedbackId === f.id)).toHaveLength(1);
      expect(home.sentUnread.filter((o: { clientId: string }) => o.clientId === c)).toEqual([]);

      // Sent from the feedback conversation: it moves from "still to send" to "sent, not read yet".
      const sent = await agents.professional.call(contract.followUps.create, { body: { clientId: c, feedbackId: f.id, learned: 'Ik luister eerst.', changed: 'Ik vraag eerst hoe het gaat.', send: true } });
      expect(sent.status).toBe('sent');
      // And one sent from the client page, without a feedback conversation.
      const loose = await agents.professional.call(contract.followUps.create, { body: { clientId: c, learned: 'Ik schreef te lange brieven.', changed: 'Ik schrijf korter.', send: true } });
      home = await agents.professional.call(contract.feedback.home);
      expect(home.openFollowUps.filter((o: { feedbackId: string }) => o.feedbackId === f.id)).toEqual([]);
      expect(home.sentUnread.filter((o: { clientId: string }) => o.clientId === c)).toEqual(
        expect.arrayContaining([
          { followUpId: sent.id, feedbackId: f.id, clientId: c, pseudonym: 'Gelezen', sentAt: clock.toISOString() },
          { followUpId: loose.id, feedbackId: null, clientId: c, pseudonym: 'Gelezen', sentAt: clock.toISOString() },
        ]),
      );
      expect(JSON.stringify(home)).not.toContain('Ik luister eerst.');
      // Another professional, a manager and a policy advisor never see it; an administrator may not ask.
      for (const other of [agents.other, agents.manager]) expect(JSON.stringify(await other.call(contract.feedback.home))).not.toContain(sent.id);
      await expectProblem(agents.policy.call(contract.feedback.home), 403);
      await expectProblem(agents.admin.call(contract.feedback.home), 403);
      // Someone else cannot mark it read for the client: another client's session is refused.
      const stranger = await clientSession(await newClient('Vreemd'));
      await expectProblem(stranger.call(contract.clientFeedback.readFollowUp, { params: { id: sent.id } }), 404);
      home = await agents.professional.call(contract.feedback.home);
      expect(home.sentUnread.filter((o: { clientId: string }) => o.clientId === c)).toHaveLength(2);

      // The client reads one: only that one clears.
      await session.call(contract.clientFeedback.readFollowUp, { params: { id: sent.id } });
      home = await agents.professional.call(contract.feedback.home);
      expect(home.sentUnread.filter((o: { clientId: string }) => o.clientId === c).map((o: { followUpId: string }) => o.followUpId)).toEqual([loose.id]);
      await session.call(contract.clientFeedback.readFollowUp, { params: { id: loose.id } });
      home = await agents.professional.call(contract.feedback.home);
      expect(home.sentUnread.filter((o: { clientId: string }) => o.clientId === c)).toEqual([]);
    });

    it('is drafted, sent, read by the client, and listed on the home page until sent', async () => {
      clock = new Date('2027-04-01T09:00:00.000Z');
      await loginAll();
      const c = await newClient('Terug');
      const session = await clientSession(c);
      const f = await newFeedback([c]);
      await agents.professional.call(contract.feedback.addAction, { params: { id: f.id }, body: { owner: 'professional', what: 'Terugbellen', dueOn: '2027-04-03' } });
      await agents.professional.call(contract.feedback.update, { params: { id: f.id }, body: { status: 'completed' } });
      let home = await agents.professional.call(contract.feedback.home);
      expect(home.openFollowUps).toContainEqual({ feedbackId: f.id, clientId: c, pseudonym: 'Terug', completedAt: clock.toISOString(), draftId: null });
      expect(home.overdueActions.filter((a: { feedbackId: string }) => a.feedbackId === f.id)).toEqual([]);

      const draft = await agents.professional.call(contract.followUps.create, { body: { clientId: c, feedbackId: f.id, learned: 'Ik vraag eerst hoe het gaat.', changed: 'Ik begin elk gesprek met een vraag aan u.' } });
      expect(draft).toMatchObject({ status: 'draft', sentAt: null, pseudonym: 'Terug' });
      home = await agents.professional.call(contract.feedback.home);
      expect(home.openFollowUps.find((o) => o.feedbackId === f.id)!.draftId).toBe(draft.id);
      expect((await session.call(contract.clientFeedback.overview)).followUps).toEqual([]);
      const edited = await agents.professional.call(contract.followUps.update, { params: { id: draft.id }, body: { changed: 'Ik begin met een vraag.' } });
      expect(edited.changed).toBe('Ik begin met een vraag.');
      const sent = await agents.professional.call(contract.followUps.send, { params: { id: draft.id } });
      expect(sent).toMatchObject({ status: 'sent', sentAt: clock.toISOString(), readAt: null });
      const late = await expectProblem(agents.professional.call(contract.followUps.update, { params: { id: draft.id }, body: { changed: 'Toch anders' } }), 409);
      expect(late).toMatchObject({ code: 'follow_up_sent', message: 'Deze terugkoppeling is al verstuurd en kan niet meer veranderen.' });
      await expectProblem(agents.professional.call(contract.followUps.remove, { params: { id: draft.id } }), 409);

      const overview = await session.call(contract.clientFeedback.overview);
      expect(overview.followUps).toEqual([{ id: draft.id, professionalName: 'Sanne de Vries', sentAt: clock.toISOString(), read: false }]);
      const read = await session.post(`/api/client/follow-ups/${draft.id}/read`);
      expect(read.json()).toMatchObject({ learned: 'Ik vraag eerst hoe het gaat.', changed: 'Ik begin met een vraag.', read: true });
      expect((await agents.professional.call(contract.followUps.list, { query: { clientId: c } })).followUps[0]!.readAt).toBe(clock.toISOString());

      clock = new Date('2027-04-05T09:00:00.000Z');
      await loginAll();
      home = await agents.professional.call(contract.feedback.home);
      expect(home.openFollowUps.filter((o: { feedbackId: string }) => o.feedbackId === f.id)).toEqual([]);
      expect(home.overdueActions.filter((a: { feedbackId: string }) => a.feedbackId === f.id)).toEqual([
        { feedbackId: f.id, actionId: expect.any(String), what: 'Terugbellen', dueOn: '2027-04-03', owner: 'professional', pseudonyms: ['Terug'] },
      ]);
    });
  });
});
