import type { AuditLog } from '../audit/audit-log.js';
import type { DatabaseHandle } from '../db/database.js';
import { createRepositories, type Repositories } from '../db/repositories/index.js';

/** What a write may use inside its transaction: every repository and the audit log, bound to it. */
export interface TransactionScope {
  repositories: Repositories;
  audit: AuditLog;
}

export interface UnitOfWorkDependencies {
  database: DatabaseHandle;
  masterKey: Buffer;
  audit: AuditLog;
}

/**
 * A service write and its audit entry in one database transaction: both land, or neither does.
 *
 *   await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
 *     await repositories.comments.insert(row);
 *     await audit.record({ ... });
 *   });
 *
 * Inside `work`, use only the scope's repositories and audit log. SQLite has one connection: a
 * query through a repository that is not bound to the transaction waits for it forever. Keep the
 * work short (reads and checks before, no media, network or mail inside), and let the first
 * statement be the write, so SQLite takes its write lock at once.
 */
export class UnitOfWork {
  constructor(private readonly deps: UnitOfWorkDependencies) {}

  async run<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
    let afterCommit: () => Promise<void> = () => Promise.resolve();
    const result = await this.deps.database.db.transaction().execute(async (trx) => {
      const repositories = createRepositories({ ...this.deps.database, db: trx }, this.deps.masterKey);
      const bound = this.deps.audit.boundTo(repositories.audit);
      afterCommit = bound.afterCommit;
      return work({ repositories, audit: bound.audit });
    });
    await afterCommit();
    return result;
  }
}
