import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestServer } from './harness.js';

/**
 * Raw-bytes scans of the database (issue 8): SQLite main file, -wal and -shm read as bytes; on
 * PostgreSQL a pg_dump and, where this process may read them, the database's own data files and
 * the WAL. Used to prove texts are never in the database as plain bytes.
 */

/** A recognisable random text to look for. */
export function marker(what: string): string {
  return `${what}-${randomBytes(6).toString('hex')}`;
}

function findPgDump(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', 'pg_dump');
    if (existsSync(candidate)) return candidate;
  }
  return 'pg_dump';
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Everything a raw copy of the database holds right now, as one buffer per source. */
export async function rawDatabase(server: TestServer): Promise<{ name: string; bytes: Buffer }[]> {
  const config = server.config.database;
  if (config.kind === 'sqlite') {
    return [config.file, `${config.file}-wal`, `${config.file}-shm`].filter((file) => existsSync(file)).map((file) => ({ name: path.basename(file), bytes: readFileSync(file) }));
  }
  const db = server.spreekkamer.database.db;
  const sources = [{ name: 'pg_dump', bytes: execFileSync(findPgDump(), ['--no-owner', config.url], { maxBuffer: 256 * 1024 * 1024 }) }];
  // The data files hold dead tuples and the WAL holds every change; a superuser can flush and
  // locate them. Where this process may read them (root on the test machines), they are scanned too.
  try {
    await sql`checkpoint`.execute(db);
    const dataDir = (await sql<{ setting: string }>`select current_setting('data_directory') as setting`.execute(db)).rows[0]?.setting;
    const oid = (await sql<{ oid: number }>`select oid from pg_database where datname = current_database()`.execute(db)).rows[0]?.oid;
    if (dataDir && oid !== undefined) {
      const dirs = [path.join(dataDir, 'base', String(oid)), path.join(dataDir, 'pg_wal')];
      for (const file of dirs.flatMap((dir) => filesUnder(dir))) {
        if (statSync(file).size > 0) sources.push({ name: path.relative(dataDir, file), bytes: readFileSync(file) });
      }
    }
  } catch {
    // Not a superuser or not on this machine: the pg_dump scan still runs.
  }
  return sources;
}

/** Which of the texts appear as plain bytes, and where. */
export async function plainOccurrences(server: TestServer, texts: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name, bytes } of await rawDatabase(server)) {
    for (const text of texts) if (bytes.includes(Buffer.from(text, 'utf8'))) found.push(`${text} in ${name}`);
  }
  return found;
}
