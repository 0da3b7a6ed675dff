import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../config.js';
import { createSpreekkamer } from '../main.js';
import { recordingPrefix } from '../domain/recordings/blob-keys.js';
import { unwrapKey } from '../crypto/envelope.js';
import { ShredLedger } from './shred-ledger.js';

/** What a backup folder holds besides the database and the media: never a secret. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: 'sqlite';
  mediaFiles: number;
  mediaBytes: number;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

const DATABASE_FILE = 'spreekkamer.sqlite';
const MEDIA_DIR = 'blobs';
const MANIFEST_FILE = 'manifest.json';

async function isEmptyFolder(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function filesUnder(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: true });
  } catch {
    return { files, bytes };
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

function requireEmbedded(config: Config): { file: string } {
  if (config.database.kind !== 'sqlite') {
    throw new BackupError('This command backs up the embedded set-up (SQLite and local media). With PostgreSQL, use pg_dump or point-in-time recovery, and the object store\'s own versioning (see README, "Running in production").');
  }
  if (config.s3) throw new BackupError('Media lives in S3: back it up with the store\'s own versioning and replication (see README).');
  return config.database;
}

/**
 * A consistent copy while the server runs: SQLite's online backup API copies the database page
 * by page under its own lock, then the media follows. Media of a recording made after the
 * snapshot is extra and harmless; the master key and the shred ledger are never copied.
 */
export async function backup(config: Config, target: string): Promise<BackupManifest> {
  const database = requireEmbedded(config);
  if (!(await isEmptyFolder(target))) throw new BackupError(`${target} is not empty; choose a new folder for every backup.`);
  await mkdir(target, { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(database.file, { readonly: true, fileMustExist: true });
  try {
    await sqlite.backup(path.join(target, DATABASE_FILE));
  } finally {
    sqlite.close();
  }
  const media = path.join(config.dataDir, MEDIA_DIR);
  if (existsSync(media)) await cp(media, path.join(target, MEDIA_DIR), { recursive: true, preserveTimestamps: true });
  const counted = await filesUnder(path.join(target, MEDIA_DIR));
  const manifest: BackupManifest = { format: 1, createdAt: new Date().toISOString(), database: 'sqlite', mediaFiles: counted.files, mediaBytes: counted.bytes };
  await writeFile(path.join(target, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifest;
}

export interface RestoreResult {
  auditEntries: number;
  counts: { organisations: number; users: number; clients: number; recordings: number; recordingsPlayable: number };
  shreddedAgain: number;
}

/**
 * Restores a backup into the configured data folder, which must be empty unless `force`. Then it
 * destroys again every recording key the shred ledger names (withdrawals made after the backup),
 * migrates, and verifies the audit chain; a broken chain fails the restore.
 */
export async function restore(config: Config, source: string, options: { force: boolean; ledgerFile?: string }): Promise<RestoreResult> {
  const database = requireEmbedded(config);
  const manifestText = await readFile(path.join(source, MANIFEST_FILE), 'utf8').catch(() => null);
  if (!manifestText || !existsSync(path.join(source, DATABASE_FILE))) throw new BackupError(`${source} is not a Spreekkamer backup (no ${MANIFEST_FILE} or database).`);
  const occupied = existsSync(database.file) || !(await isEmptyFolder(path.join(config.dataDir, MEDIA_DIR)));
  if (occupied && !options.force) throw new BackupError(`${config.dataDir} already holds a Spreekkamer database or media; restore into an empty folder, or add --force to overwrite it.`);

  const ledger = new ShredLedger(options.ledgerFile ?? ShredLedger.fileIn(config.dataDir));
  const shredded = await ledger.entries();
  // A stale write-ahead log would be replayed into the restored database: it goes first.
  for (const suffix of ['', '-wal', '-shm']) await rm(database.file + suffix, { force: true });
  await cp(path.join(source, DATABASE_FILE), database.file);
  const skip = new Set(shredded.map((entry) => recordingPrefix(entry.recordingId)));
  await cp(path.join(source, MEDIA_DIR), path.join(config.dataDir, MEDIA_DIR), {
    recursive: true,
    force: true,
    // Media of a withdrawn recording is not brought back at all.
    filter: (from) => {
      const relative = path.relative(path.join(source, MEDIA_DIR), from).split(path.sep).join('/');
      return ![...skip].some((prefix) => `${relative}/`.startsWith(prefix));
    },
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });

  const spreekkamer = await createSpreekkamer({ ...config, role: 'worker', demo: { seed: false, password: undefined } });
  try {
    let shreddedAgain = 0;
    for (const entry of shredded) {
      const row = await spreekkamer.repositories.recordings.findById(entry.recordingId);
      if (row && row.wrapped_key !== null && (await spreekkamer.recordings.eraser.destroy(row, entry.reason, null))) shreddedAgain += 1;
    }
    const sample = await spreekkamer.database.db.selectFrom('recordings').select('wrapped_key').where('wrapped_key', 'is not', null).executeTakeFirst();
    try {
      if (sample?.wrapped_key) unwrapKey(config.masterKey, sample.wrapped_key);
    } catch {
      throw new BackupError('The master key does not open the restored recordings. Set MASTER_KEY (or put back secrets.json) from where you keep it, then restore again with --force.');
    }
    const verification = await spreekkamer.audit.verify();
    if (!verification.ok) throw new BackupError(`The restored audit log is broken at entry ${verification.firstBrokenSeq}; do not use this copy.`);
    const db = spreekkamer.database.db;
    const count = async (table: 'organisations' | 'users' | 'clients' | 'recordings') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const playable = await db.selectFrom('recordings').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'ready').where('wrapped_key', 'is not', null).executeTakeFirstOrThrow();
    return {
      auditEntries: verification.checked,
      counts: { organisations: await count('organisations'), users: await count('users'), clients: await count('clients'), recordings: await count('recordings'), recordingsPlayable: Number(playable.n) },
      shreddedAgain,
    };
  } finally {
    await spreekkamer.close();
  }
}
