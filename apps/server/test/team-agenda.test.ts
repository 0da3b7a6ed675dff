import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import { hashPassword } from '../src/domain/auth/passwords.js';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { unknownId, userIdOf } from './support/review-fixtures.js';

/**
 * The team learning agenda (seed 000 §6.4.2, issue #12): members bring lessons to their team, the
 * team lead plans the werkoverleg. Only the team's members and lead get in; an item never carries
 * its author unless the author chose to be named; leaving the team anonymises or withdraws.
 */
const clock = new Date('2026-12-01T10:00:00.000Z');
const password = 'een-lang-genoeg-wachtwoord';

describe('team learning agenda', () => {
  let server: TestServer;
  let admin: Agent;
  let professional: Agent;
  let professionalId: string;
  let lead: Agent;
  let colleague: Agent;
  let colleagueId: string;
  let otherTeamProfessional: Agent;
  let policy: Agent;
  let reviewer: Agent;
  let otherOrganisation: Agent;
  let teamId: string;
  let otherTeamId: string;
  const professionalName = 'Sanne de Vries';

  async function invite(name: string, email: string, team: string): Promise<{ id: string; agent: Agent }> {
    const invited = await admin.post('/api/admin/users', { name, email, memberships: [{ role: 'professional', teamId: team }] });
    expect(invited.statusCode, invited.body).toBe(200);
    const token = invited.json().invitationPath.split('/').pop();
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } })).statusCode).toBe(200);
    return { id: invited.json().user.id as string, agent: await server.login(email, password) };
  }

  async function add(agent: Agent, body: Record<string, unknown>, team = teamId) {
    return agent.post(`/api/team-agenda/teams/${team}/items`, { kind: 'lesson', themes: ['collaboration'], ...body });
  }

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => clock });
    admin = await server.login(demo.admin);
    professional = await server.login(demo.professional);
    professionalId = await userIdOf(admin, demo.professional);
    lead = await server.login(demo.manager);
    policy = await server.login(demo.policy);
    reviewer = await server.login(demo.reviewer);
    teamId = (await admin.get('/api/admin/teams')).json().teams[0].id;
    otherTeamId = (await admin.post('/api/admin/teams', { name: 'Team Schuldhulp' })).json().id;
    const joined = await invite('Ilse Bos', 'ilse@voorbeeld.nl', teamId);
    colleague = joined.agent;
    colleagueId = joined.id;
    otherTeamProfessional = (await invite('Bram Smit', 'bram@voorbeeld.nl', otherTeamId)).agent;

    // A professional in the same kind of team, in another organisation.
    const repositories = server.spreekkamer.repositories;
    const at = clock.toISOString();
    const organisationId = randomUUID();
    const foreignTeam = randomUUID();
    const foreignUser = randomUUID();
    await repositories.organisations.insert({ id: organisationId, name: 'Gemeente Elders', require_totp: 0, settings_json: '{}', created_at: at });
    await repositories.teams.insert({ id: foreignTeam, organisation_id: organisationId, name: 'Team Elders', created_at: at });
    await repositories.users.insert({
      id: foreignUser, organisation_id: organisationId, email: 'elders@elders.nl', name: 'Eva Elders', password_hash: await hashPassword(password), totp_secret: null, totp_enabled: 0,
      active: 1, failed_logins: 0, locked_until: null, locale: 'nl', created_at: at, password_set_at: at,
    });
    await repositories.users.replaceMemberships(foreignUser, [{ id: randomUUID(), user_id: foreignUser, role: 'professional', team_id: foreignTeam, created_at: at }]);
    otherOrganisation = await server.login('elders@elders.nl', password);
  });
  afterAll(async () => server?.close());

  it('warns about a name, a BSN or a phone number, and saves only once the author confirms', async () => {
    for (const text of ['Met mevrouw Jansen ging het beter toen ik stiller werd.', 'Haar BSN 123456782 stond in beeld.', 'Ik belde 06-12345678 terug en dat hielp.']) {
      const warned = await add(professional, { text });
      expect(warned.statusCode, warned.body).toBe(200);
      expect(warned.json().item).toBeNull();
      expect(warned.json().findings.length).toBeGreaterThan(0);
    }
    expect((await professional.call(contract.teamAgenda.team, { params: { id: teamId } })).items).toEqual([]);

    const confirmed = await add(professional, { text: 'Met mevrouw Jansen ging het beter toen ik stiller werd.', confirmed: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().item).toMatchObject({ status: 'new', mine: true, authorName: null });
    expect(confirmed.json().findings).toEqual([expect.objectContaining({ kind: 'name', text: 'mevrouw Jansen' })]);

    const clean = await add(professional, { text: 'Als ik eerst vraag wat de ander belangrijk vindt, gaat het gesprek beter.' });
    expect(clean.json()).toMatchObject({ findings: [], item: { mine: true } });
  });

  it('members and the team lead see the agenda; the author only as "door u", never by id or name unless named', async () => {
    const forColleague = await colleague.get(`/api/team-agenda/teams/${teamId}`);
    const forLead = await lead.get(`/api/team-agenda/teams/${teamId}`);
    for (const response of [forColleague, forLead]) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().items).toHaveLength(2);
      expect(response.body).not.toContain(professionalId);
      expect(response.body).not.toContain(professionalName);
      expect(response.json().items.every((item: { mine: boolean; authorName: string | null }) => !item.mine && item.authorName === null)).toBe(true);
    }
    expect(forLead.json().lead).toBe(true);
    expect(forColleague.json().lead).toBe(false);
    const own = await professional.get(`/api/team-agenda/teams/${teamId}`);
    expect(own.body).not.toContain(professionalId);
    expect(own.body).not.toContain(professionalName);

    const named = await add(professional, { text: 'Een vraag: hoe vragen jullie door zonder te oordelen?', kind: 'question', named: true });
    expect(named.json().item.authorName).toBe(professionalName);
    const after = await colleague.get(`/api/team-agenda/teams/${teamId}`);
    expect(after.body).toContain(professionalName);
    expect(after.body).not.toContain(professionalId);

    const overview = await professional.call(contract.teamAgenda.overview);
    expect(overview.teams).toEqual([expect.objectContaining({ id: teamId, newCount: 3, nextMeeting: null, lead: false })]);
    expect(overview.leaveChoice).toBe('anonymous');
  });

  it('refuses another team, a policy advisor, a reviewer, an administrator and another organisation', async () => {
    const itemId = (await professional.call(contract.teamAgenda.team, { params: { id: teamId } })).items[0]?.id ?? unknownId;
    for (const outsider of [otherTeamProfessional, otherOrganisation]) {
      const team = await outsider.get(`/api/team-agenda/teams/${teamId}`);
      expect(team.statusCode).toBe(404);
      expect(errorOf(team).message).toBe('Dit bestaat niet (meer), of u heeft er geen toegang toe.');
      expect((await add(outsider, { text: 'Ingebracht van buiten.' })).statusCode).toBe(404);
      expect((await outsider.delete(`/api/team-agenda/items/${itemId}`)).statusCode).toBe(404);
      expect((await outsider.put(`/api/team-agenda/items/${itemId}/outcome`, { status: 'done', agreement: '' })).statusCode).toBe(404);
    }
    expect((await otherTeamProfessional.call(contract.teamAgenda.overview)).teams).toEqual([expect.objectContaining({ id: otherTeamId, newCount: 0 })]);
    for (const noTeamRole of [policy, reviewer, admin]) {
      expect((await noTeamRole.get('/api/team-agenda')).statusCode).toBe(403);
      expect((await noTeamRole.get(`/api/team-agenda/teams/${teamId}`)).statusCode).toBe(404);
      expect((await noTeamRole.put(`/api/team-agenda/items/${itemId}/meeting`, { meetingId: null })).statusCode).toBe(404);
    }
    // A member is not the lead, and nobody but the author withdraws an item.
    expect((await colleague.put(`/api/team-agenda/items/${itemId}/outcome`, { status: 'done', agreement: '' })).statusCode).toBe(404);
    expect((await colleague.post(`/api/team-agenda/teams/${teamId}/meetings`, { date: '2026-12-10' })).statusCode).toBe(404);
    expect((await lead.delete(`/api/team-agenda/items/${itemId}`)).statusCode).toBe(404);
    expect((await professional.get(`/api/team-agenda/teams/${unknownId}`)).statusCode).toBe(404);
    expect((await professional.call(contract.teamAgenda.team, { params: { id: teamId } })).items).toHaveLength(3);
  });

  it('answers bad input with a Dutch 400 and changes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(2001) }, 'text'],
      [{ text: 'Goed verhaal', themes: ['salaris'] }, 'themes.0'],
      [{ text: 'Goed verhaal', kind: 'klacht' }, 'kind'],
    ];
    for (const [body, path] of cases) {
      const response = await add(professional, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const error = errorOf(response);
      expect(error.code).toBe('validation');
      expect(error.message).toBe('Niet alles is goed ingevuld. Kijk bij de velden wat er mis is.');
      expect(error.fields?.map((f) => f.path)).toContain(path);
    }
    const itemId = (await lead.call(contract.teamAgenda.team, { params: { id: teamId } })).items[0]?.id ?? unknownId;
    const wrongStatus = await lead.put(`/api/team-agenda/items/${itemId}/outcome`, { status: 'misschien', agreement: '' });
    expect(wrongStatus.statusCode).toBe(400);
    expect(errorOf(wrongStatus).fields?.[0]).toMatchObject({ path: 'status', message: 'Kies een van de mogelijkheden.' });
    const badDate = await lead.post(`/api/team-agenda/teams/${teamId}/meetings`, { date: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    const agenda = await lead.call(contract.teamAgenda.team, { params: { id: teamId } });
    expect(agenda.items).toHaveLength(3);
    expect(agenda.items.every((item) => item.status === 'new')).toBe(true);
    expect(agenda.meetings).toEqual([]);
  });

  it('the team lead plans an item for a werkoverleg and writes the outcome; members see it', async () => {
    const meeting = await lead.call(contract.teamAgenda.addMeeting, { params: { id: teamId }, body: { date: '2026-12-10' } });
    const itemId = (await lead.call(contract.teamAgenda.team, { params: { id: teamId } })).items[0]?.id ?? unknownId;
    // Only a meeting of the same team.
    const foreignMeeting = await lead.put(`/api/team-agenda/items/${itemId}/meeting`, { meetingId: unknownId });
    expect(foreignMeeting.statusCode).toBe(400);
    const planned = await lead.call(contract.teamAgenda.planItem, { params: { id: itemId }, body: { meetingId: meeting.id } });
    expect(planned.meetingId).toBe(meeting.id);
    await lead.call(contract.teamAgenda.setOutcome, { params: { id: itemId }, body: { status: 'trying', agreement: 'We vragen eerst wat de ander belangrijk vindt.' } });
    await lead.call(contract.teamAgenda.setMeetingNote, { params: { id: meeting.id }, body: { note: 'Goed overleg, volgende keer verder.' } });

    const seen = await professional.call(contract.teamAgenda.team, { params: { id: teamId } });
    expect(seen.meetings).toEqual([{ id: meeting.id, date: '2026-12-10', note: 'Goed overleg, volgende keer verder.' }]);
    expect(seen.items.find((item) => item.id === itemId)).toMatchObject({ status: 'trying', agreement: 'We vragen eerst wat de ander belangrijk vindt.', meetingId: meeting.id });
    const overview = await professional.call(contract.teamAgenda.overview);
    expect(overview.teams[0]).toMatchObject({ newCount: 2, nextMeeting: { id: meeting.id, date: '2026-12-10' } });

    const log = await admin.call(contract.admin.listAudit, { query: { limit: 100 } });
    const actions = log.events.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['team_agenda.item_added', 'team_agenda.item_planned', 'team_agenda.outcome_written', 'team_agenda.meeting_note_written']));
    expect(JSON.stringify(log)).not.toContain('We vragen eerst');
  });

  it('only the author changes whether their name shows', async () => {
    const item = (await professional.call(contract.teamAgenda.team, { params: { id: teamId } })).items.find((i) => i.kind === 'lesson' && i.mine);
    const itemId = item?.id ?? unknownId;
    expect((await lead.put(`/api/team-agenda/items/${itemId}/named`, { named: true })).statusCode).toBe(404);
    expect((await colleague.put(`/api/team-agenda/items/${itemId}/named`, { named: true })).statusCode).toBe(404);
    expect((await professional.call(contract.teamAgenda.setNamed, { params: { id: itemId }, body: { named: true } })).authorName).toBe(professionalName);
    expect((await lead.get(`/api/team-agenda/teams/${teamId}`)).body).toContain(professionalName);
    await professional.call(contract.teamAgenda.setNamed, { params: { id: itemId }, body: { named: false } });
    const hidden = await lead.get(`/api/team-agenda/teams/${teamId}`);
    expect(hidden.body).not.toContain(professionalId);
    expect(hidden.json().items.filter((i: { authorName: string | null }) => i.authorName === professionalName)).toHaveLength(1);
  });

  it('the author withdraws their own item', async () => {
    const mine = (await professional.call(contract.teamAgenda.team, { params: { id: teamId } })).items.find((item) => item.kind === 'question');
    expect(mine?.mine).toBe(true);
    expect((await professional.delete(`/api/team-agenda/items/${mine?.id ?? unknownId}`)).statusCode).toBe(204);
    expect((await professional.call(contract.teamAgenda.team, { params: { id: teamId } })).items).toHaveLength(2);
  });

  it('leaving the team keeps the items without a name, or withdraws them, as the author chose', async () => {
    const named = await add(colleague, { text: 'Stilte laten vallen werkt bij ons goed.', named: true });
    expect(named.json().item.authorName).toBe('Ilse Bos');
    await add(colleague, { text: 'Samen het doel opschrijven helpt.' });
    const removed = await admin.patch(`/api/admin/users/${colleagueId}`, { memberships: [{ role: 'professional', teamId: otherTeamId }] });
    expect(removed.statusCode, removed.body).toBe(200);
    const kept = await lead.get(`/api/team-agenda/teams/${teamId}`);
    expect(kept.json().items).toHaveLength(4);
    expect(kept.body).not.toContain('Ilse Bos');
    expect(kept.body).not.toContain(colleagueId);
    expect((await colleague.get(`/api/team-agenda/teams/${teamId}`)).statusCode).toBe(404);

    // The demo professional chooses to withdraw, then the account is switched off.
    expect((await professional.call(contract.teamAgenda.setLeaveChoice, { body: { choice: 'withdraw' } })).choice).toBe('withdraw');
    expect((await professional.call(contract.teamAgenda.overview)).leaveChoice).toBe('withdraw');
    const deactivated = await admin.patch(`/api/admin/users/${professionalId}`, { active: false });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const left = await lead.call(contract.teamAgenda.team, { params: { id: teamId } });
    expect(left.items.map((item) => item.text).sort()).toEqual(['Samen het doel opschrijven helpt.', 'Stilte laten vallen werkt bij ons goed.']);
    const actions = (await admin.call(contract.admin.listAudit, { query: { limit: 100 } })).events.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['team_agenda.items_anonymised_on_leaving', 'team_agenda.items_withdrawn_on_leaving']));
  });
});
