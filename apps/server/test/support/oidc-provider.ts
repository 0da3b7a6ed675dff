import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./oidc-provider-process.ts', import.meta.url));

export interface OidcProviderProcess {
  issuer: string;
  /** Claims merged into every token the provider signs from now on (roles, groups, email, iss, aud, sid). */
  setClaims(claims: Record<string, unknown>): Promise<void>;
  /** A back-channel logout token signed by the provider's own key. */
  logoutToken(claims: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the provider as its own process and waits until it listens. */
export async function startOidcProvider(): Promise<OidcProviderProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ issuer: string; control: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start:\n${output}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { issuer: string; control: string });
      }
    });
    child.once('exit', () => reject(new Error(`OIDC provider exited:\n${output}`)));
  });
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${ready.control}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`provider control ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    issuer: ready.issuer,
    async setClaims(claims) {
      await post('/claims', claims);
    },
    async logoutToken(claims) {
      return String((await post('/logout-token', claims)).token);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
