import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUnderTest, demo, demoPassword, freshDatabase } from './support/harness.js';
import { consentedConversationHttp, moveAgent, startChildServer, type ChildServer } from './support/processes.js';
import { decryptSegment, fetchPlaylist, httpLogin, looksLikeTransportStream, media, playbackDescriptor, readyUploadedRecording, type HttpAgent } from './support/recordings.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

function folder(prefix: string): string {
  const made = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(made, { recursive: true, force: true }));
  return made;
}

async function plays(agent: HttpAgent, recordingId: string): Promise<boolean> {
  const played = await fetchPlaylist(agent, await playbackDescriptor(agent, recordingId));
  const key = Buffer.from(await (await agent.fetch(played.keyPath)).arrayBuffer());
  const segment = Buffer.from(await (await agent.fetch(played.segmentPaths[0] ?? '')).arrayBuffer());
  return looksLikeTransportStream(decryptSegment(key, played.iv, segment));
}

describe.runIf(databaseUnderTest() === 'sqlite')('backup and restore of the embedded set-up', () => {
  it('backs up under write load, restores into a fresh folder that plays, and a withdrawal after the backup holds in the restored copy', { timeout: 300_000 }, async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const secrets = { SESSION_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') };
    const env = { ...database.env, ...secrets, DEMO_SEED: 'true', DEMO_PASSWORD: demoPassword, DEMO_RECORDING: 'false' };
    const live: ChildServer = await startChildServer(env);
    cleanups.push(() => live.stop());
    const professional = await httpLogin(live.url ?? '', demo.professional, demoPassword);
    const kept = await consentedConversationHttp(professional);
    const { recordingId: keptId } = await readyUploadedRecording(professional, kept.conversationId, await media.videoMp4());
    const withdrawnLater = await consentedConversationHttp(professional);
    const { recordingId: withdrawnId } = await readyUploadedRecording(professional, withdrawnLater.conversationId, await media.videoMp4());

    // Write load while the backup runs: new clients keep arriving.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const response = await professional.json('/api/clients', 'POST', { pseudonym: `Schrijflast ${written}` });
        expect(response.status).toBe(200);
        written += 1;
      }
    })();
    const backupDir = path.join(folder('sk-backup-'), 'copy');
    const made = await cli(['backup', backupDir], env);
    writing = false;
    await writer;
    expect(made.code, made.out).toBe(0);
    expect(written).toBeGreaterThan(0);
    expect(made.out).toMatch(/master key is not in it/);
    const backedUp = await readdir(backupDir, { recursive: true });
    expect(backedUp).toContain('spreekkamer.sqlite');
    expect(backedUp.some((name) => String(name).includes('secrets'))).toBe(false);

    // After the backup, a client withdraws: the key is destroyed in the live copy and noted in the ledger.
    const withdrawn = await withdrawnLater.client.json(`/api/client/consents/${withdrawnLater.consentId}/withdraw`, 'POST', {});
    expect(withdrawn.status).toBe(200);
    const ledger = path.join(database.dataDir, 'shredded-recordings.log');
    await expect.poll(() => existsSync(ledger)).toBe(true);
    await live.stop();

    // Restore into a fresh folder with the same master key (kept apart from the backup) and the ledger.
    const restoredDir = folder('sk-restored-');
    const restoredEnv = { ...env, DATA_DIR: restoredDir, DEMO_SEED: 'false' };
    const restored = await cli(['restore', backupDir, '--ledger', ledger], restoredEnv);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/Audit log intact: \d+ entries checked/);
    expect(restored.out).toMatch(/recordings 2 \(1 playable\)/);
    expect(restored.out).toMatch(/destroyed again: 1/);
    expect(existsSync(path.join(restoredDir, 'blobs', 'recordings', withdrawnId))).toBe(false);

    const again = await cli(['restore', backupDir], restoredEnv);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already holds a Spreekkamer database/);
    expect(again.out).not.toMatch(/\n\s+at /);

    const server = await startChildServer(restoredEnv);
    cleanups.push(() => server.stop());
    const viewer = moveAgent(await httpLogin(server.url ?? '', demo.professional, demoPassword), server.url ?? '');
    expect(await plays(viewer, keptId)).toBe(true);
    const gone = await viewer.fetch(`/api/recordings/${withdrawnId}/playback`, { method: 'POST' });
    expect(gone.status).toBeGreaterThanOrEqual(400);
    await server.stop();

    // Without the right master key the restore refuses instead of producing a copy nobody can play.
    const wrongKeyDir = folder('sk-wrong-key-');
    const wrongKey = await cli(['restore', backupDir], { ...restoredEnv, DATA_DIR: wrongKeyDir, MASTER_KEY: randomBytes(32).toString('hex') });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toMatch(/master key does not open/);
  });
});

describe.runIf(databaseUnderTest() === 'postgres')('backup with PostgreSQL', () => {
  it('points to pg_dump instead of making a partial copy', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const env = { ...database.env, SESSION_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') };
    const result = await cli(['backup', path.join(folder('sk-pg-backup-'), 'copy')], env);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/pg_dump/);
  });
});
