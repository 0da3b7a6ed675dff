import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { parseMasterKey } from './crypto/envelope.js';
import { parseRoleMap, type SsoConfig } from './domain/auth/oidc-claims.js';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it empty for the embedded SQLite database)')
    .optional(),
  /** Public base URL, used in links (invitations, client links) and to decide on HSTS. */
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MASTER_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters or base64')
    .optional(),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanText.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(50).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  DEMO_SEED: booleanText.optional(),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** With the demo seed: also make and process the sample recording (a job; takes a little CPU). */
  DEMO_RECORDING: booleanText.default(true),
  /** With the demo seed: also a year of anonymous activity by 36 more professionals, so insight shows figures (npm start turns it on). */
  DEMO_INSIGHT: booleanText.default(false),
  /** Database queue: how long a running job is leased before another worker assumes a crash. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  WEB_DIST_DIR: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanText.default(true),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(20_000).default(2048),
  MAX_RECORDING_MINUTES: z.coerce.number().int().min(1).max(600).default(120),
  FFMPEG_PATH: z.string().default('ffmpeg'),
  FFPROBE_PATH: z.string().default('ffprobe'),
  /** Sends a client their personal link by e-mail when set, e.g. smtps://user:password@mail.gemeente.nl:465. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().email('must be an e-mail address').optional(),
  /** /metrics answers a request with `Authorization: Bearer <token>`; off when neither this nor METRICS_ALLOW_FROM is set. */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** /metrics answers requests from these addresses or networks, e.g. 10.0.0.0/8,127.0.0.1. */
  METRICS_ALLOW_FROM: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[0-9a-fA-F.:]+(\/\d{1,3})?$/, 'must be a comma-separated list of IP addresses or networks (CIDR)')))
    .optional(),
  /** Single sign-on (OpenID Connect): off unless OIDC_ISSUER is set. See README, "Single sign-on". */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends people back: <base>/api/sso/callback. Defaults to PUBLIC_URL. */
  OIDC_REDIRECT_BASE: z.string().url().optional(),
  OIDC_SCOPES: z.string().default('openid profile email'),
  /** Claims that hold roles or groups, as dotted paths: roles, groups, realm_access.roles. */
  OIDC_ROLE_CLAIMS: z.string().default('roles'),
  /** JSON: claim value → "role" or "role:Team name" (or a list of them). */
  OIDC_ROLE_MAP: z.string().optional(),
  /** The words after "Inloggen met" on the log-in page, e.g. "uw gemeente-account". */
  OIDC_LABEL: z.string().min(1).max(60).default('uw organisatie-account'),
  /** The organisation SSO users belong to; may be left out when there is only one. */
  OIDC_ORGANISATION_ID: z.string().min(1).optional(),
  /** Make an account at the first SSO log-in of someone the provider gives a mapped role. */
  OIDC_CREATE_ACCOUNTS: booleanText.default(true),
  /** Treat the provider's `email` as verified even without `email_verified` (Entra ID sends none for its own domain). */
  OIDC_TRUST_EMAIL: booleanText.default(false),
  /** Administrators who may still log in with a password when passwords are switched off (break glass). */
  OIDC_BREAK_GLASS_EMAILS: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().email('must be a comma-separated list of e-mail addresses')))
    .optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string | undefined;
  sessionSecret: Buffer;
  masterKey: Buffer;
  role: 'all' | 'api' | 'worker';
  logLevel: Environment['LOG_LEVEL'];
  trustProxy: boolean;
  session: { idleMinutes: number; maxHours: number };
  login: { maxFailures: number; lockoutMinutes: number; rateLimitPerMinute: number };
  demo: { seed: boolean; password: string | undefined; recording?: boolean; insight?: boolean };
  jobs?: { leaseSeconds: number };
  webDistDir: string;
  s3: { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean } | undefined;
  limits: { maxUploadBytes: number; maxRecordingSeconds: number };
  tools: { ffmpeg: string; ffprobe: string };
  /** Outgoing e-mail (SMTP); without it, client links are given on paper or by QR code only. */
  mail?: { smtpUrl: string; from: string } | undefined;
  /** Who may read /metrics; undefined = nobody (the route answers 404). */
  metrics?: { token: string | undefined; allowFrom: string[] } | undefined;
  /** Single sign-on with OpenID Connect; undefined = log-in with password only. */
  sso?: SsoConfig | undefined;
}

export class ConfigError extends Error {}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
}

/** Secrets for the embedded mode live in the data folder, created once, readable only by us. */
function loadOrCreateEmbeddedSecrets(dataDir: string): { sessionSecret: string; masterKey: string } {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = z.object({ sessionSecret: z.string(), masterKey: z.string() }).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new ConfigError(`${file} is damaged; restore it from a backup (without it, recordings cannot be decrypted).`);
    return parsed.data;
  }
  const secrets = { sessionSecret: randomBytes(32).toString('hex'), masterKey: randomBytes(32).toString('hex') };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describeIssues(parsed.error)}`);
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  let sessionSecret = e.SESSION_SECRET;
  let masterKey = e.MASTER_KEY;
  if (e.DATABASE_URL) {
    // Several processes share PostgreSQL; a secret generated by one would not be known by the others.
    const missing = [!sessionSecret && 'SESSION_SECRET', !masterKey && 'MASTER_KEY'].filter(Boolean);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n  ${missing.join(', ')}: required when DATABASE_URL is set`);
  } else if (!sessionSecret || !masterKey) {
    const generated = loadOrCreateEmbeddedSecrets(dataDir);
    sessionSecret ??= generated.sessionSecret;
    masterKey ??= generated.masterKey;
  }

  if (e.SMTP_URL && !e.MAIL_FROM) throw new ConfigError('Invalid configuration:\n  MAIL_FROM: required when SMTP_URL is set');

  const s3Fields = [e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
  if (e.S3_ENDPOINT && s3Fields.some((value) => !value)) {
    throw new ConfigError('Invalid configuration:\n  S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required when S3_ENDPOINT is set');
  }

  return {
    sso: ssoConfigOf(e),
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: path.join(dataDir, 'spreekkamer.sqlite') },
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    sessionSecret: Buffer.from(sessionSecret ?? '', 'utf8'),
    masterKey: parseMasterKey(masterKey ?? ''),
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES, rateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE },
    demo: { seed: e.DEMO_SEED ?? !e.DATABASE_URL, password: e.DEMO_PASSWORD, recording: e.DEMO_RECORDING, insight: e.DEMO_INSIGHT },
    jobs: { leaseSeconds: e.JOB_LEASE_SECONDS },
    webDistDir: path.resolve(cwd, e.WEB_DIST_DIR ?? 'apps/web/dist'),
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { endpoint: e.S3_ENDPOINT, region: e.S3_REGION, bucket: e.S3_BUCKET, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, forcePathStyle: e.S3_FORCE_PATH_STYLE }
        : undefined,
    limits: { maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024, maxRecordingSeconds: e.MAX_RECORDING_MINUTES * 60 },
    tools: { ffmpeg: e.FFMPEG_PATH, ffprobe: e.FFPROBE_PATH },
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    metrics: e.METRICS_TOKEN || e.METRICS_ALLOW_FROM?.length ? { token: e.METRICS_TOKEN, allowFrom: e.METRICS_ALLOW_FROM ?? [] } : undefined,
  };
}

function ssoConfigOf(e: Environment): SsoConfig | undefined {
  if (!e.OIDC_ISSUER) return undefined;
  const redirectBase = (e.OIDC_REDIRECT_BASE ?? e.PUBLIC_URL)?.replace(/\/$/, '');
  const missing = [!e.OIDC_CLIENT_ID && 'OIDC_CLIENT_ID', !e.OIDC_CLIENT_SECRET && 'OIDC_CLIENT_SECRET', !redirectBase && 'OIDC_REDIRECT_BASE (or PUBLIC_URL)', !e.OIDC_ROLE_MAP && 'OIDC_ROLE_MAP'].filter(Boolean);
  if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n  ${missing.join(', ')}: required when OIDC_ISSUER is set`);
  let roleMap: SsoConfig['roleMap'];
  try {
    roleMap = parseRoleMap(e.OIDC_ROLE_MAP ?? '');
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  OIDC_ROLE_MAP: ${error instanceof Error ? error.message : String(error)}`);
  }
  const scopes = e.OIDC_SCOPES.split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new ConfigError('Invalid configuration:\n  OIDC_SCOPES: must include openid');
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID ?? '',
    clientSecret: e.OIDC_CLIENT_SECRET ?? '',
    redirectUri: `${redirectBase ?? ''}/api/sso/callback`,
    postLogoutRedirectUri: `${redirectBase ?? ''}/`,
    scopes,
    roleClaims: e.OIDC_ROLE_CLAIMS.split(',').map((part) => part.trim()).filter(Boolean),
    roleMap,
    label: e.OIDC_LABEL,
    organisationId: e.OIDC_ORGANISATION_ID,
    createAccounts: e.OIDC_CREATE_ACCOUNTS,
    trustEmail: e.OIDC_TRUST_EMAIL,
    breakGlassEmails: e.OIDC_BREAK_GLASS_EMAILS ?? [],
  };
}
