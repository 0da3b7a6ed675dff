import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, demoPassword, freshDatabase } from './support/harness.js';
import { startChildServer, type ChildServer } from './support/processes.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const perMinute = 6;

async function attempt(url: string): Promise<number> {
  const response = await fetch(new URL('/api/session', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'niemand@voorbeeld.nl', password: 'geraden-wachtwoord' }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('limits on guessing hold across API processes', () => {
  let one: ChildServer;
  let two: ChildServer;
  beforeAll(async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    const env = {
      ...database.env,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      MASTER_KEY: randomBytes(32).toString('hex'),
      DEMO_SEED: 'true',
      DEMO_PASSWORD: demoPassword,
      DEMO_RECORDING: 'false',
      LOGIN_RATE_LIMIT_PER_MINUTE: String(perMinute),
    };
    one = await startChildServer(env, 'api');
    cleanups.push(() => one.stop());
    two = await startChildServer(env, 'api');
    cleanups.push(() => two.stop());
  }, 180_000);

  it('a flood of garbage session cookies leaves a logged-in request within twice its normal time', async () => {
    const url = one.url ?? '';
    const login = await fetch(new URL('/api/session', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demo.professional, password: demoPassword }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('sk_session='))?.split(';')[0] ?? '';
    const timed = async () => {
      const started = performance.now();
      const response = await fetch(new URL('/api/session', url), { headers: { cookie } });
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    for (let i = 0; i < 5; i++) await timed();
    const unloaded: number[] = [];
    for (let i = 0; i < 15; i++) unloaded.push(await timed());

    // Garbage of every shape: well-formed-looking random tokens (the old code queried each one), junk, and valid-looking on /health.
    let flooding = true;
    let sent = 0;
    const garbage = () =>
      [`sk_session=${randomBytes(32).toString('base64url')}`, `sk_session=${randomBytes(32).toString('base64url')}.${randomBytes(16).toString('hex')}`, 'sk_session=%%%'][sent % 3] ?? '';
    const flooder = async () => {
      while (flooding && sent < 4000) {
        sent++;
        const target = sent % 4 === 0 ? '/health' : '/api/session';
        await fetch(new URL(target, url), { headers: { cookie: garbage() } }).then((r) => r.arrayBuffer(), () => undefined);
      }
    };
    const flood = Array.from({ length: 2 }, flooder);
    while (sent < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    const loaded: number[] = [];
    for (let i = 0; i < 15; i++) loaded.push(await timed());
    flooding = false;
    await Promise.all(flood);
    // The flood itself shares the one CPU with the measured request; what must not happen is queueing behind lookups.
    expect(median(loaded)).toBeLessThan(Math.max(2 * median(unloaded), median(unloaded) + 30));
  }, 120_000);

  it('two processes together allow no more log-in attempts per address than one', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < perMinute * 2; i++) statuses.push(await attempt(i % 2 === 0 ? (one.url ?? '') : (two.url ?? '')));
    // The log-in of the test above, through process one, already counted for this address.
    expect(statuses.filter((s) => s === 401)).toHaveLength(perMinute - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(perMinute + 1);
  });

});
