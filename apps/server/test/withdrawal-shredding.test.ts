import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUnderTest, demo, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { marker, plainOccurrences as plainOccurrencesIn } from './support/raw-scan.js';
import { consentedConversation, inDays, readyRecording, userIdOf } from './support/review-fixtures.js';

/**
 * Crypto-shredding of texts (issue 8, finding 2). Every text derived from a recording is written
 * with a recognisable random marker; the raw database (SQLite main file, -wal and -shm read as
 * bytes; on PostgreSQL a pg_dump and, where this process may read them, the database's own data
 * files and the WAL) must never hold any marker as plain bytes: not before withdrawal (the texts
 * are encrypted, not merely deleted later) and not after it.
 */

describe('withdrawal shreds every text derived from a recording', () => {
  let server: TestServer;
  let professional: Agent;
  let reviewer: Agent;
  let professionalId: string;
  let reviewerId: string;

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    const admin = await server.login(demo.admin);
    professionalId = await userIdOf(admin, demo.professional);
    reviewerId = await userIdOf(admin, demo.reviewer);
  });
  afterAll(async () => server?.close());

  const plainOccurrences = (texts: string[]) => plainOccurrencesIn(server, texts);

  it('the scan finds plain text where there is some (a control)', async () => {
    // E-mail addresses are stored in plain text, so the scanner must see the demo professional's.
    const found = await plainOccurrences([demo.professional]);
    expect(found.length).toBeGreaterThan(0);
    if (databaseUnderTest() === 'postgres') {
      expect(found.some((f) => f.endsWith('in pg_dump'))).toBe(true);
      // Running as root (as npm test does here), the database's own files are read too.
      if (process.getuid?.() === 0) expect(found.some((f) => f.includes('base/'))).toBe(true);
    }
  });

  it('keeps the texts encrypted at rest, readable to the professional, and unreadable everywhere after withdrawal', async () => {
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer', reviewerUserId: reviewerId, feedbackViaReviewer: true });
    const recordingId = await readyRecording(server, professionalId, conversation, 120);
    const texts = {
      title: marker('momenttitel'),
      notes: marker('notitie'),
      question: marker('deelvraag'),
      comment: marker('reactie'),
      reply: marker('antwoord'),
      ownComment: marker('eigenreactie'),
      analysis: marker('analyse'),
      agreement: marker('afspraak'),
      takeaway: marker('leerpunt'),
      clientPoint: marker('klantpunt'),
    };

    const moment = await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 5, endSeconds: 15, title: texts.title, notes: texts.notes });
    expect(moment.statusCode, moment.body).toBe(200);
    const momentId: string = moment.json().id;
    const share = await professional.post(`/api/recordings/${recordingId}/shares`, {
      momentIds: [momentId],
      recipient: { type: 'reviewer', userId: reviewerId },
      question: texts.question,
      expiresAt: inDays(5),
      clientTalk: true,
    });
    expect(share.statusCode, share.body).toBe(200);
    const shareId: string = share.json().id;
    const comment = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 6, kind: 'alternative', body: `Je kunt ${texts.comment} proberen.` });
    expect(comment.statusCode, comment.body).toBe(200);
    const reply = await professional.post(`/api/moments/${momentId}/comments`, { shareId, parentId: comment.json().id, atSeconds: 6, kind: 'question', body: `Hoe zeg ik ${texts.reply}?` });
    expect(reply.statusCode, reply.body).toBe(200);
    expect((await professional.post(`/api/moments/${momentId}/comments`, { atSeconds: 7, kind: 'strength', body: `Ik zie ${texts.ownComment}.` })).statusCode).toBe(200);
    expect((await professional.put(`/api/comments/${comment.json().id}/takeaway`, { takeaway: true })).statusCode).toBe(200);
    expect((await reviewer.put(`/api/shares/${shareId}/meeting`, { analysis: `Sterk: ${texts.analysis}`, meetingOn: '2026-12-01' })).statusCode).toBe(200);
    expect((await reviewer.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'agreement', text: texts.agreement, shareId })).statusCode).toBe(200);
    expect((await professional.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'takeaway', text: texts.takeaway })).statusCode).toBe(200);
    const point = await reviewer.post(`/api/shares/${shareId}/client-points`, { text: `De klant zegt: ${texts.clientPoint}`, momentId });
    expect(point.statusCode, point.body).toBe(200);
    expect((await conversation.client.post(`/api/client/client-points/${point.json().id}/relay`, { relay: 'pass_on' })).statusCode).toBe(200);

    // The professional and the reviewer read everything as usual.
    const seenByProfessional = [
      await professional.get(`/api/recordings/${recordingId}/moments`),
      await professional.get(`/api/moments/${momentId}/comments`),
      await professional.get(`/api/recordings/${recordingId}/shares`),
      await professional.get(`/api/recordings/${recordingId}/client-points`),
      await professional.get(`/api/recordings/${recordingId}/outcomes`),
    ];
    for (const response of seenByProfessional) expect(response.statusCode, response.body).toBe(200);
    const professionalView = seenByProfessional.map((r) => r.body).join('\n');
    for (const text of [texts.title, texts.notes, texts.question, texts.comment, texts.reply, texts.ownComment, texts.agreement, texts.takeaway, texts.clientPoint]) {
      expect(professionalView).toContain(text);
    }
    const meeting = await reviewer.get(`/api/shares/${shareId}/meeting`);
    expect(meeting.statusCode, meeting.body).toBe(200);
    expect(meeting.body).toContain(texts.analysis);
    expect(meeting.body).toContain(texts.comment);
    const received = await reviewer.get('/api/shares/received');
    expect(received.body).toContain(texts.question);
    expect(received.body).toContain(texts.title);
    expect(received.body).not.toContain(texts.notes);

    // Encrypted, not merely deleted later: no text is in the database as plain bytes even now.
    expect(await plainOccurrences(Object.values(texts))).toEqual([]);

    const withdrawn = await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawalPending: false });

    // The recording's text key is gone with its media key: a tombstone without content remains.
    const row = await server.spreekkamer.database.db.selectFrom('recordings').selectAll().where('id', '=', recordingId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'deleted', wrapped_key: null, text_key: null });
    expect(await plainOccurrences(Object.values(texts))).toEqual([]);
    expect((await professional.get(`/api/recordings/${recordingId}/moments`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/shares/${shareId}/meeting`)).statusCode).toBe(404);
  });

  it('a text whose key was destroyed reads as deleted, never as an error', async () => {
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer', reviewerUserId: reviewerId });
    const recordingId = await readyRecording(server, professionalId, conversation, 60);
    const title = marker('verloren');
    const created = await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 1, endSeconds: 5, title });
    expect(created.statusCode, created.body).toBe(200);
    const momentId: string = created.json().id;
    const share = (await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, question: 'Wat zie je?', expiresAt: inDays(5) })).json();
    // The state between the key's destruction and the erase job: rows still there, key gone.
    await server.spreekkamer.database.db.updateTable('recordings').set({ text_key: null }).where('id', '=', recordingId).execute();

    const list = await professional.get(`/api/recordings/${recordingId}/moments`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().moments).toEqual([]);
    expect((await professional.get(`/api/moments/${momentId}/comments`)).statusCode).toBe(404);
    expect((await professional.patch(`/api/moments/${momentId}`, { title: 'nieuw' })).statusCode).toBe(404);
    expect((await reviewer.get(`/api/shares/${share.id}`)).statusCode).toBe(404);
    const received = await reviewer.get('/api/shares/received');
    expect(received.statusCode).toBe(200);
    expect(received.json().shares.map((s: { id: string }) => s.id)).not.toContain(share.id);
    expect(list.body).not.toContain(title);
  });

  it.runIf(databaseUnderTest() === 'sqlite')('second line on SQLite: a plain text left from before encryption is gone from the files after withdrawal', async () => {
    const db = server.spreekkamer.database.db;
    const secureDelete = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(db);
    expect(secureDelete.rows[0]?.secure_delete).toBe(1);
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer', reviewerUserId: reviewerId });
    const recordingId = await readyRecording(server, professionalId, conversation, 60);
    // As a row written before migration 008 would be: plain text, straight into the table.
    const legacy = marker('oudetekst');
    const at = new Date().toISOString();
    await db
      .insertInto('moments')
      .values({ id: randomUUID(), organisation_id: (await db.selectFrom('recordings').select('organisation_id').where('id', '=', recordingId).executeTakeFirstOrThrow()).organisation_id, recording_id: recordingId, professional_id: professionalId, start_seconds: 1, end_seconds: 4, title: legacy, themes_json: '[]', notes: legacy, created_at: at, updated_at: at })
      .execute();
    expect(await plainOccurrences([legacy])).not.toEqual([]);

    expect((await conversation.client.post(`/api/client/consents/${conversation.consentId}/withdraw`)).statusCode).toBe(200);
    expect(await plainOccurrences([legacy])).toEqual([]);
  });
});
