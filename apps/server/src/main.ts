import { OrganisationFilmService } from './domain/explainer/organisation-film.service.js';
import path from 'node:path';
import { systemClock, type Clock } from './clock.js';
import { WorkFolders } from './jobs/work-folders.js';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { AuditLog } from './audit/audit-log.js';
import type { Config } from './config.js';
import { isDatabaseReachable, openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createRepositories, type Repositories } from './db/repositories/index.js';
import { AdminService } from './domain/admin/admin.service.js';
import { AuthService } from './domain/auth/auth.service.js';
import { PasswordResetService } from './domain/auth/password-reset.service.js';
import { OidcService } from './domain/auth/oidc.service.js';
import { ClientAccessService } from './domain/client-access/client-access.service.js';
import { MyDataService } from './domain/client-access/my-data.service.js';
import { ClientsService } from './domain/clients/clients.service.js';
import { AllianceService, FollowUpService, PreparationHelpService, createFeedbackServices, feedbackWithdrawalListener, recordingLookup, voiceNoteProbe } from './domain/client-feedback/index.js';
import { ConsentPolicy } from './domain/consent/consent-policy.js';
import type { AccessGate } from './domain/access/index.js';
import { SignalsService } from './domain/signals/signals.service.js';
import { UnitOfWork } from './domain/unit-of-work.js';
import { agendaDeparture } from './domain/team-agenda/departure.js';
import { TeamAgendaService } from './domain/team-agenda/team-agenda.service.js';
import { ConsentService } from './domain/consent/consent.service.js';
import { ConsentWithdrawals, ensureCurrentConsentText } from './domain/consent/consent-withdrawals.js';
import { DeclineReasonsService } from './domain/consent/decline-reasons.service.js';
import { DeclineReasonCounter } from './domain/consent/decline-reasons.js';
import { buildApp, redactUrl } from './http/app.js';
import type { HttpContext } from './http/context.js';
import { requireClientWith } from './http/plugins/client-session.js';
import { requireSessionWith } from './http/plugins/session.js';
import { createReviewServices } from './domain/reviews/index.js';
import { createLearningServices } from './domain/learning/index.js';
import { SsoSettingsService } from './domain/auth/sso-settings.service.js';
import { RhythmService, RhythmServiceJobs, type RhythmDependencies } from './domain/rhythm/rhythm.service.js';
import { VoicePrints } from './domain/rhythm/voice-prints.js';
import { seedDemoIfEmpty, type DemoSeedResult } from './seed/demo.js';
import { seedInsightData } from './seed/insight-data.js';
import { createRecordingServices, type RecordingServices } from './domain/recordings/index.js';
import { assertCompleteHandlers, createJobQueue, type JobHandlers, type JobQueue } from './jobs/index.js';
import { makeDemoRecordingMedia } from './seed/demo-recording.js';
import { createStorageBackends, type StorageBackends } from './storage/backends.js';
import { NotificationsService } from './domain/notifications/notifications.service.js';
import { NotificationEvents } from './domain/notifications/notification-events.js';
import { NotificationDigests } from './domain/notifications/notification-digests.js';
import { InsightService } from './domain/insight/insight.service.js';
import { createOrganisationPictureServices } from './domain/organisation-picture/index.js';
import { createSmtpMailer } from './notify/mailer.js';
import { ShredLedger, isDeletionReason } from './ops/shred-ledger.js';
import { createMetrics, instrumentBlobStore, instrumentJobHandlers } from './observability/metrics.js';

export interface Spreekkamer {
  config: Config;
  database: DatabaseHandle;
  repositories: Repositories;
  services: HttpContext['services'];
  /** What a consent allows; recordings and sharing take it as a dependency. */
  consentPolicy: ConsentPolicy;
  audit: AuditLog;
  /** Follow-ups of consent withdrawals (listeners, and the retry at boot). */
  consentWithdrawals: ConsentWithdrawals;
  /** Service writes with their audit entry in one transaction. */
  unitOfWork: UnitOfWork;
  /** The daily notification digest (the `notifications.digest` job runs it). */
  notificationDigests: NotificationDigests;
  /** The HTTP app, for the api and all roles; null for a worker-only process. */
  app: FastifyInstance | null;
  demo: DemoSeedResult | null;
  /** Recordings: services, playback, the eraser (later features add derived-data erasers). */
  recordings: RecordingServices;
  queue: JobQueue;
  storage: StorageBackends;
  close(): Promise<void>;
}

export function loggerOptions(level: Config['logLevel']): FastifyServerOptions['logger'] {
  return {
    level,
    // Requests are logged by method, path and status only: no addresses, cookies, bodies or tokens.
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: redactUrl(request.url) }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    redact: { paths: ['req.headers', 'headers', '*.password', '*.token', '*.email'], remove: true },
  };
}

/** The composition root: configuration → database → repositories → services → the roles this process plays. */
export async function createSpreekkamer(config: Config, overrides: { logger?: FastifyServerOptions['logger']; now?: Clock } = {}): Promise<Spreekkamer> {
  const database = openDatabase(config.database);
  const closeOnFailure: (() => Promise<void>)[] = [];
  try {
    await migrateToLatest(database, { masterKey: config.masterKey });
    const repositories = createRepositories(database, config.masterKey);
    const now = overrides.now ?? systemClock;
    const notificationLog = pino({ level: config.logLevel, base: { area: 'notifications' } });
    const audit = new AuditLog(repositories.audit, now, (error) => notificationLog.warn({ err: error }, 'notification not made'));
    if (config.database.kind === 'sqlite') {
      // Embedded set-up: withdrawals outlive a restored backup (see ops/backup.ts).
      const ledger = new ShredLedger(ShredLedger.fileIn(config.dataDir));
      audit.listen(async (entry) => {
        const reason = entry.details?.reason;
        if (entry.action === 'recording.deleted' && entry.subjectId && typeof reason === 'string' && isDeletionReason(reason)) await ledger.append({ recordingId: entry.subjectId, reason });
      });
    }
    /** The one access gate (domain/access) and the one way to write with an audit entry (domain/unit-of-work.ts). */
    const gate: AccessGate = { repository: repositories.access, now: now };
    const unitOfWork = new UnitOfWork({ database, masterKey: config.masterKey, audit });
    const auth: AuthService = new AuthService({
      users: repositories.users,
      sessions: repositories.sessions,
      invitations: repositories.invitations,
      organisations: repositories.organisations,
      audit,
      settings: {
        sessionSecret: config.sessionSecret,
        masterKey: config.masterKey,
        idleMinutes: config.session.idleMinutes,
        maxHours: config.session.maxHours,
        maxFailures: config.login.maxFailures,
        lockoutMinutes: config.login.lockoutMinutes,
      },
      passwordLoginAllowed: (user): Promise<boolean> => sso.passwordLoginAllowed(user),
      now,
    });
    const sso = new OidcService({ config: config.sso, sso: repositories.sso, users: repositories.users, auth, audit, sessionSecret: config.sessionSecret, now });
    // The professional's own voice print (conversation rhythm): goes when their account is switched off.
    const voicePrints = new VoicePrints({ voicePrints: repositories.voicePrints, masterKey: config.masterKey, now });
    const admin = new AdminService({
      gate,
      unitOfWork,
      users: repositories.users,
      teams: repositories.teams,
      passwordResets: repositories.passwordResets,
      organisations: repositories.organisations,
      auditRepository: repositories.audit,
      audit,
      deployment: {
        database: config.database.kind,
        mediaStore: config.s3 ? 's3' : 'local',
        email: config.mail !== undefined,
        https: config.publicUrl?.startsWith('https://') ?? false,
        sessionIdleMinutes: config.session.idleMinutes,
        sessionMaxHours: config.session.maxHours,
        loginMaxFailures: config.login.maxFailures,
      },
      now,
      leftTeams: agendaDeparture({ teamAgenda: repositories.teamAgenda, unitOfWork, now }),
      switchedOff: (userId) => voicePrints.forgetProfessional(userId),
    });
    const clientSessionMinutes = 120;
    const mailer = config.mail ? createSmtpMailer(config.mail) : null;
    const notifications = new NotificationsService({ ...repositories, gate, digestAvailable: mailer !== null, now });
    const notificationEvents = new NotificationEvents({ ...repositories, now });
    audit.listen((entry) => notificationEvents.fromAudit(entry));
    const notificationDigests = new NotificationDigests({ ...repositories, mail: mailer ? { mailer, publicUrl: config.publicUrl } : undefined, now });
    const passwordResets = new PasswordResetService({
      users: repositories.users,
      sessions: repositories.sessions,
      passwordResets: repositories.passwordResets,
      organisations: repositories.organisations,
      audit,
      mailer,
      now,
    });
    const clientAccess = new ClientAccessService({
      clients: repositories.clients,
      organisations: repositories.organisations,
      audit,
      settings: { secret: config.sessionSecret, sessionMinutes: clientSessionMinutes, maxWrongCodes: 5, lockoutMinutes: 15 },
      mail: mailer ? { mailer, users: repositories.users, masterKey: config.masterKey } : undefined,
      now,
    });
    const clients = new ClientsService({
      gate,
      unitOfWork,
      clients: repositories.clients,
      conversations: repositories.conversations,
      consents: repositories.consents,
      users: repositories.users,
      organisations: repositories.organisations,
      audit,
      masterKey: config.masterKey,
      emailConfigured: mailer !== null,
      now,
    });
    const consentLog = pino({ level: config.logLevel, base: { area: 'consent' } });
    const declineReasons = new DeclineReasonsService({ gate, reasons: repositories.declineReasons, organisations: repositories.organisations });
    const declineReasonCounter = new DeclineReasonCounter({ reasons: repositories.declineReasons, now });
    const consentWithdrawals = new ConsentWithdrawals({ consents: repositories.consents, warn: (message, details) => consentLog.warn(details, message) });
    const consent = new ConsentService({
      gate,
      unitOfWork,
      withdrawals: consentWithdrawals,
      declineReasons: declineReasonCounter,
      clients: repositories.clients,
      conversations: repositories.conversations,
      consents: repositories.consents,
      users: repositories.users,
      organisations: repositories.organisations,
      audit,
      masterKey: config.masterKey,
      now,
    });
    await ensureCurrentConsentText(repositories.consents, now);
    /** Recordings and sharing check consent through this (see domain/consent/consent-policy.ts). */
    const consentPolicy = new ConsentPolicy(repositories.consents);
    // Features that keep what a consent covers register a ConsentWithdrawalListener here:
    // consent.addWithdrawalListener(listener). Pending follow-ups are retried further below.
    // Recordings: blobs and uploads on local disk or S3, jobs in the database or pg-boss.
    // Recordings: blobs and uploads on local disk or S3, jobs in the database or pg-boss.
    const metrics = createMetrics();
    const backends = createStorageBackends(config);
    const storage: StorageBackends = { ...backends, blobs: instrumentBlobStore(backends.blobs, metrics.storageErrors) };
    const queue = createJobQueue(config, database, pino({ level: config.logLevel, base: { area: 'jobs' } }));
    metrics.watchQueue(queue);
    // One set of swept job folders for every job (processing, rhythm, cuts); created here because all need it.
    const workFolders = new WorkFolders(path.join(config.dataDir, 'work', 'jobs'));
    const reviews = createReviewServices(repositories, { audit, gate, unitOfWork, consentPolicy, queue, now, sharesRemoved: (organisationId, userIds) => notificationEvents.sharedPartsRemoved(organisationId, userIds) });
    consent.addWithdrawalListener(reviews.withdrawalListener);
    const feedback = createFeedbackServices(repositories, {
      gate,
      consentPolicy,
      recordings: recordingLookup(repositories.feedback, repositories.noShare),
      audit,
      masterKey: config.masterKey,
      probeVoiceNote: voiceNoteProbe({ ffmpeg: config.tools.ffmpeg, ffprobe: config.tools.ffprobe }),
      scrub: () => database.scrub(),
      now,
    });
    consent.addWithdrawalListener(feedbackWithdrawalListener(repositories.feedback));
    const alliance = new AllianceService({
      gate,
      unitOfWork,
      declineReasons: declineReasonCounter,
      alliance: repositories.alliance,
      clients: repositories.clients,
      conversations: repositories.conversations,
      feedback: repositories.feedback,
      organisations: repositories.organisations,
      audit,
      now,
    });
    const preparationHelp = new PreparationHelpService({ gate, helps: repositories.preparationHelp, feedback: repositories.feedback, users: repositories.users, audit, now });
    const followUps = new FollowUpService({ gate, unitOfWork, followUps: repositories.followUps, clients: repositories.clients, feedback: repositories.feedback, users: repositories.users, audit, now });
    const rhythmDependencies: RhythmDependencies = {
      recordings: repositories.recordings,
      rhythm: repositories.rhythm,
      blobs: storage.blobs,
      gate,
      unitOfWork,
      shares: repositories.shares,
      momentsOfShare: (share) => reviews.content.momentsOf(share),
      audit,
      workFolders,
      voicePrints,
      settings: { masterKey: config.masterKey, tools: config.tools },
      now,
    };
    const rhythm = new RhythmService(rhythmDependencies);
    /** The rhythm job and its eraser, no actor. */
    const rhythmJobs = new RhythmServiceJobs(rhythmDependencies);
    const recordings = createRecordingServices({
      workFolders,
      rhythm: rhythmJobs,
      repositories,
      audit,
      consentPolicy,
      blobs: storage.blobs,
      uploads: storage.uploads,
      queue,
      config,
      mailer,
      users: repositories.users,
      now,
      gate,
      unitOfWork,
      sharedRanges: (actor, recordingId) => reviews.content.sharedRanges(actor, recordingId),
      demo: (recordingId, tools) => makeDemoRecordingMedia(recordingId, { ...tools, workDir: path.join(config.dataDir, 'work') }),
    });
    consent.addWithdrawalListener(recordings.eraser);
    // What a crashed job left in its private folder goes before this process takes new work.
    await recordings.workFolders.start();
    closeOnFailure.push(async () => recordings.workFolders.stop());
    recordings.eraser.addDerivedDataEraser(reviews.derivedDataEraser);
    const learning = createLearningServices(repositories, { gate, unitOfWork, now, mail: mailer ? { mailer, publicUrl: config.publicUrl } : undefined });
    consent.addWithdrawalListener(learning.withdrawalListener);
    notifications.addDueSource((actor) => learning.reminders.dueNotices(actor));
    recordings.eraser.addDerivedDataEraser(learning.derivedDataEraser);
    recordings.eraser.addDerivedDataEraser((recordingId) => rhythmJobs.eraseFor(recordingId));
    // A withdrawn or expired recording leaves the professional's voice print (recomputed without it).
    recordings.eraser.addDerivedDataEraser((recordingId) => voicePrints.forgetRecording(recordingId));
    // Registered last: once everything above deleted its rows, SQLite also clears its WAL.
    consent.addWithdrawalListener({ onConsentWithdrawn: () => database.scrub() });
    recordings.eraser.addDerivedDataEraser(() => database.scrub());
    closeOnFailure.push(async () => {
      await queue.stop();
      await storage.close();
    });
    const insight = new InsightService({ gate, insight: repositories.insight, organisations: repositories.organisations, now });
    const services = { auth, admin, passwordResets, clientAccess, clients, consent, reviews, feedback, preparationHelp, alliance, followUps, recordings: recordings.service, recordingUploads: recordings.uploads, playback: recordings.playback, learning, rhythm, notifications, insight, declineReasons, myData: new MyDataService({ ...repositories, audit, gate }), sso, ssoSettings: new SsoSettingsService({ gate, unitOfWork, config: config.sso, sso: repositories.sso, now }), signals: new SignalsService({ gate, unitOfWork, signals: repositories.signals, users: repositories.users, now }), organisationFilm: new OrganisationFilmService({ gate, unitOfWork, films: repositories.organisationFilms, blobs: storage.blobs, workFolders, tools: config.tools, now }), teamAgenda: new TeamAgendaService({ gate, teamAgenda: repositories.teamAgenda, unitOfWork, now }), organisationPicture: createOrganisationPictureServices({ ...repositories, gate, unitOfWork, insight, now }) };
    const demo = config.demo.seed ? await seedDemoIfEmpty(repositories, { password: config.demo.password }) : null;
    if (demo && config.demo.insight) await seedInsightData(database.db, { organisationId: demo.organisationId, teamIds: [demo.teamId], newTeams: 2, professionals: 36, months: 12, now: now() });

    // After every listener is registered: finish withdrawals whose follow-up failed last time.
    await consentWithdrawals.retryPending();

    const https = config.publicUrl?.startsWith('https://') ?? false;
    const requireSession = requireSessionWith(auth);
    const ctx: HttpContext = {
      services,
      requireSession,
      actorOf: async (request) => (await requireSession(request)).actor,
      requireClient: requireClientWith(clientAccess),
      clientSessionMinutes,
      publicOrigin: (request) => config.publicUrl ?? `${request.protocol}://${request.host}`,
      cookie: { secure: https, maxAgeSeconds: config.session.maxHours * 3600 },
      credentialAttemptsPerMinute: config.login.rateLimitPerMinute,
      rateLimitCounter: repositories.rateLimits,
      isReady: () => isDatabaseReachable(database.db),
      ssoRedirectUri: config.sso?.redirectUri,
      uploads: { store: storage.uploads, locker: storage.uploadLocker, maxBytes: config.limits.maxUploadBytes },
    };
    const app =
      config.role === 'worker'
        ? null
        : await buildApp(ctx, {
            logger: overrides.logger ?? loggerOptions(config.logLevel),
            trustProxy: config.trustProxy,
            https,
            webDistDir: config.webDistDir,
            metrics: { metrics, access: config.metrics },
          });

    const jobHandlers: JobHandlers = instrumentJobHandlers(
      {
        ...recordings.jobHandlers,
        'learning.reminders': {
          run: async () => {
            await learning.reminders.sendDueReminders();
          },
        },
        'share.cuts.sweep': {
          run: async () => {
            await reviews.cuts.sweep();
          },
        },
        'notifications.digest': {
          run: async () => {
            await notificationDigests.send();
          },
        },
      },
      metrics.jobDuration,
    );
    if (config.role === 'worker') await queue.work(jobHandlers);
    if (config.role === 'all') {
      // A missing handler refuses the boot right here; the queue itself (pg-boss creates its
      // schema on first start) comes up in the background so the API is not held up by it.
      assertCompleteHandlers(jobHandlers);
      void queue.work(jobHandlers).catch((error: unknown) => {
        pino({ level: config.logLevel }).fatal({ err: { message: error instanceof Error ? error.message : String(error) } }, 'job worker could not start');
      });
    }

    return {
      config,
      database,
      repositories,
      services,
      consentPolicy,
      audit,
      consentWithdrawals,
      unitOfWork,
      notificationDigests,
      app,
      demo,
      recordings,
      queue,
      storage,
      async close() {
        recordings.workFolders.stop();
        await app?.close();
        await queue.stop();
        await storage.close();
        mailer?.close();
        await database.close();
      },
    };
  } catch (error) {
    for (const close of closeOnFailure) await close().catch(() => undefined);
    await database.close();
    throw error;
  }
}
