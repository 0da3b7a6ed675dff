import { randomUUID } from 'node:crypto';
import { contract } from '@spreekkamer/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStoredSettings } from '../src/domain/admin/organisation-settings.js';
import { hashPassword } from '../src/domain/auth/passwords.js';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { newUser, userIdOf } from './support/review-fixtures.js';

const header = 'periode;thema;score;percentage;respondenten';

describe('the organisation picture: survey (KTO) both ways, KAR canvas and yearly picture', () => {
  let server: TestServer;
  let professional: Agent;
  let reviewer: Agent;
  let manager: Agent;
  let policy: Agent;
  let admin: Agent;
  let otherOrganisation: Agent;
  let otherTeamMember: Agent;
  const people: { id: string; name: string }[] = [];

  function upload(agent: Agent, text: string | Buffer, contentType = 'text/csv') {
    return agent.request({ method: 'POST', url: '/api/surveys/imports', headers: { 'content-type': contentType }, payload: typeof text === 'string' ? Buffer.from(text, 'utf8') : text });
  }

  async function comparison(agent: Agent) {
    return agent.call(contract.surveys.comparison, { query: {} });
  }

  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false' });
    professional = await server.login(demo.professional);
    reviewer = await server.login(demo.reviewer);
    manager = await server.login(demo.manager);
    policy = await server.login(demo.policy);
    admin = await server.login(demo.admin);
    for (const name of ['Ayla Kaya', 'Bas Smit', 'Chris Mulder', 'Dewi Bakker']) people.push({ ...(await newUser(server, admin, name, 'professional')), name });
    const professionalId = await userIdOf(admin, demo.professional);
    const organisationId = (await server.spreekkamer.repositories.users.findById(professionalId))?.organisation_id ?? '';

    // Anonymous alliance answers in February 2026: five professionals, two answers each; in March only two professionals.
    const db = server.spreekkamer.database.db;
    const answer = (professional_id: string, period: string, overall: number, collaboration: number | null) => ({
      id: randomUUID(), organisation_id: organisationId, professional_id, client_id: null, anonymous: 1 as const, period, answered_on: null,
      collaboration, achievement: 4, fit: 4, own_topics: 5, overall,
    });
    const five = [professionalId, ...people.map((p) => p.id)];
    await db.insertInto('alliance_answers').values(five.flatMap((id) => [answer(id, '2026-02', 4, 5), answer(id, '2026-02', 3, null)])).execute();
    await db.insertInto('alliance_answers').values([answer(five[0] ?? '', '2026-03', 1, 1), answer(five[1] ?? '', '2026-03', 1, 1), answer(five[1] ?? '', '2026-03', 1, 1), answer(five[0] ?? '', '2026-03', 1, 1), answer(five[0] ?? '', '2026-03', 1, 1)]).execute();

    // A second team with one member, and a second organisation with a policy advisor who is also a team lead.
    const team = (await admin.post('/api/admin/teams', { name: 'Team Schulden' })).json() as { id: string };
    const email = `lid.${randomUUID().slice(0, 6)}@voorbeeld.nl`;
    const invited = (await admin.post('/api/admin/users', { name: 'Eva de Boer', email, memberships: [{ role: 'professional', teamId: team.id }] })).json();
    const accepted = await server.request({ method: 'POST', url: '/api/invitations/accept', payload: { token: invited.invitationPath.split('/').pop(), password: 'een-lang-test-wachtwoord' } });
    expect(accepted.statusCode).toBe(200);
    otherTeamMember = await server.login(email, 'een-lang-test-wachtwoord');

    const repositories = server.spreekkamer.repositories;
    const now = new Date().toISOString();
    const otherId = randomUUID();
    await repositories.organisations.insert({ id: otherId, name: 'Gemeente Elders', require_totp: 0, settings_json: JSON.stringify(defaultStoredSettings), created_at: now });
    const otherTeam = randomUUID();
    await repositories.teams.insert({ id: otherTeam, organisation_id: otherId, name: 'Team Elders', created_at: now });
    const userId = randomUUID();
    await repositories.users.insert({
      id: userId, organisation_id: otherId, email: 'beleid@elders.nl', name: 'Olga Elders', password_hash: await hashPassword('een-lang-test-wachtwoord'), totp_secret: null, totp_enabled: 0,
      active: 1, failed_logins: 0, locked_until: null, locale: 'nl', created_at: now, password_set_at: now,
    });
    await repositories.users.replaceMemberships(userId, [
      { id: randomUUID(), user_id: userId, role: 'policy_advisor', team_id: null, created_at: now },
      { id: randomUUID(), user_id: userId, role: 'administrator', team_id: null, created_at: now },
      { id: randomUUID(), user_id: userId, role: 'manager', team_id: otherTeam, created_at: now },
    ]);
    otherOrganisation = await server.login('beleid@elders.nl', 'een-lang-test-wachtwoord');
  });
  afterAll(async () => server?.close());

  describe('importing survey results', () => {
    it('stores a good file and shows it beside the anonymous alliance checks, suppressing what fewer than k gave', async () => {
      const file = `\uFEFF${header}\r\n2026-02;overall;7,4;;120\r\n2026-02;collaboration;;81%;120\r\n2026-02;collaboration.listening;6,9;;3\r\n2026-03;overall;6,1;;80\r\n"2026-Q1";"fit";;"64";200\r\n`;
      const response = await upload(policy, file);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ lines: 5, periods: ['2026-02', '2026-03', '2026-Q1'] });

      const result = await comparison(policy);
      expect(result.minimumGroupSize).toBe(5);
      const row = (period: string, theme: string) => result.rows.find((r) => r.period === period && r.theme === theme);
      // February: ten answers from five professionals; "all in all" averages 3.5.
      expect(row('2026-02', 'overall')).toEqual({ period: '2026-02', theme: 'overall', survey: [{ code: 'overall', measure: 'score', value: 7.4, respondents: 120 }], alliance: { answers: 10, average: 3.5 } });
      // Collaboration was scored in only five of the ten answers, by five professionals: still enough.
      expect(row('2026-02', 'collaboration')).toEqual({
        period: '2026-02',
        theme: 'collaboration',
        survey: [
          { code: 'collaboration', measure: 'percentage', value: 81, respondents: 120 },
          { code: 'collaboration.listening', measure: 'score', value: null, respondents: 3 },
        ],
        alliance: { answers: 10, average: 5 },
      });
      // March: five answers, but from two professionals: an organisation figure about two people is not shown.
      expect(row('2026-03', 'overall')?.alliance).toEqual({ answers: null, average: null });
      // The quarter gathers its three months: fifteen answers from five professionals.
      expect(row('2026-Q1', 'fit')?.alliance).toEqual({ answers: 15, average: 4 });
      expect(result.lastImportAt).not.toBeNull();
      // Nothing about one person.
      const body = JSON.stringify(result);
      for (const person of people) expect(body).not.toContain(person.id);

      // The manager sees it; the administrator imports too; a corrected line replaces the earlier one.
      expect((await comparison(manager)).rows).toHaveLength(result.rows.length);
      expect((await upload(admin, `${header}\n2026-02;overall;7,6;;121\n`)).statusCode).toBe(201);
      expect((await comparison(policy)).rows.find((r) => r.period === '2026-02' && r.theme === 'overall')?.survey).toEqual([{ code: 'overall', measure: 'score', value: 7.6, respondents: 121 }]);
    });

    it('refuses each kind of wrong line with its number and a Dutch sentence, and stores nothing', async () => {
      const before = await comparison(policy);
      const cases: [string, string][] = [
        ['2026-13;overall;7;;10', 'Regel 3: De periode moet een maand zijn, zoals 2026-03, of een kwartaal, zoals 2026-Q1.'],
        ['2026-04;wachttijd;7;;10', 'Regel 3: Dit thema kennen we niet.'],
        ['2026-04;overall;7;;tien', 'Regel 3: Het aantal respondenten moet een heel getal zijn, 1 of meer.'],
        ['2026-04;overall;7;;4,5', 'Regel 3: Het aantal respondenten moet een heel getal zijn'],
        ['2026-04;overall;12;;10', 'Regel 3: De score moet een getal van 0 tot en met 10 zijn'],
        ['2026-04;overall;;140;10', 'Regel 3: Het percentage moet een getal van 0 tot en met 100 zijn.'],
        ['2026-04;overall;;;10', 'Regel 3: Vul een score of een percentage in.'],
        ['2026-04;overall;7;70;10', 'Regel 3: Vul een score of een percentage in, niet allebei.'],
        ['2026-04;overall;7', 'Regel 3: Deze regel heeft een ander aantal kolommen dan de eerste regel.'],
        ['2026-05;overall;7;;10', 'Regel 3: Deze periode en dit thema staan al op een eerdere regel.'],
      ];
      for (const [line, expected] of cases) {
        const response = await upload(policy, `${header}\n2026-05;overall;7;;10\n${line}\n`);
        expect(response.statusCode, line).toBe(400);
        const problem = errorOf(response);
        expect(problem.code).toBe('survey_invalid');
        expect(problem.message).toMatch(/Er is niets opgeslagen/);
        expect(response.json().detail, line).toContain(expected);
      }
      const header1 = errorOf(await upload(policy, 'periode;thema;respondenten\n2026-05;overall;10\n'));
      expect(header1.fields).toEqual([{ path: 'Regel 1', message: 'De eerste regel moet de kolommen noemen: periode, thema, score of percentage, en respondenten.' }]);
      // The good first line of each file was not stored either.
      expect(await comparison(policy)).toEqual(before);
    });

    it('answers a binary, empty, oversized or wrongly typed file with a clear Dutch 400, 413 or 415', async () => {
      const before = await comparison(policy);
      const binary = errorOf(await upload(policy, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe])));
      expect(binary).toMatchObject({ code: 'survey_not_csv', message: expect.stringMatching(/^Dit is geen CSV-bestand/) });
      expect((await upload(policy, Buffer.from([0x50, 0x4b, 0x03, 0x04]))).statusCode).toBe(400);
      expect(errorOf(await upload(policy, '')).code).toBe('survey_empty');
      expect(errorOf(await upload(policy, `${header}\n`)).message).toBe('Dit bestand is leeg. Er staan geen uitkomsten in.');
      const big = await upload(policy, `${header}\n${'2026-06;overall;7;;10\n'.repeat(15_000)}`);
      expect(big.statusCode).toBe(413);
      expect(errorOf(big)).toMatchObject({ code: 'survey_too_large', message: expect.stringMatching(/te groot/) });
      const huge = await upload(policy, Buffer.alloc(2 * 1024 * 1024, 0x41));
      expect(huge.statusCode).toBe(413);
      expect(errorOf(huge).message).toMatch(/te groot/);
      const json = await policy.request({ method: 'POST', url: '/api/surveys/imports', payload: { periode: '2026-06' } });
      expect(errorOf(json).code).toBe('survey_not_csv');
      const text = await upload(policy, `${header}\n2026-06;overall;7;;10\n`, 'text/plain');
      expect(text.statusCode).toBe(415);
      expect(errorOf(text).message).toMatch(/niet geaccepteerd/);
      expect(await comparison(policy)).toEqual(before);
    });

    it('lets only administrators and policy advisors import, and keeps organisations apart', async () => {
      const good = `${header}\n2026-07;overall;7;;10\n`;
      for (const agent of [professional, manager, reviewer]) expect(errorOf(await upload(agent, good)).code).toBe('forbidden');
      for (const agent of [professional, reviewer]) expect(errorOf(await agent.get('/api/surveys/comparison')).code).toBe('forbidden');
      expect((await upload(otherOrganisation, good)).statusCode).toBe(201);
      const elsewhere = await comparison(otherOrganisation);
      expect(elsewhere.rows.map((r) => r.period)).toEqual(['2026-07']);
      expect(elsewhere.rows[0]?.alliance).toEqual({ answers: null, average: null });
      expect((await comparison(policy)).rows.some((r) => r.period === '2026-07')).toBe(false);
    });
  });

  it('describes every endpoint in the OpenAPI document', async () => {
    const document = (await server.request({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/surveys/imports', '/surveys/comparison', '/kar/canvases', '/kar/canvases/{id}', '/kar/canvases/{id}/picture.csv']));
  });

  describe('the theme cards as survey questions', () => {
    it('exports every card and sub-topic with a code the import reads back', async () => {
      const { questions } = await policy.call(contract.surveys.questions);
      expect(questions[0]).toMatchObject({ code: 'overall', kind: 'overall' });
      expect(questions.map((q) => q.code)).toEqual(expect.arrayContaining(['collaboration', 'collaboration.listening', 'achievement.goal', 'fit.trust', 'other']));
      expect(questions.find((q) => q.code === 'fit.trust')?.question).toBe('Hoe groot is het vertrouwen tussen ons?');

      const csv = await policy.get('/api/surveys/questions.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain('vragen-klanttevredenheid.csv');
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('"code";"soort";"titel";"vraag"');
      expect(lines).toContain('"fit.trust";"onderwerp";"Vertrouwen";"Hoe groot is het vertrouwen tussen ons?"');
      expect(lines).toHaveLength(questions.length + 1);

      const codes = questions.map((q) => `2025-Q4;${q.code};7;;10`).join('\n');
      expect((await upload(policy, `${header}\n${codes}\n`)).statusCode).toBe(201);
      expect(errorOf(await professional.get('/api/surveys/questions.csv')).code).toBe('forbidden');
    });
  });

  describe('the KAR canvas', () => {
    let teamCanvasId = '';
    let organisationCanvasId = '';
    const factor = {
      id: 'f1',
      title: 'Cliënten voelen zich gehoord',
      whyProfessional: 'Dan komen we sneller tot de kern.',
      whyOther: 'Ik wil dat mijn verhaal telt.',
      startingPoint: 'Nu vragen we zelden hoe het gesprek ging.',
      behaviour: 'We vragen aan het eind van elk gesprek wat de cliënt ervan vond.',
      activities: [{ id: 'a1', title: 'Samenleergesprek twee keer per jaar', whyProfessional: '', whyOther: '', startingPoint: '', behaviour: 'Iedereen plant er twee.', results: [{ id: 'r1', title: 'Hogere score op samen praten', whyProfessional: '', whyOther: '', startingPoint: 'Score 3,5', behaviour: '' }] }],
    };

    it('lets the team lead start the team canvas, a member write it, and keeps a dated history', async () => {
      const list = await manager.call(contract.kar.list);
      expect(list.places.map((p) => p.scope)).toEqual(['organisation', 'team']);
      const teamPlace = list.places.find((p) => p.scope === 'team');
      const started = await manager.call(contract.kar.start, { body: { teamId: teamPlace?.teamId ?? null, year: 2026 } });
      teamCanvasId = started.id;
      expect(started).toMatchObject({ scope: 'team', name: 'Team Werk en Inkomen', year: 2026, content: { factors: [] }, revisions: [] });
      expect(errorOf(await manager.post('/api/kar/canvases', { teamId: teamPlace?.teamId, year: 2026 })).code).toBe('kar_canvas_exists');

      const saved = await professional.call(contract.kar.save, { params: { id: teamCanvasId }, body: { content: { factors: [factor] }, note: 'Eerste versie in het werkoverleg', basedOn: started.updatedAt } });
      expect(saved.content.factors[0]?.activities[0]?.results[0]?.title).toBe('Hogere score op samen praten');
      expect(saved.revisions).toEqual([{ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), note: 'Eerste versie in het werkoverleg' }]);
      // Someone who started from the old version does not overwrite the new one.
      const stale = await manager.put(`/api/kar/canvases/${teamCanvasId}`, { content: { factors: [] }, note: '', basedOn: started.updatedAt });
      expect(stale.statusCode).toBe(409);
      expect(errorOf(stale).code).toBe('kar_canvas_changed');
      expect((await manager.call(contract.kar.get, { params: { id: teamCanvasId } })).content.factors).toHaveLength(1);
      const markup = await professional.put(`/api/kar/canvases/${teamCanvasId}`, { content: { factors: [{ ...factor, title: '<script>x</script>' }] }, note: '', basedOn: saved.updatedAt });
      expect(errorOf(markup).code).toBe('validation');
      // Never a name or an id of a person.
      const body = JSON.stringify(await professional.call(contract.kar.get, { params: { id: teamCanvasId } }));
      expect(body).not.toContain('Sanne');
      expect(body).not.toContain(await userIdOf(admin, demo.professional));
    });

    it('keeps a team canvas to its team, and the organisation canvas to policy advisors and managers', async () => {
      const url = `/api/kar/canvases/${teamCanvasId}`;
      expect(errorOf(await otherTeamMember.get(url)).code).toBe('not_found');
      expect(errorOf(await policy.get(url)).code).toBe('not_found');
      expect(errorOf(await otherOrganisation.get(url)).code).toBe('not_found');
      expect(errorOf(await reviewer.get(url)).code).toBe('forbidden');
      expect(errorOf(await admin.get(url)).code).toBe('forbidden');
      expect(errorOf(await otherTeamMember.put(url, { content: { factors: [] }, note: '', basedOn: 'x' })).code).toBe('not_found');
      expect(errorOf(await otherTeamMember.get(`${url}/picture.csv`)).code).toBe('not_found');
      // Starting a canvas for a team one is not in, or for the organisation without the role.
      const teamId = (await manager.call(contract.kar.get, { params: { id: teamCanvasId } })).teamId;
      expect(errorOf(await otherTeamMember.post('/api/kar/canvases', { teamId, year: 2027 })).code).toBe('not_found');
      expect(errorOf(await professional.post('/api/kar/canvases', { teamId: null, year: 2026 })).code).toBe('forbidden');
      expect(errorOf(await admin.post('/api/kar/canvases', { teamId: null, year: 2026 })).code).toBe('forbidden');

      const organisation = await policy.call(contract.kar.start, { body: { teamId: null, year: 2026 } });
      organisationCanvasId = organisation.id;
      expect(organisation).toMatchObject({ scope: 'organisation', name: 'Gemeente Voorbeeld' });
      expect((await manager.call(contract.kar.get, { params: { id: organisationCanvasId } })).id).toBe(organisationCanvasId);
      expect(errorOf(await professional.get(`/api/kar/canvases/${organisationCanvasId}`)).code).toBe('not_found');
      expect(errorOf(await otherOrganisation.get(`/api/kar/canvases/${organisationCanvasId}`)).code).toBe('not_found');
      expect(errorOf(await admin.get(`/api/kar/canvases/${organisationCanvasId}`)).code).toBe('forbidden');
      // The other organisation starts its own for the same year, unaffected.
      expect((await otherOrganisation.call(contract.kar.start, { body: { teamId: null, year: 2026 } })).name).toBe('Gemeente Elders');
      expect((await professional.call(contract.kar.list)).canvases.map((c) => c.id)).toEqual([teamCanvasId]);
      expect((await otherTeamMember.call(contract.kar.list)).canvases).toEqual([]);
    });

    it('makes a yearly picture in the canvas terms, with the k-anonymous figures, and the same as CSV', async () => {
      // A signal and policy's answer to it: the picture carries the answer, never the signal's text or sender.
      const sent = await professional.call(contract.signals.send, { body: { kind: 'knelt', subject: 'rule', theme: 'fit', text: 'de wachttijdregel maakt het gesprek over werk lastig', confirmIdentifying: true } });
      await policy.call(contract.signals.answer, { params: { id: sent.id }, body: { answer: 'De wachttijd gaat per maart omlaag.', status: 'adopted' } });
      const picture = await policy.call(contract.kar.picture, { params: { id: organisationCanvasId } });
      expect(picture.canvas.id).toBe(organisationCanvasId);
      expect(picture.insight?.scope).toBe('organisation');
      expect(picture.survey.rows.every((r) => r.period.startsWith('2026'))).toBe(true);
      // The agenda's and the signals' figures have their own sections, not among the others.
      expect(picture.agenda.available).toBe(true);
      expect(picture.agenda.figures.map((f) => f.id)).toEqual(['agendaItems', 'agendaThemes']);
      expect(picture.signals.figures.map((f) => f.id)).toEqual(['signalsSent', 'signalThemes', 'signalKinds', 'signalStatuses']);
      expect(picture.insight?.figures.some((f) => f.id.startsWith('agenda') || f.id.startsWith('signal'))).toBe(false);
      // One sender: the answer is there, how many signals it answered is not.
      expect(picture.signals.answers).toEqual([{ groupName: null, answer: 'De wachttijd gaat per maart omlaag.', status: 'adopted', theme: 'fit', kind: 'knelt', month: sent.createdAt.slice(0, 7), signals: null }]);
      const pictureText = JSON.stringify(picture);
      expect(pictureText).not.toContain('wachttijdregel');
      expect(pictureText).not.toContain(sent.id);
      expect(pictureText).not.toContain(await userIdOf(admin, demo.professional));
      // A team's picture has no answers: they would be tied to the team's few members.
      expect((await manager.call(contract.kar.picture, { params: { id: teamCanvasId } })).signals.answers).toEqual([]);
      const policyCsv = (await policy.get(`/api/kar/canvases/${organisationCanvasId}/picture.csv`)).body.split('\r\n');
      expect(policyCsv).toContain(`"antwoord op signalen";"opgepakt";"knelt, Hoe past wat we samen doen?";"";"";"";"";"${sent.createdAt.slice(0, 7)}";"De wachttijd gaat per maart omlaag.";"te weinig om te tonen"`);
      expect(policyCsv.some((line) => line.startsWith('"signalen";"Gemeente Voorbeeld";"signalen verstuurd"'))).toBe(true);
      // A member of the team sees the team's picture; the figures of the insight page only the team lead.
      expect((await professional.call(contract.kar.picture, { params: { id: teamCanvasId } })).insight).toBeNull();
      expect((await manager.call(contract.kar.picture, { params: { id: teamCanvasId } })).insight?.figures.find((f) => f.kind === 'monthly')?.rows.map((r) => r.name)).toEqual(['Team Werk en Inkomen']);

      const csv = await professional.get(`/api/kar/canvases/${teamCanvasId}/picture.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toContain('jaarbeeld-2026.csv');
      expect(csv.body.startsWith('\uFEFF"deel";"niveau";"titel";"waarom voor de professional"')).toBe(true);
      const lines = csv.body.split('\r\n');
      expect(lines).toContain('"KAR";"kritische succesfactor";"Cliënten voelen zich gehoord";"Dan komen we sneller tot de kern.";"Ik wil dat mijn verhaal telt.";"Nu vragen we zelden hoe het gesprek ging.";"We vragen aan het eind van elk gesprek wat de cliënt ervan vond.";"";"";""');
      expect(lines).toContain('"KAR";"activiteit";"Samenleergesprek twee keer per jaar";"";"";"";"Iedereen plant er twee.";"";"";""');
      expect(lines).toContain('"KAR";"verwacht resultaat";"Hogere score op samen praten";"";"";"Score 3,5";"";"";"";""');
      expect(lines).toContain('"klanttevredenheid";"Alles bij elkaar";"overall";"";"";"";"";"2026-02";"7,6";"121"');
      expect(lines).toContain('"klanttevredenheid";"Hoe werken we samen?";"collaboration.listening";"";"";"";"";"2026-02";"te weinig om te tonen";"3"');
      expect(lines).toContain('"samenwerkingscheck";"Alles bij elkaar";"gemiddelde (1 tot 5)";"";"";"";"";"2026-03";"te weinig om te tonen";"te weinig om te tonen"');
      expect(lines.some((line) => line.startsWith('"herzien op";"";"Eerste versie in het werkoverleg"'))).toBe(true);
      for (const person of people) expect(csv.body).not.toContain(person.name);
    });
  });
});
