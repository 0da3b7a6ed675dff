import { randomBytes, randomUUID } from 'node:crypto';
import { contract, type Signal } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/domain/auth/passwords.js';
import { newAccount } from '../src/db/repositories/users.repository.js';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { newUser, unknownId, userIdOf } from './support/review-fixtures.js';

const base = { kind: 'knelt', subject: 'rule', theme: 'fit', text: 'De regel over de wachttijd maakt het gesprek over werk lastig.' } as const;

/** A person with a password and the given roles, straight in the database (for a second organisation or an extra manager). */
async function seededUser(server: TestServer, organisationId: string, name: string, roles: string[], teamId: string | null = null): Promise<{ id: string; agent: Agent }> {
  const id = randomUUID();
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(3).toString('hex')}@voorbeeld.nl`;
  const password = 'een-lang-test-wachtwoord';
  const now = new Date().toISOString();
  const { users } = server.spreekkamer.repositories;
  await users.insert({ ...newAccount({ id, organisation_id: organisationId, email, name, created_at: now }), password_hash: await hashPassword(password), password_set_at: now });
  await users.replaceMemberships(id, roles.map((role) => ({ id: randomUUID(), user_id: id, team_id: role === 'professional' || role === 'manager' ? teamId : null, role, created_at: now })));
  return { id, agent: await server.login(email, password) };
}

describe('signals to policy and the management team', () => {
  let server: TestServer;
  let professional: Agent;
  let professionalId: string;
  let professionalName: string;
  let otherProfessional: Agent;
  let otherProfessionalId: string;
  let policy: Agent;
  let manager: Agent;
  let managementMember: Agent;
  let managementMemberId: string;
  let admin: Agent;
  let strangerPolicy: Agent;
  let first: Signal;

  async function send(agent: Agent, body: Record<string, unknown>) {
    return agent.post('/api/signals', body);
  }

  async function signalCount(): Promise<number> {
    const row = await server.spreekkamer.database.db.selectFrom('signals').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    policy = await server.login(demo.policy);
    manager = await server.login(demo.manager);
    admin = await server.login(demo.admin);
    professionalId = await userIdOf(admin, demo.professional);
    professionalName = (await professional.get('/api/session')).json().user.name;
    const other = await newUser(server, admin, 'Noor Visser', 'professional');
    otherProfessional = other.agent;
    otherProfessionalId = other.id;
    const organisationId = (await admin.get('/api/session')).json().organisation.id as string;
    const mt = await seededUser(server, organisationId, 'Mila de Groot', ['manager']);
    managementMember = mt.agent;
    managementMemberId = mt.id;
    const otherOrganisation = randomUUID();
    await server.spreekkamer.repositories.organisations.insert({ id: otherOrganisation, name: 'Andere gemeente', require_totp: 0, settings_json: '{}', created_at: new Date().toISOString() });
    strangerPolicy = (await seededUser(server, otherOrganisation, 'Sam Beleid', ['policy_advisor'])).agent;
  });
  afterAll(async () => server?.close());

  it('warns about identifying details, names them, and sends once the author confirms or rewrites', async () => {
    const before = await signalCount();
    const warned = await send(professional, { ...base, text: 'Mevrouw Jansen (06-12345678) kon niet bellen.' });
    expect(warned.statusCode).toBe(422);
    const problem = errorOf(warned);
    expect(problem.code).toBe('signal_identifying');
    expect(problem.message).toMatch(/herkennen/);
    expect(problem.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['text.phone', 'text.name']));
    expect(await signalCount()).toBe(before);

    const sent = await send(professional, base);
    expect(sent.statusCode, sent.body).toBe(201);
    first = sent.json();
    expect(first).toMatchObject({ mine: true, named: false, authorName: null, status: 'received', toPolicy: true, toManagement: false });

    const confirmed = await send(professional, { ...base, text: 'Bellen naar 06-12345678 lukt nooit.', confirmIdentifying: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('shows the sender their own signal, and another professional gets 404', async () => {
    const mine = await professional.call(contract.signals.mine);
    expect(mine.signals.map((s) => s.id)).toContain(first.id);
    expect((await professional.get(`/api/signals/${first.id}`)).json().mine).toBe(true);
    const other = await otherProfessional.get(`/api/signals/${first.id}`);
    expect(other.statusCode).toBe(404);
    expect(errorOf(other).code).toBe('not_found');
    expect((await otherProfessional.call(contract.signals.mine)).signals).toEqual([]);
    expect((await otherProfessional.get('/api/signals/inbox')).statusCode).toBe(403);
  });

  it('lets a policy advisor read it without the author: no id, no name, anywhere in the answer', async () => {
    const inbox = await policy.get('/api/signals/inbox');
    expect(inbox.statusCode).toBe(200);
    const one = await policy.get(`/api/signals/${first.id}`);
    expect(one.statusCode).toBe(200);
    for (const body of [inbox.body, one.body]) {
      expect(body).toContain(first.id);
      expect(body).not.toContain(professionalId);
      expect(body).not.toContain(professionalName);
    }
    expect(one.json()).toMatchObject({ mine: false, named: false, authorName: null });
    // Nor does the audit log name the author of an unnamed signal.
    expect((await admin.get('/api/admin/audit')).body).not.toMatch(new RegExp(`${professionalId}[^]{0,400}signal\\.sent|signal\\.sent[^]{0,400}${professionalId}`));
  });

  it('shows the author when they chose to be named', async () => {
    const named = (await send(otherProfessional, { ...base, text: 'Het nieuwe formulier werkt goed.', kind: 'werkt', named: true })).json() as Signal;
    const seen = await policy.get(`/api/signals/${named.id}`);
    expect(seen.json()).toMatchObject({ named: true, authorName: 'Noor Visser', mine: false });
    expect(seen.body).not.toContain(otherProfessionalId);
  });

  it('keeps signals from an administrator and from another organisation', async () => {
    for (const url of [`/api/signals/${first.id}`, '/api/signals/inbox', '/api/signals/mine']) {
      const response = await admin.get(url);
      expect([403, 404]).toContain(response.statusCode);
    }
    expect((await admin.post('/api/signals', base)).statusCode).toBe(403);
    expect((await strangerPolicy.get(`/api/signals/${first.id}`)).statusCode).toBe(404);
    const theirInbox = await strangerPolicy.call(contract.signals.inbox);
    expect(theirInbox.signals).toEqual([]);
    expect((await strangerPolicy.put(`/api/signals/${first.id}/answer`, { answer: 'Nee.', status: 'answered' })).statusCode).toBe(404);
  });

  it('groups signals and answers the group: every sender gets the answer, a notification and the status', async () => {
    const second = (await send(otherProfessional, { ...base, text: 'De wachttijdregel zit ook mij in de weg.' })).json() as Signal;
    const group = await policy.call(contract.signals.createGroup, { body: { name: 'Wachttijd' } });
    for (const id of [first.id, second.id]) {
      const grouped = await policy.call(contract.signals.setGroup, { params: { id }, body: { groupId: group.id } });
      expect(grouped).toMatchObject({ groupId: group.id, groupName: 'Wachttijd', status: 'in_progress' });
    }
    expect((await professional.call(contract.signals.get, { params: { id: first.id } })).status).toBe('in_progress');
    const before = (await professional.call(contract.notifications.list)).notifications.length;
    const answered = await policy.call(contract.signals.answerGroup, { params: { id: group.id }, body: { answer: 'We passen de regel aan per 1 januari.', status: 'adopted' } });
    expect(answered).toMatchObject({ status: 'adopted', signalCount: 2 });
    for (const [agent, id] of [[professional, first.id], [otherProfessional, second.id]] as const) {
      const own = (await agent.call(contract.signals.mine)).signals.find((s) => s.id === id);
      expect(own).toMatchObject({ status: 'adopted', answer: 'We passen de regel aan per 1 januari.' });
      const notices = (await agent.call(contract.notifications.list)).notifications.filter((n) => n.kind === 'signal_answered');
      expect(notices.map((n) => n.link)).toContain(`/signalen#signaal-${id}`);
    }
    expect((await professional.call(contract.notifications.list)).notifications.length).toBe(before + 1);
  });

  it('answers one signal on its own', async () => {
    const single = (await send(professional, { ...base, subject: 'offer', text: 'Het taalaanbod is te kort.' })).json() as Signal;
    const answered = await policy.call(contract.signals.answer, { params: { id: single.id }, body: { answer: 'Dat blijft zo: het budget is op.', status: 'not_adopted' } });
    expect(answered).toMatchObject({ status: 'not_adopted', mine: false, authorName: null });
    expect(JSON.stringify(answered)).not.toContain(professionalId);
  });

  it('addresses the management team: a member reads and answers, a manager outside it and policy (for an MT-only signal) are refused', async () => {
    expect(errorOf(await admin.put(`/api/admin/users/${professionalId}/management-team`, { member: true })).code).toBe('management_team_needs_manager');
    expect((await manager.put(`/api/admin/users/${managementMemberId}/management-team`, { member: true })).statusCode).toBe(403);
    expect((await admin.put(`/api/admin/users/${unknownId}/management-team`, { member: true })).statusCode).toBe(404);
    expect((await admin.call(contract.signals.setManagementTeam, { params: { id: managementMemberId }, body: { member: true } })).member).toBe(true);
    expect((await admin.call(contract.signals.managementTeam)).userIds).toContain(managementMemberId);

    const toMt = (await send(professional, { ...base, text: 'De werkdruk laat geen tijd voor terugkijken.', toPolicy: false, toManagement: true })).json() as Signal;
    const access = await managementMember.call(contract.signals.access);
    expect(access).toMatchObject({ management: true, policy: false });
    const inbox = await managementMember.call(contract.signals.inbox);
    expect(inbox.signals.map((s) => s.id)).toEqual([toMt.id]);
    expect(JSON.stringify(inbox)).not.toContain(professionalId);
    const answered = await managementMember.call(contract.signals.answer, { params: { id: toMt.id }, body: { answer: 'We maken er tijd voor in het werkoverleg.', status: 'answered' } });
    expect(answered.status).toBe('answered');

    expect((await manager.get(`/api/signals/${toMt.id}`)).statusCode).toBe(404);
    expect((await manager.get('/api/signals/inbox')).statusCode).toBe(404);
    expect((await manager.put(`/api/signals/${toMt.id}/answer`, { answer: 'x', status: 'answered' })).statusCode).toBe(404);
    expect((await manager.call(contract.signals.access)).management).toBe(false);
    expect((await policy.get(`/api/signals/${toMt.id}`)).statusCode).toBe(404);
    expect((await policy.call(contract.signals.inbox)).signals.map((s) => s.id)).not.toContain(toMt.id);

    // Leaving the management team ends the access.
    await admin.call(contract.signals.setManagementTeam, { params: { id: managementMemberId }, body: { member: false } });
    expect((await managementMember.get(`/api/signals/${toMt.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a Dutch 400 and changes nothing', async () => {
    const before = await signalCount();
    const bad: Record<string, unknown>[] = [
      { ...base, text: '' },
      { ...base, text: '   ' },
      { ...base, text: 'a'.repeat(2001) },
      { ...base, theme: 'salaris' },
      { ...base, kind: 'soms' },
      { ...base, subject: 'iets' },
      { ...base, toPolicy: false, toManagement: false },
      { ...base, authorId: otherProfessionalId },
    ];
    for (const body of bad) {
      const response = await send(professional, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(errorOf(response).message).toMatch(/ingevuld|klopt niet/);
    }
    expect(await signalCount()).toBe(before);

    const target = (await professional.call(contract.signals.mine)).signals[0];
    if (!target) throw new Error('no signal');
    for (const body of [{ answer: 'Goed.', status: 'received' }, { answer: 'Goed.', status: 'klaar' }, { answer: '', status: 'answered' }, { answer: 'a'.repeat(2001), status: 'answered' }]) {
      const response = await policy.put(`/api/signals/${target.id}/answer`, body);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation');
    }
    expect(await professional.call(contract.signals.get, { params: { id: target.id } })).toEqual(target);
    expect((await policy.post('/api/signal-groups', { name: '' })).statusCode).toBe(400);
    // A professional cannot answer, even their own signal.
    expect((await professional.put(`/api/signals/${target.id}/answer`, { answer: 'Zelf gedaan.', status: 'adopted' })).statusCode).toBe(404);
    expect((await policy.put(`/api/signals/${target.id}/group`, { groupId: unknownId })).statusCode).toBe(404);
  });

  it('points to one of the sender\'s team agenda items, shown to the sender and on the agenda, never telling the recipient the team', async () => {
    const teamId = (await professional.call(contract.teamAgenda.overview)).teams[0]?.id ?? '';
    const saved = await professional.call(contract.teamAgenda.addItem, { params: { id: teamId }, body: { kind: 'lesson', text: 'de wachttijd maakt het gesprek over werk lastig', themes: ['fit'] } });
    const item = saved.item;
    if (!item) throw new Error('no item');
    // Another team's item, and one that does not exist, are "not found"; nothing is stored.
    const organisationId = (await admin.get('/api/session')).json().organisation.id as string;
    const otherTeam = await admin.call(contract.admin.createTeam, { body: { name: 'Team Elders' } });
    const outsider = await seededUser(server, organisationId, 'Olaf Buiten', ['professional'], otherTeam.id);
    const foreign = (await outsider.agent.call(contract.teamAgenda.addItem, { params: { id: otherTeam.id }, body: { kind: 'question', text: 'hoe vragen we door', themes: [] } })).item;
    const before = await signalCount();
    for (const agendaItemId of [foreign?.id, unknownId]) {
      const refused = await send(professional, { ...base, agendaItemId });
      expect(refused.statusCode).toBe(404);
      expect(errorOf(refused).code).toBe('not_found');
    }
    // A policy advisor has no team agenda at all.
    expect((await send(policy, { ...base, agendaItemId: item.id })).statusCode).toBe(403);
    expect(await signalCount()).toBe(before);

    const sent = await professional.call(contract.signals.send, { body: { ...base, agendaItemId: item.id } });
    expect(sent.agendaItem).toEqual({ kind: 'lesson', themes: ['fit'], status: 'new', id: item.id, teamId, text: item.text });
    // The recipient sees what kind of item and its themes, not which team's, nor its text.
    const received = (await policy.call(contract.signals.inbox)).signals.find((s) => s.id === sent.id);
    expect(received?.agendaItem).toEqual({ kind: 'lesson', themes: ['fit'], status: 'new', id: null, teamId: null, text: null });
    const inboxBody = (await policy.get('/api/signals/inbox')).body;
    expect(inboxBody).not.toContain(item.id);
    expect(inboxBody).not.toContain(teamId);
    expect(inboxBody).not.toContain(professionalId);
    // On the agenda: the item shows a signal was sent and what became of it, not by whom.
    const onAgenda = () => professional.call(contract.teamAgenda.team, { params: { id: teamId } }).then((agenda) => agenda.items.find((i) => i.id === item.id));
    expect((await onAgenda())?.signalStatuses).toEqual(['received']);
    await policy.call(contract.signals.answer, { params: { id: sent.id }, body: { answer: 'We kijken ernaar.', status: 'answered' } });
    expect((await onAgenda())?.signalStatuses).toEqual(['answered']);
    const managerView = (await manager.get(`/api/team-agenda/teams/${teamId}`)).body;
    expect(managerView).not.toContain(professionalId);
    expect(managerView).not.toContain(sent.id);
    // Withdrawn from the agenda: the signal stays, without the link.
    expect((await professional.delete(`/api/team-agenda/items/${item.id}`)).statusCode).toBe(204);
    expect((await professional.call(contract.signals.get, { params: { id: sent.id } })).agendaItem).toBeNull();
  });
});
