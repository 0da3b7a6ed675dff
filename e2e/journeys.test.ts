import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, type BrowserSession } from './support/browser.js';
import { guardJourney, type Expected4xx, type JourneyGuard } from './support/journey.js';
import { heading, logIn, logOut, settled } from './support/pages.js';
import { apiLogin } from './support/review-setup.js';
import { demoAccounts, demoPassword, startServer, type RunningServer } from './support/server.js';

/**
 * Every journey walked by clicking what a person sees, from the log-in page or a client's
 * personal link: the guard forbids typing deeper addresses and fails on console errors and
 * unexpected 4xx/5xx. axe runs on every page visited. One browser for the file (one profile per
 * person would mean one Chromium each); people take turns in it and log out in between.
 * Waits are on page state (headings, aria-busy, media time), never on timers.
 */

/** Before logging in the app asks who is there; the answer "nobody" is expected and handled. */
const anonymousSession: Expected4xx = { status: 401, path: /^\/api\/session$/ };
const demoClient = 'Meneer A. (voorbeeld)';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
let guard: JourneyGuard;

async function visited(label: string): Promise<void> {
  await settled(page);
  await expectNoAxeViolations(page, label);
  guard.assertClean();
}

async function newJourney(expected: Expected4xx[] = []): Promise<void> {
  page = await browser.newPage();
  guard = guardJourney(page, server.url, [anonymousSession, ...expected]);
}

function menu(name: string | RegExp) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: typeof name === 'string' });
}

async function mediaTimeAbove(seconds: number): Promise<void> {
  await page.waitForFunction((s) => (document.querySelector<HTMLMediaElement>('.sk-player video, .sk-player audio')?.currentTime ?? 0) > s, seconds, { timeout: 60_000 });
}

beforeAll(async () => {
  server = await startServer({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  browser = await launchBrowser({ fakeMedia: true });
  // The demo recording is made and processed by a background job; the journeys start once it is ready.
  const owner = await apiLogin(server.url, demoAccounts.professional, demoPassword);
  const deadline = Date.now() + 170_000;
  for (;;) {
    const list = await owner.json<{ recordings: { status: string }[] }>('/api/recordings');
    if (list.recordings.some((r) => r.status === 'ready')) break;
    if (Date.now() > deadline) throw new Error(`demo recording not ready: ${JSON.stringify(list.recordings)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await owner.fetch('/api/session', { method: 'DELETE' });
}, 180_000);

afterEach(async () => {
  guard?.assertClean();
  await page?.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('journeys, by clicking only', () => {
  it('1 · the professional goes from home to the demo client, plays the recording, marks a moment and shares it with the coach', async () => {
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await visited('professional home');
    await menu('Cliënten').click();
    await heading(page, 'Cliënten');
    await visited('clients');
    await page.getByRole('link', { name: demoClient }).first().click();
    await heading(page, demoClient);
    await visited('demo client');
    await page.getByRole('link', { name: 'Terugkijken en momenten markeren' }).first().click();
    await heading(page, /^Terugkijken: Meneer A\./);
    await visited('review room');

    await page.getByRole('button', { name: 'Afspelen' }).click();
    await mediaTimeAbove(1);
    await page.getByRole('button', { name: 'Begin hier' }).click();
    await page.getByText(/^Begin gezet op/).first().waitFor();
    await mediaTimeAbove(3);
    await page.getByRole('button', { name: 'Einde hier' }).click();
    await page.getByRole('button', { name: 'Moment toevoegen' }).click();
    await page.getByRole('button', { name: 'Pauzeren' }).click();
    await page.getByRole('button', { name: /Moment 1 \(/ }).first().waitFor();
    await visited('review room with a moment');

    await page.getByRole('button', { name: 'Momenten delen' }).click();
    const form = page.getByRole('form', { name: 'Momenten delen' });
    await form.getByLabel(/Moment 1 \(/).check();
    await form.getByLabel('Youssef El Amrani (meekijker)').check();
    await form.getByLabel('Uw vraag (niet verplicht)').fill('Wat zie je als ik doorvraag?');
    await form.getByLabel('Zichtbaar tot en met').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await visited('share form');
    await form.getByRole('button', { name: 'Delen' }).click();
    await page.getByText(/^Gedeeld met Youssef El Amrani tot/).waitFor();
    await visited('shared');
    await logOut(page);
  });

  it('2 · the coach sees the share on their home page, plays it and comments with each kind', async () => {
    await newJourney();
    await logIn(page, server.url, demoAccounts.reviewer);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Gedeeld met u' }) });
    await card.getByText('U kunt 1 gedeelde opname bekijken.').waitFor();
    await visited('coach home');
    await card.getByRole('link', { name: 'Van Sanne de Vries' }).click();
    await heading(page, 'Momenten van Sanne de Vries');
    await page.getByText('Wat zie je als ik doorvraag?').waitFor();
    await visited('shared moments');
    await page.getByRole('button', { name: /Moment 1 \(/ }).first().click();
    await page.getByRole('button', { name: 'Afspelen' }).click();
    await mediaTimeAbove(1.2);
    await page.getByRole('button', { name: 'Pauzeren' }).click();

    const comments: [RegExp, string, string][] = [
      [/^Wat ik zie/, 'Je kijkt de cliënt aan en wacht even.', 'Wat ik zie van Youssef El Amrani'],
      [/^Vraag/, 'Wat wilde je op dit moment bereiken?', 'Vraag van Youssef El Amrani'],
      [/^Wat werkt/, 'Je vat kort samen wat de cliënt zei.', 'Wat werkt van Youssef El Amrani'],
      [/^Wat je kunt proberen/, 'Je zou kunnen vragen wat de cliënt zelf wil.', 'Wat je kunt proberen van Youssef El Amrani'],
    ];
    for (const [kind, body, article] of comments) {
      const form = page.getByRole('form', { name: 'Nieuwe reactie' });
      await form.getByLabel(kind).check();
      await form.getByLabel('Uw reactie bij', { exact: false }).fill(body);
      await form.getByRole('button', { name: 'Reactie plaatsen' }).click();
      await page.getByRole('article', { name: article }).waitFor();
    }
    await visited('shared moments with comments');
    await logOut(page);
  });

  it('3 · the professional sees the comments in the notifications and opens one at its moment', async () => {
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await page.getByRole('link', { name: /^Meldingen, \d+ nieuw$/ }).click();
    await heading(page, 'Meldingen');
    await visited('notifications');
    await page.getByRole('button', { name: /Youssef El Amrani reageerde op een moment\./ }).first().click();
    await heading(page, /^Terugkijken: Meneer A\./);
    await page.getByRole('heading', { level: 2, name: /^Moment: Moment 1/ }).waitFor();
    await page.getByRole('article', { name: 'Wat je kunt proberen van Youssef El Amrani' }).waitFor();
    await visited('review room at the commented moment');
    await logOut(page);
  });

  it('7 · the team lead, the policy advisor and the administrator open every menu entry and meet no one’s content', async () => {
    await newJourney();
    const people: { email: string; forbidden: string[] }[] = [
      { email: demoAccounts.manager, forbidden: [demoClient, 'Wat zie je als ik doorvraag?', 'Sanne de Vries'] },
      { email: demoAccounts.policyAdvisor, forbidden: [demoClient, 'Wat zie je als ik doorvraag?'] },
      { email: demoAccounts.administrator, forbidden: [demoClient, 'Wat zie je als ik doorvraag?', 'reageerde op een moment'] },
    ];
    for (const person of people) {
      await logIn(page, server.url, person.email);
      await visited(`home of ${person.email}`);
      const entries = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
      expect(entries.length).toBeGreaterThan(1);
      for (const entry of entries) {
        await menu(entry.trim()).click();
        await page.locator('h1').waitFor();
        await visited(`${person.email} › ${entry.trim()}`);
        const text = await page.locator('main').innerText();
        for (const forbidden of person.forbidden) expect(text, `${entry} of ${person.email}`).not.toContain(forbidden);
        expect(await page.locator('video, audio').count()).toBe(0);
      }
      await logOut(page);
    }
  });
});
