import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { contract } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/domain/auth/passwords.js';
import { newAccount } from '../src/db/repositories/users.repository.js';
import { playedSeconds } from '../src/media/index.js';
import { demo, demoPassword, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { decryptSegment, httpLogin, listen, media, parseHlsPlaylist, readyUploadedRecording, sharedSpanDescriptor, type HttpAgent, type SpanDescriptor } from './support/recordings.js';
import { consentedConversation, inDays, newUser, readyRecording, unknownId, userIdOf, type ConsentedConversation } from './support/review-fixtures.js';

/** A person with a password and these roles, straight in the database (an MT member, or someone in another organisation). */
async function seededUser(server: TestServer, organisationId: string, name: string, roles: string[], teamId: string | null = null): Promise<{ id: string; email: string; agent: Agent }> {
  const id = randomUUID();
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(3).toString('hex')}@voorbeeld.nl`;
  const now = new Date().toISOString();
  const { users } = server.spreekkamer.repositories;
  await users.insert({ ...newAccount({ id, organisation_id: organisationId, email, name, created_at: now }), password_hash: await hashPassword('een-lang-test-wachtwoord'), password_set_at: now });
  await users.replaceMemberships(id, roles.map((role) => ({ id: randomUUID(), user_id: id, team_id: role === 'professional' || role === 'manager' ? teamId : null, role, created_at: now })));
  return { id, email, agent: await server.login(email, 'een-lang-test-wachtwoord') };
}

/**
 * "Kijk met ons mee" (seed 000 §6.3) through the HTTP API: a fragment shared with a policy advisor
 * or a management team member, under the client's own policy choice. Every wrong person is
 * refused, the recipient reaches only the exact cut and writes only a note, and the share ends
 * with its date, the owner's stop, the client's policy choice or the whole consent.
 */
describe('kijk met ons mee: fragments for policy and the management team', () => {
  let server: TestServer;
  let baseUrl: string;
  let owner: Agent;
  let ownerHttp: HttpAgent;
  let policy: Agent;
  let policyHttp: HttpAgent;
  let policyId: string;
  let teamLead: Agent;
  let teamLeadId: string;
  let admin: Agent;
  let adminId: string;
  let reviewer: Agent;
  let reviewerId: string;
  let colleague: { id: string; agent: Agent };
  let mt: { id: string; email: string; agent: Agent };
  let strangerPolicy: { id: string; agent: Agent };
  let conversation: ConsentedConversation;
  let recordingId: string;
  let moment: string;
  let otherMoment: string;
  let work: string;
  const span: [number, number] = [2, 4.9];

  const db = () => server.spreekkamer.database.db;
  const share = (recipient: Record<string, string>, extra: Record<string, unknown> = {}, recording = recordingId, momentIds = [moment]) =>
    owner.post(`/api/recordings/${recording}/shares`, { momentIds, recipient, expiresAt: inDays(5), ...extra });

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await listen(server);
    owner = await server.login(demo.professional);
    ownerHttp = await httpLogin(baseUrl, demo.professional, demoPassword);
    policy = await server.login(demo.policy);
    policyHttp = await httpLogin(baseUrl, demo.policy, demoPassword);
    teamLead = await server.login(demo.manager);
    admin = await server.login(demo.admin);
    reviewer = await server.login(demo.reviewer);
    policyId = await userIdOf(admin, demo.policy);
    teamLeadId = await userIdOf(admin, demo.manager);
    adminId = await userIdOf(admin, demo.admin);
    reviewerId = await userIdOf(admin, demo.reviewer);
    colleague = await newUser(server, admin, 'Noor Visser', 'professional');
    const organisationId = (await admin.get('/api/session')).json().organisation.id as string;
    mt = await seededUser(server, organisationId, 'Mila de Groot', ['manager']);
    await admin.call(contract.signals.setManagementTeam, { params: { id: mt.id }, body: { member: true } });
    const otherOrganisation = randomUUID();
    await server.spreekkamer.repositories.organisations.insert({ id: otherOrganisation, name: 'Gemeente Elders', require_totp: 0, settings_json: '{}', created_at: new Date().toISOString() });
    strangerPolicy = await seededUser(server, otherOrganisation, 'Sam Beleid', ['policy_advisor']);

    conversation = await consentedConversation(server, owner, { media: 'video', audience: 'reviewer', policyViewing: true });
    recordingId = (await readyUploadedRecording(ownerHttp, conversation.conversationId, await media.videoMp4())).recordingId;
    moment = (await owner.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: span[0], endSeconds: span[1], title: 'Uitleg over de regel' } })).id;
    otherMoment = (await owner.call(contract.reviews.createMoment, { params: { id: recordingId }, body: { startSeconds: 0, endSeconds: 1.5, title: 'Begin' } })).id;
    work = await mkdtemp(path.join(os.tmpdir(), 'policy-viewing-test-'));
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('records the client\'s choice in the consent, off unless chosen', async () => {
    const copy = await conversation.client.call(contract.clientConsent.copy, { params: { id: conversation.consentId } });
    expect(copy.policyViewing).toBe(true);
    const without = await consentedConversation(server, owner, { audience: 'reviewer' });
    expect((await without.client.call(contract.clientConsent.copy, { params: { id: without.consentId } })).policyViewing).toBe(false);
  });

  it('offers only the policy advisors and management team members of the organisation, and only with the client\'s choice', async () => {
    const options = await owner.call(contract.reviews.shareOptions, { params: { id: recordingId } });
    expect(options.consent?.policyViewing).toBe(true);
    expect(options.policyViewers.map((p) => [p.id, p.kind]).sort()).toEqual([[mt.id, 'management_team'], [policyId, 'policy_advisor']].sort());

    const without = await consentedConversation(server, owner, { audience: 'peer_group' });
    const plain = await readyRecording(server, await userIdOf(admin, demo.professional), without);
    const plainMoment = (await owner.call(contract.reviews.createMoment, { params: { id: plain }, body: { startSeconds: 1, endSeconds: 3, title: 'Stuk' } })).id;
    expect((await owner.call(contract.reviews.shareOptions, { params: { id: plain } })).policyViewers).toEqual([]);
    const refused = await share({ type: 'policy', userId: policyId }, {}, plain, [plainMoment]);
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused)).toMatchObject({ code: 'consent_scope_exceeded', message: expect.stringMatching(/toestemming/) });
  });

  it('refuses every other recipient: a team lead outside the MT, a professional, an administrator, a reviewer, policy elsewhere, nobody', async () => {
    for (const userId of [teamLeadId, colleague.id, adminId, reviewerId, strangerPolicy.id, unknownId, await userIdOf(admin, demo.professional)]) {
      const response = await share({ type: 'policy', userId });
      expect(response.statusCode, userId).toBe(404);
      expect(errorOf(response).code).toBe('not_found');
    }
    // No talking it over with the client through a policy share, and not for someone else's recording.
    expect(errorOf(await share({ type: 'policy', userId: policyId }, { clientTalk: true })).code).toBe('client_talk_not_allowed');
    expect((await colleague.agent.post(`/api/recordings/${recordingId}/shares`, { momentIds: [moment], recipient: { type: 'policy', userId: policyId }, expiresAt: inDays(5) })).statusCode).toBe(404);
    expect(await db().selectFrom('shares').select('id').where('policy', '=', 1).execute()).toEqual([]);
  });

  async function spanOf(agent: HttpAgent, shareId: string, momentId = moment): Promise<SpanDescriptor> {
    return (await sharedSpanDescriptor(() => agent.fetch(`/api/shares/${shareId}/moments/${momentId}/playback`, { method: 'POST' }))).descriptor;
  }

  it('lets the policy advisor watch only the exact cut: whole recording, other moments and other people\'s tokens refused', async () => {
    const created = await owner.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [moment], recipient: { type: 'policy', userId: policyId }, question: 'Zo werkt de regel in de praktijk.', expiresAt: inDays(5) } });
    expect(created.recipient).toMatchObject({ type: 'policy', userId: policyId });
    // The recipient hears of it, with a link to the page where a policy recipient can open it.
    await expect.poll(async () => (await policy.call(contract.notifications.list)).notifications.map((n) => n.link)).toContain(`/kijk-met-ons-mee/${created.id}`);

    // Found from the list (and so from the home page, which uses the same query).
    const list = await policy.call(contract.reviews.policyReceived);
    expect(list.shares.map((s) => s.id)).toEqual([created.id]);
    expect(list.shares[0]).toMatchObject({ via: 'policy', clientTalk: false, moments: [{ id: moment, startSeconds: span[0], endSeconds: span[1] }] });
    expect((await policy.call(contract.reviews.shareDetail, { params: { id: created.id } })).via).toBe('policy');
    // Not a reviewer's list, and nobody else's.
    expect((await policy.get('/api/shares/received')).statusCode).toBe(403);
    expect((await mt.agent.call(contract.reviews.policyReceived)).shares).toEqual([]);
    expect((await teamLead.call(contract.reviews.policyReceived)).shares).toEqual([]);
    expect((await admin.get('/api/shares/policy-received')).statusCode).toBe(403);

    const descriptor = await spanOf(policyHttp, created.id);
    expect(descriptor.allowedRanges).toEqual([span]);
    expect(descriptor.startsAtSeconds).toBe(span[0]);
    expect(descriptor.posterUrl).toBeNull();
    const playlistResponse = await policyHttp.fetch(descriptor.playlistUrl);
    expect(playlistResponse.status).toBe(200);
    const playlist = parseHlsPlaylist(await playlistResponse.text());
    const base = new URL(descriptor.playlistUrl, baseUrl);
    const pathOf = (uri: string) => {
      const url = new URL(uri, base);
      return url.pathname + url.search;
    };
    const key = Buffer.from(await (await policyHttp.fetch(pathOf(playlist.key?.uri ?? ''))).arrayBuffer());
    const parts: Buffer[] = [];
    for (const segment of playlist.segments) {
      const data = Buffer.from(await (await policyHttp.fetch(pathOf(segment.uri))).arrayBuffer());
      const iv = playlist.key?.iv ?? `0x${Buffer.concat([Buffer.alloc(12), Buffer.from([0, 0, 0, segment.sequence])]).toString('hex')}`;
      parts.push(decryptSegment(key, iv, data));
    }
    const file = path.join(work, 'policy.ts');
    await writeFile(file, Buffer.concat(parts));
    expect(Math.abs((await playedSeconds(file)) - (span[1] - span[0]))).toBeLessThan(0.15);

    // The whole recording, another moment of it, the review meeting and comments stay closed.
    expect((await policyHttp.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status).toBe(404);
    expect((await policyHttp.fetch(`/api/playback/${recordingId}/index.m3u8?t=${encodeURIComponent(descriptor.token)}`)).status).toBe(404);
    expect((await policy.post(`/api/shares/${created.id}/moments/${otherMoment}/playback`)).statusCode).toBe(404);
    expect((await policy.get(`/api/shares/${created.id}/meeting`)).statusCode).toBe(404);
    expect((await policy.post(`/api/moments/${moment}/comments`, { shareId: created.id, parentId: null, atSeconds: 3, kind: 'observation', body: 'Ik zie een lange uitleg.' })).statusCode).toBe(404);
    expect((await policy.get(`/api/moments/${moment}/comments?shareId=${created.id}`)).statusCode).toBe(404);
    expect((await policy.post(`/api/recordings/${recordingId}/outcomes`, { kind: 'takeaway', text: 'x', shareId: created.id })).statusCode).toBe(404);
    expect((await policy.get('/api/recordings')).statusCode).toBe(403);
    expect((await policy.get(`/api/recordings/${recordingId}/views`)).statusCode).toBe(403);

    // A forged or borrowed token opens nothing.
    const mtHttp = await httpLogin(baseUrl, mt.email, 'een-lang-test-wachtwoord');
    const borrowed = await mtHttp.fetch(descriptor.playlistUrl);
    expect(borrowed.status).toBe(403);
    expect(((await borrowed.json()) as { code: string }).code).toBe('playback_token_invalid');
    const forged = descriptor.playlistUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(`${descriptor.token.slice(0, -4)}AAAA`)}`);
    expect((await policyHttp.fetch(forged)).status).toBe(403);

    // Everyone else, on the share itself: not found.
    for (const someone of [teamLead, colleague.agent, admin, reviewer, mt.agent, strangerPolicy.agent]) {
      expect((await someone.get(`/api/shares/${created.id}`)).statusCode).toBe(404);
      expect((await someone.post(`/api/shares/${created.id}/moments/${moment}/playback`)).statusCode).toBe(404);
    }

    // The owner sees who watched which span.
    const views = await owner.call(contract.recordings.views, { params: { id: recordingId } });
    expect(views.views.some((v) => v.role === 'policy' && v.momentRange?.[0] === span[0] && v.momentRange[1] === span[1])).toBe(true);
  });

  it('lets the recipient write one note to the owner, never a judgement of the person', async () => {
    const [created] = (await policy.call(contract.reviews.policyReceived)).shares;
    if (!created) throw new Error('no share');
    const judging = await policy.put(`/api/shares/${created.id}/policy-note`, { note: 'Slecht gedaan.' });
    expect(judging.statusCode).toBe(422);
    expect(errorOf(judging)).toMatchObject({ code: 'policy_note_judging', message: expect.stringMatching(/oordeel/) });
    const note = 'De regel over de wachttijd kost hier veel uitleg; dat nemen we mee in de herziening.';
    expect((await policy.call(contract.reviews.setPolicyNote, { params: { id: created.id }, body: { note } })).policyNote).toBe(note);
    const mine = await owner.call(contract.reviews.listShares, { params: { id: recordingId } });
    expect(mine.shares.find((s) => s.id === created.id)).toMatchObject({ policyNote: note, recipient: { type: 'policy' } });
    // Sealed like the question, and nobody else writes it.
    const row = await db().selectFrom('shares').select('policy_note').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.policy_note).not.toContain('wachttijd');
    for (const someone of [owner, teamLead, mt.agent, reviewer, admin]) {
      expect((await someone.put(`/api/shares/${created.id}/policy-note`, { note: 'Iets anders' })).statusCode).toBe(404);
    }
  });

  it('reaches a management team member only while they are in it; an expired share reaches nobody', async () => {
    const created = await owner.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [moment], recipient: { type: 'policy', userId: mt.id }, expiresAt: inDays(2) } });
    expect((await mt.agent.call(contract.reviews.policyReceived)).shares.map((s) => s.id)).toEqual([created.id]);
    expect((await policy.get(`/api/shares/${created.id}`)).statusCode).toBe(404);
    await admin.call(contract.signals.setManagementTeam, { params: { id: mt.id }, body: { member: false } });
    expect((await mt.agent.get(`/api/shares/${created.id}`)).statusCode).toBe(404);
    expect((await mt.agent.call(contract.reviews.policyReceived)).shares).toEqual([]);
    await admin.call(contract.signals.setManagementTeam, { params: { id: mt.id }, body: { member: true } });
    expect((await mt.agent.get(`/api/shares/${created.id}`)).statusCode).toBe(200);

    await db().updateTable('shares').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', created.id).execute();
    expect((await mt.agent.get(`/api/shares/${created.id}`)).statusCode).toBe(404);
    expect((await mt.agent.post(`/api/shares/${created.id}/moments/${moment}/playback`)).statusCode).toBe(404);
    expect((await mt.agent.call(contract.reviews.policyReceived)).shares).toEqual([]);
  });

  it('ends every policy share at once when the client takes back just that choice; a coach\'s share stays', async () => {
    const coachShare = await owner.call(contract.reviews.createShare, { params: { id: recordingId }, body: { momentIds: [moment], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(5) } });
    const [policyShare] = (await policy.call(contract.reviews.policyReceived)).shares;
    if (!policyShare) throw new Error('no share');
    const descriptor = await spanOf(policyHttp, policyShare.id);
    const cutsBefore = await db().selectFrom('share_cuts').select('id').where('share_id', '=', policyShare.id).execute();
    expect(cutsBefore.length).toBeGreaterThan(0);

    const copy = await conversation.client.call(contract.clientConsent.withdrawPolicyViewing, { params: { id: conversation.consentId } });
    expect(copy).toMatchObject({ status: 'given', policyViewing: false });

    expect((await policy.get(`/api/shares/${policyShare.id}`)).statusCode).toBe(404);
    expect((await policyHttp.fetch(descriptor.playlistUrl)).status).toBe(404);
    expect((await policy.call(contract.reviews.policyReceived)).shares).toEqual([]);
    expect(await db().selectFrom('share_cuts').select('id').where('share_id', '=', policyShare.id).execute()).toEqual([]);
    const mine = await owner.call(contract.reviews.listShares, { params: { id: recordingId } });
    expect(mine.shares.filter((s) => s.recipient.type === 'policy').map((s) => s.state)).not.toContain('active');
    expect(mine.shares.find((s) => s.id === coachShare.id)?.state).toBe('active');
    expect((await reviewer.get(`/api/shares/${coachShare.id}`)).statusCode).toBe(200);
    // And no new one.
    expect(errorOf(await share({ type: 'policy', userId: policyId })).code).toBe('consent_scope_exceeded');
    expect((await owner.call(contract.reviews.shareOptions, { params: { id: recordingId } })).policyViewers).toEqual([]);
    // A stranger's session cannot take back someone else's choice.
    expect((await policy.post(`/api/client/consents/${conversation.consentId}/policy-viewing/withdraw`)).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('ends them too when the client withdraws the whole consent', async () => {
    const other = await consentedConversation(server, owner, { audience: 'professional', policyViewing: true });
    const otherRecording = await readyRecording(server, await userIdOf(admin, demo.professional), other);
    const otherMomentId = (await owner.call(contract.reviews.createMoment, { params: { id: otherRecording }, body: { startSeconds: 1, endSeconds: 3, title: 'Stuk' } })).id;
    const created = await owner.call(contract.reviews.createShare, { params: { id: otherRecording }, body: { momentIds: [otherMomentId], recipient: { type: 'policy', userId: policyId }, expiresAt: inDays(3) } });
    expect((await policy.get(`/api/shares/${created.id}`)).statusCode).toBe(200);
    await other.client.call(contract.clientConsent.withdraw, { params: { id: other.consentId } });
    expect((await policy.get(`/api/shares/${created.id}`)).statusCode).toBe(404);
    expect(await db().selectFrom('shares').select('id').where('id', '=', created.id).execute()).toEqual([]);
  });
});
