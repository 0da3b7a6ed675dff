import { randomBytes } from 'node:crypto';
import { contract, type Insight, type InsightFigure, type InsightFigureId } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { userIdOf } from './support/review-fixtures.js';

const password = 'een-lang-test-wachtwoord';

interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * The three differencing attacks of issue #12, with real people, rounds and questions through the
 * HTTP API, on a clock that moves from October to December:
 *   Team Werk en Inkomen: 6 professionals in October, one leaves in November.
 *   Team Zorg:            5 professionals, whose learning questions split over two themes.
 *   Team Jeugd:           2 professionals: too few, hidden, and not to be found by subtraction.
 */
describe('anonymous insight: figures behind k, and the attacks on them', () => {
  let server: TestServer;
  let now = new Date('2026-10-12T10:00:00.000Z');
  let admin: Agent;
  const people: Record<'werk' | 'zorg' | 'jeugd', Person[]> = { werk: [], zorg: [], jeugd: [] };
  const teamIds: Record<'werk' | 'zorg' | 'jeugd', string> = { werk: '', zorg: '', jeugd: '' };
  let leaver: Person;
  let policyInNovember: Insight;
  let leadInNovember: Insight;

  const at = (iso: string) => {
    now = new Date(iso);
  };
  const figureOf = (insight: Insight, id: InsightFigureId): InsightFigure => {
    const figure = insight.figures.find((f) => f.id === id);
    if (!figure) throw new Error(`no figure ${id}`);
    return figure;
  };
  const cell = (figure: InsightFigure, rowId: string, column: string) => {
    const row = figure.rows.find((r) => r.id === rowId);
    if (!row) throw new Error(`no row ${rowId}`);
    return row.cells[figure.columns.indexOf(column)];
  };
  /** Every group that adds up (a column under the organisation's total, a row under its theme total) has no gap, or at least two. */
  const noSingleGap = (figure: InsightFigure) => {
    const organisation = figure.rows.find((r) => r.total);
    const teams = figure.rows.filter((r) => !r.total);
    if (organisation) {
      figure.columns.forEach((_, c) => {
        if (organisation.cells[c] === null) return;
        expect(teams.filter((t) => t.cells[c] === null).length, `${figure.id} column ${figure.columns[c]}`).not.toBe(1);
      });
    }
    if (figure.kind === 'themes') {
      for (const row of figure.rows) {
        if (row.cells.at(-1) === null) continue;
        expect(row.cells.slice(0, -1).filter((v) => v === null).length, `${figure.id} row ${row.name}`).not.toBe(1);
      }
    }
  };

  async function join(name: string, teamId: string): Promise<Person> {
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(3).toString('hex')}@voorbeeld.nl`;
    const invited = await admin.call(contract.admin.inviteUser, { body: { name, email, memberships: [{ role: 'professional', teamId }] } });
    const token = invited.invitationPath.split('/').pop();
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } })).statusCode).toBe(200);
    return { id: invited.user.id, name, email };
  }
  const loginOf = (person: Person) => server.login(person.email, password);
  /** Opening the learning page starts one's round for the current month. */
  async function takeRound(person: Person) {
    expect((await (await loginOf(person)).get('/api/learning/round')).statusCode).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' }, { now: () => now });
    admin = await server.login(demo.admin);
    // A round per month, so that October and November are different rounds.
    const rounds = [{ starts: '09-01', ends: '09-30' }, { starts: '10-01', ends: '10-31' }, { starts: '11-01', ends: '11-30' }, { starts: '12-01', ends: '12-31' }];
    expect((await admin.put('/api/learning/rhythm', { rounds })).statusCode).toBe(200);
    const teams = (await admin.get('/api/admin/teams')).json().teams as { id: string; name: string }[];
    teamIds.werk = teams.find((t) => t.name === 'Team Werk en Inkomen')?.id ?? '';
    teamIds.zorg = (await admin.call(contract.admin.createTeam, { body: { name: 'Team Zorg' } })).id;
    teamIds.jeugd = (await admin.call(contract.admin.createTeam, { body: { name: 'Team Jeugd' } })).id;
    // The demo team has Sanne and Marieke (team lead and professional); four more make six.
    for (const email of [demo.professional, demo.manager]) people.werk.push({ id: await userIdOf(admin, email), name: email, email });
    for (const name of ['Ayla Kaya', 'Bas Smit', 'Chris Mulder', 'Dewi Bakker']) people.werk.push(await join(name, teamIds.werk));
    for (const name of ['Eva Vos', 'Frank de Boer', 'Gina Peters', 'Hugo Visser', 'Iris Meijer']) people.zorg.push(await join(name, teamIds.zorg));
    for (const name of ['Jan Bos', 'Kim de Wit']) people.jeugd.push(await join(name, teamIds.jeugd));
    leaver = people.werk[5] as Person;

    // October: everyone takes part.
    for (const person of [...people.werk, ...people.zorg, ...people.jeugd]) {
      if (person.email === demo.professional || person.email === demo.manager) expect((await (await server.login(person.email)).get('/api/learning/round')).statusCode).toBe(200);
      else await takeRound(person);
    }

    // November: the figures of October are looked at, then one person of Werk en Inkomen leaves.
    at('2026-11-09T10:00:00.000Z');
    policyInNovember = await (await server.login(demo.policy)).call(contract.insight.organisation);
    leadInNovember = await (await server.login(demo.manager)).call(contract.insight.teams);
    admin = await server.login(demo.admin);
    expect((await admin.call(contract.admin.updateUser, { params: { id: leaver.id }, body: { active: false } })).active).toBe(false);
    for (const person of [...people.werk.filter((p) => p !== leaver), ...people.zorg, ...people.jeugd]) {
      if (person.email === demo.professional || person.email === demo.manager) expect((await (await server.login(person.email)).get('/api/learning/round')).statusCode).toBe(200);
      else await takeRound(person);
    }
    // Team Zorg writes learning questions: three about one theme, two about another.
    for (const [i, person] of people.zorg.entries()) {
      const theme = i < 3 ? 'genuine_conversation' : 'shared_goal';
      expect((await (await loginOf(person)).post('/api/learning/questions', { text: 'Hoe houd ik het gesprek open?', theme })).statusCode).toBe(200);
    }
    at('2026-12-07T10:00:00.000Z');
  }, 120_000);
  afterAll(async () => server?.close());

  it('counts closed months only, and shows a figure of at least five people', () => {
    expect(leadInNovember.months.at(-1)).toBe('2026-10');
    expect(leadInNovember.minimumGroupSize).toBe(5);
    const rounds = figureOf(leadInNovember, 'roundsTaken');
    expect(rounds.rows.map((r) => r.id)).toEqual([teamIds.werk]);
    expect(cell(rounds, teamIds.werk, '2026-10')).toBe(6);
    // Nothing happened in September: zero is about each of the six, so it is not shown either.
    expect(cell(rounds, teamIds.werk, '2026-09')).toBeNull();
  });

  it('attack 1: a team of six where one person leaves between two months', async () => {
    const lead = await (await server.login(demo.manager)).call(contract.insight.teams);
    expect(lead.months.at(-1)).toBe('2026-11');
    const rounds = figureOf(lead, 'roundsTaken');
    // October was shown as six; it stays six (the leaver stays counted where they were).
    expect(cell(rounds, teamIds.werk, '2026-10')).toBe(cell(figureOf(leadInNovember, 'roundsTaken'), teamIds.werk, '2026-10'));
    expect(cell(rounds, teamIds.werk, '2026-10')).toBe(6);
    // November has five people, one fewer than October: 6 − 5 would tell what the leaver did, so it is hidden.
    expect(cell(rounds, teamIds.werk, '2026-11')).toBeNull();
    // Team Zorg did not change: its five November rounds are shown.
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    expect(cell(figureOf(policy, 'roundsTaken'), teamIds.zorg, '2026-11')).not.toBeNull();
    // The organisation lost one person as well: its November total would give the same away.
    expect(cell(figureOf(policy, 'roundsTaken'), 'organisation', '2026-11')).toBeNull();
    for (const figure of policy.figures) noSingleGap(figure);
  });

  it('attack 2: a team of five split into two sub-themes', async () => {
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    const themes = figureOf(policy, 'questionThemes');
    expect(themes.columns).toEqual(['genuine_conversation', 'shared_goal', 'fitting_approach', 'none', 'total']);
    // Three and two people: neither theme is shown for the team, nor for the organisation.
    for (const row of [teamIds.zorg, 'organisation']) {
      expect(cell(themes, row, 'genuine_conversation')).toBeNull();
      expect(cell(themes, row, 'shared_goal')).toBeNull();
    }
    // The organisation's five questions are shown; the team's own total would leave the two other teams' zeros alone in the column, so it is hidden.
    expect(cell(themes, 'organisation', 'total')).toBe(5);
    noSingleGap(themes);
  });

  it('attack 3: the organisation total minus the other teams does not give away the small team', async () => {
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    const rounds = figureOf(policy, 'roundsTaken');
    expect(rounds.rows.map((r) => r.name)).toEqual(['Team Jeugd', 'Team Werk en Inkomen', 'Team Zorg', 'Gemeente Voorbeeld']);
    // October: 6 + 5 + 2 = 13. Jeugd (2) is too small; 13 − 6 − 5 would give it, so Zorg (the smallest) is hidden too.
    expect(cell(rounds, 'organisation', '2026-10')).toBe(13);
    expect(cell(rounds, teamIds.werk, '2026-10')).toBe(6);
    expect(cell(rounds, teamIds.jeugd, '2026-10')).toBeNull();
    expect(cell(rounds, teamIds.zorg, '2026-10')).toBeNull();
    // The team lead of Werk en Inkomen sees the same suppressed table, only their own row of it.
    const lead = await (await server.login(demo.manager)).call(contract.insight.teams);
    for (const figure of lead.figures.filter((f) => f.kind !== 'scores')) {
      const mine = figure.rows.find((r) => r.id === teamIds.werk);
      expect(mine?.cells).toEqual(figureOf(policy, figure.id).rows.find((r) => r.id === teamIds.werk)?.cells);
      expect(figure.rows.map((r) => r.id)).toEqual([teamIds.werk]);
    }
  });

  it('never returns anything about one person', async () => {
    const bodies = [
      (await (await server.login(demo.policy)).get('/api/insight/organisation')).body,
      (await (await server.login(demo.manager)).get('/api/insight/teams')).body,
      JSON.stringify([policyInNovember, leadInNovember]),
    ].join('\n');
    for (const person of [...people.werk, ...people.zorg, ...people.jeugd]) {
      expect(bodies).not.toContain(person.id);
      expect(bodies).not.toContain(person.email);
      if (!person.name.includes('@')) expect(bodies).not.toContain(person.name);
    }
    for (const name of ['Sanne', 'Marieke', 'Peter Bakker', 'Hoe houd ik']) expect(bodies).not.toContain(name);
    // No days: every column and month is a calendar month or a theme.
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    for (const month of policy.months) expect(month).toMatch(/^\d{4}-\d{2}$/);
    expect(bodies).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('a team lead of another team sees only that team', async () => {
    const email = `leider.${randomBytes(3).toString('hex')}@voorbeeld.nl`;
    admin = await server.login(demo.admin);
    const invited = await admin.call(contract.admin.inviteUser, { body: { name: 'Fleur Dijk', email, memberships: [{ role: 'manager', teamId: teamIds.zorg }] } });
    const token = invited.invitationPath.split('/').pop();
    expect((await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } })).statusCode).toBe(200);
    const lead = await (await server.login(email, password)).call(contract.insight.teams);
    for (const figure of lead.figures.filter((f) => f.kind !== 'scores')) expect(figure.rows.map((r) => r.id)).toEqual([teamIds.zorg]);
  });

  it('refuses everyone else: a professional, a reviewer, an administrator, the other role, no session', async () => {
    const professional = await server.login(demo.professional);
    const reviewer = await server.login(demo.reviewer);
    const policy = await server.login(demo.policy);
    const manager = await server.login(demo.manager);
    admin = await server.login(demo.admin);
    for (const agent of [professional, reviewer, admin, policy]) expect((await agent.get('/api/insight/teams')).statusCode).toBe(403);
    for (const agent of [professional, reviewer, admin, manager]) expect((await agent.get('/api/insight/organisation')).statusCode).toBe(403);
    const refused = await professional.get('/api/insight/teams');
    expect(refused.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await server.anonymous().get('/api/insight/teams')).statusCode).toBe(401);
    expect((await server.anonymous().get('/api/insight/organisation')).statusCode).toBe(401);
  });

  it('lets an administrator raise k, never below five, with a Dutch message', async () => {
    admin = await server.login(demo.admin);
    const settings = (await admin.get('/api/admin/settings')).json();
    const tooSmall = await admin.put('/api/admin/settings', { ...settings, minimumGroupSize: 3 });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().fields).toEqual([{ path: 'minimumGroupSize', message: 'Kies minstens 5. In een kleinere groep zijn mensen te herkennen.' }]);
    expect((await admin.put('/api/admin/settings', { ...settings, minimumGroupSize: 7 })).statusCode).toBe(200);
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    expect(policy.minimumGroupSize).toBe(7);
    // Werk en Inkomen's six in October are now too few.
    expect(cell(figureOf(policy, 'roundsTaken'), teamIds.werk, '2026-10')).toBeNull();
  });
});
