import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.mjs';
import { findExecutable } from './system-deps.mjs';
import { log } from './run.mjs';

export const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * @typedef {object} PostgresHandle
 * @property {string} url   maintenance database; the role may create and drop databases
 * @property {'env' | 'local' | 'private'} source
 * @property {() => Promise<void>} stop   stops and deletes a private cluster; no-op otherwise
 */

/**
 * Finds a PostgreSQL server for the integration tests, in this order: TEST_DATABASE_URL;
 * the local server on 127.0.0.1:5432 (skipped when SPREEKKAMER_PG_FORCE_PRIVATE=1); a private
 * throwaway cluster started from the PostgreSQL server binaries. Throws when none works.
 * @returns {Promise<PostgresHandle>}
 */
export async function ensurePostgres() {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    await probe(fromEnv, 5000).catch((error) => {
      throw new Error(`TEST_DATABASE_URL is set, but connecting to it failed: ${describe(error)}`);
    });
    return { url: fromEnv, source: 'env', stop: async () => {} };
  }
  if (process.env.SPREEKKAMER_PG_FORCE_PRIVATE !== '1') {
    try {
      await probe(DEFAULT_URL, 2000);
      return { url: DEFAULT_URL, source: 'local', stop: async () => {} };
    } catch {
      // not running there; try a private cluster
    }
  }
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      [
        'The integration tests need PostgreSQL, and none was found:',
        `  - TEST_DATABASE_URL is not set,`,
        `  - nothing usable answers on ${DEFAULT_URL},`,
        `  - no PostgreSQL server binaries (initdb, postgres) on PATH or in /usr/lib/postgresql/*/bin.`,
        'Fix one of these: set TEST_DATABASE_URL to a database whose role may create databases,',
        'or install the server binaries (Debian/Ubuntu: apt-get install -y postgresql).',
      ].join('\n'),
    );
  }
  return startPrivateCluster(bin);
}

/**
 * Directory that holds initdb and postgres, or null.
 * @returns {string | null}
 */
export function findPostgresBin() {
  const onPath = findExecutable('initdb');
  if (onPath) {
    // Debian links only some programs into /usr/bin or /usr/local/bin; the real directory has all.
    const dir = dirname(realpathSync(onPath));
    if (existsSync(join(dir, 'postgres'))) return dir;
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(base, version, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  }
  return null;
}

/**
 * @param {string} url
 * @param {number} timeoutMs
 */
async function probe(url, timeoutMs) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const result = await client.query(
      'select rolsuper or rolcreatedb as ok from pg_roles where rolname = current_user',
    );
    if (!result.rows[0]?.ok) throw new Error('the role may not create databases');
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` system user
 * (created when missing). Returns the ids to run as, or undefined when we are not root.
 * @returns {{ uid: number, gid: number } | undefined}
 */
function clusterOwner() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  let owner = lookupUser('postgres');
  if (!owner) {
    const result = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'inherit',
    });
    owner = lookupUser('postgres');
    if (result.status !== 0 || !owner) {
      throw new Error('initdb refuses to run as root, and creating the system user "postgres" (useradd) failed.');
    }
  }
  return owner;
}

/**
 * @param {string} name
 * @returns {{ uid: number, gid: number } | undefined}
 */
function lookupUser(name) {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  const fields = line?.split(':');
  if (!fields || fields.length < 4) return undefined;
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * @param {string} bin
 * @returns {Promise<PostgresHandle>}
 */
async function startPrivateCluster(bin) {
  const owner = clusterOwner();
  // The cluster's owner must be able to reach the folder; TMPDIR could be below /root.
  const dir = mkdtempSync(join(owner ? '/tmp' : tmpdir(), 'spreekkamer-pg-'));
  const dataDir = join(dir, 'data');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };

  log(`Starting a private PostgreSQL cluster in ${dir}…`);
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { cwd: dir, env, encoding: 'utf8', ...asOwner },
  );
  if (init.status !== 0) {
    removeDir();
    throw new Error(`initdb failed (exit code ${init.status}):\n${init.stdout ?? ''}${init.stderr ?? ''}`);
  }

  const port = await freePort();
  // Durability settings off: the cluster is thrown away after the run and speed matters more.
  const server = spawn(
    join(bin, 'postgres'),
    [
      '-D', dataDir,
      '-p', String(port),
      '-k', dir,
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=200',
    ],
    { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'], ...asOwner },
  );
  let serverLog = '';
  server.stderr?.on('data', (chunk) => {
    serverLog = (serverLog + chunk).slice(-20_000);
  });
  /** @type {number | null} */
  let exitCode = null;
  const exited = new Promise((resolve) => {
    server.once('exit', (code) => {
      exitCode = code ?? -1;
      resolve(undefined);
    });
  });
  // If the test run dies without calling stop(), do not leave a server or files behind.
  const onExit = () => {
    if (exitCode === null) server.kill('SIGQUIT');
    removeDir();
  };
  process.once('exit', onExit);

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (exitCode === null) {
      server.kill('SIGINT'); // fast shutdown
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    removeDir();
  };

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`The private PostgreSQL server stopped while starting (exit code ${exitCode}):\n${serverLog}`);
    }
    try {
      await probe(url, 1000);
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`The private PostgreSQL server did not accept connections within 30 s: ${describe(error)}\n${serverLog}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  log(`Private PostgreSQL cluster ready on port ${port}.`);
  return { url, source: 'private', stop };
}
