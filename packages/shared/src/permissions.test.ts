import { describe, expect, it } from 'vitest';
import { hasPermission, permissions, type Permission } from './permissions.js';
import { roles } from './roles.js';

const grantedTo = (role: (typeof roles)[number]) => (Object.keys(permissions) as Permission[]).filter((p) => hasPermission([role], p));

describe('permissions', () => {
  it('gives administrators management, never content', () => {
    // The survey's results are the survey's own totals, imported as they are: no content of anyone.
    expect(grantedTo('administrator').sort()).toEqual(['account.self', 'admin.audit', 'admin.settings', 'admin.teams', 'admin.users', 'survey.import', 'survey.view']);
  });

  it('gives managers anonymous insight and their own conversations with staff, policy advisors only insight', () => {
    expect(grantedTo('manager').sort()).toEqual(['account.self', 'agenda.team', 'clients.own', 'insight.decline_reasons', 'insight.team', 'kar.canvas', 'kar.organisation', 'kar.team', 'recordings.own', 'shares.policy', 'signals.receive', 'signals.send', 'survey.view']);
    expect(grantedTo('policy_advisor').sort()).toEqual(['account.self', 'insight.decline_reasons', 'insight.organisation', 'kar.canvas', 'kar.organisation', 'shares.policy', 'signals.receive', 'survey.import', 'survey.view']);
  });

  it('lets only professionals and managers own recordings and conversation partners (managers: staff only, see partner-kind.ts)', () => {
    for (const role of roles) {
      expect(hasPermission([role], 'recordings.own')).toBe(role === 'professional' || role === 'manager');
      expect(hasPermission([role], 'clients.own')).toBe(role === 'professional' || role === 'manager');
    }
  });

  it('combines the roles of a person who holds several', () => {
    expect(hasPermission(['manager', 'professional'], 'recordings.own')).toBe(true);
    expect(hasPermission([], 'account.self')).toBe(false);
  });
});
