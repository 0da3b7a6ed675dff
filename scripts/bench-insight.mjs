// `npm run bench` part: anonymous insight. An organisation of 2,000 professionals in 40 teams with
// two years of learning rounds, learning questions, learning conversations and alliance checks
// (apps/server/src/seed/insight-data.ts). Measured side by side in one run, on the same database:
//   - the policy advisor's insight answer through the HTTP API (every figure, every team and the
//     organisation, suppression included), cold (the first look, which freezes the populations of
//     the months) and warm;
//   - a plain indexed `count(*)` over the same rows: each fact table, one organisation, the same
//     twelve closed months.
// Reported as a ratio: how many plain counts one insight answer costs.
//
//   node scripts/bench-insight.mjs [--staff 2000] [--teams 40] [--months 24] [--runs 5]
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({ options: { staff: { type: 'string', default: '2000' }, teams: { type: 'string', default: '40' }, months: { type: 'string', default: '24' }, runs: { type: 'string', default: '5' } } });
const staff = Number(values.staff);
const teams = Number(values.teams);
const months = Number(values.months);
const runs = Number(values.runs);
const say = (line) => process.stdout.write(`${line}\n`);
const fmt = (n, digits = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (started) => Number(process.hrtime.bigint() - started) / 1e6;

const { loadConfig } = await tsImport('../apps/server/src/config.ts', import.meta.url);
const { createSpreekkamer } = await tsImport('../apps/server/src/main.ts', import.meta.url);
const { seedInsightData } = await tsImport('../apps/server/src/seed/insight-data.ts', import.meta.url);
const { closedMonths, insightMonths } = await tsImport('../apps/server/src/domain/insight/insight.service.ts', import.meta.url);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'spreekkamer-bench-insight-'));
const password = 'bench-wachtwoord-lang-genoeg';
const config = loadConfig({
  DATA_DIR: dataDir,
  SESSION_SECRET: randomBytes(32).toString('hex'),
  MASTER_KEY: randomBytes(32).toString('hex'),
  DEMO_SEED: 'true',
  DEMO_PASSWORD: password,
  DEMO_RECORDING: 'false',
  LOG_LEVEL: 'silent',
  LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  WEB_DIST_DIR: path.join(dataDir, 'no-web'),
});
const spreekkamer = await createSpreekkamer(config, { logger: false });
try {
  const app = spreekkamer.app;
  const db = spreekkamer.database.db;
  const organisationId = spreekkamer.demo.organisationId;
  const now = new Date();
  say(`Insight: seeding ${staff} professionals in ${teams} teams with ${months} months of activity (SQLite) …`);
  const seeded = await seedInsightData(db, { organisationId, teamIds: [spreekkamer.demo.teamId], newTeams: teams - 1, professionals: staff, months, now });
  const counts = {};
  for (const table of ['learning_rounds', 'learning_questions', 'feedback_conversations', 'alliance_answers']) {
    counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()).n);
  }
  say(`  ${seeded.professionals} professionals, ${seeded.teamIds.length} teams; rows: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);

  const login = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'beleid@voorbeeld.nl', password } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const insight = async () => {
    const started = process.hrtime.bigint();
    const response = await app.inject({ method: 'GET', url: '/api/insight/organisation', headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`insight: HTTP ${response.statusCode} ${response.body.slice(0, 300)}`);
    return { time: ms(started), body: response.json() };
  };

  // The same rows the insight answer reads: one organisation, the twelve closed months.
  const until = now.toISOString().slice(0, 7);
  const window = closedMonths(until, insightMonths);
  const first = window[0];
  const plainCounts = async () => {
    const started = process.hrtime.bigint();
    const sources = [
      ['learning_rounds', 'created_at'],
      ['learning_questions', 'created_at'],
      ['feedback_conversations', 'completed_at'],
      ['alliance_answers', 'period'],
    ];
    for (const [table, at] of sources) {
      await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('organisation_id', '=', organisationId).where(at, '>=', first).where(at, '<', until).executeTakeFirst();
    }
    return ms(started);
  };

  const cold = await insight();
  const shown = cold.body.figures.reduce((sum, f) => sum + f.rows.reduce((s, r) => s + r.cells.filter((v) => v !== null).length, 0), 0);
  const cells = cold.body.figures.reduce((sum, f) => sum + f.rows.reduce((s, r) => s + r.cells.length, 0), 0);
  await plainCounts();
  const warmTimes = [];
  const countTimes = [];
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < runs; i += 1) {
    warmTimes.push((await insight()).time);
    countTimes.push(await plainCounts());
  }
  const warm = median(warmTimes);
  const plain = median(countTimes);
  say('');
  say(`Results (one run, ${staff} staff, ${teams} teams, ${months} months of data, ${insightMonths} closed months shown, median of ${runs})`);
  say(`  insight answer, warm (HTTP, all figures, suppression):  ${fmt(warm)} ms`);
  say(`  insight answer, cold (first look freezes populations):  ${fmt(cold.time)} ms`);
  say(`  plain indexed count(*) over the same rows (4 tables):    ${fmt(plain, 2)} ms`);
  say(`  insight / plain count:                                   ${fmt(warm / plain)} ×  (cold ${fmt(cold.time / plain)} ×)`);
  say(`  (${cells} cells in the answer, ${shown} shown, ${cells - shown} suppressed)`);
} finally {
  await spreekkamer.close();
  await rm(dataDir, { recursive: true, force: true });
}
