import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * Second line behind crypto-shredding, after content was deleted: SQLite moves the WAL into the
   * main file (where secure_delete has zeroed deleted rows) and truncates it. PostgreSQL has no
   * equivalent (dead tuples, WAL and replicas are beyond an application's reach); there the
   * sealed texts are the only line. Best effort: a busy checkpoint is simply tried next time.
   */
  scrub(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === 'sqlite') {
    const sqlite = new SQLite(target.file);
    // WAL lets the worker and API read while one writes; busy_timeout waits instead of failing.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten with zeros instead of lingering in free pages.
    sqlite.pragma('secure_delete = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    const scrub = async () => {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    };
    return { db, kind: 'sqlite', scrub, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
  // An idle connection that the server ends (a restart, a failover, an administrator) emits an
  // error on the pool; unhandled, that would crash the process. The pool drops that connection
  // and opens a new one on the next query, so there is nothing else to do here.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', scrub: () => Promise.resolve(), close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew, and on SQLite preparing (parsing and planning the SQL) cost
 * more than running most of our reads: about a sixth of a busy API process's time under load.
 * The same few hundred statements come back all the time, so they are kept, least recently used
 * dropped first. A kept statement stays valid after a migration: SQLite re-prepares it itself.
 * No query is streamed (`stream()` would hold its statement busy), so sharing them is safe.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 1000): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (statements.size >= size) statements.delete(statements.keys().next().value ?? '');
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

export async function isDatabaseReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
