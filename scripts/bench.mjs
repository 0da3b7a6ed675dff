// `npm run bench`: recordings, measured in one run and reported as ratios.
//
// 1. Processing speed: a 10-minute 720p recording is uploaded to a real server process and timed
//    from the last uploaded byte until it is ready to play (probe, encrypted HLS, peaks, poster,
//    storing, deleting the original), for the remux path (H.264/AAC MP4, as phones and cameras
//    write it), the transcode path (VP8/Opus WebM, as most browsers record it) and the copy-video
//    path (H.264/Opus Matroska, what Chromium records with video/webm;codecs=h264,opus).
// 2. Streaming: requests per second and bytes per second of the authorised, encrypted segment
//    endpoint (session + signed token + recording check + blob store), compared with serving the
//    same bytes as plain static files (@fastify/static), both in their own process, with autocannon.
//
// 3. Cutting a shared span: a 2-minute fragment of the remux recording is decrypted from its
//    segments and cut exactly into its own encrypted HLS (re-encoded), as a share of that fragment
//    needs; reported as a multiple of the fragment's length.
//
// 4. The web app's first-load JavaScript (gzip), what a browser fetches before the log-in page shows.
//
// 5. Load: 200 simulated staff users on a mix of authenticated reads, closed and open loop, next
//    to /health and a static asset (scripts/lib/load.mjs); one API process on SQLite, then two
//    API processes and a worker on PostgreSQL.
//
// 6. Anonymous insight (scripts/bench-insight.mjs): the policy advisor's answer for 2,000 staff in
//    40 teams with two years of activity, as a multiple of a plain indexed count over the same rows.
//
// Options: --minutes N (default 10), --seconds N per throughput run (default 8),
// --part all|load (load: only part 5), --loop both|closed|open (part 5's loops; `--part load --loop
// open` measures the open loop's latency alone, for a quiet machine).
// Environment for part 5: BENCH_LOAD_SECONDS (per scenario, default 3), BENCH_LOAD_USERS (200),
// BENCH_LOAD_RATE (open loop, requests per second, default 50), BENCH_LOAD_POSTGRES (maintenance
// database URL, default postgres://postgres@127.0.0.1:5432/postgres; "off" skips configuration two),
// BENCH_LOAD_SQLITE=off (skips configuration one),
// BENCH_CPU_PROF=dir (write a --cpu-prof profile of each API process there),
// BENCH_LOAD_BASELINE=dir (another checkout with its dependencies, e.g. `git archive` of an older
// commit with node_modules linked: configuration one then also runs it and measures both in
// alternating rounds, CPU per request side by side).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { makeSpeechConversation } from './fixtures/make-media.mjs';
import { freshPostgresDatabase, measureAgainstBaseline, measureSideBySide, prepareUsers, startBenchServer, stopServer } from './lib/load.mjs';
import { repoRoot } from './lib/run.mjs';
import { ensureWebBuild, firstLoadJavaScript, onDemandJavaScript } from './lib/web-build.mjs';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, seconds: { type: 'string', default: '8' }, part: { type: 'string', default: 'all' }, loop: { type: 'string', default: 'both' } } });
if (!['both', 'closed', 'open'].includes(values.loop ?? '')) throw new Error('--loop is both, closed or open');
/** @type {('closed' | 'open')[]} */
const loops = values.loop === 'both' ? ['closed', 'open'] : [/** @type {'closed' | 'open'} */ (values.loop)];
const minutes = Number(values.minutes);
const loadSeconds = Number(values.seconds);
const password = 'bench-wachtwoord-lang-genoeg';
const cacheDir = path.join(os.tmpdir(), 'spreekkamer-bench');
const CLIP_SECONDS = 30;

function say(line) {
  process.stdout.write(`${line}\n`);
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed: ${err.slice(-500)}`))));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A `minutes`-long 720p recording: a 30-second clip (moving picture with sensor noise, two voices) looped with stream copy. */
const fixtureKinds = {
  remux: { ext: '.mp4', codec: 'h264', label: 'H.264/AAC' },
  transcode: { ext: '.webm', codec: 'vp8', label: 'VP8/Opus' },
  'copy-video': { ext: '.mkv', codec: 'h264', label: 'H.264/Opus' },
};

async function fixture(kind) {
  await mkdir(cacheDir, { recursive: true });
  const { ext, codec, label } = fixtureKinds[kind];
  const out = path.join(cacheDir, `conversation-${minutes}min-720p-${kind}${ext}`);
  if (existsSync(out)) return out;
  const clip = path.join(cacheDir, `clip-${CLIP_SECONDS}s-720p-${kind}${ext}`);
  if (!existsSync(clip)) {
    say(`  making a ${CLIP_SECONDS} s ${label} clip (once; cached in ${cacheDir}) …`);
    const partial = `${clip}.partial${ext}`;
    await makeSpeechConversation({ out: partial, seconds: CLIP_SECONDS, width: 1280, height: 720, codec, picture: 'busy' });
    await rename(partial, clip);
  }
  const loops = Math.ceil((minutes * 60) / CLIP_SECONDS) - 1;
  const partial = `${out}.partial${ext}`;
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', String(loops), '-i', clip, '-t', String(minutes * 60), '-c', 'copy', partial]);
  await rename(partial, out);
  return out;
}

/** The real server (cli.ts start) in its own process, on SQLite and the local disk. */
async function startServer(dataDir) {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_PASSWORD: password, DEMO_SEED: 'true', DEMO_RECORDING: 'false', LOG_LEVEL: 'warn', ROLE: 'all' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 90_000;
  while (!log.includes('Spreekkamer draait op')) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server not ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

async function startStaticServer(dir) {
  const port = await freePort();
  const code = `
    import Fastify from 'fastify';
    import fastifyStatic from '@fastify/static';
    const app = Fastify({ logger: false });
    await app.register(fastifyStatic, { root: ${JSON.stringify(dir)} });
    await app.listen({ host: '127.0.0.1', port: ${port} });
    process.stdout.write('ready\\n');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: path.join(repoRoot, 'apps/server'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
    child.once('exit', (c) => reject(new Error(`static server exited ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

class Agent {
  constructor(base, cookie, csrf) {
    this.base = base;
    this.cookie = cookie;
    this.csrf = csrf;
  }
  async fetch(p, { method = 'GET', body, headers = {} } = {}) {
    const h = { ...headers, cookie: this.cookie ?? '' };
    if (method !== 'GET' && method !== 'HEAD' && this.csrf) h['x-csrf-token'] = this.csrf;
    if (body !== undefined && !Buffer.isBuffer(body)) {
      h['content-type'] = 'application/json';
      body = JSON.stringify(body);
    }
    return fetch(new URL(p, this.base), { method, headers: h, body });
  }
  async json(p, options) {
    const response = await this.fetch(p, options);
    if (!response.ok) throw new Error(`${options?.method ?? 'GET'} ${p}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  }
}

async function login(base, email) {
  const response = await fetch(new URL('/api/session', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sk_session='))?.split(';')[0];
  return new Agent(base, cookie, (await response.json()).csrfToken);
}

async function consentedConversation(professional) {
  const client = await professional.json('/api/clients', { method: 'POST', body: { pseudonym: 'Bench' } });
  const conversation = await professional.json(`/api/clients/${client.id}/conversations`, { method: 'POST', body: { heldOn: '2026-11-20', kind: 'in_person' } });
  const access = await professional.json(`/api/clients/${client.id}/access`, { method: 'POST' });
  const opened = await fetch(new URL('/api/client/session', professional.base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: access.path.split('/').pop(), code: access.code }),
  });
  const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('sk_client='))?.split(';')[0];
  const clientAgent = new Agent(professional.base, cookie, (await opened.json()).csrfToken);
  const form = await clientAgent.json(`/api/client/conversations/${conversation.id}/consent-form`);
  const given = await clientAgent.json(`/api/client/conversations/${conversation.id}/consent`, {
    method: 'POST',
    body: {
      media: 'video',
      audience: 'professional',
      watchWithClient: false,
      feedbackViaReviewer: false,
      retentionDays: 90,
      signature: 'Bench',
      textVersion: form.textVersion,
      locale: 'nl',
    },
  });
  await professional.json(`/api/consents/${given.id}/professional-consent`, { method: 'POST', body: { confirm: true } });
  return conversation.id;
}

/** Uploads with plain tus requests (not timed), then times processing until the recording is ready. */
async function processingRatio(professional, conversationId, file) {
  const data = await readFile(file);
  const created = await professional.json('/api/recordings', { method: 'POST', body: { conversationId, kind: 'video', sizeBytes: data.length } });
  const recordingId = created.recording.id;
  const tusHeaders = { 'tus-resumable': '1.0.0' };
  const creation = await professional.fetch('/api/uploads', {
    method: 'POST',
    headers: { ...tusHeaders, 'upload-length': String(data.length), 'upload-metadata': `recordingId ${Buffer.from(recordingId).toString('base64')}` },
  });
  if (creation.status !== 201) throw new Error(`tus create: ${creation.status} ${await creation.text()}`);
  const location = creation.headers.get('location');
  const chunk = 16 * 1024 * 1024;
  let finishedAt = 0;
  for (let offset = 0; offset < data.length; offset += chunk) {
    const response = await professional.fetch(location, {
      method: 'PATCH',
      headers: { ...tusHeaders, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      body: data.subarray(offset, offset + chunk),
    });
    if (response.status !== 204) throw new Error(`tus patch: ${response.status} ${await response.text()}`);
    finishedAt = performance.now();
  }
  for (;;) {
    const state = await professional.json(`/api/recordings/${recordingId}`);
    if (state.status === 'ready') {
      const seconds = (performance.now() - finishedAt) / 1000;
      return { recordingId, seconds, ratio: seconds / state.durationSeconds, duration: state.durationSeconds };
    }
    if (state.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(state.failure)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Decrypts the recording's segments around [from, from + length) as the owner, then times the exact cut. */
async function spanCutRatio(professional, serverUrl, recordingId, from, length) {
  const descriptor = await professional.json(`/api/recordings/${recordingId}/playback`, { method: 'POST' });
  const base = new URL(descriptor.playlistUrl, serverUrl);
  const lines = (await (await professional.fetch(descriptor.playlistUrl)).text()).split('\n');
  const keyLine = lines.find((line) => line.startsWith('#EXT-X-KEY:')) ?? '';
  const keyUri = /URI="([^"]+)"/.exec(keyLine)?.[1] ?? '';
  const iv = Buffer.from((/IV=0x([0-9a-f]+)/i.exec(keyLine)?.[1] ?? ''), 'hex');
  const key = Buffer.from(await (await professional.fetch(new URL(keyUri, base).pathname + new URL(keyUri, base).search)).arrayBuffer());
  const parts = [];
  let start = 0;
  let firstStart = null;
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i].startsWith('#EXTINF:')) continue;
    const seconds = Number(lines[i].slice('#EXTINF:'.length).split(',')[0]);
    const uri = new URL(lines[i + 1], base);
    if (start + seconds > from && start < from + length) {
      firstStart ??= start;
      const data = Buffer.from(await (await professional.fetch(uri.pathname + uri.search)).arrayBuffer());
      const decipher = createDecipheriv('aes-128-cbc', key, iv);
      parts.push(decipher.update(data), decipher.final());
    }
    start += seconds;
  }
  const input = path.join(work, 'span-input.ts');
  await writeFile(input, Buffer.concat(parts));
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/cut-span.ts', input, String(from - firstStart), String(length), path.join(work, 'span-out')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`span cut failed: ${err.slice(-500)}`))));
  });
  const seconds = Number(output.trim());
  return { seconds, ratio: seconds / length };
}

async function load(url, headers) {
  const result = await autocannon({ url, headers, connections: 8, pipelining: 1, duration: loadSeconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, bytesPerSecond: result.throughput.average };
}

const fmt = (n, digits = 2) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const work = await mkdtemp(path.join(os.tmpdir(), 'spreekkamer-bench-run-'));
const children = [];
try {
  say(`Spreekkamer benchmark on ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load average ${os.loadavg()[0].toFixed(1)}`);
  await ensureWebBuild();
  const firstLoad = firstLoadJavaScript(path.join(repoRoot, 'apps', 'web', 'dist'));
  say(`Web app, first-load JavaScript (log-in and home page): ${fmt(firstLoad.gzipBytes / 1024, 0)} kB gzip, ${fmt(firstLoad.rawBytes / 1024, 0)} kB raw, ${firstLoad.files} files`);
  const onDemand = onDemandJavaScript(path.join(repoRoot, 'apps', 'web', 'dist'));
  say(`  loaded on demand on top of it, per page (gzip; largest ${Math.min(12, onDemand.length)} of ${onDemand.length}): ${onDemand.slice(0, 12).map((p) => `${p.page.split('/').pop()} ${fmt(p.gzipBytes / 1024, 0)} kB`).join(', ')}`);
  if (values.part !== 'load') await recordingsParts();
  await loadPart();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await rm(work, { recursive: true, force: true });
}

async function recordingsParts() {
  say(`Preparing two ${minutes}-minute 720p recordings …`);
  const remuxFile = await fixture('remux');
  const transcodeFile = await fixture('transcode');
  const copyVideoFile = await fixture('copy-video');

  const server = await startServer(path.join(work, 'data'));
  children.push(server.child);
  const professional = await login(server.url, 'klantmanager@voorbeeld.nl');
  const conversationId = await consentedConversation(professional);

  say('Processing (from the last uploaded byte until ready to play) …');
  const remux = await processingRatio(professional, conversationId, remuxFile);
  const transcode = await processingRatio(professional, conversationId, transcodeFile);
  const copyVideo = await processingRatio(professional, conversationId, copyVideoFile);

  const spanLength = Math.min(120, remux.duration / 2);
  say(`Cutting a ${fmt(spanLength, 0)} s shared span exactly into its own encrypted HLS …`);
  const span = await spanCutRatio(professional, server.url, remux.recordingId, Math.min(60, remux.duration / 4), spanLength);

  say('Streaming an encrypted segment: authorised endpoint vs plain static file …');
  const descriptor = await professional.json(`/api/recordings/${remux.recordingId}/playback`, { method: 'POST' });
  const playlist = await (await professional.fetch(descriptor.playlistUrl)).text();
  const lines = playlist.split('\n');
  const segmentLines = lines.map((line, i) => [line, i]).filter(([line]) => line && !line.startsWith('#'));
  const [segmentUri, segmentLine] = segmentLines[Math.floor(segmentLines.length / 2)];
  const segmentSeconds = Number(lines[segmentLine - 1].replace('#EXTINF:', '').split(',')[0]);
  const segmentUrl = new URL(segmentUri, new URL(descriptor.playlistUrl, server.url)).toString();
  const segmentName = new URL(segmentUrl).pathname.split('/').pop();
  const encrypted = await readFile(path.join(work, 'data', 'blobs', 'recordings', remux.recordingId, segmentName));
  const staticDir = path.join(work, 'static');
  await mkdir(staticDir);
  await writeFile(path.join(staticDir, segmentName), encrypted);
  const staticServer = await startStaticServer(staticDir);
  children.push(staticServer.child);
  // Warm both up, then measure each alone.
  await load(segmentUrl, { cookie: professional.cookie }).catch((e) => {
    throw new Error(`authorised endpoint: ${e.message}`);
  });
  const authorised = await load(segmentUrl, { cookie: professional.cookie });
  await load(`${staticServer.url}/${segmentName}`, {});
  const plain = await load(`${staticServer.url}/${segmentName}`, {});

  say('');
  say(`Results (one run, ${minutes}-minute 720p recordings, segment of ${fmt(encrypted.length / 1e6, 1)} MB)`);
  say(`  processing, remux path (H.264/AAC MP4):     ${fmt(remux.ratio, 3)} × real time  (${fmt(1 / remux.ratio, 1)} times faster than the recording lasts)`);
  say(`  processing, transcode path (VP8/Opus WebM): ${fmt(transcode.ratio, 3)} × real time  (${fmt(1 / transcode.ratio, 1)} times faster than the recording lasts)`);
  say(`  processing, copy-video path (H.264/Opus):   ${fmt(copyVideo.ratio, 3)} × real time  (${fmt(1 / copyVideo.ratio, 1)} times faster than the recording lasts)`);
  say(`  transcode / remux:                          ${fmt(transcode.ratio / remux.ratio, 1)} ×`);
  say(`  exact cut of a ${fmt(spanLength, 0)} s shared span (re-encoded): ${fmt(span.ratio, 3)} × real time  (${fmt(span.ratio / remux.ratio, 1)} × the remux processing ratio)`);
  say(`  authorised encrypted segments / static files: ${fmt(authorised.requestsPerSecond / plain.requestsPerSecond, 2)} of the requests per second, ${fmt(authorised.bytesPerSecond / plain.bytesPerSecond, 2)} of the bytes per second`);
  say(`  (for scale: a ${minutes}-minute recording is ready ${fmt(remux.seconds, 0)} s / ${fmt(transcode.seconds, 0)} s / ${fmt(copyVideo.seconds, 0)} s after upload; one stream of it needs ${fmt((encrypted.length / segmentSeconds) * 8 / 1e6, 1)} Mbit/s; the authorised endpoint kept up with ${fmt(authorised.bytesPerSecond / (encrypted.length / segmentSeconds), 0)} such streams)`);
  // Conversation rhythm: accuracy on generated dialogues and analysis speed (own script, own process).
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'bench-rhythm.mjs'), '--minutes', String(Math.max(minutes, 30))], { stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`rhythm benchmark failed (${code})`))));
  });
  // Anonymous insight: 2,000 staff, 40 teams, two years, against a plain indexed count (own script, own process).
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'bench-insight.mjs')], { stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`insight benchmark failed (${code})`))));
  });
}

/** Part 5: load, configuration one (SQLite, one process) and two (PostgreSQL, two API processes and a worker). */
async function loadPart() {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 3);
  const userCount = Number(process.env.BENCH_LOAD_USERS ?? 200);
  const rate = Number(process.env.BENCH_LOAD_RATE ?? 50);
  const profileDir = process.env.BENCH_CPU_PROF;
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  say('');
  say(`Load: ${userCount} simulated staff users, ${seconds} s per scenario, open loop at ${rate} requests/s (BENCH_LOAD_SECONDS, BENCH_LOAD_USERS, BENCH_LOAD_RATE)`);

  if (process.env.BENCH_LOAD_SQLITE !== 'off') {
    const one = await startBenchServer({ dataDir: path.join(work, 'load-sqlite'), execArgv });
    children.push(one.child);
    try {
      const { users } = await prepareUsers(one.url, userCount);
      await measureSideBySide({ bases: [one.url], pids: [one.child.pid ?? 0], users, seconds, rate, concurrency: userCount, say, label: 'Configuration one: one process (API and worker) on SQLite', loops });
      const baselineRoot = process.env.BENCH_LOAD_BASELINE;
      if (baselineRoot) {
        const baseline = await startBenchServer({ dataDir: path.join(work, 'load-sqlite-baseline'), root: path.resolve(baselineRoot) });
        children.push(baseline.child);
        try {
          const baselineUsers = (await prepareUsers(baseline.url, userCount)).users;
          await measureAgainstBaseline({
            current: { url: one.url, pid: one.child.pid ?? 0, users },
            baseline: { url: baseline.url, pid: baseline.child.pid ?? 0, users: baselineUsers },
            seconds,
            concurrency: userCount,
            say,
          });
        } finally {
          await stopServer(baseline.child);
        }
      }
    } finally {
      await stopServer(one.child);
    }
  }

  const maintenance = process.env.BENCH_LOAD_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (maintenance === 'off') return;
  let database;
  try {
    database = await freshPostgresDatabase(maintenance);
  } catch (error) {
    say(`  Configuration two skipped: no PostgreSQL at ${maintenance} (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  // One data folder for all three: the blob store is the local disk, shared as on one machine.
  const shared = { DATABASE_URL: database.url, SESSION_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') };
  const dataDir = path.join(work, 'load-postgres');
  /** @type {import('node:child_process').ChildProcess[]} */
  const started = [];
  try {
    // The first API process seeds the organisation and enqueues the sample; the worker processes it.
    const first = await startBenchServer({ dataDir, env: shared, role: 'api', execArgv });
    started.push(first.child);
    const worker = await startBenchServer({ dataDir, env: shared, role: 'worker' });
    started.push(worker.child);
    const second = await startBenchServer({ dataDir, env: shared, role: 'api', execArgv });
    started.push(second.child);
    const { users } = await prepareUsers(first.url, userCount);
    await measureSideBySide({ bases: [first.url, second.url], pids: [first.child.pid ?? 0, second.child.pid ?? 0], users, seconds, rate, concurrency: userCount, say, label: 'Configuration two: two API processes and a worker on PostgreSQL (users spread over both)', loops });
  } finally {
    for (const child of started) await stopServer(child);
    await database.drop().catch(() => {});
  }
}
