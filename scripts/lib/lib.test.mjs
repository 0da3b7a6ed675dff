import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.mjs';
import { npmInstallNeeded } from './npm-deps.mjs';
import { ensurePostgres, findPostgresBin } from './postgres.mjs';
import { findExecutable, packagesFor } from './system-deps.mjs';
import { readCounts } from './vitest-report.mjs';
import { firstLoadJavaScript, webBuildNeeded } from './web-build.mjs';

/** @type {string[]} */
const temps = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'spreekkamer-lib-test-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * @param {string} path
 * @param {number} secondsAgo
 */
function write(path, secondsAgo) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const time = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, time, time);
}

describe('freePort', () => {
  it('returns a port a server can listen on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(undefined));
    });
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('findExecutable', () => {
  it('finds programs on the given PATH only', () => {
    const dir = tempDir();
    write(join(dir, 'tool'), 0);
    expect(findExecutable('tool', dir)).toBeNull(); // not executable
    const tool = join(dir, 'tool');
    chmodSync(tool, 0o755);
    expect(findExecutable('tool', `/nonexistent:${dir}`)).toBe(tool);
    expect(findExecutable('tool', '/nonexistent')).toBeNull();
  });

  it('maps tools to Debian packages without duplicates', () => {
    expect(packagesFor(['ffmpeg', 'ffprobe', 'sox'])).toEqual(['ffmpeg', 'sox']);
  });
});

describe('npmInstallNeeded', () => {
  it('is true without node_modules and when the lock file changed after the install', () => {
    const root = tempDir();
    write(join(root, 'package-lock.json'), 100);
    expect(npmInstallNeeded(root)).toBe(true);
    write(join(root, 'node_modules', '.package-lock.json'), 50);
    expect(npmInstallNeeded(root)).toBe(false);
    write(join(root, 'package-lock.json'), 10);
    expect(npmInstallNeeded(root)).toBe(true);
  });
});

describe('webBuildNeeded', () => {
  it('is true without a build and when any source is newer than the build', () => {
    const root = tempDir();
    write(join(root, 'apps/web/index.html'), 100);
    write(join(root, 'apps/web/src/deep/main.tsx'), 100);
    write(join(root, 'packages/shared/src/index.ts'), 100);
    expect(webBuildNeeded(root)).toBe(true);
    write(join(root, 'apps/web/dist/index.html'), 50);
    expect(webBuildNeeded(root)).toBe(false);
    write(join(root, 'packages/shared/src/api/schema.ts'), 10);
    expect(webBuildNeeded(root)).toBe(true);
    write(join(root, 'apps/web/dist/index.html'), 0);
    write(join(root, 'apps/web/src/deep/main.tsx'), -5);
    expect(webBuildNeeded(root)).toBe(true);
  });
});

describe('readCounts', () => {
  it('adds test files that failed to load to the failures', () => {
    const file = join(tempDir(), 'report.json');
    writeFileSync(
      file,
      JSON.stringify({
        numPassedTests: 7,
        numFailedTests: 1,
        numPendingTests: 2,
        numTodoTests: 1,
        testResults: [
          { status: 'failed', assertionResults: [] },
          { status: 'failed', assertionResults: [{}] },
          { status: 'passed', assertionResults: [{}] },
        ],
      }),
    );
    expect(readCounts(file)).toEqual({ passed: 7, failed: 2, skipped: 3 });
    expect(readCounts(join(tempDir(), 'missing.json'))).toBeNull();
  });
});

describe('ensurePostgres', () => {
  const saved = { url: process.env.TEST_DATABASE_URL, force: process.env.SPREEKKAMER_PG_FORCE_PRIVATE };
  afterEach(() => {
    for (const [key, value] of [
      ['TEST_DATABASE_URL', saved.url],
      ['SPREEKKAMER_PG_FORCE_PRIVATE', saved.force],
    ]) {
      if (value === undefined) delete process.env[/** @type {string} */ (key)];
      else process.env[/** @type {string} */ (key)] = value;
    }
  });

  it('refuses an unreachable TEST_DATABASE_URL with a clear message', async () => {
    process.env.TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    await expect(ensurePostgres()).rejects.toThrow(/TEST_DATABASE_URL is set, but connecting to it failed/);
  });

  it('starts a private cluster that can create databases, and removes it on stop', { timeout: 60_000 }, async () => {
    delete process.env.TEST_DATABASE_URL;
    process.env.SPREEKKAMER_PG_FORCE_PRIVATE = '1';
    if (!findPostgresBin()) {
      await expect(ensurePostgres()).rejects.toThrow(/need PostgreSQL/);
      return;
    }
    const pgHandle = await ensurePostgres();
    expect(pgHandle.source).toBe('private');
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: pgHandle.url });
    await client.connect();
    await client.query('create database spreekkamer_probe');
    await client.query('drop database spreekkamer_probe');
    const dataDir = (await client.query('show data_directory')).rows[0].data_directory;
    await client.end();
    expect(existsSync(dataDir)).toBe(true);

    await pgHandle.stop();
    expect(existsSync(dataDir)).toBe(false);
    const port = Number(new URL(pgHandle.url).port);
    const refused = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});

describe('firstLoadJavaScript', () => {
  it('counts the entry and the preloaded chunks, not the lazy ones', () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<script type="module" crossorigin src="/assets/index-a.js"></script><link rel="modulepreload" crossorigin href="/assets/chunk-b.js"><link rel="stylesheet" href="/assets/index.css">');
    writeFileSync(join(dist, 'assets', 'index-a.js'), 'a'.repeat(1000));
    writeFileSync(join(dist, 'assets', 'chunk-b.js'), 'b'.repeat(500));
    writeFileSync(join(dist, 'assets', 'lazy-c.js'), 'c'.repeat(5000));
    const measured = firstLoadJavaScript(dist);
    expect(measured.files).toBe(2);
    expect(measured.rawBytes).toBe(1500);
    expect(measured.gzipBytes).toBeGreaterThan(0);
    expect(measured.gzipBytes).toBeLessThan(200);
  });
});
