import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { DatabaseJobQueue } from './database-queue.js';
import type { JobQueue } from './job-map.js';
import type { JobLogger } from './logger.js';
import { PgBossJobQueue } from './pg-boss-queue.js';

export * from './job-map.js';
export { DatabaseJobQueue, PgBossJobQueue };
export { describeError, silentJobLogger, type JobLogger } from './logger.js';

/** The database queue by default; pg-boss when the database is PostgreSQL. */
export function createJobQueue(config: Pick<Config, 'database' | 'role' | 'jobs'>, database: DatabaseHandle, logger: JobLogger): JobQueue {
  if (config.database.kind === 'postgres') {
    return new PgBossJobQueue({ connectionString: config.database.url, worker: config.role !== 'api', logger, ...(config.jobs ? { leaseSeconds: config.jobs.leaseSeconds } : {}) });
  }
  return new DatabaseJobQueue(database.db, { logger, ...(config.jobs ? { leaseSeconds: config.jobs.leaseSeconds } : {}) });
}
