import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
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

export interface DatabaseQueueOptions {
  pollIntervalMs?: number;
  /** A running job's lease; renewed every third of it while the handler runs. */
  leaseSeconds?: number;
  logger?: JobLogger;
  now?: Clock;
}

class Stopped extends Error {}

const DONE_RETENTION_MS = 3 * 24 * 3600 * 1000;

/**
 * The default queue: a `jobs` table that several worker processes can share. A worker claims a
 * job by taking a lease (an optimistic update, so two workers never run the same job); a crashed
 * worker's lease runs out and the job is claimed again. Failed attempts are retried with
 * exponential backoff until the policy's maximum, then the handler's onGiveUp runs.
 */
export class DatabaseJobQueue implements JobQueue {
  readonly kind = 'database' as const;
  private readonly workerId = randomUUID();
  private readonly pollIntervalMs: number;
  private readonly leaseSeconds: number;
  private readonly logger: JobLogger;
  private readonly now: Clock;
  private running = false;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Map<JobName, () => void>();
  private readonly controllers = new Set<AbortController>();
  private scheduleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    options: DatabaseQueueOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.logger = options.logger ?? silentJobLogger;
    this.now = options.now ?? systemClock;
  }

  async enqueue<K extends JobName>(name: K, payload: JobMap[K], options: EnqueueOptions = {}): Promise<void> {
    const now = this.now();
    const row = {
      id: randomUUID(),
      name,
      payload_json: JSON.stringify(parseJobPayload(name, payload)),
      status: 'queued' as const,
      attempts: 0,
      max_attempts: jobPolicies[name].maxAttempts,
      run_after: new Date(now.getTime() + (options.delaySeconds ?? 0) * 1000).toISOString(),
      locked_until: null,
      locked_by: null,
      singleton_key: options.singletonKey ?? null,
      last_error: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    if (options.singletonKey) {
      const inserted = await this.db.insertInto('jobs').values(row).onConflict((oc) => oc.column('singleton_key').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
    } else {
      await this.db.insertInto('jobs').values(row).execute();
    }
    this.wakers.get(name)?.();
  }

  async work(handlers: JobHandlers): Promise<void> {
    assertCompleteHandlers(handlers);
    if (this.running) throw new Error('the queue is already working');
    if (this.stopped) return;
    this.running = true;
    for (const name of jobNames) this.loops.push(this.loop(name, handlers));
    await this.runSchedules();
    // Checked every few minutes; the singleton key makes it once a day across all workers.
    this.scheduleTimer = setInterval(() => void this.runSchedules(), 5 * 60_000);
    this.scheduleTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.running) return;
    this.running = false;
    clearInterval(this.scheduleTimer);
    for (const controller of this.controllers) controller.abort(new Stopped('worker stopping'));
    for (const wake of this.wakers.values()) wake();
    await Promise.allSettled(this.loops);
    this.loops.length = 0;
  }

  async stats(): Promise<JobQueueStat[]> {
    const nowIso = this.now().toISOString();
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => [
        'name',
        eb.fn.count<number>(eb.case().when(eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', nowIso)])).then(1).end()).as('waiting'),
        eb.fn.count<number>(eb.case().when('status', '=', 'running').then(1).end()).as('running'),
        eb.fn.min(eb.case().when(eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', nowIso)])).then(eb.ref('run_after')).end()).as('oldest'),
      ])
      .where('status', 'in', ['queued', 'running'])
      .groupBy('name')
      .execute();
    const now = this.now().getTime();
    return jobNames.map((name) => {
      const row = rows.find((candidate) => candidate.name === name);
      const oldest = row?.oldest ? Date.parse(String(row.oldest)) : null;
      return {
        name,
        waiting: Number(row?.waiting ?? 0),
        running: Number(row?.running ?? 0),
        oldestWaitingSeconds: oldest === null ? 0 : Math.max(0, (now - oldest) / 1000),
      };
    });
  }

  private async runSchedules(): Promise<void> {
    const now = this.now();
    try {
      for (const schedule of dailySchedules) {
        const day = now.toISOString().slice(0, 10);
        // Today's run is due from its hour on; a worker that was down at that hour catches up.
        if (now.getUTCHours() >= schedule.hourUtc) {
          await this.enqueue(schedule.name, parseJobPayload(schedule.name, {}), { singletonKey: `schedule:${schedule.name}:${day}` });
        }
      }
      await this.db
        .deleteFrom('jobs')
        .where('status', '=', 'done')
        .where('updated_at', '<', new Date(now.getTime() - DONE_RETENTION_MS).toISOString())
        .execute();
    } catch (error) {
      this.logger.error({ err: describeError(error) }, 'job schedule check failed');
    }
  }

  private async loop(name: JobName, handlers: JobHandlers): Promise<void> {
    while (this.running) {
      let didWork = false;
      try {
        didWork = await this.runOne(name, handlers);
      } catch (error) {
        this.logger.error({ job: name, err: describeError(error) }, 'job queue error');
      }
      if (!didWork && this.running) await this.sleep(name);
    }
  }

  private sleep(name: JobName): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakers.set(name, done);
    });
  }

  /** Claims and runs one job; false when there was nothing to do. */
  private async runOne<K extends JobName>(name: K, handlers: JobHandlers): Promise<boolean> {
    const now = this.now();
    const nowIso = now.toISOString();
    const candidate = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', name)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', nowIso)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
        ]),
      )
      .orderBy('run_after')
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return false;
    const handler = handlers[name];
    const payload = parseJobPayload(name, JSON.parse(candidate.payload_json));

    if (candidate.status === 'running' && candidate.attempts >= candidate.max_attempts) {
      // The last attempt crashed: give up instead of running it a further time.
      const claimed = await this.db
        .updateTable('jobs')
        .set({ status: 'failed', last_error: 'worker stopped during the last attempt', locked_until: null, updated_at: nowIso })
        .where('id', '=', candidate.id)
        .where('attempts', '=', candidate.attempts)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) await this.giveUp(name, handler, payload, new Error('worker stopped during the last attempt'));
      return true;
    }

    const attempt = candidate.attempts + 1;
    const claimed = await this.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: attempt, locked_by: this.workerId, locked_until: this.leaseEnd(), updated_at: nowIso })
      .where('id', '=', candidate.id)
      .where('attempts', '=', candidate.attempts)
      .where('status', '=', candidate.status)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return true; // another worker was faster

    const controller = new AbortController();
    this.controllers.add(controller);
    const renew = setInterval(() => {
      void this.db
        .updateTable('jobs')
        .set({ locked_until: this.leaseEnd() })
        .where('id', '=', candidate.id)
        .where('locked_by', '=', this.workerId)
        .execute()
        .catch((error: unknown) => this.logger.warn({ job: name, err: describeError(error) }, 'lease renewal failed'));
    }, (this.leaseSeconds * 1000) / 3);
    try {
      await handler.run(payload, { attempt, isLastAttempt: attempt >= candidate.max_attempts, signal: controller.signal });
      clearInterval(renew);
      if (candidate.singleton_key) {
        await this.db.updateTable('jobs').set({ status: 'done', locked_until: null, updated_at: this.now().toISOString() }).where('id', '=', candidate.id).execute();
      } else {
        await this.db.deleteFrom('jobs').where('id', '=', candidate.id).execute();
      }
    } catch (error) {
      clearInterval(renew);
      const later = this.now();
      if (controller.signal.aborted) {
        // Stopping is not the job's fault: hand it back at once, without using up an attempt.
        await this.db
          .updateTable('jobs')
          .set({ status: 'queued', attempts: candidate.attempts, locked_until: null, locked_by: null, run_after: later.toISOString(), updated_at: later.toISOString() })
          .where('id', '=', candidate.id)
          .execute();
      } else if (attempt >= candidate.max_attempts) {
        this.logger.error({ job: name, attempt, err: describeError(error) }, 'job failed for the last time');
        await this.db
          .updateTable('jobs')
          .set({ status: 'failed', locked_until: null, last_error: describeError(error).message, updated_at: later.toISOString() })
          .where('id', '=', candidate.id)
          .execute();
        await this.giveUp(name, handler, payload, error);
      } else {
        const delayMs = jobPolicies[name].retryDelaySeconds * 1000 * 2 ** (attempt - 1);
        this.logger.warn({ job: name, attempt, retryInMs: delayMs, err: describeError(error) }, 'job failed, will retry');
        await this.db
          .updateTable('jobs')
          .set({
            status: 'queued',
            locked_until: null,
            locked_by: null,
            last_error: describeError(error).message,
            run_after: new Date(later.getTime() + delayMs).toISOString(),
            updated_at: later.toISOString(),
          })
          .where('id', '=', candidate.id)
          .execute();
      }
    } finally {
      this.controllers.delete(controller);
    }
    return true;
  }

  private leaseEnd(): string {
    return new Date(this.now().getTime() + this.leaseSeconds * 1000).toISOString();
  }

  private async giveUp<K extends JobName>(name: K, handler: JobHandlers[K], payload: JobMap[K], error: unknown): Promise<void> {
    try {
      await (handler.onGiveUp as ((p: JobMap[K], e: unknown) => Promise<void>) | undefined)?.(payload, error);
    } catch (giveUpError) {
      this.logger.error({ job: name, err: describeError(giveUpError) }, 'onGiveUp failed');
    }
  }
}
