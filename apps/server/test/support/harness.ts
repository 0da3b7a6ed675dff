import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pathOf, problemSchema, successStatus, type CallInput, type Endpoint, type ResponseOf } from '@spreekkamer/shared';
import type { FastifyServerOptions, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { createSpreekkamer, type Spreekkamer } from '../../src/main.js';

export const demoPassword = 'demo-wachtwoord-voor-tests';

export const demo = {
  professional: 'klantmanager@voorbeeld.nl',
  reviewer: 'coach@voorbeeld.nl',
  manager: 'teamleider@voorbeeld.nl',
  policy: 'beleid@voorbeeld.nl',
  admin: 'beheer@voorbeeld.nl',
} as const;

export type DatabaseUnderTest = 'sqlite' | 'postgres';

/** Which database this run tests: `TEST_DB=postgres` (set by `npm test`) or SQLite. */
export function databaseUnderTest(): DatabaseUnderTest {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

function maintenanceUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A fresh, empty database of the kind under test; `drop` removes it and its files. */
export async function freshDatabase(): Promise<{ env: Record<string, string>; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spreekkamer-test-'));
  if (databaseUnderTest() === 'sqlite') {
    return { env: { DATA_DIR: dataDir }, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `sk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(maintenanceUrl());
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    async drop() {
      const client = new pg.Client({ connectionString: maintenanceUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  spreekkamer: Spreekkamer;
  config: Config;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  login(email: string, password?: string): Promise<Agent>;
  anonymous(): Agent;
  close(): Promise<void>;
}

/** A typed call answered with something other than the endpoint's success status. */
export class CallRefused extends Error {
  constructor(
    endpoint: Endpoint,
    readonly response: LightMyRequestResponse,
  ) {
    super(`${endpoint.operationId}: HTTP ${response.statusCode} ${response.body}`);
    this.name = 'CallRefused';
  }
}

/** A logged-in browser stand-in: keeps the session cookie and sends the CSRF token. */
export class Agent {
  constructor(
    private readonly server: Pick<TestServer, 'request'>,
    public cookie: string | undefined,
    public csrfToken: string | undefined,
  ) {}

  request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.method && options.method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrfToken;
    return this.server.request({ ...options, headers });
  }

  /**
   * Calls one endpoint of the contract, like the web app's `call`: the endpoint's own success status
   * (200, 201 or 204) is parsed with its schema and typed; any other answer throws a `CallRefused`
   * holding the response, so a refusal is tested with `expectProblem(agent.call(…), status, code)`.
   */
  async call<E extends Endpoint>(endpoint: E, ...[input]: object extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>]): Promise<ResponseOf<E>> {
    const body = (input as { body?: unknown } | undefined)?.body;
    const response = await this.request({
      method: endpoint.method,
      url: `/api${pathOf(endpoint, input ?? {})}`,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    if (response.statusCode !== successStatus(endpoint)) throw new CallRefused(endpoint, response);
    return (endpoint.response ? endpoint.response.parse(response.json()) : null) as ResponseOf<E>;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

export function sessionCookieFrom(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'sk_session');
  return cookie ? `sk_session=${cookie.value}` : undefined;
}

export async function startTestServer(
  env: Record<string, string> = {},
  overrides: { now?: () => Date; logger?: FastifyServerOptions['logger'] } = {},
): Promise<TestServer> {
  const database = await freshDatabase();
  const config = loadConfig({
    ...database.env,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    MASTER_KEY: randomBytes(32).toString('hex'),
    DEMO_SEED: 'true',
    DEMO_PASSWORD: demoPassword,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    WEB_DIST_DIR: path.join(database.dataDir, 'no-web'),
    ...env,
  });
  const spreekkamer = await createSpreekkamer(config, { logger: false, ...overrides });
  const app = spreekkamer.app;
  if (!app) throw new Error('test server needs the api role');
  await app.ready();
  const server: TestServer = {
    spreekkamer,
    config,
    request: (options) => app.inject(options),
    async login(email, password = demoPassword) {
      const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
      return new Agent(server, sessionCookieFrom(response), (response.json() as { csrfToken: string }).csrfToken);
    },
    anonymous: () => new Agent(server, undefined, undefined),
    async close() {
      await spreekkamer.close();
      await database.drop();
    },
  };
  return server;
}

/**
 * Asserts the stable error shape, an RFC 9457 problem: the status repeated in the body, a code, a
 * Dutch sentence as title, and never a stack trace. Gives code, message (the title) and fields.
 */
export function errorOf(response: LightMyRequestResponse): { code: string; message: string; fields?: { path: string; message: string }[] } {
  if (/\bat .+:\d+:\d+/.test(response.body) || response.body.includes('node_modules')) throw new Error(`error body leaks a stack trace: ${response.body}`);
  const parsed = problemSchema.safeParse(response.json());
  if (!parsed.success) throw new Error(`expected a problem body, got ${response.body}`);
  const problem = parsed.data;
  if (problem.status !== response.statusCode) throw new Error(`problem status ${problem.status} differs from HTTP ${response.statusCode}`);
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) throw new Error(`expected application/problem+json, got ${String(response.headers['content-type'])}`);
  return { code: problem.code, message: problem.title, ...(problem.fields ? { fields: problem.fields } : {}) };
}

/**
 * Awaits a typed call that must be refused: with this status and, when given, this error code, in
 * the problem shape `errorOf` checks. Gives the problem for further assertions.
 */
export async function expectProblem(call: Promise<unknown>, status: number, code?: string): Promise<ReturnType<typeof errorOf>> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof CallRefused)) throw outcome instanceof Error ? outcome : new Error(`expected HTTP ${status}, but the call succeeded`);
  if (outcome.response.statusCode !== status) throw new Error(`expected HTTP ${status}, got ${outcome.response.statusCode} ${outcome.response.body}`);
  const problem = errorOf(outcome.response);
  if (code !== undefined && problem.code !== code) throw new Error(`expected error code ${code}, got ${problem.code}: ${problem.message}`);
  return problem;
}
