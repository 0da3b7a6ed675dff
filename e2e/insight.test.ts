import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, type BrowserSession } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn, pressOn } from './support/pages.js';
import { demoAccounts, startServer, type RunningServer } from './support/server.js';

/**
 * Anonymous insight by clicking: the team lead and the policy advisor go from their home page to the
 * insight page, see a chart (drawn by Observable Plot) and the table under it, with the dash for
 * hidden figures explained once. axe on each page, and the same on a 320 px phone. The demo's
 * anonymous year of activity (DEMO_INSIGHT) gives the figures something to show.
 */
const small = { width: 320, height: 640 };
let server: RunningServer;
const browsers: BrowserSession[] = [];

beforeAll(async () => {
  server = await startServer({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', DEMO_INSIGHT: 'true' } });
}, 120_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
});

const journeys = [
  { who: 'team lead', email: demoAccounts.manager, title: 'Inzicht in uw teams', row: 'Team Werk en Inkomen' },
  { who: 'policy advisor', email: demoAccounts.policyAdvisor, title: 'Inzicht in de organisatie', row: 'Gemeente Voorbeeld' },
];

describe('anonymous insight', () => {
  for (const journey of journeys) {
    for (const viewport of [undefined, small]) {
      it(`the ${journey.who} clicks from home to a chart and its table${viewport ? ' on a 320 px phone' : ''}`, async () => {
        // Its own browser: no session cookie left from the journey before.
        const browser = await launchBrowser();
        browsers.push(browser);
        const page = await browser.newPage(viewport);
        await logIn(page, server.url, journey.email);
        // The home card summarises the last closed month from the same answer.
        await page.getByTestId('insight-group').first().waitFor();
        await expectNoAxeViolations(page, `home of the ${journey.who}`);
        if (viewport) await pressOn(page, 'Alle cijfers, met grafieken en tabellen');
        else await page.getByRole('link', { name: 'Alle cijfers, met grafieken en tabellen' }).click();
        await heading(page, journey.title);

        const rounds = page.getByRole('region', { name: 'Leerrondes begonnen' });
        // The chart is drawn once Observable Plot has loaded; it is hidden from screen readers.
        await rounds.locator('.sk-insight__chart svg').first().waitFor();
        expect(await rounds.locator('.sk-insight__chart svg').first().getAttribute('aria-hidden')).toBe('true');
        const table = rounds.getByRole('table', { name: 'Leerrondes begonnen' });
        await table.waitFor();
        expect(await table.getByRole('columnheader', { name: journey.row }).count()).toBe(1);
        expect(await table.getByRole('row').count()).toBe(13);
        // At least one figure is shown as a number, and the dash is explained once on the page.
        expect(await table.locator('td').filter({ hasText: /^\d+$/ }).count()).toBeGreaterThan(0);
        expect(await page.getByText(/Een streepje \(–\) betekent: niet getoond/).count()).toBe(1);
        // Every figure has its table; none names a person.
        expect(await page.getByTestId('insight-figure').count()).toBe(13);
        expect(await page.locator('main').innerText()).not.toMatch(/Sanne|Marieke Jansen|@voorbeeld\.nl/);
        if (viewport) {
          // Names what sticks out, when something does.
          const wide = await page.evaluate(() =>
            Array.from(document.querySelectorAll('main *')).filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 3).map((element) => `${element.tagName}.${element.getAttribute('class') ?? ''} ${Math.round(element.getBoundingClientRect().left)}+${Math.round(element.getBoundingClientRect().width)}`),
          );
          expect(await hasHorizontalScroll(page), wide.join(', ')).toBe(false);
        }
        await expectNoAxeViolations(page, `insight page of the ${journey.who}`);
        await page.close();
      });
    }
  }
});
