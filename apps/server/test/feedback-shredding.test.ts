import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import { databaseUnderTest, demo, startTestServer, type Agent, type TestServer, expectProblem } from './support/harness.js';
import { marker, plainOccurrences, rawDatabase } from './support/raw-scan.js';
import { consentedConversation, type ConsentedConversation } from './support/review-fixtures.js';

/**
 * Issue 8: what a client said in the feedback part is sealed under client keys, and the client can
 * have it erased from their own pages. Every text goes in with a random marker; the raw database
 * (SQLite file + WAL + shm; pg_dump and, as root, PostgreSQL's own files) never holds a marker as
 * plain bytes, before or after; after the erasure nothing opens them (the wrapped key itself is
 * gone from the database), and the professional sees where they were that they are gone.
 */
describe('a client erases what they said in the feedback part', () => {
  let server: TestServer;
  let professional: Agent;
  let voice: Buffer;

  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' });
    professional = await server.login(demo.professional);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'feedback-shred-')), 'voice.webm');
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', '-c:a', 'libopus', '-b:a', '16k', '-y', file]);
    voice = readFileSync(file);
  });
  afterAll(async () => server?.close());

  async function newFeedback(clients: ConsentedConversation[]): Promise<{ id: string; participantIds: string[] }> {
    const created = await professional.call(contract.feedback.create, { body: { clientIds: clients.map((c) => c.clientId) } });
    return { id: created.id, participantIds: created.participants.map((p: { id: string }) => p.id) };
  }

  it('keeps every feedback text sealed, and after the client’s erasure nothing opens it anywhere', async () => {
    const a = await consentedConversation(server, professional);
    const { id, participantIds } = await newFeedback([a]);
    const participantId = participantIds[0] ?? '';
    const texts = {
      ownWords: marker('eigenwoorden'),
      ownSubtopic: marker('eigenonderwerp'),
      clientTitle: marker('klanttitel'),
      title: marker('momenttitel'),
      entryClient: marker('klantzegt'),
      entryProfessional: marker('professionalzegt'),
      learned: marker('geleerd'),
      summary: marker('samenvatting'),
      action: marker('afspraak'),
      roomNote: marker('kamernotitie'),
      clientNote: marker('klantnotitie'),
      followLearned: marker('terugleerde'),
      followChanged: marker('terugveranderd'),
      shortVersion: marker('kortversie'),
    };

    await a.client.call(contract.clientFeedback.prepare, { params: { id }, body: { introSeen: true, ownWords: texts.ownWords, done: true } });
    const saved = await a.client.request({ method: 'POST', url: `/api/client/feedback/${id}/voice-note`, payload: voice, headers: { 'content-type': 'audio/webm' } });
    expect(saved.statusCode, saved.body).toBe(200);
    await a.client.call(contract.clientFeedback.addMoment, { params: { id }, body: { theme: 'other', ownSubtopic: texts.ownSubtopic, title: texts.clientTitle } });
    let detail = await professional.call(contract.feedback.addMoment, { params: { id }, body: { theme: 'fit', title: texts.title } });
    const momentId: string = detail.moments[1]!.id;
    await professional.call(contract.feedback.putEntry, { params: { id }, body: { momentId, section: 'a', participantId, text: texts.entryClient } });
    await professional.call(contract.feedback.putEntry, { params: { id }, body: { momentId, section: 'b', participantId: null, text: texts.entryProfessional } });
    await professional.call(contract.feedback.putEntry, { params: { id }, body: { momentId: null, section: 'learned', participantId, text: texts.learned } });
    await professional.call(contract.feedback.update, { params: { id }, body: { step: 3, summary: texts.summary } });
    await professional.call(contract.feedback.addAction, { params: { id }, body: { owner: 'together', what: texts.action, dueOn: '2026-12-20' } });
    await professional.call(contract.feedback.addChangeRequest, { params: { id }, body: { target: 'summary', targetId: null, note: texts.roomNote, participantId } });
    await a.client.call(contract.clientFeedback.addChangeRequest, { params: { id }, body: { target: 'summary', targetId: null, note: texts.clientNote } });
    const followUp = await professional.call(contract.followUps.create, { body: { clientId: a.clientId, feedbackId: id, learned: texts.followLearned, changed: texts.followChanged, shortVersion: texts.shortVersion, send: true } });
    const followUpId: string = followUp.id;

    // Readable to the people it is for.
    detail = await professional.call(contract.feedback.get, { params: { id } });
    const seen = JSON.stringify(detail) + (await professional.get(`/api/follow-ups?clientId=${a.clientId}`)).body;
    for (const text of Object.values(texts)) expect(seen).toContain(text);
    expect(detail.summaryErased).toBe(false);
    expect((await a.client.get(`/api/client/follow-ups/${followUpId}`)).body).toContain(texts.shortVersion);
    await professional.call(contract.feedback.voiceNote, { params: { id, participantId } });

    // A learning question of the professional links the agreement and the conversation: their labels open too.
    const question = await professional.call(contract.learning.createQuestion, { body: { text: 'Hoe houd ik afspraken klein?' } });
    const actionId: string = detail.actions[0]!.id;
    await professional.call(contract.learning.addLink, { params: { id: question.id }, body: { kind: 'feedback_action', targetId: actionId } });
    const linked = await professional.call(contract.learning.addLink, { params: { id: question.id }, body: { kind: 'feedback', targetId: id } });
    expect(linked.links.map((l: { label: string }) => l.label).sort()).toEqual([texts.action, texts.summary].sort());

    // Sealed, not merely deleted later: no text is in the database as plain bytes, even now.
    expect(await plainOccurrences(server, Object.values(texts))).toEqual([]);

    const db = server.spreekkamer.database.db;
    const wrappedKey = (await db.selectFrom('clients').select('text_key').where('id', '=', a.clientId).executeTakeFirstOrThrow()).text_key ?? '';
    expect(wrappedKey).not.toBe('');

    const erased = await a.client.post('/api/client/feedback/erase');
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toEqual({ conversations: 1 });

    // The professional sees where the texts were that they are gone; nothing of them is served.
    const after = await professional.get(`/api/feedback/${id}`);
    expect(after.statusCode).toBe(200);
    for (const text of Object.values(texts)) expect(after.body).not.toContain(text);
    const view = after.json();
    expect(view.summaryErased).toBe(true);
    expect(view.summary).toBe('');
    expect(view.participants[0]).toMatchObject({ erased: true, ownWords: null, hasVoiceNote: false });
    expect(view.moments.map((m: { erased: boolean; title: string }) => [m.erased, m.title])).toEqual([
      [true, ''],
      [true, ''],
    ]);
    expect(view.entries.every((e: { erased: boolean; text: string }) => e.erased && e.text === '')).toBe(true);
    expect(view.actions.every((x: { erased: boolean; what: string }) => x.erased && x.what === '')).toBe(true);
    expect(view.changeRequests.every((c: { erased: boolean; note: string }) => c.erased && c.note === '')).toBe(true);
    const followUps = await professional.get(`/api/follow-ups?clientId=${a.clientId}`);
    for (const text of Object.values(texts)) expect(followUps.body).not.toContain(text);
    expect(followUps.json().followUps[0]).toMatchObject({ erased: true, learned: '', changed: '', shortVersion: null });
    await expectProblem(professional.call(contract.feedback.voiceNote, { params: { id, participantId } }), 404);
    await expectProblem(a.client.call(contract.clientFeedback.followUp, { params: { id: followUpId } }), 404);
    expect((await a.client.get(`/api/client/feedback/${id}`)).body).not.toContain(texts.summary);
    const questions = await professional.get('/api/learning/questions');
    expect(questions.statusCode).toBe(200);
    expect(questions.body).not.toContain(texts.action);
    expect(questions.body).not.toContain(texts.summary);

    // Nothing can open them: the key is gone from the row, and from the raw files (SQLite) or the dump (PostgreSQL).
    const row = await db.selectFrom('clients').select('text_key').where('id', '=', a.clientId).executeTakeFirstOrThrow();
    expect(row.text_key).toBeNull();
    const sources = (await rawDatabase(server)).filter((s) => databaseUnderTest() === 'sqlite' || s.name === 'pg_dump');
    expect(sources.filter((s) => s.bytes.includes(Buffer.from(wrappedKey))).map((s) => s.name)).toEqual([]);
    expect(await plainOccurrences(server, Object.values(texts))).toEqual([]);
    const stored = await db.selectFrom('feedback_conversations').select('summary').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.summary).not.toBe('');
    expect(server.spreekkamer.repositories.feedback).toBeDefined();
    expect((await server.spreekkamer.repositories.feedback.findById(id))?.summary).toBe('');

    // The conversation goes on: a new text gets a new key and reads as usual.
    const again = marker('nieuw');
    await professional.call(contract.feedback.update, { params: { id }, body: { summary: again } });
    const renewed = await professional.call(contract.feedback.get, { params: { id } });
    expect(renewed).toMatchObject({ summary: again, summaryErased: false });
  });

  it('in a group, one client’s erasure takes what was said together and their own words, not another’s own words', async () => {
    const a = await consentedConversation(server, professional);
    const b = await consentedConversation(server, professional);
    const { id, participantIds } = await newFeedback([a, b]);
    const wordsA = marker('woordenA');
    const wordsB = marker('woordenB');
    const nameB = marker('naamB');
    const summary = marker('groepsamenvatting');
    await a.client.call(contract.clientFeedback.prepare, { params: { id }, body: { ownWords: wordsA } });
    await b.client.call(contract.clientFeedback.prepare, { params: { id }, body: { ownWords: wordsB, anonymous: false, displayName: nameB } });
    await professional.call(contract.feedback.update, { params: { id }, body: { summary } });
    expect(await plainOccurrences(server, [wordsA, wordsB, nameB, summary])).toEqual([]);

    await a.client.call(contract.clientFeedback.erase);
    const view = await professional.call(contract.feedback.get, { params: { id } });
    expect(view).toMatchObject({ summary: '', summaryErased: true });
    const [first, second] = view.participants as { id: string; erased: boolean; ownWords: string | null; displayName: string | null }[];
    expect(first).toMatchObject({ id: participantIds[0], erased: true, ownWords: null });
    expect(second).toMatchObject({ id: participantIds[1], erased: false, ownWords: wordsB, displayName: nameB });
    // Client B still reads their own words, not the summary that A took back.
    const viewB = await b.client.call(contract.clientFeedback.get, { params: { id } });
    expect(viewB.me.ownWords).toBe(wordsB);
    expect(viewB.summary).toBe('');
  });

  it('only the client themselves can erase, on their own device, only their own: no session, staff, forged cookie, tablet, or another client', async () => {
    const a = await consentedConversation(server, professional);
    const other = await consentedConversation(server, professional);
    const { id } = await newFeedback([a]);
    const words = marker('blijft');
    await a.client.call(contract.clientFeedback.prepare, { params: { id }, body: { ownWords: words } });

    await expectProblem(server.anonymous().call(contract.clientFeedback.erase), 401);
    await expectProblem(professional.call(contract.clientFeedback.erase), 401);
    for (const who of [demo.manager, demo.admin, demo.reviewer]) await expectProblem((await server.login(who)).call(contract.clientFeedback.erase), 401);
    const forged = await server.request({ method: 'POST', url: '/api/client/feedback/erase', headers: { cookie: `${(a.client.cookie ?? '').slice(0, -4)}AAAA`, 'x-csrf-token': a.client.csrfToken ?? '' } });
    expect(forged.statusCode).toBe(401);
    // Without the CSRF token the client's own cookie is not enough.
    const noCsrf = await server.request({ method: 'POST', url: '/api/client/feedback/erase', headers: { cookie: a.client.cookie ?? '' } });
    expect(noCsrf.statusCode).toBe(403);
    // On the professional's tablet (handed over), not even the client themselves: only on their own device.
    const handedOver = await professional.post(`/api/clients/${a.clientId}/hand-over`);
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    const tabletCookie = handedOver.cookies.find((c) => c.name === 'sk_client')?.value ?? '';
    const onTablet = await server.request({ method: 'POST', url: '/api/client/feedback/erase', headers: { cookie: `sk_client=${tabletCookie}`, 'x-csrf-token': handedOver.json().csrfToken } });
    expect(onTablet.statusCode, onTablet.body).toBe(403);
    // Another client erasing takes only their own.
    expect(await other.client.call(contract.clientFeedback.erase)).toEqual({ conversations: 0 });

    const view = await professional.call(contract.feedback.get, { params: { id } });
    expect(view.participants[0]).toMatchObject({ erased: false, ownWords: words });
  });
});
