import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealExistingFeedbackTexts } from '../src/db/migrations/016_sealed_feedback.js';
import type { MigrationDatabase } from '../src/db/migrations/helpers.js';
import { openVoiceNote, sealVoiceNote } from '../src/domain/client-feedback/voice-note-crypto.js';
import { demo, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, userIdOf } from './support/review-fixtures.js';

/**
 * Migration 016 seals the feedback part's texts, follow-ups and coach notes that were stored in
 * plain before it. Its conversion runs here on rows written straight into the tables.
 */
describe('migration 016 seals feedback texts that were stored in plain', () => {
  let server: TestServer;
  let professional: Agent;

  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' });
    professional = await server.login(demo.professional);
  });
  afterAll(async () => server?.close());

  it('encrypts them in place under the client’s (or professional’s) key; they read as before', async () => {
    const admin = await server.login(demo.admin);
    const professionalId = await userIdOf(admin, demo.professional);
    const coachId = await userIdOf(admin, demo.reviewer);
    const a = await consentedConversation(server, professional);
    const db = server.spreekkamer.database.db;
    const organisationId = (await db.selectFrom('clients').select('organisation_id').where('id', '=', a.clientId).executeTakeFirstOrThrow()).organisation_id;
    const text = (what: string) => `${what}-${randomBytes(5).toString('hex')}`;
    const plain = {
      summary: text('samenvatting'),
      name: text('naam'),
      title: text('titel'),
      ownSubtopic: text('onderwerp'),
      entry: text('aantekening'),
      action: text('afspraak'),
      note: text('verzoek'),
      learned: text('geleerd'),
      changed: text('veranderd'),
      shortVersion: text('kort'),
      coachNote: text('coachnotitie'),
    };
    const at = new Date().toISOString();
    const feedbackId = randomUUID();
    const participantId = randomUUID();
    const momentId = randomUUID();
    const invitationId = randomUUID();
    const audio = randomBytes(300);
    const voice = sealVoiceNote(server.config.masterKey, audio);
    await db.insertInto('feedback_conversations').values({ id: feedbackId, organisation_id: organisationId, professional_id: professionalId, conversation_id: null, status: 'in_progress', step: 3, summary: plain.summary, invitation_expires_at: inDays(5), created_at: at, updated_at: at, started_at: at, completed_at: null }).execute();
    await db.insertInto('feedback_participants').values({ id: participantId, feedback_id: feedbackId, client_id: a.clientId, position: 1, anonymous: 0, display_name: plain.name, intro_seen: 1, picks_json: '[]', own_words: '', prepared_at: at, created_at: at }).execute();
    await db.insertInto('feedback_voice_notes').values({ participant_id: participantId, wrapped_key: voice.wrappedKey, ciphertext: voice.ciphertext, content_type: 'audio/webm', duration_seconds: 2, created_at: at }).execute();
    await db.insertInto('feedback_moments').values({ id: momentId, feedback_id: feedbackId, position: 1, theme: 'other', subtopic: null, own_subtopic: plain.ownSubtopic, title: plain.title, recording_id: null, start_seconds: null, end_seconds: null, created_at: at }).execute();
    await db.insertInto('feedback_entries').values({ id: randomUUID(), feedback_id: feedbackId, moment_id: momentId, section: 'a', participant_id: participantId, text: plain.entry, updated_at: at }).execute();
    await db.insertInto('feedback_actions').values({ id: randomUUID(), feedback_id: feedbackId, owner: 'together', participant_id: null, what: plain.action, due_on: '2026-12-20', done_at: null, created_at: at }).execute();
    await db.insertInto('feedback_change_requests').values({ id: randomUUID(), feedback_id: feedbackId, participant_id: participantId, target: 'summary', target_id: null, note: plain.note, via: 'own_device', status: 'open', created_at: at, resolved_at: null }).execute();
    await db.insertInto('follow_ups').values({ id: randomUUID(), organisation_id: organisationId, professional_id: professionalId, client_id: a.clientId, feedback_id: feedbackId, learned: plain.learned, changed: plain.changed, status: 'sent', created_at: at, updated_at: at, sent_at: at, read_at: null, short_version: plain.shortVersion, short_version_locale: 'tr' }).execute();
    await db.insertInto('learning_coach_invitations').values({ id: invitationId, organisation_id: organisationId, professional_id: professionalId, coach_user_id: coachId, round_key: '2026-2', invited_at: at, until: '2027-01-31', ended_at: null }).execute();
    await db.insertInto('learning_coach_notes').values({ id: randomUUID(), invitation_id: invitationId, author_id: coachId, kind: 'voorgesprek', body: plain.coachNote, created_at: at }).execute();

    const migrationDb = db as unknown as Kysely<MigrationDatabase>;
    // Without the master key it refuses rather than leave texts in plain.
    await expect(sealExistingFeedbackTexts(migrationDb, {})).rejects.toThrow(/MASTER_KEY/);
    await sealExistingFeedbackTexts(migrationDb, { masterKey: server.config.masterKey });

    const stored = JSON.stringify([
      await db.selectFrom('feedback_conversations').selectAll().where('id', '=', feedbackId).execute(),
      await db.selectFrom('feedback_participants').selectAll().where('feedback_id', '=', feedbackId).execute(),
      await db.selectFrom('feedback_moments').selectAll().where('feedback_id', '=', feedbackId).execute(),
      await db.selectFrom('feedback_entries').selectAll().where('feedback_id', '=', feedbackId).execute(),
      await db.selectFrom('feedback_actions').selectAll().where('feedback_id', '=', feedbackId).execute(),
      await db.selectFrom('feedback_change_requests').selectAll().where('feedback_id', '=', feedbackId).execute(),
      await db.selectFrom('follow_ups').selectAll().where('client_id', '=', a.clientId).execute(),
      await db.selectFrom('learning_coach_notes').selectAll().where('invitation_id', '=', invitationId).execute(),
    ]);
    for (const value of Object.values(plain)) expect(stored).not.toContain(value);
    const storedVoice = await db.selectFrom('feedback_voice_notes').select('wrapped_key').where('participant_id', '=', participantId).executeTakeFirstOrThrow();
    expect(storedVoice.wrapped_key).not.toBe(voice.wrappedKey);

    // They read as before, through the API and the repositories.
    const detail = await professional.get(`/api/feedback/${feedbackId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    for (const value of [plain.summary, plain.name, plain.title, plain.ownSubtopic, plain.entry, plain.action, plain.note]) expect(detail.body).toContain(value);
    expect(detail.json().summaryErased).toBe(false);
    const followUps = await professional.get(`/api/follow-ups?clientId=${a.clientId}`);
    for (const value of [plain.learned, plain.changed, plain.shortVersion]) expect(followUps.body).toContain(value);
    const note = await server.spreekkamer.repositories.feedback.findVoiceNote(participantId);
    expect(openVoiceNote(server.config.masterKey, { wrappedKey: note?.wrapped_key ?? '', ciphertext: note?.ciphertext ?? '' })).toEqual(audio);
    expect((await server.spreekkamer.repositories.learning.notesOf(invitationId)).map((n) => n.body)).toEqual([plain.coachNote]);
  });
});
