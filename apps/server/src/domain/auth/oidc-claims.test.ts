import { describe, expect, it } from 'vitest';
import { claimValuesAt, mapClaims, parseRoleMap } from './oidc-claims.js';

describe('SSO claim mapping', () => {
  it('reads dotted paths as Keycloak nests its realm roles, and single strings as a list of one', () => {
    const claims = { realm_access: { roles: ['sk-coach', 7, 'offline_access'] }, groups: 'g-1', roles: null };
    expect(claimValuesAt(claims, 'realm_access.roles')).toEqual(['sk-coach', 'offline_access']);
    expect(claimValuesAt(claims, 'groups')).toEqual(['g-1']);
    expect(claimValuesAt(claims, 'roles')).toEqual([]);
    expect(claimValuesAt(claims, 'realm_access.roles.deeper')).toEqual([]);
  });

  it('maps claim values to roles and teams, ignoring unknown values and inherited object keys', () => {
    const roleMap = parseRoleMap('{"sk-beheer":"administrator","6f1c-group":["professional:Team Noord","reviewer"]}');
    const arrived = mapClaims({ roles: ['sk-beheer', 'toString', 'onbekend'], groups: ['6f1c-group'] }, { roleClaims: ['roles', 'groups'], roleMap });
    expect(arrived.mapped).toEqual([
      { role: 'administrator', team: null },
      { role: 'professional', team: 'Team Noord' },
      { role: 'reviewer', team: null },
    ]);
    expect(arrived.values).toEqual({ roles: ['sk-beheer', 'toString', 'onbekend'], groups: ['6f1c-group'] });
  });

  it('refuses a table with an unknown role, a team role without team, or an organisation role with a team', () => {
    expect(() => parseRoleMap('{"x":"superuser"}')).toThrow(/not a Spreekkamer role/);
    expect(() => parseRoleMap('{"x":"manager"}')).toThrow(/needs a team/);
    expect(() => parseRoleMap('{"x":"administrator:Team Noord"}')).toThrow(/takes no team/);
    expect(() => parseRoleMap('not json')).toThrow(/JSON object/);
  });
});
