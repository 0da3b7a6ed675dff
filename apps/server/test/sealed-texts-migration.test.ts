import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealExistingTexts } from '../src/db/migrations/008_sealed_texts.js';
import type { MigrationDatabase } from '../src/db/migrations/helpers.js';
import { demo, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, readyRecording, userIdOf } from './support/review-fixtures.js';

/**
 * Migration 008 turns texts stored in plain before it into sealed ones. Its conversion runs here
 * on rows written straight into the tables, as an installation before 008 would have them.
 */
describe('migration 008 seals texts that were stored in plain', () => {
  let server: TestServer;
  let professional: Agent;
  let reviewer: Agent;

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
  });
  afterAll(async () => server?.close());

  it('encrypts every review text and a client’s prepared words in place; they read as before', async () => {
    const admin = await server.login(demo.admin);
    const professionalId = await userIdOf(admin, demo.professional);
    const reviewerId = await userIdOf(admin, demo.reviewer);
    const conversation = await consentedConversation(server, professional, { audience: 'reviewer', reviewerUserId: reviewerId, feedbackViaReviewer: true });
    const recordingId = await readyRecording(server, professionalId, conversation, 60);
    const gone = await consentedConversation(server, professional, { audience: 'reviewer', reviewerUserId: reviewerId });
    const goneRecordingId = await readyRecording(server, professionalId, gone, 60);
    const db = server.spreekkamer.database.db;
    await db.updateTable('recordings').set({ status: 'deleted', deleted_reason: 'retention' }).where('id', '=', goneRecordingId).execute();
    const organisationId = (await db.selectFrom('recordings').select('organisation_id').where('id', '=', recordingId).executeTakeFirstOrThrow()).organisation_id;

    const text = (what: string) => `${what}-${randomBytes(5).toString('hex')}`;
    const plain = { title: text('titel'), notes: text('notitie'), question: text('vraag'), comment: text('reactie'), analysis: text('analyse'), outcome: text('afspraak'), point: text('punt'), goneTitle: text('weg') };
    const at = new Date().toISOString();
    const momentId = randomUUID();
    const shareId = randomUUID();
    const commentId = randomUUID();
    const goneMomentId = randomUUID();
    await db.insertInto('moments').values({ id: momentId, organisation_id: organisationId, recording_id: recordingId, professional_id: professionalId, start_seconds: 2, end_seconds: 8, title: plain.title, themes_json: '[]', notes: plain.notes, created_at: at, updated_at: at }).execute();
    await db.insertInto('moments').values({ id: goneMomentId, organisation_id: organisationId, recording_id: goneRecordingId, professional_id: professionalId, start_seconds: 2, end_seconds: 8, title: plain.goneTitle, themes_json: '[]', notes: '', created_at: at, updated_at: at }).execute();
    await db.insertInto('shares').values({ id: shareId, organisation_id: organisationId, recording_id: recordingId, professional_id: professionalId, recipient_user_id: reviewerId, peer_group_id: null, question: plain.question, client_talk: 1, expires_at: inDays(5), revoked_at: null, created_at: at }).execute();
    await db.insertInto('share_moments').values({ share_id: shareId, moment_id: momentId }).execute();
    await db.insertInto('comments').values({ id: commentId, organisation_id: organisationId, moment_id: momentId, share_id: shareId, parent_id: null, author_id: reviewerId, at_seconds: 3, kind: 'observation', body: plain.comment, takeaway: 1, created_at: at }).execute();
    await db.insertInto('review_meetings').values({ share_id: shareId, analysis: plain.analysis, meeting_on: null, updated_at: at }).execute();
    await db.insertInto('review_outcomes').values({ id: randomUUID(), organisation_id: organisationId, recording_id: recordingId, share_id: shareId, author_id: professionalId, kind: 'agreement', text: plain.outcome, created_at: at }).execute();
    await db.insertInto('client_points').values({ id: randomUUID(), organisation_id: organisationId, share_id: shareId, moment_id: momentId, reviewer_id: reviewerId, client_id: conversation.clientId, text: plain.point, relay: 'pass_on', decided_at: at, created_at: at }).execute();

    const feedbackId = randomUUID();
    const participantId = randomUUID();
    const words = text('woorden');
    await db.insertInto('feedback_conversations').values({ id: feedbackId, organisation_id: organisationId, professional_id: professionalId, conversation_id: null, status: 'invited', step: 1, summary: '', invitation_expires_at: inDays(5), created_at: at, updated_at: at, started_at: null, completed_at: null }).execute();
    await db.insertInto('feedback_participants').values({ id: participantId, feedback_id: feedbackId, client_id: conversation.clientId, position: 1, anonymous: 0, display_name: null, intro_seen: 1, picks_json: '[]', own_words: words, prepared_at: at, created_at: at }).execute();

    const migrationDb = db as unknown as Kysely<MigrationDatabase>;
    // Without the master key it refuses rather than leave texts in plain.
    await expect(sealExistingTexts(migrationDb, {})).rejects.toThrow(/MASTER_KEY/);
    await sealExistingTexts(migrationDb, { masterKey: server.config.masterKey });

    const stored = [
      ...(await db.selectFrom('moments').select(['title', 'notes']).execute()).flatMap((r) => [r.title, r.notes]),
      ...(await db.selectFrom('shares').select('question').execute()).map((r) => r.question),
      ...(await db.selectFrom('comments').select('body').execute()).map((r) => r.body),
      ...(await db.selectFrom('review_meetings').select('analysis').execute()).map((r) => r.analysis),
      ...(await db.selectFrom('review_outcomes').select('text').execute()).map((r) => r.text),
      ...(await db.selectFrom('client_points').select('text').execute()).map((r) => r.text),
    ].join('\n');
    for (const value of Object.values(plain)) expect(stored).not.toContain(value);
    expect((await db.selectFrom('feedback_participants').select('own_words').where('id', '=', participantId).executeTakeFirstOrThrow()).own_words).not.toContain(words);
    expect((await server.spreekkamer.repositories.feedback.findParticipant(feedbackId, conversation.clientId))?.own_words).toBe(words);
    expect((await db.selectFrom('recordings').select('text_key').where('id', '=', recordingId).executeTakeFirstOrThrow()).text_key).toBeTruthy();
    expect((await db.selectFrom('recordings').select('text_key').where('id', '=', goneRecordingId).executeTakeFirstOrThrow()).text_key).toBeNull();

    const views = [
      await professional.get(`/api/recordings/${recordingId}/moments`),
      await professional.get(`/api/moments/${momentId}/comments`),
      await professional.get(`/api/recordings/${recordingId}/shares`),
      await professional.get(`/api/recordings/${recordingId}/outcomes`),
      await professional.get(`/api/recordings/${recordingId}/client-points`),
      await reviewer.get(`/api/shares/${shareId}/meeting`),
    ];
    for (const response of views) expect(response.statusCode, response.body).toBe(200);
    const seen = views.map((r) => r.body).join('\n');
    for (const value of [plain.title, plain.notes, plain.question, plain.comment, plain.analysis, plain.outcome, plain.point]) expect(seen).toContain(value);
  });
});
