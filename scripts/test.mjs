// `npm test`: everything CI checks, in order, stopping at the first failure. Only Node built-ins
// (and our own helpers, which use only built-ins) are imported at the top, because node_modules
// may not exist yet.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNodeModules } from './lib/npm-deps.mjs';
import { readCounts } from './lib/vitest-report.mjs';
import { localBin, log, repoRoot, run, signalRunning } from './lib/run.mjs';
import { START_TOOLS, TEST_TOOLS, ensureSystemTools, findExecutable } from './lib/system-deps.mjs';
import { ensureWebBuild } from './lib/web-build.mjs';

const STEPS = /** @type {const} */ (['deps', 'typecheck', 'lint', 'api-lint', 'unit', 'sqlite', 'node24', 'postgres', 'build', 'e2e']);
/** @typedef {(typeof STEPS)[number]} Step */

const HELP = `Usage: npm test [-- [--only STEPS] [--skip STEPS] [-- VITEST_ARGS…]]

Steps, run in this order, stopping at the first failure:
  deps       install npm packages and system tools (ffmpeg, espeak-ng, sox; chromium for e2e)
  typecheck  tsc -p for the root, each workspace and e2e
  lint       eslint .
  api-lint   the OpenAPI document of a real app instance, linted against the API Design Rules
             (api/adr-spectral.yml, Spectral); fails on errors
  unit       vitest --project unit
  sqlite     vitest --project integration with TEST_DB=sqlite
  node24     the unit and sqlite steps again on Node 24 (node@24 from the npm registry and
             better-sqlite3 built for it, both kept in .cache/node24; the first run builds)
  postgres   vitest --project integration with TEST_DB=postgres and TEST_DATABASE_URL
  build      build the web app (npm run build -w @spreekkamer/web) when sources changed
  e2e        vitest --project e2e (browser tests against the production build)

Options:
  --only a,b   run only these steps (deps always runs first), e.g. --only unit,sqlite
  --skip a,b   run all steps but these
  -- ARGS      passed to every vitest run, e.g. a file filter: npm test -- --only unit -- envelope
  -h, --help   this text

Environment:
  TEST_DATABASE_URL             PostgreSQL maintenance database for the postgres step (else
                                127.0.0.1:5432, else a private throwaway cluster)
  SPREEKKAMER_PG_FORCE_PRIVATE  1 = do not use 127.0.0.1:5432, start a private cluster
`;

/** @param {string[]} argv */
function parseArgs(argv) {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const vitestArgs = separator === -1 ? [] : argv.slice(separator + 1);
  /** @type {Set<Step>} */
  let selected = new Set(STEPS);
  for (let i = 0; i < own.length; i++) {
    const arg = own[i] ?? '';
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(HELP);
      process.exit(0);
    }
    const match = /^--(only|skip)(?:=(.*))?$/.exec(arg);
    if (!match) fail(`Unknown option: ${arg}\n\n${HELP}`);
    const value = match[2] ?? own[++i];
    if (!value) fail(`${arg} needs a comma-separated list of steps: ${STEPS.join(', ')}`);
    const names = value.split(',').map((name) => name.trim()).filter(Boolean);
    for (const name of names) {
      if (!STEPS.includes(/** @type {Step} */ (name))) fail(`Unknown step "${name}". Steps: ${STEPS.join(', ')}`);
    }
    const set = new Set(/** @type {Step[]} */ (names));
    selected = match[1] === 'only' ? new Set(STEPS.filter((s) => set.has(s))) : new Set([...selected].filter((s) => !set.has(s)));
  }
  selected.add('deps');
  return { selected, vitestArgs };
}

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { selected, vitestArgs } = parseArgs(process.argv.slice(2));
const tempDir = mkdtempSync(join(tmpdir(), 'spreekkamer-test-'));

/** @type {{ passed: number, failed: number, skipped: number }} */
const totals = { passed: 0, failed: 0, skipped: 0 };

/**
 * @typedef {object} StepResult
 * @property {Step} step
 * @property {'passed' | 'failed' | 'skipped' | 'not run'} status
 * @property {number} ms
 * @property {string} note
 */
/** @type {StepResult[]} */
const results = [];

/** @type {(() => Promise<void>)[]} */
const cleanups = [];

/**
 * Runs vitest for one project and adds its counts to the totals.
 * @param {string} project
 * @param {Record<string, string>} env
 * @returns {Promise<string>} note for the summary
 */
async function vitest(project, env = {}) {
  const jsonFile = join(tempDir, `${project}-${results.length}.json`);
  const code = await run(
    localBin('vitest'),
    [
      'run',
      '--project', project,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${jsonFile}`,
      ...vitestArgs,
    ],
    { env: { ...process.env, ...env } },
  );
  const counts = readCounts(jsonFile);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  if (code !== 0) throw new Error(`vitest exited with code ${code}`);
  if (!counts) return 'no test report';
  return counts.passed + counts.failed + counts.skipped === 0
    ? 'no tests'
    : `${counts.passed} passed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
}

/** @param {string} dir */
function hasTypeScript(dir) {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    if (entry.isDirectory() ? hasTypeScript(join(dir, entry.name)) : /\.(ts|tsx|mts|cts)$/.test(entry.name)) return true;
  }
  return false;
}

/** @type {Record<Step, () => Promise<string | void>>} */
const actions = {
  async deps() {
    await ensureNodeModules();
    await ensureSystemTools(selected.has('e2e') ? TEST_TOOLS : START_TOOLS);
    // Awaited in the node24 step; until then a failure must not end the process unhandled.
    if (selected.has('node24')) node24Setup().catch(() => {});
  },
  async typecheck() {
    const projects = ['.', 'packages/shared', 'apps/server', 'apps/web', 'e2e'];
    /** @type {string[]} */
    const checked = [];
    /** @type {string[]} */
    const failed = [];
    for (const project of projects) {
      const dir = join(repoRoot, project);
      if (!existsSync(join(dir, 'tsconfig.json'))) continue;
      // tsc fails on a project without inputs; a workspace that has no code yet has nothing to check.
      if (project !== '.' && !hasTypeScript(dir)) continue;
      log(`tsc -p ${project}`);
      // Check every project before failing, so one run shows all type errors.
      const code = await run(localBin('tsc'), ['-p', join(project, 'tsconfig.json')]);
      (code === 0 ? checked : failed).push(project === '.' ? 'root' : project);
    }
    if (failed.length) throw new Error(`type errors in ${failed.join(', ')}`);
    return checked.join(', ');
  },
  async lint() {
    const code = await run(localBin('eslint'), ['.']);
    if (code !== 0) throw new Error('eslint found problems');
  },
  async 'api-lint'() {
    const document = join(tempDir, 'openapi.json');
    if ((await run(localBin('tsx'), [join(repoRoot, 'scripts/lib/write-openapi.ts'), document])) !== 0) throw new Error('could not write the OpenAPI document');
    const code = await run(localBin('spectral'), ['lint', '--quiet', '--fail-severity', 'error', '--ruleset', join(repoRoot, 'api/adr-spectral.yml'), document]);
    if (code !== 0) throw new Error('the OpenAPI document breaks the API Design Rules');
    return 'API Design Rules: 0 errors';
  },
  unit: () => vitest('unit'),
  sqlite: () => vitest('integration', { TEST_DB: 'sqlite' }),
  async node24() {
    const node24 = await node24Setup();
    log(`Node ${node24.version}: unit`);
    const unit = await vitest('unit', node24.env);
    log(`Node ${node24.version}: integration on SQLite`);
    const sqlite = await vitest('integration', { ...node24.env, TEST_DB: 'sqlite' });
    return `Node ${node24.version}${node24.note ? ` (${node24.note})` : ''}: unit ${unit}; sqlite ${sqlite}`;
  },
  async postgres() {
    const { ensurePostgres } = await import('./lib/postgres.mjs');
    const pg = await ensurePostgres();
    cleanups.push(pg.stop);
    try {
      const note = await vitest('integration', { TEST_DB: 'postgres', TEST_DATABASE_URL: pg.url });
      return `${note} (${pg.source} server)`;
    } finally {
      cleanups.splice(cleanups.indexOf(pg.stop), 1);
      await pg.stop();
    }
  },
  async build() {
    return ensureWebBuild();
  },
  e2e: () => vitest('e2e', { CHROMIUM_PATH: findExecutable('chromium') ?? '/usr/bin/chromium' }),
};

/**
 * Installs Node 24 and builds better-sqlite3 for it (a single-threaded compile of a few minutes
 * on a fresh clone), started once: by the deps step, so it runs in the background while typecheck
 * and lint use one core each, and awaited by the node24 step.
 */
function node24Setup() {
  node24Ready ??= (async () => {
    const cacheDir = join(repoRoot, '.cache', 'node24');
    mkdirSync(cacheDir, { recursive: true });
    const logFile = join(cacheDir, 'setup.log');
    rmSync(logFile, { force: true });
    const { ensureNode24 } = await import('./lib/node24.mjs');
    return ensureNode24({ logFile });
  })();
  return node24Ready;
}

/** @type {ReturnType<typeof import('./lib/node24.mjs').ensureNode24> | null} */
let node24Ready = null;

/** @param {number} ms */
function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** @param {Step | null} failedStep */
function printSummary(failedStep) {
  const rows = results.map((r) => [r.step, r.status, r.status === 'not run' || r.status === 'skipped' ? '' : seconds(r.ms), r.note]);
  const header = ['step', 'result', 'time', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  /** @param {string[]} cells */
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const total = results.reduce((sum, r) => sum + r.ms, 0);
  process.stdout.write(
    `\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n` +
      `${line(['total', '', seconds(total), ''])}\n\n`,
  );
  if (failedStep) process.stdout.write(`npm test FAILED at step "${failedStep}".\n`);
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
}

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  rmSync(tempDir, { recursive: true, force: true });
}

/** @type {NodeJS.Signals | null} */
let interrupted = null;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    // First signal: let the running command stop, then clean up (private PostgreSQL, temp files)
    // and report as usual. A second one stops at once.
    if (interrupted) process.exit(130);
    interrupted = signal;
    signalRunning(signal);
  });
}

let failedStep = /** @type {Step | null} */ (null);
for (const step of STEPS) {
  if (!selected.has(step)) {
    results.push({ step, status: 'skipped', ms: 0, note: 'not selected' });
    continue;
  }
  if (failedStep || interrupted) {
    results.push({ step, status: 'not run', ms: 0, note: '' });
    continue;
  }
  log(`── step: ${step}`);
  const started = performance.now();
  try {
    const note = await actions[step]();
    if (interrupted) throw new Error(`interrupted (${interrupted})`);
    results.push({ step, status: 'passed', ms: performance.now() - started, note: note ?? '' });
  } catch (error) {
    const message = interrupted ? `interrupted (${interrupted})` : error instanceof Error ? error.message : String(error);
    results.push({ step, status: 'failed', ms: performance.now() - started, note: message.split('\n')[0] ?? '' });
    failedStep = step;
    process.stderr.write(`\nStep "${step}" failed: ${message}\n`);
  }
}

await cleanUp();
printSummary(failedStep);
if (interrupted) process.exit(interrupted === 'SIGINT' ? 130 : 143);
if (failedStep || totals.failed > 0) process.exit(1);
