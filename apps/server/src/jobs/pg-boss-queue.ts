import PgBoss from 'pg-boss';
import {
  assertCompleteHandlers,
  dailySchedules,
  jobNames,
  jobPolicies,
  parseJobPayload,
  type EnqueueOptions,
  type JobHandlers,
  type JobMap,
  type JobName,
  type JobQueue,
  type JobQueueStat,
} from './job-map.js';
import { describeError, silentJobLogger, type JobLogger } from './logger.js';

export interface PgBossQueueOptions {
  connectionString: string;
  /** Only workers supervise (expire, retry, archive) and run schedules; API processes only send. */
  worker: boolean;
  logger?: JobLogger;
  pollIntervalSeconds?: number;
  /**
   * A running job's lease, renewed every third of it while the handler runs. A worker that dies
   * stops renewing, so its job expires after the lease (pg-boss checks every third of it) and is
   * retried by another worker: about lease + lease/3 + the retry delay, not the 15 minutes of a
   * fixed expiry.
   */
  leaseSeconds?: number;
}

/** pg-boss queue names allow letters, digits, '_' and '-'. */
function queueName(name: JobName): string {
  return name.replace(/\./g, '-');
}

/**
 * The PostgreSQL queue for scale-out. pg-boss retries with backoff (retryLimit = attempts - 1)
 * and re-runs a job whose worker died once its lease (pg-boss's expiry, renewed while the
 * handler runs) passes; onGiveUp runs when the last retry throws.
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly logger: JobLogger;
  private started: Promise<void> | null = null;
  private readonly controllers = new Set<AbortController>();
  private stopped = false;
  private readonly leaseSeconds: number;

  constructor(private readonly options: PgBossQueueOptions) {
    this.logger = options.logger ?? silentJobLogger;
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.boss = new PgBoss({
      maintenanceIntervalSeconds: Math.max(1, Math.ceil(this.leaseSeconds / 3)),
      connectionString: options.connectionString,
      schema: 'pgboss',
      max: 4,
      supervise: options.worker,
      schedule: options.worker,
      migrate: true,
      // Finished jobs hold only ids; they are removed soon rather than kept for pg-boss's default weeks.
      archiveCompletedAfterSeconds: 3600,
      deleteAfterDays: 2,
    });
    this.boss.on('error', (error: unknown) => this.logger.error({ err: describeError(error) }, 'pg-boss error'));
  }

  private ensureStarted(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      for (const name of jobNames) {
        const policy = jobPolicies[name];
        const settings = {
          name: queueName(name),
          retryLimit: policy.maxAttempts - 1,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: this.leaseSeconds,
        };
        // createQueue leaves an existing queue as it was; the update makes it follow this release.
        await this.boss.createQueue(queueName(name), settings);
        await this.boss.updateQueue(queueName(name), settings);
      }
    })();
    return this.started;
  }

  async enqueue<K extends JobName>(name: K, payload: JobMap[K], options: EnqueueOptions = {}): Promise<void> {
    await this.ensureStarted();
    const sendOptions: PgBoss.SendOptions = {};
    if (options.singletonKey) sendOptions.singletonKey = options.singletonKey;
    if (options.delaySeconds) sendOptions.startAfter = options.delaySeconds;
    await this.boss.send(queueName(name), parseJobPayload(name, payload), sendOptions);
  }

  async stats(): Promise<JobQueueStat[]> {
    await this.ensureStarted();
    const { rows } = await this.boss.getDb().executeSql(
      `select name,
              count(*) filter (where state in ('created', 'retry') and start_after <= now()) as waiting,
              count(*) filter (where state = 'active') as running,
              extract(epoch from now() - min(start_after) filter (where state in ('created', 'retry') and start_after <= now())) as oldest
         from pgboss.job where state in ('created', 'retry', 'active') group by name`,
      [],
    );
    const counted = rows as { name: string; waiting: string; running: string; oldest: string | null }[];
    return jobNames.map((name) => {
      const row = counted.find((candidate) => candidate.name === queueName(name));
      return { name, waiting: Number(row?.waiting ?? 0), running: Number(row?.running ?? 0), oldestWaitingSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
    });
  }

  async work(handlers: JobHandlers): Promise<void> {
    assertCompleteHandlers(handlers);
    await this.ensureStarted();
    // stop() may come while pg-boss was still starting (a short test, a quick shutdown).
    if (this.stopped) return;
    for (const name of jobNames) await this.workOn(name, handlers);
    for (const schedule of dailySchedules) {
      await this.boss.schedule(queueName(schedule.name), `0 ${schedule.hourUtc} * * *`, {}, { tz: 'UTC' });
    }
  }

  private async workOn<K extends JobName>(name: K, handlers: JobHandlers): Promise<void> {
    const handler = handlers[name];
    await this.boss.work<object>(
      queueName(name),
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.options.pollIntervalSeconds ?? 1 },
      async (jobs) => {
        for (const job of jobs) {
          const payload = parseJobPayload(name, job.data);
          const controller = new AbortController();
          this.controllers.add(controller);
          const attempt = job.retryCount + 1;
          const isLastAttempt = job.retryCount >= job.retryLimit;
          const stopRenewing = this.renewLease(name, job.id);
          try {
            await handler.run(payload, { attempt, isLastAttempt, signal: controller.signal });
          } catch (error) {
            if (isLastAttempt && !controller.signal.aborted) {
              this.logger.error({ job: name, attempt, err: describeError(error) }, 'job failed for the last time');
              try {
                await (handler.onGiveUp as ((p: JobMap[K], e: unknown) => Promise<void>) | undefined)?.(payload, error);
              } catch (giveUpError) {
                this.logger.error({ job: name, err: describeError(giveUpError) }, 'onGiveUp failed');
              }
            } else {
              this.logger.warn({ job: name, attempt, err: describeError(error) }, 'job failed, will retry');
            }
            throw error;
          } finally {
            stopRenewing();
            this.controllers.delete(controller);
          }
        }
      },
    );
  }

  /** Keeps a running job's expiry one lease ahead of now, until the returned function is called. */
  private renewLease(name: JobName, jobId: string): () => void {
    const renew = () =>
      this.boss
        .getDb()
        .executeSql(
          `update pgboss.job set expire_in = (now() - started_on) + $3 * interval '1 second'
            where name = $1 and id = $2 and state = 'active'`,
          [queueName(name), jobId, this.leaseSeconds],
        )
        .catch((error: unknown) => this.logger.warn({ job: name, err: describeError(error) }, 'lease renewal failed'));
    void renew();
    const timer = setInterval(() => void renew(), (this.leaseSeconds * 1000) / 3);
    return () => clearInterval(timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.started) return;
    for (const controller of this.controllers) controller.abort(new Error('worker stopping'));
    try {
      await this.started;
    } catch {
      // A queue that never started has nothing to stop.
    }
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
