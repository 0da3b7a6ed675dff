import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn } from './support/pages.js';
import { demoAccounts } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * The organisation's picture (issue 12): a policy advisor clicks from home to the client
 * satisfaction page, imports a survey file (first a wrong one, then a good one), sees the results
 * beside the alliance checks, opens the survey questions, writes the organisation's KAR canvas and
 * opens the yearly picture, on paper and on a 320 px phone. Axe on each page.
 */

const small = { width: 320, height: 640 };
const setup = serverAndBrowsers({ policy: {} });

function fixture(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kto-')), name);
  writeFileSync(file, text, 'utf8');
  return file;
}

describe('organisation picture', () => {
  it('a policy advisor imports a survey, writes the KAR canvas and opens the yearly picture', async () => {
    const page = await setup.browser('policy').newPage();
    await logIn(page, setup.server.url, demoAccounts.policyAdvisor);
    await page.locator('main').getByRole('link', { name: 'Naar de klanttevredenheid' }).click();
    await heading(page, 'Klanttevredenheid');
    await expect.poll(() => page.getByText('Er zijn nog geen uitkomsten ingelezen.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'survey page, empty');

    // A wrong line: nothing is stored, and the line is named.
    await page.getByLabel('Kies het CSV-bestand').setInputFiles(fixture('fout.csv', 'periode;thema;score;respondenten\n2026-03;overall;7,4;120\n2026-03;collaboration;8;tien\n'));
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await expect.poll(() => page.getByText('Regel 3: Het aantal respondenten moet een heel getal zijn, 1 of meer.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Er is niets opgeslagen/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'survey page, wrong file');

    await page.getByLabel('Kies het CSV-bestand').setInputFiles(fixture('kto-2026.csv', '\uFEFFperiode;thema;score;percentage;respondenten\r\n2026-03;overall;7,4;;120\r\n2026-Q1;collaboration.listening;;81;95\r\n'));
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '2 regels ingelezen.' }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Klanttevredenheid en samenwerkingscheck per periode en thema' });
    await expect.poll(() => table.getByRole('columnheader', { name: 'Samenwerkingscheck (1 tot 5)' }).isVisible()).toBe(true);
    const march = table.getByRole('row').filter({ hasText: 'maart 2026' });
    await expect.poll(() => march.innerText()).toMatch(/Alles bij elkaar[\s\S]*7,4[\s\S]*120 respondenten[\s\S]*te weinig om te tonen/);
    await expect.poll(() => table.getByRole('row').filter({ hasText: '1e kwartaal 2026' }).innerText()).toMatch(/Luisteren en begrijpen: 81%/);
    await expectNoAxeViolations(page, 'survey page, with results');

    await page.getByRole('link', { name: 'Bekijk en print de vragen' }).click();
    await heading(page, 'Vragen voor het onderzoek');
    await expect.poll(() => page.getByText('Hoe groot is het vertrouwen tussen ons?').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Download de vragen als CSV' }).getAttribute('href')).toBe('/api/surveys/questions.csv');
    await expectNoAxeViolations(page, 'survey questions');

    await page.getByRole('navigation', { name: /menu/i }).getByRole('link', { name: 'KAR en jaarbeeld' }).click();
    await heading(page, 'KAR en jaarbeeld');
    await expectNoAxeViolations(page, 'KAR canvases');
    await page.getByRole('button', { name: /^Begin het canvas van Gemeente Voorbeeld voor/ }).click();
    await heading(page, /^KAR-canvas Gemeente Voorbeeld/);
    await expectNoAxeViolations(page, 'KAR canvas, empty');

    await page.getByRole('button', { name: 'Kritische succesfactor toevoegen' }).click();
    await page.getByLabel('Kritische succesfactor: wat is belangrijk?').fill('Cliënten voelen zich gehoord');
    await page.getByLabel('Waarom, voor de professional').first().fill('Dan komen we sneller tot de kern.');
    await page.getByLabel('Waarom, voor de cliënt en de organisatie').first().fill('Wie gehoord wordt, blijft komen.');
    await page.getByLabel('Welk gedrag verwachten we?').first().fill('We vragen aan het eind van elk gesprek hoe het ging.');
    await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    await page.getByLabel('Activiteit: wat doen we?').fill('Twee samenleergesprekken per jaar');
    await page.getByRole('button', { name: 'Resultaat toevoegen' }).click();
    await page.getByLabel('Verwacht resultaat: wat willen we zien?').fill('Meer cliënten zeggen dat ze alles konden zeggen');
    await page.getByLabel('Wat heeft u herzien?').fill('Eerste versie met het MT');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Het canvas is opgeslagen.' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('region', { name: 'Herzien op' }).innerText()).toMatch(/Eerste versie met het MT/);
    await expectNoAxeViolations(page, 'KAR canvas, written');

    await page.getByRole('link', { name: 'Bekijk het jaarbeeld' }).click();
    await heading(page, /^Jaarbeeld Gemeente Voorbeeld/);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: 'Cliënten voelen zich gehoord' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Meer cliënten zeggen dat ze alles konden zeggen').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Punten op de leeragenda' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Wat knelt, wat werkt' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: 'Wat we met de signalen deden' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /Klanttevredenheid en samenwerkingscheck/ }).isVisible()).toBe(true);
    const csv = await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/kar\/canvases\/[0-9a-f-]+\/picture\.csv$/);
    await expectNoAxeViolations(page, 'yearly picture');
    // On paper: no menu and no buttons, the picture itself stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 3, name: 'Cliënten voelen zich gehoord' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The same picture on a 320 px phone.
    const phonePage = await setup.browser('policy').newPage(small);
    await phonePage.goto(page.url());
    await heading(phonePage, /^Jaarbeeld Gemeente Voorbeeld/);
    expect(await hasHorizontalScroll(phonePage)).toBe(false);
    await expectNoAxeViolations(phonePage, 'yearly picture, 320 px');
  });
});
