import { z } from 'zod';

/**
 * Every background job and its payload. Payloads cross process boundaries (database rows,
 * pg-boss), so they are parsed again before a handler sees them.
 */
export const jobPayloadSchemas = {
  /** Probe, package as encrypted HLS, peaks, poster, then delete the original upload. */
  'recording.process': z.object({ recordingId: z.string().uuid() }),
  /** Remove every file and derived row of a recording whose key was already destroyed. */
  'recording.erase': z.object({ recordingId: z.string().uuid(), uploadId: z.string().min(1).max(200).nullable() }),
  /** Daily: delete recordings whose retention ended, warn a week before, recover stalled uploads. */
  'recordings.retention': z.object({}),
  /** Demo seed: make the sample conversation media and hand it to the normal pipeline. */
  'recording.demo': z.object({ recordingId: z.string().uuid() }),
  /** Daily: e-mail each participant the learning-round reminder due today, once. */
  'learning.reminders': z.object({}),
  /** Daily: e-mail each person who asked for it how many new notifications wait (a count and a link only). */
  'notifications.digest': z.object({}),
  /** After processing: who speaks when (conversation rhythm), sealed under the recording's key. */
  'recording.rhythm': z.object({ recordingId: z.string().uuid() }),
  /** A "niet delen" stretch cut out of the stored media; times in the database move along. */
  'recording.stretch_cut': z.object({ stretchId: z.string().uuid() }),
  /** A shared moment, cut exactly into its own encrypted HLS with its own key. */
  'share.cut': z.object({ cutId: z.string().uuid() }),
  /** The files of cuts whose rows (salts, so keys) were already deleted. */
  'share.cuts.erase': z.object({ recordingId: z.string().uuid(), cutIds: z.array(z.string().uuid()).max(1000) }),
  /** Daily and at each share's expiry: cuts of ended shares lose their salt and files. */
  'share.cuts.sweep': z.object({}),
} as const;

export type JobName = keyof typeof jobPayloadSchemas;
export type JobMap = { [K in JobName]: z.infer<(typeof jobPayloadSchemas)[K]> };
export const jobNames = Object.keys(jobPayloadSchemas) as JobName[];

export interface JobContext {
  /** 1 for the first run. */
  attempt: number;
  isLastAttempt: boolean;
  /** Aborted when the process stops; the job is then handed back without using up an attempt. */
  signal: AbortSignal;
}

export interface JobHandler<K extends JobName> {
  run(payload: JobMap[K], context: JobContext): Promise<void>;
  /** Called once when the last attempt failed (including a crash on the last attempt). */
  onGiveUp?(payload: JobMap[K], error: unknown): Promise<void>;
}

/** A handler for every job: leaving one out is a compile error, and assertCompleteHandlers refuses it at boot. */
export type JobHandlers = { [K in JobName]: JobHandler<K> };

export interface JobPolicy {
  maxAttempts: number;
  /** Doubles after every failed attempt. */
  retryDelaySeconds: number;
}

export const jobPolicies: { [K in JobName]: JobPolicy } = {
  'recording.process': { maxAttempts: 4, retryDelaySeconds: 15 },
  'recording.erase': { maxAttempts: 10, retryDelaySeconds: 10 },
  'recordings.retention': { maxAttempts: 3, retryDelaySeconds: 60 },
  'recording.demo': { maxAttempts: 3, retryDelaySeconds: 10 },
  'learning.reminders': { maxAttempts: 3, retryDelaySeconds: 300 },
  'recording.rhythm': { maxAttempts: 3, retryDelaySeconds: 30 },
  'share.cut': { maxAttempts: 3, retryDelaySeconds: 15 },
  'recording.stretch_cut': { maxAttempts: 3, retryDelaySeconds: 30 },
  'share.cuts.erase': { maxAttempts: 10, retryDelaySeconds: 10 },
  'share.cuts.sweep': { maxAttempts: 3, retryDelaySeconds: 60 },
  'notifications.digest': { maxAttempts: 3, retryDelaySeconds: 300 },
};

/** Daily schedules, as the UTC hour to run at. */
export const dailySchedules: { name: JobName; hourUtc: number }[] = [
  { name: 'recordings.retention', hourUtc: 3 },
  { name: 'learning.reminders', hourUtc: 7 },
  { name: 'share.cuts.sweep', hourUtc: 4 },
  { name: 'notifications.digest', hourUtc: 6 },
];

export function assertCompleteHandlers(handlers: Partial<Record<string, Partial<JobHandler<JobName>>>>): void {
  const missing = jobNames.filter((name) => typeof handlers[name]?.run !== 'function');
  if (missing.length > 0) throw new Error(`No job handler for: ${missing.join(', ')}. Refusing to start the worker.`);
}

export function parseJobPayload<K extends JobName>(name: K, payload: unknown): JobMap[K] {
  return jobPayloadSchemas[name].parse(payload) as JobMap[K];
}

export interface EnqueueOptions {
  /** While a job with this key is queued or running (or done today, for schedules), another is not added. */
  singletonKey?: string;
  delaySeconds?: number;
}

/** What operators see of one job name across the whole cluster (the queue is shared). */
export interface JobQueueStat {
  name: JobName;
  /** Due and not taken by a worker. */
  waiting: number;
  running: number;
  /** Age of the oldest due job that waits; 0 when none waits. */
  oldestWaitingSeconds: number;
}

export interface JobQueue {
  readonly kind: 'database' | 'pg-boss';
  /** One row per job name, for /metrics. */
  stats(): Promise<JobQueueStat[]>;
  enqueue<K extends JobName>(name: K, payload: JobMap[K], options?: EnqueueOptions): Promise<void>;
  /** Starts running jobs in this process (worker and all roles), with the daily schedules. */
  work(handlers: JobHandlers): Promise<void>;
  stop(): Promise<void>;
}
