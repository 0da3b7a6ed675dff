import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { consentTextVersion, staffConsentTextVersion } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playedSeconds } from '../src/media/index.js';
import { demo, demoPassword, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, inDays, openClient, readyRecording, userIdOf, type ConsentedConversation } from './support/review-fixtures.js';
import { decryptSegment, fetchPlaylist, httpLogin, listen, media, newStaff, parseHlsPlaylist, playbackDescriptor, readyUploadedRecording, type HttpAgent } from './support/recordings.js';

/**
 * Issue #16, the remaining parts: a manager's own conversation with a staff member (its own consent
 * text, seen by nobody else), the client's own "niet delen" marks, and a stretch cut out of the
 * stored media for real.
 */
describe('true to the method: the remaining parts', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: Agent;
  let manager: Agent;
  let professional: Agent;
  let professionalId: string;
  let otherManager: HttpAgent;
  let adminHttp: HttpAgent;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await listen(server);
    admin = await server.login(demo.admin);
    manager = await server.login(demo.manager);
    professional = await server.login(demo.professional);
    professionalId = await userIdOf(admin, demo.professional);
    adminHttp = await httpLogin(baseUrl, demo.admin, demoPassword);
    otherManager = (await newStaff(baseUrl, adminHttp, 'Tweede Leidinggevende', ['manager'])).agent;
  }, 120_000);
  afterAll(async () => server?.close());

  describe('a manager records a conversation with a staff member', () => {
    let staffId: string;
    let conversationId: string;
    let consentId: string;
    let recordingId: string;
    let staffMember: Agent;

    it('a manager adds a staff member (never a client); a professional adds clients (never staff)', async () => {
      // The demo team leader is a manager and a professional: both kinds, the staff member chosen.
      const created = await manager.post('/api/clients', { pseudonym: 'Medewerker Noor', partnerKind: 'staff' });
      expect(created.statusCode, created.body).toBe(200);
      expect(created.json().partnerKind).toBe('staff');
      staffId = created.json().id;

      // A manager who is only a manager gets a staff member by default, and never a client.
      const pureDefault = await otherManager.json('/api/clients', 'POST', { pseudonym: 'Medewerker Sem' });
      expect(pureDefault.status).toBe(200);
      expect(((await pureDefault.json()) as { partnerKind: string }).partnerKind).toBe('staff');
      const asClient = await otherManager.json('/api/clients', 'POST', { pseudonym: 'Klant van de baas', partnerKind: 'client' });
      expect(asClient.status).toBe(403);
      const refusal = (await asClient.json()) as { code: string; title: string };
      expect(refusal.code).toBe('partner_kind_not_allowed');
      expect(refusal.title).toMatch(/gesprekspartner/);
      const staffOfProfessional = await professional.post('/api/clients', { pseudonym: 'Collega', partnerKind: 'staff' });
      expect(staffOfProfessional.statusCode).toBe(403);
      expect((await professional.post('/api/clients', { pseudonym: 'Klant' })).json().partnerKind).toBe('client');
      expect((await manager.post('/api/clients', { pseudonym: 'Wie?', partnerKind: 'collega' })).statusCode).toBe(400);
    });

    it('the staff member is asked under the staff text, which speaks of no client manager or benefits', async () => {
      conversationId = (await manager.post(`/api/clients/${staffId}/conversations`, { heldOn: '2026-11-25', kind: 'in_person' })).json().id;
      const issued = (await manager.post(`/api/clients/${staffId}/access`)).json();
      staffMember = await openClient(server, issued.path.split('/').pop(), issued.code);
      const form = await staffMember.get(`/api/client/conversations/${conversationId}/consent-form`);
      expect(form.statusCode, form.body).toBe(200);
      expect(form.json().textVersion).toBe(staffConsentTextVersion);

      const answer = { media: 'video', audience: 'professional', watchWithClient: false, feedbackViaReviewer: false, retentionDays: 90, signature: 'Noor', locale: 'nl' };
      const withClientText = await staffMember.post(`/api/client/conversations/${conversationId}/consent`, { ...answer, textVersion: consentTextVersion });
      expect(withClientText.statusCode).toBe(409);
      expect(errorOf(withClientText).code).toBe('consent_text_outdated');
      const given = await staffMember.post(`/api/client/conversations/${conversationId}/consent`, { ...answer, textVersion: staffConsentTextVersion });
      expect(given.statusCode, given.body).toBe(200);
      expect(given.json().textVersion).toBe(staffConsentTextVersion);
      consentId = given.json().id;
      expect((await manager.post(`/api/consents/${consentId}/professional-consent`, { confirm: true })).statusCode).toBe(200);

      const stored = await server.spreekkamer.database.db.selectFrom('consent_texts').selectAll().where('version', '=', staffConsentTextVersion).executeTakeFirstOrThrow();
      expect(stored.content_json).toContain('leidinggevende');
      expect(stored.content_json).not.toMatch(/klantmanager|uitkering/i);
      const row = await server.spreekkamer.database.db.selectFrom('consents').select('text_version').where('id', '=', consentId).executeTakeFirstOrThrow();
      expect(row.text_version).toBe(staffConsentTextVersion);
    });

    it('the manager records it and sees it; another manager, the administrator and a professional do not', async () => {
      const managerId = await userIdOf(admin, demo.manager);
      recordingId = await readyRecording(server, managerId, { clientId: staffId, conversationId, consentId, token: '', code: '', client: staffMember });
      expect((await manager.get(`/api/recordings/${recordingId}`)).statusCode).toBe(200);
      expect((await manager.get('/api/recordings')).json().recordings.some((r: { id: string }) => r.id === recordingId)).toBe(true);
      const moment = await manager.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 10, endSeconds: 20, title: 'Begin' });
      expect(moment.statusCode, moment.body).toBe(200);

      const others: Array<[string, (url: string) => Promise<number>]> = [
        ['another manager', async (url) => (await otherManager.fetch(url)).status],
        ['the administrator', async (url) => (await adminHttp.fetch(url)).status],
        ['a professional', async (url) => (await professional.get(url)).statusCode],
      ];
      for (const [who, status] of others) {
        for (const url of [`/api/recordings/${recordingId}`, `/api/clients/${staffId}`, `/api/clients/${staffId}/conversations`, `/api/recordings/${recordingId}/moments`, `/api/consents/${consentId}`]) {
          expect([403, 404], `${who}: ${url}`).toContain(await status(url));
        }
      }
      const otherList = (await (await otherManager.fetch('/api/recordings')).json()) as { recordings: { id: string }[] };
      expect(otherList.recordings.some((r) => r.id === recordingId)).toBe(false);
      const otherPlayback = await otherManager.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' });
      expect([403, 404]).toContain(otherPlayback.status);
      expect([403, 404]).toContain((await adminHttp.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' })).status);
    });
  });

  describe('the client marks and takes back their own "niet delen" stretches', () => {
    let conversation: ConsentedConversation;
    let stranger: ConsentedConversation;
    let recordingId: string;

    beforeAll(async () => {
      conversation = await consentedConversation(server, professional, { audience: 'reviewer' });
      stranger = await consentedConversation(server, professional);
      recordingId = await readyRecording(server, professionalId, conversation);
    });

    it('removes only their own mark; never the professional\'s, and another client reaches neither', async () => {
      const own = (await conversation.client.post(`/api/client/consents/${conversation.consentId}/no-share-stretches`, { startSeconds: 10, endSeconds: 20 })).json().stretches[0];
      const theirs = (await professional.post(`/api/recordings/${recordingId}/no-share-stretches`, { startSeconds: 40, endSeconds: 50 })).json();
      expect(own.markedBy).toBe('client');
      expect(theirs.markedBy).toBe('professional');

      const notMine = await conversation.client.delete(`/api/client/no-share-stretches/${theirs.id}`);
      expect(notMine.statusCode).toBe(403);
      expect(errorOf(notMine).code).toBe('no_share_marked_by_professional');
      expect((await conversation.client.post(`/api/client/no-share-stretches/${theirs.id}/cut`)).statusCode).toBe(403);

      for (const id of [own.id, theirs.id]) {
        expect((await stranger.client.delete(`/api/client/no-share-stretches/${id}`)).statusCode).toBe(404);
        expect((await stranger.client.post(`/api/client/no-share-stretches/${id}/cut`)).statusCode).toBe(404);
      }
      // Staff sessions are not client sessions.
      expect((await professional.delete(`/api/client/no-share-stretches/${own.id}`)).statusCode).toBe(401);
      expect((await professional.delete(`/api/no-share-stretches/${own.id}`)).statusCode).toBe(403);

      const removed = await conversation.client.delete(`/api/client/no-share-stretches/${own.id}`);
      expect(removed.statusCode, removed.body).toBe(204);
      const left = (await conversation.client.get(`/api/client/consents/${conversation.consentId}/no-share-stretches`)).json().stretches as { id: string }[];
      expect(left.map((s) => s.id)).toEqual([theirs.id]);
    });

    it('cannot have a stretch cut while the recording is still shared, nor by someone else', async () => {
      const reviewerId = await userIdOf(admin, demo.reviewer);
      const stretch = (await professional.get(`/api/recordings/${recordingId}/no-share-stretches`)).json().stretches[0] as { id: string };
      const moment = (await professional.post(`/api/recordings/${recordingId}/moments`, { startSeconds: 70, endSeconds: 80, title: 'Later' })).json().id;
      const shared = await professional.post(`/api/recordings/${recordingId}/shares`, { momentIds: [moment], recipient: { type: 'reviewer', userId: reviewerId }, expiresAt: inDays(7) });
      expect(shared.statusCode, shared.body).toBe(200);
      const refused = await professional.post(`/api/no-share-stretches/${stretch.id}/cut`);
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused).code).toBe('no_share_cut_shares_active');
      expect((await manager.post(`/api/no-share-stretches/${stretch.id}/cut`)).statusCode).toBe(404);
      expect((await admin.post(`/api/no-share-stretches/${stretch.id}/cut`)).statusCode).toBe(403);
    });
  });

  describe('a stretch cut out of the stored media', () => {
    let owner: HttpAgent;
    let recordingId: string;
    let work: string;

    beforeAll(async () => {
      owner = await httpLogin(baseUrl, demo.professional, demoPassword);
      const conversation = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
      recordingId = (await readyUploadedRecording(owner, conversation.conversationId, await media.videoMp4())).recordingId;
      work = await mkdtemp(path.join(os.tmpdir(), 'stretch-cut-test-'));
    }, 240_000);
    afterAll(async () => {
      if (work) await rm(work, { recursive: true, force: true });
    });

    async function playedLength(): Promise<number> {
      const playlist = await fetchPlaylist(owner, await playbackDescriptor(owner, recordingId));
      const key = Buffer.from(await (await owner.fetch(playlist.keyPath)).arrayBuffer());
      const parts: Buffer[] = [];
      for (const segment of playlist.segmentPaths) {
        const response = await owner.fetch(segment);
        expect(response.status, segment).toBe(200);
        parts.push(decryptSegment(key, playlist.iv, Buffer.from(await response.arrayBuffer())));
      }
      const file = path.join(work, `played-${Date.now()}.ts`);
      await writeFile(file, Buffer.concat(parts));
      return playedSeconds(file);
    }

    it('re-encodes the media without it, erases the old segments and moves the moments along', async () => {
      const before = await playedLength();
      expect(before).toBeGreaterThan(11);
      const prefix = `recordings/${recordingId}/`;
      const segmentKeys = async () => (await server.spreekkamer.storage.blobs.list(prefix)).filter((key) => /^seg_\d+\.ts$/.test(key.slice(prefix.length)));
      const oldSegments = await segmentKeys();
      expect(oldSegments.length).toBeGreaterThan(0);

      const post = async (url: string, body: unknown) => owner.json(url, 'POST', body);
      const inside = (await (await post(`/api/recordings/${recordingId}/moments`, { startSeconds: 4, endSeconds: 5, title: 'Binnen' })).json()) as { id: string };
      const after = (await (await post(`/api/recordings/${recordingId}/moments`, { startSeconds: 8, endSeconds: 10, title: 'Erna' })).json()) as { id: string };
      const stretch = (await (await post(`/api/recordings/${recordingId}/no-share-stretches`, { startSeconds: 3, endSeconds: 6 })).json()) as { id: string };
      const requested = await owner.fetch(`/api/no-share-stretches/${stretch.id}/cut`, { method: 'POST' });
      expect(requested.status, await requested.clone().text()).toBe(200);
      expect(((await requested.json()) as { cutRequested: boolean }).cutRequested).toBe(true);
      const again = await owner.fetch(`/api/no-share-stretches/${stretch.id}/cut`, { method: 'POST' });
      expect([409, 404]).toContain(again.status);

      const deadline = Date.now() + 120_000;
      while (await server.spreekkamer.repositories.noShare.findById(stretch.id)) {
        if (Date.now() > deadline) throw new Error('the stretch was not cut in time');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }

      const recording = await server.spreekkamer.repositories.recordings.findById(recordingId);
      expect(Number(recording?.duration_seconds)).toBeGreaterThan(before - 3 - 0.5);
      expect(Number(recording?.duration_seconds)).toBeLessThan(before - 3 + 0.5);
      const afterCut = await playedLength();
      expect(Math.abs(afterCut - (before - 3))).toBeLessThan(0.3);

      const newSegments = await segmentKeys();
      expect(newSegments.length).toBeGreaterThan(0);
      expect(newSegments.filter((key) => oldSegments.includes(key))).toEqual([]);
      const playlist = parseHlsPlaylist((await server.spreekkamer.storage.blobs.getBuffer(`${prefix}index.m3u8`)).toString('utf8'));
      expect(playlist.segments.map((s) => prefix + s.uri).sort()).toEqual([...newSegments].sort());

      const moments = (await (await owner.fetch(`/api/recordings/${recordingId}/moments`)).json()) as { moments: { id: string; startSeconds: number; endSeconds: number }[] };
      expect(moments.moments.find((m) => m.id === inside.id)).toBeUndefined();
      const moved = moments.moments.find((m) => m.id === after.id);
      expect(moved?.startSeconds).toBeCloseTo(5, 3);
      expect(moved?.endSeconds).toBeCloseTo(7, 3);
    }, 240_000);
  });
});
