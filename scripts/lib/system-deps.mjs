import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { log, run } from './run.mjs';

/**
 * System programs the project shells out to, and the Debian package that ships each.
 * ffmpeg/ffprobe process media, espeak-ng and sox generate the demo and test speech,
 * chromium runs the end-to-end tests.
 */
export const SYSTEM_TOOLS = /** @type {const} */ ({
  ffmpeg: 'ffmpeg',
  ffprobe: 'ffmpeg',
  'espeak-ng': 'espeak-ng',
  sox: 'sox',
  chromium: 'chromium',
});

/** @typedef {keyof typeof SYSTEM_TOOLS} SystemTool */

/** @type {SystemTool[]} */
export const START_TOOLS = ['ffmpeg', 'ffprobe', 'espeak-ng', 'sox'];
/** @type {SystemTool[]} */
export const TEST_TOOLS = [...START_TOOLS, 'chromium'];

/**
 * Full path of an executable on PATH, or null.
 * @param {string} name
 * @param {string} [path]
 * @returns {string | null}
 */
export function findExecutable(name, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * @param {readonly SystemTool[]} tools
 * @returns {SystemTool[]}
 */
export function missingTools(tools) {
  return tools.filter((tool) => findExecutable(tool) === null);
}

/**
 * Debian packages that provide the given tools, without duplicates.
 * @param {readonly SystemTool[]} tools
 */
export function packagesFor(tools) {
  return [...new Set(tools.map((tool) => SYSTEM_TOOLS[tool]))];
}

let aptUpdated = false;

/**
 * Makes sure the given system programs exist. Installs the missing ones with apt-get when we are
 * root on a Debian-like system; otherwise throws an Error whose message says what to install.
 * @param {readonly SystemTool[]} tools
 * @returns {Promise<void>}
 */
export async function ensureSystemTools(tools) {
  const missing = missingTools(tools);
  if (missing.length === 0) return;

  const packages = packagesFor(missing);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = findExecutable('apt-get') !== null;
  if (isRoot && hasApt) {
    log(`Missing system tools: ${missing.join(', ')}. Installing: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let ok = true;
    if (!aptUpdated) {
      ok = (await run('apt-get', ['update'], { env })) === 0;
      aptUpdated = ok;
    }
    if (!ok) throw new Error(installMessage(missing, 'apt-get update failed.'));
    ok = (await run('apt-get', ['install', '-y', ...packages], { env })) === 0;
    const stillMissing = missingTools(tools);
    if (ok && stillMissing.length === 0) return;
    throw new Error(
      installMessage(
        stillMissing.length ? stillMissing : missing,
        ok ? 'apt-get install ran, but they are still not on PATH.' : 'apt-get install failed.',
      ),
    );
  }
  throw new Error(
    installMessage(missing, isRoot ? 'apt-get is not available.' : 'Not running as root, so they cannot be installed automatically.'),
  );
}

/**
 * @param {readonly SystemTool[]} missing
 * @param {string} reason
 */
function installMessage(missing, reason) {
  const packages = packagesFor(missing).join(' ');
  return [
    `Missing system tools: ${missing.join(', ')}. ${reason}`,
    `Install them and run the command again:`,
    `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${packages}`,
    `  other systems: install ${packages} with your package manager, so that these commands are on PATH: ${missing.join(', ')}`,
  ].join('\n');
}
