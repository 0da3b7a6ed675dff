// `npm run bench` part: load. Simulated staff users on a realistic mix of authenticated reads
// against a real server process (or several), next to `/health` and a static asset as the
// ceiling, all with the same client in the same run, so the ratios mean something.
//
// Closed loop: every user sends its next request as soon as the previous one is answered (as fast
// as it goes). Open loop: requests start at a fixed rate whatever the answers do, and latency is
// counted from the moment a request was due, so a slow server cannot hide its queue
// (coordinated omission).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.mjs';
import { repoRoot } from './run.mjs';

const password = 'bench-wachtwoord-lang-genoeg';
const professionalEmail = 'klantmanager@voorbeeld.nl';

/**
 * @typedef {{ method?: string, path: string, body?: unknown, label: string }} Step
 * @typedef {{ cookie: string, csrf: string, steps: Step[], next: number }} User
 * @typedef {{ requests: number, seconds: number, errors: number, errorSample: string, latencies: Float64Array }} Measured
 */

/** One keep-alive connection pool per base URL, big enough for every simulated user. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/**
 * @param {string} base
 * @param {{ method?: string, path: string, headers?: Record<string, string>, body?: string }} request
 * @returns {Promise<{ status: number, body: Buffer, headers: http.IncomingHttpHeaders }>}
 */
function send(base, request) {
  return new Promise((resolve, reject) => {
    const url = new URL(request.path, base);
    const req = http.request(url, { method: request.method ?? 'GET', headers: request.headers, agent }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** @param {string} base @param {User | null} user @param {Step} step */
function sendStep(base, user, step) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (user) headers.cookie = user.cookie;
  const method = step.method ?? 'GET';
  if (user && method !== 'GET') headers['x-csrf-token'] = user.csrf;
  let body;
  if (step.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(step.body);
  }
  return send(base, { method, path: step.path, headers, body });
}

/** @param {string} base @param {{ cookie: string, csrf: string } | null} user @param {string} p @param {{ method?: string, body?: unknown }} [options] */
async function json(base, user, p, options = {}) {
  const response = await sendStep(base, user ? { ...user, steps: [], next: 0 } : null, { path: p, label: p, ...options });
  if (response.status >= 400) throw new Error(`${options.method ?? 'GET'} ${p}: ${response.status} ${response.body.toString().slice(0, 300)}`);
  return response.status === 204 ? null : JSON.parse(response.body.toString());
}

/** @param {string} base @param {string} email */
async function logIn(base, email) {
  const response = await send(base, { method: 'POST', path: '/api/session', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`log-in ${email}: ${response.status} ${response.body.toString().slice(0, 300)}`);
  const setCookie = response.headers['set-cookie'] ?? [];
  const cookie = setCookie.find((c) => c.startsWith('sk_session='))?.split(';')[0] ?? '';
  return { cookie, csrf: JSON.parse(response.body.toString()).csrfToken };
}

/**
 * Starts `cli.ts start` with the demo organisation and its processed sample recording.
 * @param {{ dataDir: string, env?: Record<string, string>, role?: string, execArgv?: string[], root?: string }} options
 *   root: the checkout to run (another one measures a baseline side by side; default this one)
 */
export async function startBenchServer({ dataDir, env = {}, role = 'all', execArgv = [], root = repoRoot }) {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', 'apps/server/src/cli.ts', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_PASSWORD: password,
      DEMO_SEED: 'true',
      DEMO_RECORDING: 'true',
      LOG_LEVEL: 'warn',
      ROLE: role,
      // 200 users log in within seconds from one address.
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server not ready:\n${log}`);
    if (role === 'worker' ? log.includes('Spreekkamer-werker draait') : (await send(url, { path: '/ready' }).catch(() => null))?.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, output: () => log };
}

/** Stops a server and waits until it is gone (a CPU profile is written on the way out). */
export function stopServer(/** @type {import('node:child_process').ChildProcess} */ child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve(undefined));
    child.kill('SIGTERM');
  });
}

/**
 * Everything the mix needs: the processed demo recording, a moment with a comment on it, a
 * feedback conversation, the playlist, its key and segment addresses; then `count` sessions.
 * @param {string} base
 * @param {number} count
 */
export async function prepareUsers(base, count) {
  const owner = await logIn(base, professionalEmail);
  const deadline = Date.now() + 180_000;
  /** @type {{ id: string, status: string } | undefined} */
  let recording;
  for (;;) {
    const list = await json(base, owner, '/api/recordings');
    const items = Array.isArray(list) ? list : (list.items ?? list.recordings ?? []);
    recording = items.find((/** @type {{ status: string }} */ r) => r.status === 'ready');
    if (recording) break;
    const failed = items.find((/** @type {{ status: string }} */ r) => r.status === 'failed');
    if (failed) throw new Error(`the demo recording failed to process: ${JSON.stringify(failed)}`);
    if (Date.now() > deadline) throw new Error('the demo recording was not ready within 3 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const id = recording.id;
  // The conversation rhythm is analysed after processing; measuring while that runs would
  // measure the analysis.
  for (;;) {
    const rhythm = await json(base, owner, `/api/recordings/${id}/rhythm`);
    if (rhythm.status !== 'pending') break;
    if (Date.now() > deadline) throw new Error('the demo recording\'s rhythm was not analysed within 3 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const moment = await json(base, owner, `/api/recordings/${id}/moments`, { method: 'POST', body: { startSeconds: 5, endSeconds: 15, title: 'Open vraag over werk', themes: [], notes: '' } });
  await json(base, owner, `/api/moments/${moment.id}/comments`, { method: 'POST', body: { atSeconds: 8, kind: 'observation', body: 'Hier vat je goed samen wat meneer zegt.' } });

  /** @type {User[]} */
  const users = [];
  // Log-ins hash a password each: a few at a time, so the server is not busy for the first users.
  for (let i = 0; i < count; i += 4) {
    const batch = await Promise.all(Array.from({ length: Math.min(4, count - i) }, () => logIn(base, professionalEmail)));
    for (const session of batch) users.push({ ...session, steps: [], next: 0 });
  }
  // The playlist and key addresses are signed per viewer: each user asks for its own.
  await Promise.all(
    users.map(async (user, index) => {
      const descriptor = await json(base, user, `/api/recordings/${id}/playback`, { method: 'POST' });
      const playlistPath = new URL(descriptor.playlistUrl, base);
      const playlist = (await sendStep(base, user, { path: playlistPath.pathname + playlistPath.search, label: 'playlist' })).body.toString();
      const keyUri = /URI="([^"]+)"/.exec(playlist)?.[1];
      const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
      if (!keyUri || segments.length === 0) throw new Error(`unexpected playlist:\n${playlist.slice(0, 500)}`);
      const key = new URL(keyUri, playlistPath);
      const segment = new URL(segments[index % segments.length] ?? '', playlistPath);
      user.steps = mix(id, moment.id, playlistPath.pathname + playlistPath.search, key.pathname + key.search, segment.pathname + segment.search);
      user.next = index % user.steps.length;
    }),
  );
  return { users, recordingId: id };
}

/**
 * One staff member's visit, read-only: home, lists, the recording page and its player
 * (playlist, key, a segment), moments and comments, the feedback page, check answers.
 * @returns {Step[]}
 */
function mix(/** @type {string} */ recordingId, /** @type {string} */ momentId, /** @type {string} */ playlist, /** @type {string} */ key, /** @type {string} */ segment) {
  return [
    { label: 'home: session', path: '/api/session' },
    { label: 'home: notifications', path: '/api/notifications' },
    { label: 'home: feedback', path: '/api/feedback/home' },
    { label: 'list: recordings', path: '/api/recordings' },
    { label: 'list: clients', path: '/api/clients' },
    { label: 'recording page', path: `/api/recordings/${recordingId}` },
    { label: 'playlist', path: playlist },
    { label: 'key', path: key },
    { label: 'segment', path: segment },
    { label: 'moments', path: `/api/recordings/${recordingId}/moments` },
    { label: 'comments', path: `/api/moments/${momentId}/comments` },
    { label: 'feedback page', path: '/api/feedback' },
    { label: 'check answers', path: '/api/alliance/overview' },
  ];
}

/** @param {Float64Array} sorted @param {number} p */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** @param {Measured} m */
export function summarise(m) {
  const sorted = m.latencies.slice().sort();
  return {
    requestsPerSecond: m.requests / m.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: m.errors,
    errorSample: m.errorSample,
    requests: m.requests,
  };
}

/**
 * @param {string[]} bases  one per API process; users are spread over them
 * @param {(User | null)[]} users
 * @param {(user: User | null) => Step} nextStep
 */
function recorder(bases, users, nextStep) {
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  let errorSample = '';
  /** @param {number} index @param {number} startedAt */
  async function one(index, startedAt) {
    const user = users[index % users.length] ?? null;
    const step = nextStep(user);
    const base = bases[index % bases.length] ?? '';
    try {
      const response = await sendStep(base, user, step);
      if (response.status >= 400) {
        errors += 1;
        errorSample ||= `${step.label}: ${response.status} ${response.body.toString().slice(0, 200)}`;
      }
    } catch (error) {
      errors += 1;
      errorSample ||= `${step.label}: ${error instanceof Error ? error.message : String(error)}`;
    }
    latencies.push(performance.now() - startedAt);
  }
  return { one, result: () => ({ latencies: Float64Array.from(latencies), errors, errorSample }) };
}

/**
 * As fast as it goes: `concurrency` users, each sending its next request when the last is answered.
 * @param {string[]} bases @param {(User | null)[]} users @param {(user: User | null) => Step} nextStep @param {number} seconds @param {number} concurrency
 * @returns {Promise<Measured>}
 */
export async function closedLoop(bases, users, nextStep, seconds, concurrency) {
  const r = recorder(bases, users, nextStep);
  const started = performance.now();
  const until = started + seconds * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        requests += 1;
        await r.one(worker, performance.now());
      }
    }),
  );
  return { ...r.result(), requests, seconds: (performance.now() - started) / 1000 };
}

/**
 * A fixed rate whatever the server does; latency from when each request was due.
 * @param {string[]} bases @param {(User | null)[]} users @param {(user: User | null) => Step} nextStep @param {number} seconds @param {number} rate
 * @returns {Promise<Measured>}
 */
export async function openLoop(bases, users, nextStep, seconds, rate) {
  const r = recorder(bases, users, nextStep);
  const started = performance.now();
  const total = Math.round(seconds * rate);
  /** @type {Promise<void>[]} */
  const pending = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(r.one(i, due));
  }
  await Promise.all(pending);
  return { ...r.result(), requests: total, seconds: (performance.now() - started) / 1000 };
}

/**
 * CPU seconds the server processes have used (Linux /proc; elsewhere NaN). On a shared machine
 * wall-clock rates follow the neighbours' load; CPU time per request follows our own code.
 * @param {number[]} pids
 */
function cpuSeconds(pids) {
  let ticks = 0;
  try {
    for (const pid of pids) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return NaN;
  }
  return ticks / 100;
}

/** The smallest built asset: the static route's own cost, not the disk's. */
export function staticAssetPath() {
  const dir = path.join(repoRoot, 'apps', 'web', 'dist', 'assets');
  const files = readdirSync(dir).filter((name) => /\.(js|css)$/.test(name));
  files.sort((a, b) => statSync(path.join(dir, a)).size - statSync(path.join(dir, b)).size);
  if (!files[0]) throw new Error('no built assets in apps/web/dist/assets');
  return `/assets/${files[0]}`;
}

/** The steps of the staff mix in turn, per user. */
export function staffMix(/** @type {User | null} */ user) {
  if (!user) throw new Error('the staff mix needs users');
  const step = user.steps[user.next % user.steps.length];
  user.next += 1;
  if (!step) throw new Error('empty mix');
  return step;
}

/**
 * CPU the server processes use when nobody asks anything (timers, the worker's polling, a
 * collection after the last burst), per second: subtracted from each scenario, so an open loop's
 * CPU per request is the requests' own and not the idle process's divided by a few requests.
 * @param {number[]} pids
 */
export async function idleCpuPerSecond(pids, seconds = 3) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = cpuSeconds(pids);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return (cpuSeconds(pids) - before) / ((performance.now() - started) / 1000);
}

/**
 * Measures one scenario and the server CPU it cost: gross per request, and net of the idle rate.
 * @param {number[]} pids @param {number} idlePerSecond @param {() => Promise<Measured>} measure
 */
export async function withCpu(pids, idlePerSecond, measure) {
  const before = cpuSeconds(pids);
  const raw = await measure();
  const cpu = cpuSeconds(pids) - before;
  const measured = summarise(raw);
  return { ...measured, cpuMs: (cpu * 1000) / measured.requests, netCpuMs: (Math.max(0, cpu - idlePerSecond * raw.seconds) * 1000) / measured.requests };
}

/**
 * The three scenarios side by side, closed and/or open loop.
 * @param {{ bases: string[], pids: number[], users: User[], seconds: number, rate: number, concurrency: number, say: (line: string) => void, label: string, loops?: ('closed' | 'open')[] }} options
 */
export async function measureSideBySide({ bases, pids, users, seconds, rate, concurrency, say, label, loops = ['closed', 'open'] }) {
  const asset = staticAssetPath();
  /** @type {Record<string, (user: User | null) => Step>} */
  const scenarios = {
    '/health': () => ({ path: '/health', label: '/health' }),
    'static asset': () => ({ path: asset, label: 'static asset' }),
    'staff mix': staffMix,
  };
  const idle = await idleCpuPerSecond(pids);
  /** @type {Record<string, Awaited<ReturnType<typeof withCpu>>>} */
  const results = {};
  // Warm up each (JIT, caches, connections) before measuring.
  for (const [name, next] of Object.entries(scenarios)) {
    const scenarioUsers = name === 'staff mix' ? users : [null];
    await closedLoop(bases, scenarioUsers, next, Math.min(2, seconds), concurrency);
    if (loops.includes('closed')) results[`${name}, closed`] = await withCpu(pids, idle, () => closedLoop(bases, scenarioUsers, next, seconds, concurrency));
    if (loops.includes('open')) results[`${name}, open ${rate}/s`] = await withCpu(pids, idle, () => openLoop(bases, scenarioUsers, next, seconds, rate));
  }
  say(`  ${label}`);
  say(`    server CPU when idle: ${(idle * 1000).toFixed(0)} ms per second (subtracted in "net")`);
  say('    scenario                      req/s     p50 ms   p95 ms   p99 ms   errors   server CPU ms/request: gross    net');
  for (const [name, r] of Object.entries(results)) {
    say(`    ${name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(6)}   ${r.p50.toFixed(1).padStart(6)}   ${r.p95.toFixed(1).padStart(6)}   ${r.p99.toFixed(1).padStart(6)}   ${String(r.errors).padStart(6)}   ${r.cpuMs.toFixed(2).padStart(28)} ${r.netCpuMs.toFixed(2).padStart(6)}${r.errorSample ? `  (${r.errorSample})` : ''}`);
  }
  for (const loop of loops) {
    const suffix = loop === 'closed' ? 'closed' : `open ${rate}/s`;
    const mix = results[`staff mix, ${suffix}`];
    for (const ceiling of ['/health', 'static asset']) {
      const other = results[`${ceiling}, ${suffix}`];
      if (!mix || !other) continue;
      const byRate = loop === 'closed' ? `${(mix.requestsPerSecond / other.requestsPerSecond).toFixed(2)} of the requests per second, ` : '';
      say(`    authenticated reads / ${ceiling} (${loop} loop): ${byRate}${(other.netCpuMs / mix.netCpuMs).toFixed(2)} by net server CPU per request (${(other.cpuMs / mix.cpuMs).toFixed(2)} gross)`);
    }
  }
  say(`    (${concurrency} users in the closed loop; machine load average ${loadavg()[0]?.toFixed(1)}: wall-clock figures follow it, CPU per request hardly does)`);
  return results;
}

/**
 * This checkout and another (a baseline) measured in turn on the same machine in the same minutes:
 * rounds of the staff mix's closed loop on each, alternating, CPU per request per round.
 * @param {{ current: { url: string, pid: number, users: User[] }, baseline: { url: string, pid: number, users: User[] }, seconds: number, concurrency: number, rounds?: number, say: (line: string) => void }} options
 */
export async function measureAgainstBaseline({ current, baseline, seconds, concurrency, rounds = 3, say }) {
  const sides = { current, baseline };
  /** @type {Record<string, { mix: number[], health: number[] }>} */
  const cpu = { current: { mix: [], health: [] }, baseline: { mix: [], health: [] } };
  const idle = { current: await idleCpuPerSecond([current.pid]), baseline: await idleCpuPerSecond([baseline.pid]) };
  for (const side of Object.values(sides)) {
    await closedLoop([side.url], side.users, staffMix, Math.min(2, seconds), concurrency);
    await closedLoop([side.url], [null], () => ({ path: '/health', label: '/health' }), Math.min(2, seconds), concurrency);
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, side] of Object.entries(sides)) {
      const entry = cpu[name];
      const idleRate = idle[/** @type {'current' | 'baseline'} */ (name)];
      if (!entry) continue;
      entry.mix.push((await withCpu([side.pid], idleRate, () => closedLoop([side.url], side.users, staffMix, seconds, concurrency))).netCpuMs);
      entry.health.push((await withCpu([side.pid], idleRate, () => closedLoop([side.url], [null], () => ({ path: '/health', label: '/health' }), seconds, concurrency))).netCpuMs);
    }
  }
  const median = (/** @type {number[]} */ values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  say(`  Side by side with the baseline (${rounds} alternating rounds of ${seconds} s, closed loop, net server CPU ms per request, median [all rounds])`);
  for (const name of ['baseline', 'current']) {
    const entry = cpu[name];
    if (!entry) continue;
    const list = (/** @type {number[]} */ values) => values.map((v) => v.toFixed(2)).join(' ');
    say(`    ${name.padEnd(9)} staff mix ${median(entry.mix).toFixed(2)} [${list(entry.mix)}]   /health ${median(entry.health).toFixed(2)} [${list(entry.health)}]   /health / staff mix by CPU ${(median(entry.health) / median(entry.mix)).toFixed(2)}`);
  }
}

/** A fresh PostgreSQL database for one bench run, dropped afterwards. */
export async function freshPostgresDatabase(/** @type {string} */ maintenanceUrl) {
  const { default: pg } = await import('pg');
  const name = `spreekkamer_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: maintenanceUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
