import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import { databaseUnderTest, demo, startTestServer, type Agent, type TestServer, expectProblem } from './support/harness.js';
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

    const moment = await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 5, endSeconds: 15, title: texts.title, notes: texts.notes } });
    const momentId: string = moment.id;
    const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: {
      momentIds: [momentId],
      recipient: { type: 'reviewer', userId: reviewerId },
      question: texts.question,
      expiresAt: inDays(5),
      clientTalk: true,
    } });
    const shareId: string = share.id;
    const comment = await reviewer.post(`/api/moments/${momentId}/comments`, { shareId, atSeconds: 6, kind: 'alternative', body: `Je kunt ${texts.comment} proberen.` });
    expect(comment.statusCode, comment.body).toBe(200);
    const reply = await professional.post(`/api/moments/${momentId}/comments`, { shareId, parentId: comment.json().id, atSeconds: 6, kind: 'question', body: `Hoe zeg ik ${texts.reply}?` });
    expect(reply.statusCode, reply.body).toBe(200);
    await professional.call(contract.reviews.createComment, { params: { id: momentId }, body: { atSeconds: 7, kind: 'strength', body: `Ik zie ${texts.ownComment}.` } });
    await professional.call(contract.reviews.setTakeaway, { params: { id: comment.json().id }, body: { takeaway: true } });
    await reviewer.call(contract.reviews.updateMeeting, { params: { id: shareId }, body: { analysis: `Sterk: ${texts.analysis}`, meetingOn: '2026-12-01' } });
    await reviewer.call(contract.reviews.addOutcome, { params: { id: recordingId }, body: { kind: 'agreement', text: texts.agreement, shareId } });
    await professional.call(contract.reviews.addOutcome, { params: { id: recordingId }, body: { kind: 'takeaway', text: texts.takeaway } });
    const point = await reviewer.call(contract.reviews.addClientPoint, { params: { id: shareId }, body: { text: `De klant zegt: ${texts.clientPoint}`, momentId } });
    await conversation.client.call(contract.clientReviews.relay, { params: { id: point.id }, body: { relay: 'pass_on' } });

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

    const withdrawn = await conversation.client.call(contract.clientConsent.withdraw, { params: { id: conversation.consentId } });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawalPending: false });

    // The recording's text key is gone with its media key: a tombstone without content remains.
    const row = await server.spreekkamer.database.db.selectFrom('recordings').selectAll().where('id', '=', recordingId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'deleted', wrapped_key: null, text_key: null });
    expect(await plainOccurrences(Object.values(texts))).toEqual([]);
    await expectProblem(professional.call(contract.reviews.listMoments, { params: { id: recordingId } }), 404);
    await expectProblem(reviewer.call(contract.reviews.meeting, { params: { id: shareId } }), 404);
  });

  it('a text whose key was destroyed reads as deleted, never as an error', async () => {
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer', reviewerUserId: reviewerId });
    const recordingId = await readyRecording(server, professionalId, conversation, 60);
    const title = marker('verloren');
    const created = await professional.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 1, endSeconds: 5, title } });
    const momentId: string = created.id;
    const share = await professional.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [momentId], recipient: { type: 'reviewer', userId: reviewerId }, question: 'Wat zie je?', expiresAt: inDays(5) } });
    // The state between the key's destruction and the erase job: rows still there, key gone.
    await server.spreekkamer.database.db.updateTable('recordings').set({ text_key: null }).where('id', '=', recordingId).execute();

    const list = await professional.get(`/api/recordings/${recordingId}/moments`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().moments).toEqual([]);
    await expectProblem(professional.call(contract.reviews.listComments, { params: { id: momentId }, query: {  } }), 404);
    await expectProblem(professional.call(contract.reviews.updateMoment, { params: { id: momentId }, body: { title: 'nieuw' } }), 404);
    await expectProblem(reviewer.call(contract.reviews.shareDetail, { params: { id: share.id } }), 404);
    const received = await reviewer.call(contract.reviews.received);
    expect(received.shares.map((s: { id: string }) => s.id)).not.toContain(share.id);
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

    await conversation.client.call(contract.clientConsent.withdraw, { params: { id: conversation.consentId } });
    expect(await plainOccurrences([legacy])).toEqual([]);
  });
});
