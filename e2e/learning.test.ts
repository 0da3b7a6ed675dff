import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, phone } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn } from './support/pages.js';
import { apiLogin, consentedRecording } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * Learning as routine, by clicking only: the administrator sets one round over the whole year
 * (so the test runs on any day); the professional sees the open round on the home page, makes a
 * learning question from a moment in the review room, invites the coach and shares the question;
 * the coach finds it from their home page; the professional ticks a step and prints the plan.
 * The recording and one moment are set up through the API (their own tests cover those pages).
 */

const setup = serverAndBrowsers({ admin: {}, professional: {}, coach: {} });

beforeAll(async () => {
  const owner = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
  const { recordingId } = await consentedRecording(owner, 'Meneer Leervraag');
  await owner.json(`/api/recordings/${recordingId}/moments`, 'POST', { startSeconds: 2, endSeconds: 6, title: 'Lange stilte' });
}, 180_000);

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

describe('learning', () => {
  it('the administrator sets the rhythm on the settings page', async () => {
    const page = await setup.browser('admin').newPage();
    await logIn(page, setup.server.url, demoAccounts.administrator);
    await nav(page, 'Instellingen');
    await heading(page, 'Instellingen');
    await page.getByRole('button', { name: 'Verwijder ronde 2' }).click();
    await page.getByLabel('Begin (mm-dd)').fill('01-01');
    await page.getByLabel('Einde (mm-dd)').fill('12-31');
    await page.getByRole('button', { name: 'Bewaar leerrondes' }).click();
    await page.getByText('De leerrondes zijn bewaard.').waitFor();
    await expectNoAxeViolations(page, 'settings with rhythm');
  });

  let professional: Page;

  it('the professional sees the open round at home and starts a question from a moment', async () => {
    professional = await setup.browser('professional').newPage();
    await logIn(professional, setup.server.url, demoAccounts.professional);
    await professional.getByText(/^Leerronde tot en met 31 december \d{4}: 2 van 7 stappen gedaan\.$/).waitFor();
    await expectNoAxeViolations(professional, 'home with round');

    await nav(professional, 'Leren');
    await heading(professional, 'Leren');
    // Empty state: no questions yet, and that is fine.
    await professional.getByText('Je hebt nog geen leervragen.', { exact: false }).waitFor();
    await expectNoAxeViolations(professional, 'learning empty');

    await nav(professional, 'Start');
    await professional.getByRole('link', { name: /Meneer Leervraag/ }).first().click();
    await professional.getByRole('link', { name: /Terugkijken/ }).first().click();
    await heading(professional, /^Terugkijken: Meneer Leervraag/);
    await professional.getByRole('button', { name: /Lange stilte/ }).click();
    await professional.getByRole('link', { name: 'Maak hier een leervraag van' }).click();
    await heading(professional, 'Leren');
    await professional.getByText('Deze leervraag hoort bij het moment dat je koos.').waitFor();
    await professional.getByLabel('Je leervraag (mag leeg blijven)').fill('Wat doet mijn stilte met de klant?');
    await professional.getByLabel('Echt gesprek').check();
    await professional.getByRole('button', { name: 'Maak leervraag' }).click();
    await professional.getByRole('heading', { level: 3, name: 'Wat doet mijn stilte met de klant?' }).waitFor();
    await professional.getByText('Moment: Lange stilte').waitFor();
    // Recording, looking back and the question ticked themselves.
    for (const step of ['Kies of vind een leervraag', 'Neem een gesprek op (beeld of alleen geluid)', 'Kijk zelf terug met de Kijkwijzer']) {
      expect(await professional.getByRole('checkbox', { name: step }).isChecked(), step).toBe(true);
    }
    await expectNoAxeViolations(professional, 'learning with question');
  });

  it('invites the coach and shares the question; the coach sees it from their home page', async () => {
    await professional.getByLabel('Kies een leercoach').selectOption({ label: 'Youssef El Amrani' });
    await professional.getByRole('button', { name: 'Vraag als leercoach' }).click();
    await professional.getByRole('button', { name: 'Deel met Youssef El Amrani' }).click();
    await professional.getByText('Gedeeld met Youssef El Amrani').waitFor();

    const coach = await setup.browser('coach').newPage();
    await logIn(coach, setup.server.url, demoAccounts.reviewer);
    await coach.getByRole('link', { name: /^Sanne de Vries: 1 leervragen/ }).click();
    await heading(coach, 'Leercoach: Sanne de Vries');
    await coach.getByText('Wat doet mijn stilte met de klant?').waitFor();
    expect(await coach.getByText('Lange stilte').count()).toBe(0);
    await coach.getByLabel('Notitie').fill('Waar let je op bij je stiltes?');
    await coach.getByRole('button', { name: 'Voeg notitie toe' }).click();
    await coach.getByText('Waar let je op bij je stiltes?').waitFor();
    await expectNoAxeViolations(coach, 'coach page');
  });

  it('ticks a step by hand and prints the plan, also on a 320 px phone', async () => {
    const step = professional.getByRole('checkbox', { name: 'Vraag de cliënt om feedback (Samenleergesprek of check)' });
    // The box follows the server's answer, so it is clicked and then awaited rather than "checked".
    await step.click();
    await expect.poll(() => step.isChecked(), { timeout: 15_000 }).toBe(true);

    await professional.getByRole('link', { name: 'Mijn ontwikkelplan' }).click();
    await heading(professional, 'Mijn ontwikkelplan');
    await professional.getByRole('heading', { level: 3, name: 'Wat doet mijn stilte met de klant?' }).waitFor();
    await expectNoAxeViolations(professional, 'plan');
    await professional.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await professional.getByRole('button', { name: 'Print' }).click();
    expect(await professional.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    await professional.emulateMedia({ media: 'print' });
    expect(await professional.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await professional.getByRole('heading', { level: 1, name: 'Mijn ontwikkelplan' }).isVisible()).toBe(true);
    await professional.emulateMedia({ media: 'screen' });

    await professional.setViewportSize({ width: 320, height: phone.height });
    expect(await hasHorizontalScroll(professional)).toBe(false);
    await professional.getByRole('button', { name: 'Menu' }).click();
    await nav(professional, 'Leren');
    await heading(professional, 'Leren');
    expect(await hasHorizontalScroll(professional)).toBe(false);
    await expectNoAxeViolations(professional, 'learning at 320 px');
  });
});
