// Writes the OpenAPI document of a real app instance (empty SQLite database in a temporary folder,
// no port opened) to the file given as the first argument: `tsx scripts/lib/write-openapi.ts out.json`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../apps/server/src/config.js';
import { createSpreekkamer } from '../../apps/server/src/main.js';

const target = process.argv[2];
if (!target) throw new Error('usage: write-openapi.ts <file>');
const dataDir = mkdtempSync(path.join(tmpdir(), 'spreekkamer-openapi-'));
try {
  const config = loadConfig({
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    MASTER_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
  });
  const spreekkamer = await createSpreekkamer(config, { logger: false });
  try {
    const app = spreekkamer.app;
    if (!app) throw new Error('the app needs the api role');
    await app.ready();
    writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  } finally {
    await spreekkamer.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
