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

/** `backup <folder>`: a consistent copy of the embedded set-up while it runs (never the master key). */
async function backupCommand(): Promise<void> {
  const target = process.argv[3];
  if (!target) {
    process.stderr.write('Usage: backup <new empty folder>\n');
    process.exitCode = 2;
    return;
  }
  const { backup } = await import('./ops/backup.js');
  const manifest = await backup(loadConfig(), target);
  process.stdout.write(`Backup made in ${target}: database and ${manifest.mediaFiles} media files (${Math.round(manifest.mediaBytes / 1024)} kB). The master key is not in it: keep it apart.\n`);
}

/** `restore <folder> [--force] [--ledger <file>]`: into DATA_DIR, then verify and count. */
async function restoreCommand(): Promise<void> {
  const args = process.argv.slice(3);
  const source = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--ledger');
  if (!source) {
    process.stderr.write('Usage: restore <backup folder> [--force] [--ledger <shredded-recordings.log>]\n');
    process.exitCode = 2;
    return;
  }
  const ledgerIndex = args.indexOf('--ledger');
  const ledgerFile = ledgerIndex >= 0 ? args[ledgerIndex + 1] : undefined;
  const { restore } = await import('./ops/backup.js');
  const result = await restore(loadConfig(), source, { force: args.includes('--force'), ...(ledgerFile ? { ledgerFile } : {}) });
  const c = result.counts;
  process.stdout.write(
    [
      `Restored from ${source}. Audit log intact: ${result.auditEntries} entries checked.`,
      `  organisations ${c.organisations}, users ${c.users}, clients ${c.clients}, recordings ${c.recordings} (${c.recordingsPlayable} playable)`,
      `  recordings withdrawn or deleted after the backup, destroyed again: ${result.shreddedAgain}`,
      '',
    ].join('\n'),
  );
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

const commands: Record<string, () => Promise<void>> = { start, migrate, 'verify-audit': verifyAudit, 'analyse-rhythm': analyseRhythmCommand, backup: backupCommand, restore: restoreCommand };

const command = process.argv[2] ?? 'start';
const run = commands[command];
if (!run) {
  process.stderr.write(`Unknown command "${command}". Use one of: ${Object.keys(commands).join(', ')}\n`);
  process.exit(2);
}
run().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError || (error instanceof Error && error.name === 'BackupError')) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Spreekkamer could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  }
  process.exit(1);
});
