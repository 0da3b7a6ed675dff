import { randomBytes } from 'node:crypto';
import { contract } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { consentedConversation, newUser, readyRecording, userIdOf, type ConsentedConversation } from './support/review-fixtures.js';

interface InsightJson {
  scope: string;
  minimumGroupSize: number;
  groups: { id: string; name: string; enoughPeople: boolean; figures: Record<string, number | null> }[];
}

const nothing = { roundsStarted: null, roundsCompleted: null, recordingsMade: null, feedbackHeld: null };

describe('anonymous insight for team leads and policy advisors', () => {
  let server: TestServer;
  let professional: Agent;
  let reviewer: Agent;
  let manager: Agent;
  let policy: Agent;
  let admin: Agent;
  let conversation: ConsentedConversation;
  const colleagues: { id: string; agent: Agent; name: string }[] = [];

  async function insightOf(agent: Agent, scope: 'teams' | 'organisation'): Promise<InsightJson> {
    return agent.call(contract.insight[scope]);
  }

  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' });
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    manager = await server.login(demo.manager);
    policy = await server.login(demo.policy);
    admin = await server.login(demo.admin);
    conversation = await consentedConversation(server, professional, { audience: 'professional' });
  });
  afterAll(async () => server?.close());

  it('shows nothing for a team smaller than the minimum group size', async () => {
    const teams = await insightOf(manager, 'teams');
    expect(teams.scope).toBe('teams');
    expect(teams.minimumGroupSize).toBe(5);
    expect(teams.groups).toEqual([{ id: expect.any(String), name: 'Team Werk en Inkomen', enoughPeople: false, figures: nothing }]);
    const organisation = await insightOf(policy, 'organisation');
    expect(organisation.groups).toEqual([{ id: expect.any(String), name: 'Gemeente Voorbeeld', enoughPeople: false, figures: nothing }]);
  });

  it('counts what at least five people did, and suppresses what fewer did, zero included', async () => {
    for (const name of ['Ayla Kaya', 'Bas Smit', 'Chris Mulder', 'Dewi Bakker']) colleagues.push({ ...(await newUser(server, admin, name, 'professional')), name });
    // Six professionals in the team now. Four of them recorded: too few people to show.
    for (const colleague of colleagues) await readyRecording(server, colleague.id, conversation, 60);
    let teams = await insightOf(manager, 'teams');
    expect(teams.groups[0]).toMatchObject({ enoughPeople: true, figures: nothing });
    // A fifth person records, twice: six recordings by five people.
    const professionalId = await userIdOf(admin, demo.professional);
    await readyRecording(server, professionalId, conversation, 60);
    await readyRecording(server, professionalId, conversation, 60);
    teams = await insightOf(manager, 'teams');
    expect(teams.groups[0]?.figures).toEqual({ ...nothing, recordingsMade: 6 });

    // Learning rounds: a round open today; five people open it, so five rounds started, none completed.
    const today = new Date().toISOString().slice(5, 10);
    const rounds = today > '01-10' ? [{ starts: '01-01', ends: today }] : [{ starts: today, ends: '12-31' }];
    expect((await admin.put('/api/learning/rhythm', { rounds })).statusCode).toBe(200);
    for (const agent of [professional, ...colleagues.map((c) => c.agent)]) expect((await agent.get('/api/learning/round')).statusCode).toBe(200);
    teams = await insightOf(manager, 'teams');
    expect(teams.groups[0]?.figures).toEqual({ ...nothing, recordingsMade: 6, roundsStarted: 5 });
    // The policy advisor's organisation figures come from the same query over everyone.
    expect((await insightOf(policy, 'organisation')).groups[0]?.figures).toEqual(teams.groups[0]?.figures);

    // Never a name, an e-mail address or an id of a person.
    const body = JSON.stringify([teams, await insightOf(policy, 'organisation')]);
    for (const colleague of colleagues) {
      expect(body).not.toContain(colleague.id);
      expect(body).not.toContain(colleague.name);
    }
    expect(body).not.toContain(professionalId);
    expect(body).not.toContain('Sanne');
  });

  it('shows a team lead only the teams they lead', async () => {
    const team = await admin.call(contract.admin.createTeam, { body: { name: 'Team Schuldhulp' } });
    const email = `leider.${randomBytes(3).toString('hex')}@voorbeeld.nl`;
    const invited = await admin.call(contract.admin.inviteUser, { body: { name: 'Fleur Dijk', email, memberships: [{ role: 'manager', teamId: team.id }] } });
    const token = invited.invitationPath.split('/').pop();
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'een-lang-test-wachtwoord' } })).statusCode).toBe(200);
    const otherLead = await server.login(email, 'een-lang-test-wachtwoord');
    const teams = await insightOf(otherLead, 'teams');
    expect(teams.groups).toEqual([{ id: team.id, name: 'Team Schuldhulp', enoughPeople: false, figures: nothing }]);
  });

  it('refuses everyone else: a professional, a reviewer, an administrator, the other role, no session', async () => {
    for (const agent of [professional, reviewer, admin, policy]) expect((await agent.get('/api/insight/teams')).statusCode).toBe(403);
    for (const agent of [professional, reviewer, admin, manager]) expect((await agent.get('/api/insight/organisation')).statusCode).toBe(403);
    const refused = await professional.get('/api/insight/teams');
    expect(refused.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect(refused.body).not.toMatch(/at \w+ \(/);
    expect((await server.anonymous().get('/api/insight/teams')).statusCode).toBe(401);
    expect((await server.anonymous().get('/api/insight/organisation')).statusCode).toBe(401);
  });
});
