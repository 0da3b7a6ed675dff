// `npm start`: from a fresh clone to a running server. Only Node built-ins (and our own helpers,
// which use only built-ins) are imported, because node_modules may not exist yet.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNodeModules } from './lib/npm-deps.mjs';
import { log, repoRoot } from './lib/run.mjs';
import { START_TOOLS, ensureSystemTools } from './lib/system-deps.mjs';
import { ensureWebBuild } from './lib/web-build.mjs';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(`Usage: npm start

Installs what is missing (npm packages; ffmpeg, espeak-ng and sox via apt-get when root),
builds the web app when its sources changed, then starts the server
(apps/server/src/cli.ts start). Server settings come from the environment; see the README.
`);
  process.exit(0);
}

try {
  await ensureNodeModules();
  await ensureSystemTools(START_TOOLS);
  await ensureWebBuild();
} catch (error) {
  process.stderr.write(`\nnpm start stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const cli = join(repoRoot, 'apps/server/src/cli.ts');
if (!existsSync(cli)) {
  process.stderr.write(`npm start stopped: ${cli} does not exist.\n`);
  process.exit(1);
}

log('Starting the server…');
const server = spawn(process.execPath, ['--import', 'tsx', cli, 'start', ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  // The demo shows insight figures rather than dashes (DEMO_INSIGHT=false to leave them out).
  env: { DEMO_INSIGHT: 'true', ...process.env },
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  // Keep running until the server has shut down cleanly; its exit ends us.
  process.on(signal, () => server.kill(signal));
}
server.once('error', (error) => {
  process.stderr.write(`Could not start the server: ${error.message}\n`);
  process.exit(1);
});
server.once('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
});
