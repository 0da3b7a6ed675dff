import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { createSpreekkamer } from './main.js';
import { MigrationError } from './db/migrate.js';
import type { DemoSeedResult } from './seed/demo.js';
import { seedDemoRecording } from './seed/demo-recording.js';

const roleNames: Record<string, string> = {
  professional: 'klantmanager',
  reviewer: 'meekijker',
  manager: 'teamleider',
  policy_advisor: 'beleidsadviseur',
  administrator: 'beheerder',
};

function printDemo(demo: DemoSeedResult, url: string): void {
  const lines = [
    '',
    'Spreekkamer demo-organisatie aangemaakt: Gemeente Voorbeeld.',
    'Deze wachtwoorden worden maar één keer getoond. Bewaar ze als u ze nodig heeft.',
    '',
    ...demo.accounts.map((a) => `  ${a.roles.map((r) => roleNames[r] ?? r).join(' + ').padEnd(28)} ${a.email.padEnd(28)} ${a.password}`),
    '',
    `Open ${url} in uw browser.`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function start(): Promise<void> {
  const config = loadConfig();
  const spreekkamer = await createSpreekkamer(config);
  const stop = async (signal: string) => {
    spreekkamer.app?.log.info({ signal }, 'stopping');
    await spreekkamer.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  if (spreekkamer.demo && config.demo.recording !== false) {
    // Only enqueued: the worker makes and processes the sample while the server already runs.
    await seedDemoRecording(spreekkamer).catch((error: unknown) => {
      process.stderr.write(`De voorbeeldopname kon niet worden aangemaakt: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  }
  if (spreekkamer.app) {
    const address = await spreekkamer.app.listen({ host: config.host, port: config.port });
    const url = config.publicUrl ?? address.replace('://127.0.0.1', '://localhost').replace(/\/$/, '');
    if (spreekkamer.demo) printDemo(spreekkamer.demo, url);
    process.stdout.write(`Spreekkamer draait op ${url} (${config.database.kind === 'sqlite' ? 'SQLite in ' + config.dataDir : 'PostgreSQL'}).\n`);
  } else {
    process.stdout.write(`Spreekkamer-werker draait (${config.database.kind === 'sqlite' ? 'SQLite in ' + config.dataDir : 'PostgreSQL'}).\n`);
  }
}

async function migrate(): Promise<void> {
  const spreekkamer = await createSpreekkamer({ ...loadConfig(), role: 'worker', demo: { seed: false, password: undefined } });
  await spreekkamer.close();
  process.stdout.write('Database is up to date.\n');
}

async function verifyAudit(): Promise<void> {
  const spreekkamer = await createSpreekkamer({ ...loadConfig(), role: 'worker', demo: { seed: false, password: undefined } });
  const result = await spreekkamer.audit.verify();
  await spreekkamer.close();
  process.stdout.write(result.ok ? `Audit log intact: ${result.checked} entries checked.\n` : `Audit log BROKEN at entry ${result.firstBrokenSeq} (after ${result.checked} good entries).\n`);
  if (!result.ok) process.exitCode = 3;
}

/** For researchers and tests: who speaks when in one file, as JSON. Needs no database or keys. */
async function analyseRhythmCommand(): Promise<void> {
  const args = process.argv.slice(3);
  const file = args.find((a) => !a.startsWith('--'));
  const channelsArg = args.find((a) => a.startsWith('--channels'));
  const channels = channelsArg?.includes('=') ? channelsArg.split('=')[1] : channelsArg ? args[args.indexOf(channelsArg) + 1] : 'auto';
  if (!file || (channels !== 'auto' && channels !== 'mono' && channels !== 'stereo')) {
    process.stderr.write('Usage: analyse-rhythm <audio or video file> [--channels auto|mono|stereo]\n');
    process.exitCode = 2;
    return;
  }
  const { analyseRhythm } = await import('./media/rhythm/index.js');
  const result = await analyseRhythm(file, { channels });
  process.stdout.write(JSON.stringify({ turns: result.turns, metrics: result.metrics }, null, 2) + '\n');
}

const commands: Record<string, () => Promise<void>> = { start, migrate, 'verify-audit': verifyAudit, 'analyse-rhythm': analyseRhythmCommand };

const command = process.argv[2] ?? 'start';
const run = commands[command];
if (!run) {
  process.stderr.write(`Unknown command "${command}". Use one of: ${Object.keys(commands).join(', ')}\n`);
  process.exit(2);
}
run().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Spreekkamer could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  }
  process.exit(1);
});
