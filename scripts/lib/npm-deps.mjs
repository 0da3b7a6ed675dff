import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { log, repoRoot, run } from './run.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * True when node_modules is missing or older than package-lock.json. npm writes
 * node_modules/.package-lock.json on every install, so its time is when we last installed.
 * @param {string} [root]
 */
export function npmInstallNeeded(root = repoRoot) {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  const lock = join(root, 'package-lock.json');
  if (!existsSync(lock)) return true;
  return statSync(lock).mtimeMs > statSync(installed).mtimeMs;
}

/**
 * Installs npm packages when needed, following package-lock.json. Not `npm ci`: the lock only
 * lists the optional platform packages (rollup, esbuild…) for this platform, because the registry
 * here serves no others, and `npm ci` refuses such a lock while `npm install` honours it.
 * onnxruntime's postinstall would download binaries from the internet; the silero-vad package we
 * use ships what it needs, so skip it.
 * @returns {Promise<boolean>} whether an install ran
 */
export async function ensureNodeModules(root = repoRoot) {
  if (!npmInstallNeeded(root)) return false;
  const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' };
  log('Installing npm packages (npm install, following package-lock.json)…');
  const code = await run(npm, ['install', '--no-audit', '--no-fund'], { cwd: root, env });
  if (code !== 0) throw new Error(`Installing npm packages failed (exit code ${code}). See the npm output above.`);
  // npm install may rewrite package-lock.json after writing node_modules/.package-lock.json;
  // mark the install as the newer of the two so the next run does not install again.
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed)) {
    const now = new Date();
    utimesSync(installed, now, now);
  }
  return true;
}
