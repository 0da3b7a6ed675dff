import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'spreekkamer-config-'));
const hexKey = 'ab'.repeat(16) + 'cd'.repeat(16);

describe('configuration', () => {
  it('runs embedded with defaults and generates secrets once into the data folder', () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first).toMatchObject({ host: '127.0.0.1', port: 8080, role: 'all', database: { kind: 'sqlite' } });
    expect(first.masterKey).toHaveLength(32);
    const secretsFile = path.join(dataDir, 'secrets.json');
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(second.sessionSecret.equals(first.sessionSecret)).toBe(true);
    expect(JSON.parse(readFileSync(secretsFile, 'utf8'))).toHaveProperty('masterKey');
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadConfig({ DATA_DIR: tempDir(), PORT: 'tachtig' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATA_DIR: tempDir(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ DATA_DIR: tempDir(), MASTER_KEY: 'te-kort' })).toThrow(/MASTER_KEY/);
    expect(() => loadConfig({ DATA_DIR: tempDir(), ROLE: 'boss' })).toThrow(/ROLE/);
    expect(() => loadConfig({ DATA_DIR: tempDir(), TRUST_PROXY: 'misschien' })).toThrow(ConfigError);
  });

  it('requires explicit secrets on PostgreSQL, where several processes must share them', () => {
    const env = { DATA_DIR: tempDir(), DATABASE_URL: 'postgres://localhost/spreekkamer' };
    expect(() => loadConfig(env)).toThrow(/SESSION_SECRET, MASTER_KEY: required when DATABASE_URL is set/);
    const config = loadConfig({ ...env, SESSION_SECRET: 'x'.repeat(40), MASTER_KEY: hexKey });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://localhost/spreekkamer' });
    expect(config.demo.seed).toBe(false);
  });

  it('requires the whole S3 set once an endpoint is given', () => {
    expect(() => loadConfig({ DATA_DIR: tempDir(), S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET/);
    const config = loadConfig({ DATA_DIR: tempDir(), S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' });
    expect(config.s3).toMatchObject({ bucket: 'b', forcePathStyle: true });
  });

  it('sends e-mail only with a mail server and a sender address', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).mail).toBeUndefined();
    expect(() => loadConfig({ DATA_DIR: tempDir(), SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL: must start with smtp/);
    expect(() => loadConfig({ DATA_DIR: tempDir(), SMTP_URL: 'smtp://mail.example.org:587' })).toThrow(/MAIL_FROM: required when SMTP_URL is set/);
    expect(() => loadConfig({ DATA_DIR: tempDir(), SMTP_URL: 'smtp://mail.example.org:587', MAIL_FROM: 'geen adres' })).toThrow(/MAIL_FROM/);
    const config = loadConfig({ DATA_DIR: tempDir(), SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'spreekkamer@example.org' });
    expect(config.mail).toEqual({ smtpUrl: 'smtps://u:p@mail.example.org:465', from: 'spreekkamer@example.org' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), PORT: '', DATABASE_URL: '' }).port).toBe(8080);
  });
});
