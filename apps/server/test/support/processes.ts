import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { consentTextVersion } from '@spreekkamer/shared';
import { HttpAgent } from './recordings.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  /** null for a worker-only process */
  url: string | null;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown code runs, as in a crash or power loss. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `cli.ts start` as its own process, exactly as in production. */
export async function startChildServer(env: Record<string, string>, role: 'all' | 'api' | 'worker' = 'all'): Promise<ChildServer> {
  const port = role === 'worker' ? 0 : await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ROLE: role, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const server: ChildServer = {
    url: role === 'worker' ? null : `http://127.0.0.1:${port}`,
    child,
    output: () => log,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const ready = role === 'worker' ? 'Spreekkamer-werker draait' : 'Spreekkamer draait op';
  const deadline = Date.now() + 90_000;
  while (!log.includes(ready)) {
    if (!running()) throw new Error(`server exited early:\n${log}`);
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server not ready:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}

export function moveAgent(agent: HttpAgent, baseUrl: string): HttpAgent {
  return new HttpAgent(baseUrl, agent.cookie, agent.csrfToken);
}

/** A client, a conversation and a consent in force, through the HTTP API only (client link + code, professional confirms). */
export async function consentedConversationHttp(professional: HttpAgent, media: 'video' | 'audio' = 'video'): Promise<{ conversationId: string; consentId: string; client: HttpAgent }> {
  const ok = async (response: Response) => {
    if (response.status !== 200) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const client = await ok(await professional.json('/api/clients', 'POST', { pseudonym: 'Klant via HTTP' }));
  const conversation = await ok(await professional.json(`/api/clients/${String(client.id)}/conversations`, 'POST', { heldOn: '2026-11-20', kind: 'in_person' }));
  const access = await ok(await professional.fetch(`/api/clients/${String(client.id)}/access`, { method: 'POST' }));
  const opened = await fetch(new URL('/api/client/session', professional.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: String(access.path).split('/').pop(), code: access.code }),
  });
  const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('sk_client='))?.split(';')[0];
  const clientAgent = new HttpAgent(professional.baseUrl, cookie, String((await ok(opened)).csrfToken));
  const given = await ok(
    await clientAgent.json(`/api/client/conversations/${String(conversation.id)}/consent`, 'POST', {
      media,
      audience: 'professional',
      watchWithClient: false,
      feedbackViaReviewer: false,
      retentionDays: 90,
      signature: 'Jan de Klant',
      textVersion: consentTextVersion,
      locale: 'nl',
    }),
  );
  await ok(await professional.json(`/api/consents/${String(given.id)}/professional-consent`, 'POST', { confirm: true }));
  return { conversationId: String(conversation.id), consentId: String(given.id), client: clientAgent };
}

