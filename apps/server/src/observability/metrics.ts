import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { BlobNotFoundError, type BlobStore } from '../storage/blob-store.js';
import type { JobHandlers, JobName, JobQueue } from '../jobs/job-map.js';

/**
 * Operators' view of one process, in the Prometheus text format. Every label is drawn from a
 * closed set chosen here (route templates, job names, storage operations, status classes), never
 * from a request's values, so no id, token, name or e-mail address can reach a series.
 */
export interface Metrics {
  readonly registry: Registry;
  /** `route` is the route's template (`/api/recordings/:id`), or null when no route matched. */
  observeRequest(method: string, route: string | null, statusCode: number, seconds: number): void;
  /** The queue whose depth and age are read at every scrape. */
  watchQueue(queue: Pick<JobQueue, 'stats'>): void;
}

const STORAGE_OPERATIONS = ['put', 'putFile', 'getStream', 'getBuffer', 'size', 'exists', 'delete', 'deletePrefix', 'list'] as const satisfies readonly (keyof BlobStore)[];
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function createMetrics(): Metrics & {
  readonly jobDuration: Histogram<'job' | 'outcome'>;
  readonly storageErrors: Counter<'operation'>;
} {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'spreekkamer_' });
  const requestDuration = new Histogram({
    name: 'spreekkamer_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'spreekkamer_job_duration_seconds',
    help: 'Background job runs by job name and outcome (done or failed).',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800],
    registers: [registry],
  });
  const storageErrors = new Counter({
    name: 'spreekkamer_storage_errors_total',
    help: 'Failed calls to the media store (local disk or S3) by operation; a missing object is not counted.',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  let watched: Pick<JobQueue, 'stats'> | null = null;
  // The three queue gauges are collected together at each scrape: they share one query.
  let reading: Promise<Awaited<ReturnType<JobQueue['stats']>>> | null = null;
  const readStats = () => {
    if (!watched) return Promise.resolve([]);
    reading ??= watched.stats().finally(() => {
      reading = null;
    });
    return reading;
  };
  new Gauge({
    name: 'spreekkamer_jobs_waiting',
    help: 'Jobs queued and due, by job name (the whole cluster: the queue is shared).',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const stat of await readStats()) this.set({ job: stat.name }, stat.waiting);
    },
  });
  new Gauge({
    name: 'spreekkamer_jobs_running',
    help: 'Jobs being run by some worker, by job name.',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const stat of await readStats()) this.set({ job: stat.name }, stat.running);
    },
  });
  new Gauge({
    name: 'spreekkamer_jobs_oldest_waiting_seconds',
    help: 'Age of the oldest due job that no worker has taken yet, by job name (0 when none waits).',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const stat of await readStats()) this.set({ job: stat.name }, stat.oldestWaitingSeconds);
    },
  });

  return {
    registry,
    jobDuration,
    storageErrors,
    observeRequest(method, route, statusCode, seconds) {
      requestDuration.observe(
        { method: KNOWN_METHODS.has(method) ? method : 'OTHER', route: route ?? 'unmatched', status: `${Math.floor(statusCode / 100)}xx` },
        seconds,
      );
    },
    watchQueue(queue) {
      watched = queue;
    },
  };
}

/** The same store, counting its failures; a missing object is an answer, not a storage error. */
export function instrumentBlobStore(store: BlobStore, errors: Counter<'operation'>): BlobStore {
  const instrumented = { ...store };
  for (const operation of STORAGE_OPERATIONS) {
    const call = store[operation].bind(store) as (...args: unknown[]) => Promise<unknown>;
    (instrumented as Record<string, unknown>)[operation] = async (...args: unknown[]) => {
      try {
        return await call(...args);
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) errors.inc({ operation });
        throw error;
      }
    };
  }
  return instrumented;
}

/** The same handlers, timing each run; a run that throws counts as failed (it may be retried). */
export function instrumentJobHandlers(handlers: JobHandlers, durations: Histogram<'job' | 'outcome'>): JobHandlers {
  const timed = { ...handlers };
  for (const name of Object.keys(handlers) as JobName[]) {
    const handler = handlers[name];
    const run = handler.run.bind(handler) as (payload: unknown, context: Parameters<typeof handler.run>[1]) => Promise<void>;
    (timed as Record<JobName, unknown>)[name] = {
      ...(handler.onGiveUp ? { onGiveUp: handler.onGiveUp.bind(handler) } : {}),
      async run(payload: unknown, context: Parameters<typeof handler.run>[1]) {
        const stop = durations.startTimer({ job: name });
        try {
          await run(payload, context);
          stop({ outcome: 'done' });
        } catch (error) {
          stop({ outcome: 'failed' });
          throw error;
        }
      },
    };
  }
  return timed;
}
