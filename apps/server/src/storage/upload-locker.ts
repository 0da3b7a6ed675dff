import { ERRORS, MemoryLocker, type Lock, type Locker, type RequestRelease } from '@tus/server';
import pg from 'pg';

const RELEASE_CHANNEL = 'spreekkamer_upload_release';
/** The first half of every advisory lock key, so ours never meet another application's locks. */
const LOCK_NAMESPACE = 0x53_4b_55_50; // "SKUP"
const RETRY_MS = 100;

export interface PostgresUploadLockerOptions {
  connectionString: string;
  acquireTimeoutMs?: number;
}

/**
 * Serialises requests on one tus upload across every API process that shares the PostgreSQL
 * database: two PATCHes for the same upload through different processes would otherwise both
 * append at the same offset. One connection per process holds this process's session-level
 * advisory locks and listens for release requests, so a client that reconnects after a network
 * drop (through any process) asks the stale request to let go, as tus's in-memory locker does
 * within one process.
 */
export class PostgresUploadLocker implements Locker {
  private readonly held = new Map<string, RequestRelease>();
  private readonly acquiring = new Set<string>();
  private connection: Promise<pg.Client> | null = null;
  readonly acquireTimeoutMs: number;

  constructor(private readonly options: PostgresUploadLockerOptions) {
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
  }

  newLock(id: string): Lock {
    return new PostgresUploadLock(id, this);
  }

  /** True when this process now holds the lock; otherwise the holder, here or elsewhere, was asked to release it. */
  async tryAcquire(id: string, requestRelease: RequestRelease): Promise<boolean> {
    const localHolder = this.held.get(id);
    if (localHolder || this.acquiring.has(id)) {
      await localHolder?.();
      return false;
    }
    this.acquiring.add(id);
    try {
      const client = await this.client();
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS locked', [LOCK_NAMESPACE, id]);
      if (result.rows[0]?.locked === true) {
        this.held.set(id, requestRelease);
        return true;
      }
      await client.query('SELECT pg_notify($1, $2)', [RELEASE_CHANNEL, id]);
      return false;
    } finally {
      this.acquiring.delete(id);
    }
  }

  async release(id: string): Promise<void> {
    if (!this.held.delete(id)) throw new Error('Releasing an unlocked lock');
    const client = await this.client();
    await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [LOCK_NAMESPACE, id]);
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    if (connection) await (await connection.catch(() => null))?.end().catch(() => undefined);
  }

  private client(): Promise<pg.Client> {
    this.connection ??= this.connect();
    return this.connection;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.connectionString });
    // A lost connection drops its advisory locks in PostgreSQL; the next request connects anew.
    client.on('error', () => {
      this.connection = null;
    });
    client.on('notification', (message) => {
      if (message.channel === RELEASE_CHANNEL && message.payload) void this.held.get(message.payload)?.();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RELEASE_CHANNEL}`);
      return client;
    } catch (error) {
      this.connection = null;
      await client.end().catch(() => undefined);
      throw error;
    }
  }
}

class PostgresUploadLock implements Lock {
  constructor(
    private readonly id: string,
    private readonly locker: PostgresUploadLocker,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.locker.acquireTimeoutMs;
    while (!signal.aborted && Date.now() < deadline) {
      if (await this.locker.tryAcquire(this.id, requestRelease)) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    throw ERRORS.ERR_LOCK_TIMEOUT;
  }

  unlock(): Promise<void> {
    return this.locker.release(this.id);
  }
}

/** The embedded (SQLite) mode runs one process, where tus's own in-memory locker suffices. */
export function createUploadLocker(database: { kind: 'sqlite' } | { kind: 'postgres'; url: string }): Locker & { close(): Promise<void> } {
  if (database.kind === 'postgres') return new PostgresUploadLocker({ connectionString: database.url });
  return Object.assign(new MemoryLocker(), { close: () => Promise.resolve() });
}
