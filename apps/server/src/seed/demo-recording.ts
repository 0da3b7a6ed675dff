import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { consentTextVersion } from '@spreekkamer/shared';
import { Upload } from '@tus/server';
import type { Repositories } from '../db/repositories/index.js';
import { actorFrom } from '../domain/auth/auth.service.js';
import type { ClientAccessService } from '../domain/client-access/client-access.service.js';
import type { ClientsService } from '../domain/clients/clients.service.js';
import type { ConsentService } from '../domain/consent/consent.service.js';
import type { RecordingsService } from '../domain/recordings/recordings.service.js';
import type { RecordingUploads } from '../domain/recordings/uploads.js';
import type { JobQueue } from '../jobs/index.js';
import type { UploadStore } from '../storage/uploads.js';

export const DEMO_PROFESSIONAL_EMAIL = 'klantmanager@voorbeeld.nl';
const DEMO_SECONDS = 60;

interface SpeechFixtures {
  makeSpeechConversation(options: { out: string; seconds?: number; video?: boolean; width?: number; height?: number }): Promise<string>;
}

export interface DemoRecordingDependencies {
  repositories: Pick<Repositories, 'users'>;
  services: { clients: ClientsService; clientAccess: ClientAccessService; consent: ConsentService; recordings: RecordingsService };
  queue: JobQueue;
}

/**
 * The demo organisation's sample: a client, today's conversation, a consent given in the room
 * (video, a reviewer may watch chosen moments, so the demo can walk the whole method; 90 days), and a recording whose media is made by a job
 * (two espeak-ng voices over a generated picture) and then processed like any upload. Only enqueues,
 * so the server starts at once. Returns the recording id.
 */
export async function seedDemoRecording(deps: DemoRecordingDependencies): Promise<string | null> {
  const user = await deps.repositories.users.findByEmail(DEMO_PROFESSIONAL_EMAIL);
  if (!user) return null;
  const actor = actorFrom(user, await deps.repositories.users.membershipsOf([user.id]));
  const { clients, clientAccess, consent, recordings } = deps.services;

  const client = await clients.create(actor, { pseudonym: 'Meneer A. (voorbeeld)' });
  const conversation = await clients.createConversation(actor, client.id, { heldOn: new Date().toISOString().slice(0, 10), kind: 'in_person' });
  const session = await clientAccess.handOver(actor, client.id);
  const copy = await consent.give(session, conversation.id, {
    media: 'video',
    audience: 'reviewer',
    watchWithClient: false,
    feedbackViaReviewer: false,
    policyViewing: false,
    reviewerFrom: 'any',
    retentionDays: 90,
    signature: 'A. Voorbeeld',
    textVersion: consentTextVersion,
    locale: 'nl',
  });
  await consent.confirmAsProfessional(actor, copy.id);
  const created = await recordings.create(actor, { conversationId: conversation.id, kind: 'video', sizeBytes: 1 });
  await deps.queue.enqueue('recording.demo', { recordingId: created.recording.id });
  return created.recording.id;
}

/** The 'recording.demo' job: make the media, store it as a finished tus upload, hand it to processing. */
export async function makeDemoRecordingMedia(recordingId: string, deps: { service: RecordingUploads; uploads: UploadStore; workDir: string }): Promise<void> {
  if (!(await deps.service.isAwaitingUpload(recordingId))) return;
  const fixtures = (await import(new URL('../../../../scripts/fixtures/make-media.mjs', import.meta.url).href)) as SpeechFixtures;
  await mkdir(deps.workDir, { recursive: true });
  const file = path.join(deps.workDir, `demo-${recordingId}.mp4`);
  try {
    await fixtures.makeSpeechConversation({ out: file, seconds: DEMO_SECONDS, video: true, width: 1280, height: 720 });
    const size = (await stat(file)).size;
    const uploadId = deps.service.newUploadId(recordingId);
    // Exactly what a tus upload does: bind, create, write, finish.
    await deps.service.bindUpload(uploadId, size);
    await deps.uploads.datastore.create(new Upload({ id: uploadId, size, offset: 0, metadata: { recordingId, filename: 'voorbeeldgesprek.mp4' } }));
    await deps.uploads.datastore.write(createReadStream(file), uploadId, 0);
    await deps.service.uploadFinished(uploadId);
  } finally {
    await rm(file, { force: true });
  }
}
