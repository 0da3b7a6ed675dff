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

type TeamKey = 'werk' | 'zorg' | 'jeugd';

const agendaText = 'we vragen eerst wat de ander nodig heeft voordat we iets voorstellen';
const signalText = 'de regel over de wachttijd maakt het gesprek over werk lastig';

/**
 * The agenda and signal figures of anonymous insight, attacked the three ways of issue #12, with
 * real agenda items and signals through the HTTP API on a clock that moves from October to December:
 *   Team Werk en Inkomen: 6 professionals in October, one leaves in November.
 *   Team Zorg:            5 professionals, whose items and signals split over two themes and two kinds.
 *   Team Jeugd:           2 professionals: too few, hidden, and not to be found by subtraction.
 */
describe('anonymous insight: the team agenda and signals, behind k', () => {
  let server: TestServer;
  let now = new Date('2026-10-12T10:00:00.000Z');
  let admin: Agent;
  const people: Record<TeamKey, Person[]> = { werk: [], zorg: [], jeugd: [] };
  const teamIds: Record<TeamKey, string> = { werk: '', zorg: '', jeugd: '' };
  let leaver: Person;
  let policyInNovember: Insight;
  let leadInNovember: Insight;
  const agendaFigures: InsightFigureId[] = ['agendaItems', 'agendaThemes'];
  const signalFigures: InsightFigureId[] = ['signalsSent', 'signalThemes', 'signalKinds', 'signalStatuses'];

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
    const index = figure.columns.indexOf(column);
    if (index < 0) throw new Error(`no column ${column}`);
    return row.cells[index];
  };
  /** No group that adds up (a column under the organisation, a row under its total) has exactly one gap. */
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
  const loginOf = (person: Person) => (person.email === demo.professional || person.email === demo.manager ? server.login(person.email) : server.login(person.email, password));

  async function bringIn(person: Person, team: TeamKey, theme: 'collaboration' | 'achievement' | 'fit') {
    const saved = await (await loginOf(person)).call(contract.teamAgenda.addItem, { params: { id: teamIds[team] }, body: { kind: 'lesson', text: agendaText, themes: [theme], confirmed: true } });
    expect(saved.item?.themes).toEqual([theme]);
  }
  async function signal(person: Person, kind: 'knelt' | 'werkt', theme: 'collaboration' | 'achievement' | 'fit') {
    const sent = await (await loginOf(person)).call(contract.signals.send, { body: { kind, subject: 'rule', theme, text: signalText, confirmIdentifying: true } });
    expect(sent.mine).toBe(true);
  }
  /** Werk: one lesson about working together and one "knelt" signal each. Zorg: three and two. Jeugd: one each. */
  async function aMonthOfWork(werk: Person[]) {
    for (const person of werk) {
      await bringIn(person, 'werk', 'collaboration');
      await signal(person, 'knelt', 'collaboration');
    }
    for (const [i, person] of people.zorg.entries()) {
      await bringIn(person, 'zorg', i < 3 ? 'collaboration' : 'fit');
      await signal(person, i < 3 ? 'knelt' : 'werkt', i < 3 ? 'achievement' : 'fit');
    }
    for (const person of people.jeugd) {
      await bringIn(person, 'jeugd', 'achievement');
      await signal(person, 'knelt', 'achievement');
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' }, { now: () => now });
    admin = await server.login(demo.admin);
    const teams = (await admin.get('/api/admin/teams')).json().teams as { id: string; name: string }[];
    teamIds.werk = teams.find((t) => t.name === 'Team Werk en Inkomen')?.id ?? '';
    teamIds.zorg = (await admin.call(contract.admin.createTeam, { body: { name: 'Team Zorg' } })).id;
    teamIds.jeugd = (await admin.call(contract.admin.createTeam, { body: { name: 'Team Jeugd' } })).id;
    for (const email of [demo.professional, demo.manager]) people.werk.push({ id: await userIdOf(admin, email), name: email, email });
    for (const name of ['Ayla Kaya', 'Bas Smit', 'Chris Mulder', 'Dewi Bakker']) people.werk.push(await join(name, teamIds.werk));
    for (const name of ['Eva Vos', 'Frank de Boer', 'Gina Peters', 'Hugo Visser', 'Iris Meijer']) people.zorg.push(await join(name, teamIds.zorg));
    for (const name of ['Jan Bos', 'Kim de Wit']) people.jeugd.push(await join(name, teamIds.jeugd));
    leaver = people.werk[5] as Person;

    // October.
    await aMonthOfWork(people.werk);

    // November: October is looked at, then one person of Werk en Inkomen leaves (their items stay, without a name).
    at('2026-11-09T10:00:00.000Z');
    policyInNovember = await (await server.login(demo.policy)).call(contract.insight.organisation);
    leadInNovember = await (await server.login(demo.manager)).call(contract.insight.teams);
    admin = await server.login(demo.admin);
    expect((await admin.call(contract.admin.updateUser, { params: { id: leaver.id }, body: { active: false } })).active).toBe(false);
    await aMonthOfWork(people.werk.filter((p) => p !== leaver));
    at('2026-12-07T10:00:00.000Z');
  }, 180_000);
  afterAll(async () => server?.close());

  it('counts the agenda by the item\'s team and signals by the sender\'s team, per closed month, from five people', () => {
    expect(leadInNovember.months.at(-1)).toBe('2026-10');
    for (const id of ['agendaItems', 'signalsSent'] as const) {
      const figure = figureOf(leadInNovember, id);
      expect(figure.rows.map((r) => r.id)).toEqual([teamIds.werk]);
      expect(cell(figure, teamIds.werk, '2026-10')).toBe(6);
      // Nothing in September: a zero is about each of the six, so it is not shown.
      expect(cell(figure, teamIds.werk, '2026-09')).toBeNull();
    }
    const kinds = figureOf(policyInNovember, 'signalKinds');
    expect(kinds.columns).toEqual(['knelt', 'werkt', 'total']);
    expect(figureOf(policyInNovember, 'signalStatuses').columns).toEqual(['received', 'in_progress', 'answered', 'adopted', 'not_adopted', 'total']);
    expect(figureOf(policyInNovember, 'agendaThemes').columns).toEqual(['collaboration', 'achievement', 'fit', 'other', 'none', 'total']);
    expect(cell(kinds, 'organisation', 'total')).toBe(13);
    // All thirteen are still "received": shown beside four zeros it would say each status of everyone, so it is hidden.
    expect(cell(figureOf(policyInNovember, 'signalStatuses'), 'organisation', 'total')).toBe(13);
    expect(cell(figureOf(policyInNovember, 'signalStatuses'), 'organisation', 'received')).toBeNull();
  });

  it('attack 1: a team of six where one person leaves between two months, for every monthly figure', async () => {
    const lead = await (await server.login(demo.manager)).call(contract.insight.teams);
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    expect(lead.months.at(-1)).toBe('2026-11');
    for (const id of ['agendaItems', 'signalsSent'] as const) {
      // October was shown as six and stays six: the leaver's item stays on the agenda without a name.
      expect(cell(figureOf(lead, id), teamIds.werk, '2026-10'), id).toBe(6);
      expect(cell(figureOf(lead, id), teamIds.werk, '2026-10'), id).toBe(cell(figureOf(leadInNovember, id), teamIds.werk, '2026-10'));
      // November has five, one fewer: 6 − 5 would say what the leaver did in November, so it is hidden.
      expect(cell(figureOf(lead, id), teamIds.werk, '2026-11'), id).toBeNull();
      // Team Zorg did not change: its five are shown.
      expect(cell(figureOf(policy, id), teamIds.zorg, '2026-11'), id).toBe(5);
      // The organisation lost one person too, so its November total is hidden as well.
      expect(cell(figureOf(policy, id), 'organisation', '2026-11'), id).toBeNull();
    }
    for (const id of [...agendaFigures, ...signalFigures]) noSingleGap(figureOf(policy, id));
  });

  it('attack 2: a team of five split into two themes and two kinds', async () => {
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    const agendaThemes = figureOf(policy, 'agendaThemes');
    // Three and two people: neither part is shown for the team; the two about fit are not shown for the organisation either.
    expect(cell(agendaThemes, teamIds.zorg, 'collaboration')).toBeNull();
    expect(cell(agendaThemes, teamIds.zorg, 'fit')).toBeNull();
    expect(cell(agendaThemes, 'organisation', 'fit')).toBeNull();
    const kinds = figureOf(policy, 'signalKinds');
    expect(cell(kinds, teamIds.zorg, 'knelt')).toBeNull();
    expect(cell(kinds, teamIds.zorg, 'werkt')).toBeNull();
    expect(cell(kinds, 'organisation', 'werkt')).toBeNull();
    // The team totals: Werk's eleven is shown; Zorg's ten goes with Jeugd's, or the organisation minus Werk would give Jeugd.
    expect(cell(kinds, teamIds.werk, 'total')).toBe(11);
    expect(cell(kinds, teamIds.zorg, 'total')).toBeNull();
    // Knelt for the organisation minus the other teams' knelt would give Zorg's: those are hidden as well.
    if (cell(kinds, 'organisation', 'knelt') !== null) expect(cell(kinds, teamIds.werk, 'knelt')).toBeNull();
    const themes = figureOf(policy, 'signalThemes');
    expect(cell(themes, teamIds.zorg, 'achievement')).toBeNull();
    expect(cell(themes, teamIds.zorg, 'fit')).toBeNull();
    expect(cell(themes, 'organisation', 'fit')).toBeNull();
    for (const id of [...agendaFigures, ...signalFigures]) noSingleGap(figureOf(policy, id));
  });

  it('attack 3: the organisation total minus the other teams does not give away the small team', async () => {
    const policy = await (await server.login(demo.policy)).call(contract.insight.organisation);
    for (const id of ['agendaItems', 'signalsSent'] as const) {
      const figure = figureOf(policy, id);
      expect(figure.rows.map((r) => r.name)).toEqual(['Team Jeugd', 'Team Werk en Inkomen', 'Team Zorg', 'Gemeente Voorbeeld']);
      // October: 6 + 5 + 2 = 13. Jeugd (2) is too small; 13 − 6 − 5 would give it, so Zorg (the smaller part) goes too.
      expect(cell(figure, 'organisation', '2026-10'), id).toBe(13);
      expect(cell(figure, teamIds.werk, '2026-10'), id).toBe(6);
      expect(cell(figure, teamIds.jeugd, '2026-10'), id).toBeNull();
      expect(cell(figure, teamIds.zorg, '2026-10'), id).toBeNull();
    }
    for (const id of ['agendaThemes', 'signalThemes', 'signalKinds', 'signalStatuses'] as const) {
      const figure = figureOf(policy, id);
      const total = cell(figure, 'organisation', 'total');
      const shownTeams = figure.rows.filter((r) => !r.total).map((r) => r.cells.at(-1));
      // Whenever the organisation's total is shown, at least two team totals are hidden (or none).
      if (total !== null) expect(shownTeams.filter((v) => v === null).length, id).not.toBe(1);
      expect(cell(figure, teamIds.jeugd, 'total'), id).toBeNull();
    }
    // The team lead of Werk en Inkomen sees the same suppressed cells, only their own row.
    const lead = await (await server.login(demo.manager)).call(contract.insight.teams);
    for (const id of [...agendaFigures, ...signalFigures]) {
      const figure = figureOf(lead, id);
      expect(figure.rows.map((r) => r.id)).toEqual([teamIds.werk]);
      expect(figure.rows[0]?.cells).toEqual(figureOf(policy, id).rows.find((r) => r.id === teamIds.werk)?.cells);
    }
  });

  it('an answer to the signals moves them in the status figure, still behind k', async () => {
    const policyAgent = await server.login(demo.policy);
    const inbox = await policyAgent.call(contract.signals.inbox);
    const werkSignals = inbox.signals.filter((s) => s.kind === 'knelt' && s.theme === 'collaboration');
    expect(werkSignals.length).toBe(11);
    // Only one answered: that cell is hidden (one sender), and so is the smallest part beside it.
    await policyAgent.call(contract.signals.answer, { params: { id: werkSignals[0]?.id ?? '' }, body: { answer: 'We kijken er in januari naar.', status: 'answered' } });
    const policy = await policyAgent.call(contract.insight.organisation);
    const statuses = figureOf(policy, 'signalStatuses');
    expect(cell(statuses, 'organisation', 'answered')).toBeNull();
    noSingleGap(statuses);
  });

  it('never carries a person\'s id, name or text in any insight answer', async () => {
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
    for (const text of [agendaText, signalText, 'wachttijd', 'januari']) expect(bodies).not.toContain(text);
    expect(bodies).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // No agenda item's or signal's id either: only counts leave insight.
    const { db } = server.spreekkamer.database;
    const ids = [...(await db.selectFrom('agenda_items').select('id').execute()), ...(await db.selectFrom('signals').select('id').execute())].map((row) => row.id);
    expect(ids.length).toBe(50);
    for (const id of ids) expect(bodies).not.toContain(id);
  });
});
