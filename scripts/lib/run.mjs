import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Runs a command with inherited stdio and resolves with its exit code (never rejects on a
 * non-zero exit: callers decide what a failure means).
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<number>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    running.add(child);
    child.once('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
  });
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/**
 * Passes a signal on to the commands started by run() that are still running, so that stopping
 * a script does not leave its children behind.
 * @param {NodeJS.Signals} signal
 */
export function signalRunning(signal) {
  for (const child of running) child.kill(signal);
}

/** @param {NodeJS.Signals} signal */
function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 }[String(signal)] ?? 0;
}

/**
 * Path of a locally installed npm executable; spawned directly, no shell and no npx lookup.
 * @param {string} name  file name under node_modules/.bin
 */
export function localBin(name) {
  return join(repoRoot, 'node_modules', '.bin', name);
}

/** @param {string} message */
export function log(message) {
  process.stdout.write(`[spreekkamer] ${message}\n`);
}
