import { randomUUID } from 'node:crypto';
import { contract } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStoredSettings } from '../src/domain/admin/organisation-settings.js';
import { hashPassword } from '../src/domain/auth/passwords.js';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';

/**
 * The administrator's reach through the access gate: teams and accounts of their own organisation
 * only (`team.administrator`, `user.administrator`). An administrator elsewhere hears not_found,
 * never that the team or account exists; a team of another organisation is an unknown team.
 */
describe('administration through the access gate', () => {
  let server: TestServer;
  let admin: Agent;
  let elsewhere: Agent;
  let teamId: string;
  let otherTeamId: string;
  let professionalId: string;

  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' });
    admin = await server.login(demo.admin);
    teamId = (await admin.call(contract.admin.listTeams)).teams[0]?.id ?? '';
    professionalId = (await admin.call(contract.admin.listUsers)).users.find((u) => u.email === demo.professional)?.id ?? '';

    const { repositories } = server.spreekkamer;
    const now = new Date().toISOString();
    const otherId = randomUUID();
    await repositories.organisations.insert({ id: otherId, name: 'Gemeente Elders', require_totp: 0, settings_json: JSON.stringify(defaultStoredSettings), created_at: now });
    otherTeamId = randomUUID();
    await repositories.teams.insert({ id: otherTeamId, organisation_id: otherId, name: 'Team Elders', created_at: now });
    const userId = randomUUID();
    await repositories.users.insert({
      id: userId, organisation_id: otherId, email: 'beheer@elders.nl', name: 'Bram Elders', password_hash: await hashPassword('een-lang-test-wachtwoord'), totp_secret: null, totp_enabled: 0,
      active: 1, failed_logins: 0, locked_until: null, locale: 'nl', created_at: now, password_set_at: now,
    });
    await repositories.users.replaceMemberships(userId, [{ id: randomUUID(), user_id: userId, role: 'administrator', team_id: null, created_at: now }]);
    elsewhere = await server.login('beheer@elders.nl', 'een-lang-test-wachtwoord');
  });
  afterAll(async () => server?.close());

  it('renames a team of the own organisation, with its audit entry', async () => {
    const renamed = await admin.call(contract.admin.renameTeam, { params: { id: teamId }, body: { name: 'Team Noord' } });
    expect(renamed).toMatchObject({ id: teamId, name: 'Team Noord' });
    const audit = await admin.call(contract.admin.listAudit, { query: { limit: 5 } });
    expect(audit.events.find((e) => e.action === 'admin.team_renamed')?.subjectId).toBe(teamId);
  });

  it('answers an administrator of another organisation not_found for our team and our account, and changes nothing', async () => {
    const rename = await elsewhere.patch(`/api/admin/teams/${teamId}`, { name: 'Overgenomen' });
    expect(rename.statusCode).toBe(404);
    expect(errorOf(rename).code).toBe('not_found');
    const update = await elsewhere.patch(`/api/admin/users/${professionalId}`, { active: false });
    expect(update.statusCode).toBe(404);
    const reinvite = await elsewhere.post(`/api/admin/users/${professionalId}/invitation`);
    expect(reinvite.statusCode).toBe(404);
    expect((await admin.call(contract.admin.listTeams)).teams.find((t) => t.id === teamId)?.name).toBe('Team Noord');
    expect((await admin.call(contract.admin.listUsers)).users.find((u) => u.id === professionalId)?.active).toBe(true);
    // Nor does their own list show anything of ours.
    expect((await elsewhere.call(contract.admin.listUsers)).users.map((u) => u.email)).toEqual(['beheer@elders.nl']);
  });

  it('refuses a team of another organisation in a membership as an unknown team, in Dutch, and creates no account', async () => {
    const invited = await admin.post('/api/admin/users', { name: 'Sem Smit', email: 'sem@voorbeeld.nl', memberships: [{ role: 'professional', teamId: otherTeamId }] });
    expect(invited.statusCode).toBe(400);
    expect(errorOf(invited).fields).toEqual([{ path: 'memberships.0.teamId', message: 'Dit team bestaat niet.' }]);
    expect((await admin.call(contract.admin.listUsers)).users.map((u) => u.email)).not.toContain('sem@voorbeeld.nl');
    const moved = await admin.patch(`/api/admin/users/${professionalId}`, { memberships: [{ role: 'professional', teamId: otherTeamId }] });
    expect(moved.statusCode).toBe(400);
  });

  it('refuses a team lead with forbidden, before anything is looked up', async () => {
    const manager = await server.login(demo.manager);
    expect((await manager.patch(`/api/admin/teams/${randomUUID()}`, { name: 'X' })).statusCode).toBe(403);
    expect((await manager.patch(`/api/admin/users/${randomUUID()}`, { active: false })).statusCode).toBe(403);
  });
});
