import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('single sign-on configuration', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spreekkamer-sso-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const base = { DATA_DIR: dataDir, PUBLIC_URL: 'https://spreekkamer.gemeente.nl' };
  const sso = { OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'sk', OIDC_CLIENT_SECRET: 's', OIDC_ROLE_MAP: '{"sk-beheer":"administrator"}' };

  it('is off without an issuer, and builds the redirect URIs from PUBLIC_URL', () => {
    expect(loadConfig(base).sso).toBeUndefined();
    const config = loadConfig({ ...base, ...sso, OIDC_ROLE_CLAIMS: 'roles, realm_access.roles', OIDC_BREAK_GLASS_EMAILS: 'Beheer@Gemeente.nl' }).sso;
    expect(config).toMatchObject({
      redirectUri: 'https://spreekkamer.gemeente.nl/api/sso/callback',
      postLogoutRedirectUri: 'https://spreekkamer.gemeente.nl/',
      scopes: ['openid', 'profile', 'email'],
      roleClaims: ['roles', 'realm_access.roles'],
      roleMap: { 'sk-beheer': [{ role: 'administrator', team: null }] },
      breakGlassEmails: ['beheer@gemeente.nl'],
      trustEmail: false,
    });
  });

  it('names what is missing or wrong', () => {
    expect(() => loadConfig({ ...base, ...sso, OIDC_CLIENT_SECRET: '' })).toThrow(/OIDC_CLIENT_SECRET: required when OIDC_ISSUER is set/);
    expect(() => loadConfig({ DATA_DIR: dataDir, ...sso })).toThrow(/OIDC_REDIRECT_BASE \(or PUBLIC_URL\)/);
    expect(() => loadConfig({ ...base, ...sso, OIDC_ROLE_MAP: '{"x":"superuser"}' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...sso, OIDC_SCOPES: 'profile email' })).toThrow(/must include openid/);
    expect(() => loadConfig({ ...base, ...sso, OIDC_BREAK_GLASS_EMAILS: 'geen-adres' })).toThrow(/e-mail addresses/);
  });
});
