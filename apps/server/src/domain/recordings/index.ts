import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Config } from '../../config.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { JobHandlers, JobQueue } from '../../jobs/index.js';
import type { WorkFolders } from '../../jobs/work-folders.js';
import type { Mailer } from '../../notify/mailer.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { UploadStore } from '../../storage/uploads.js';
import type { ConsentPolicy } from '../consent/consent-policy.js';
import { RecordingEraser } from './erasure.js';
import { recordingJobHandlers, type OtherFeatureJobs, type RecordingJobDependencies } from './jobs.js';
import { SpanCutter } from './span-cuts.js';
import { StretchCutter } from './stretch-cut.js';
import { PlaybackService, type PlaybackDependencies } from './playback.service.js';
import type { AccessGate } from '../access/index.js';
import { RecordingProcessor } from './processing.js';
import { RecordingsService } from './recordings.service.js';
import { RetentionRunner } from './retention.js';
import { RecordingUploads } from './uploads.js';
import type { UnitOfWork } from '../unit-of-work.js';

export type { PlaybackGrant, AllowedRanges } from './playback-access.js';
export type { DerivedDataEraser } from './erasure.js';

export interface RecordingServices {
  service: RecordingsService;
  /** What the tus server and the jobs tell a recording about its upload (no actor). */
  uploads: RecordingUploads;
  playback: PlaybackService;
  /** Crypto-shredding and erasure; also the ConsentWithdrawalListener. Later features add derived-data erasers. */
  eraser: RecordingEraser;
  processor: RecordingProcessor;
  retention: RetentionRunner;
  jobHandlers: Omit<JobHandlers, OtherFeatureJobs>;
  spanCutter: SpanCutter;
  /** Every process sweeps these at start and periodically (see main.ts). */
  workFolders: WorkFolders;
}

export interface RecordingServicesDependencies {
  repositories: Pick<Repositories, 'recordings' | 'conversations' | 'shareCuts' | 'noShare' | 'stretchCuts'>;
  audit: AuditLog;
  consentPolicy: ConsentPolicy;
  blobs: BlobStore;
  uploads: UploadStore;
  queue: JobQueue;
  config: Pick<Config, 'masterKey' | 'sessionSecret' | 'limits' | 'tools' | 'dataDir' | 'publicUrl'>;
  /** Outgoing e-mail for notices to professionals; null without an SMTP server. */
  mailer: Mailer | null;
  users: UsersRepository;
  demo: (recordingId: string, tools: { service: RecordingUploads; uploads: UploadStore }) => Promise<void>;
  unitOfWork: UnitOfWork;
  rhythm: RecordingJobDependencies['rhythm'];
  /** The swept per-job folders, shared with other jobs (main.ts makes them). */
  workFolders: WorkFolders;
  now: Clock;
  gate: AccessGate;
  /** From sharing: the spans of a recording that active shares reach the actor with. */
  sharedRanges: PlaybackDependencies['sharedRanges'];
}

export function createRecordingServices(deps: RecordingServicesDependencies): RecordingServices {
  const { repositories, audit, consentPolicy, blobs, uploads, queue, config } = deps;
  const now = { now: deps.now };
  const { workFolders } = deps;
  const eraser = new RecordingEraser({ recordings: repositories.recordings, blobs, uploads, queue, audit, workFolders, ...now });
  const service = new RecordingsService({
    gate: deps.gate,
    unitOfWork: deps.unitOfWork,
    recordings: repositories.recordings,
    conversations: repositories.conversations,
    consentPolicy,
    uploads,
    eraser,
    settings: { maxUploadBytes: config.limits.maxUploadBytes, maxRecordingSeconds: config.limits.maxRecordingSeconds },
    ...now,
  });
  const playback = new PlaybackService({
    recordings: repositories.recordings,
    cuts: repositories.shareCuts,
    gate: deps.gate,
    sharedRanges: deps.sharedRanges,
    blobs,
    audit,
    settings: { masterKey: config.masterKey, tokenSecret: config.sessionSecret },
    ...now,
  });
  const processor = new RecordingProcessor({
    recordings: repositories.recordings,
    consentPolicy,
    blobs,
    uploads,
    eraser,
    audit,
    settings: {
      masterKey: config.masterKey,
      limits: { maxBytes: config.limits.maxUploadBytes, maxDurationSeconds: config.limits.maxRecordingSeconds },
      tools: config.tools,
    },
    workFolders,
    onReady: async (recordingId) => {
      await queue.enqueue('recording.rhythm', { recordingId }, { singletonKey: `rhythm:${recordingId}` });
    },
    ...now,
  });
  const mail = deps.mailer ? { mailer: deps.mailer, users: deps.users, publicUrl: config.publicUrl } : undefined;
  const recordingUploads = new RecordingUploads({ recordings: repositories.recordings, uploads, queue, audit, ...now });
  const retention = new RetentionRunner({ recordings: repositories.recordings, eraser, uploads, service: recordingUploads, audit, mail, ...now });
  const spanCutter = new SpanCutter({ recordings: repositories.recordings, cuts: repositories.shareCuts, blobs, audit, workFolders, settings: { masterKey: config.masterKey, tools: config.tools }, ...now });
  const stretchCutter = new StretchCutter({
    recordings: repositories.recordings,
    stretches: repositories.noShare,
    stretchCuts: repositories.stretchCuts,
    blobs,
    audit,
    workFolders,
    settings: { masterKey: config.masterKey, tools: config.tools },
    onCut: async (recordingId) => {
      await queue.enqueue('recording.rhythm', { recordingId });
    },
    ...now,
  });
  const jobHandlers = recordingJobHandlers({ processor, eraser, retention, demo: (recordingId) => deps.demo(recordingId, { service: recordingUploads, uploads }), rhythm: deps.rhythm, spanCutter, stretchCutter });
  return { service, uploads: recordingUploads, playback, eraser, processor, retention, jobHandlers, workFolders, spanCutter };
}
