import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn } from './support/pages.js';
import { demoAccounts } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * The team learning agenda by clicking only (issue #12): a professional brings a lesson from the
 * home page, sees the identification warning for a typed name and rewrites it; the team lead
 * plans it for a werkoverleg and writes the outcome; the professional reads the outcome.
 */

const setup = serverAndBrowsers({ professional: {}, lead: {} });
const team = 'Team Werk en Inkomen';
const lesson = 'Met een cliënt ging het beter toen ik eerst stil bleef en liet uitpraten.';
const agreement = 'We laten eerst de cliënt uitpraten voordat we iets voorstellen.';

function inAWeek(): { value: string; shown: string } {
  const day = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const value = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return { value, shown: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(day) };
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

describe('team learning agenda', () => {
  let professional: Page;
  const meeting = inAWeek();

  it('a professional goes from home to the agenda, is warned about a name, rewrites and saves', async () => {
    professional = await setup.browser('professional').newPage();
    await logIn(professional, setup.server.url, demoAccounts.professional);
    await professional.getByText(`${team}: 0 nieuwe punten op de agenda.`, { exact: false }).waitFor();
    await professional.getByRole('link', { name: `Naar de leeragenda van ${team}` }).first().click();
    await heading(professional, `Leeragenda van ${team}`);
    await professional.getByText('Er staat nog niets op de agenda.', { exact: false }).waitFor();
    await expectNoAxeViolations(professional, 'empty agenda');

    const text = professional.getByLabel('Uw les of vraag');
    await text.fill('Met mevrouw Jansen ging het beter toen ik eerst stil bleef.');
    await professional.getByText('Kan iemand hierin een cliënt herkennen?').waitFor();
    await professional.getByText('“mevrouw Jansen” (naam)').waitFor();
    await expectNoAxeViolations(professional, 'agenda with warning');
    // Sending without looking again saves nothing.
    await professional.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await professional.getByText('Er staat nog niets op de agenda.', { exact: false }).waitFor();

    await text.fill(lesson);
    await professional.getByText('Kan iemand hierin een cliënt herkennen?').waitFor({ state: 'detached' });
    await professional.getByLabel('Hoe werken we samen?').check();
    await professional.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await professional.getByText('Uw punt staat op de agenda.').waitFor();
    await professional.getByText(lesson).waitFor();
    await professional.getByText('Door u ingebracht').waitFor();
    await expectNoAxeViolations(professional, 'agenda with an item');

    await nav(professional, 'Leeragenda');
    await heading(professional, 'Leeragenda van het team');
    await professional.getByText(`${team}: 1 nieuw punt op de agenda.`, { exact: false }).waitFor();
    await expectNoAxeViolations(professional, 'agenda overview');
  });

  it('the team lead plans it for a werkoverleg and writes the outcome', async () => {
    const lead = await setup.browser('lead').newPage();
    await logIn(lead, setup.server.url, demoAccounts.manager);
    await lead.getByRole('link', { name: `Naar het werkoverleg van ${team}` }).first().click();
    await heading(lead, `Werkoverleg van ${team}`);
    await lead.getByText('Er is nog geen werkoverleg gepland.').waitFor();
    await expectNoAxeViolations(lead, 'werkoverleg empty');

    await lead.getByLabel('Datum van het werkoverleg').fill(meeting.value);
    await lead.getByRole('button', { name: 'Plannen', exact: true }).click();
    await lead.getByRole('heading', { level: 2, name: `Werkoverleg van ${meeting.shown}` }).waitFor();
    // The lead sees the item without its author's name.
    await lead.getByLabel('Punt voor dit overleg').selectOption({ label: lesson });
    await lead.getByRole('button', { name: 'Op dit overleg zetten' }).click();
    await lead.getByLabel('Wat het team afsprak').waitFor();
    expect(await lead.getByText('Zonder naam').count()).toBeGreaterThan(0);
    expect(await lead.getByText('Sanne de Vries').count()).toBe(0);

    await lead.getByLabel('Status').selectOption({ label: 'We gaan het proberen' });
    await lead.getByLabel('Wat het team afsprak').fill(agreement);
    await lead.getByRole('button', { name: 'Uitkomst bewaren' }).click();
    await lead.getByText('De uitkomst is bewaard.').waitFor();
    await lead.getByLabel('Verslag van het overleg').fill('Fijn overleg. Over een maand kijken we hoe het ging.');
    await lead.getByRole('button', { name: 'Verslag bewaren' }).click();
    await lead.getByText('Het verslag is bewaard.').waitFor();
    await expectNoAxeViolations(lead, 'werkoverleg with outcome');
  });

  it('the professional sees the outcome, also on a 320 px phone', async () => {
    await professional.getByRole('link', { name: `Naar het werkoverleg van ${team}` }).click();
    await heading(professional, `Werkoverleg van ${team}`);
    await professional.getByText(agreement).waitFor();
    await professional.getByText('We gaan het proberen').first().waitFor();
    await professional.getByText('Fijn overleg. Over een maand kijken we hoe het ging.').waitFor();
    expect(await professional.getByLabel('Wat het team afsprak').count()).toBe(0);
    await expectNoAxeViolations(professional, 'werkoverleg for a member');

    await professional.setViewportSize({ width: 320, height: 640 });
    await professional.getByRole('link', { name: team, exact: true }).click();
    await heading(professional, `Leeragenda van ${team}`);
    await professional.getByText(`Op het werkoverleg van ${meeting.shown}`).waitFor();
    expect(await hasHorizontalScroll(professional)).toBe(false);
    await expectNoAxeViolations(professional, 'agenda on a phone');
  });
});
