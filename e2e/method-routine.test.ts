import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, type BrowserSession } from './support/browser.js';
import { guardJourney, type Expected4xx, type JourneyGuard } from './support/journey.js';
import { heading, logIn, settled } from './support/pages.js';
import { makeSpeechConversation, makeTextFileAsMp4 } from '../scripts/fixtures/make-media.mjs';
import { apiLogin } from './support/review-setup.js';
import { demoAccounts, demoPassword, startServer, type RunningServer } from './support/server.js';

/**
 * Also the organisation's own film: an administrator adds it in the settings, a professional
 * watches it on the explainer page.
 *
 * Timing and routine with the client, by clicking only: the home page's reminder to ask a client
 * for feedback, and "samen terugkijken op dit gesprek" from a regular conversation. Both lead to a
 * new Samenleergesprek with that client chosen. axe on every page.
 */
const anonymousSession: Expected4xx = { status: 401, path: /^\/api\/session$/ };
const pseudonym = 'Mevrouw R. (routine)';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
let guard: JourneyGuard;

async function visited(label: string): Promise<void> {
  await settled(page);
  await expectNoAxeViolations(page, label);
  guard.assertClean();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const professional = await apiLogin(server.url, demoAccounts.professional, demoPassword);
  const client = await professional.json<{ id: string }>('/api/clients', 'POST', { pseudonym });
  await professional.json(`/api/clients/${client.id}/conversations`, 'POST', { heldOn: '2026-11-20', kind: 'in_person' });
  await professional.json(`/api/clients/${client.id}`, 'PATCH', { feedbackReminderMonths: 3 });
  // Three months have passed: the reminder's day has come (the server's clock is not ours to move).
  const database = new SQLite(path.join(server.dataDir, 'spreekkamer.sqlite'));
  try {
    database.prepare('update clients set feedback_reminder_due_on = ? where id = ?').run('2026-01-01', client.id);
  } finally {
    database.close();
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the organisation\'s own film', () => {
  const fixtures = mkdtempSync(path.join(tmpdir(), 'spreekkamer-e2e-film-'));
  afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

  it('an administrator adds it (a wrong file gets a Dutch message), and a professional watches it on the explainer', async () => {
    const notAFilm = await makeTextFileAsMp4(path.join(fixtures, 'geen-film.mp4'));
    const film = path.join(fixtures, 'uitleg.mp4');
    await makeSpeechConversation({ out: film, seconds: 6, width: 640, height: 360 });
    page = await browser.newPage();
    guard = guardJourney(page, server.url, [anonymousSession, { status: 422, path: /^\/api\/admin\/explainer\/film$/ }]);
    await logIn(page, server.url, demoAccounts.administrator);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen', exact: true }).click();
    await heading(page, 'Instellingen');
    await page.getByRole('heading', { name: 'Eigen uitlegfilm' }).waitFor();
    await page.getByLabel('Kies een videobestand').setInputFiles(notAFilm);
    await page.getByRole('button', { name: 'Film uploaden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dit bestand kunnen we niet als film afspelen' }).waitFor();
    await page.getByLabel('Kies een videobestand').setInputFiles(film);
    await page.getByRole('button', { name: 'Film uploaden' }).click();
    await page.getByRole('status').filter({ hasText: 'De film staat klaar.' }).waitFor();
    await visited('settings with the organisation film');
    await page.close();
    await browser.context.clearCookies();

    page = await browser.newPage();
    guard = guardJourney(page, server.url, [anonymousSession]);
    await logIn(page, server.url, demoAccounts.professional);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wat gebeurt er met een opname?' }).click();
    await page.getByRole('heading', { name: 'Film van uw organisatie' }).waitFor();
    const video = page.getByRole('figure').locator('video');
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(5);
    await visited('explainer with the organisation film');
    await page.close();
    await browser.context.clearCookies();
  }, 120_000);
});

describe('the routine of asking for feedback', () => {
  it('the home page reminds the professional, and one click starts a Samenleergesprek with that client', async () => {
    page = await browser.newPage();
    guard = guardJourney(page, server.url, [anonymousSession]);
    await logIn(page, server.url, demoAccounts.professional);
    await page.getByText('Tijd om feedback te vragen:').waitFor();
    await visited('home with a feedback reminder');
    await page.getByRole('link', { name: `Feedback vragen aan ${pseudonym}` }).click();
    await heading(page, 'Samenleergesprekken');
    expect(new URL(page.url()).searchParams.get('client')).not.toBeNull();
    await visited('feedback list opened from the reminder');
  });

  it('from a regular conversation, "samen terugkijken op dit gesprek" leads to the same start', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten', exact: true }).click();
    await heading(page, 'Cliënten');
    await page.getByRole('link', { name: pseudonym }).click();
    await heading(page, pseudonym);
    await page.getByRole('link', { name: '20 november 2026' }).click();
    await page.getByRole('heading', { name: 'Samen terugkijken op dit gesprek' }).waitFor();
    await visited('conversation page with its way to feedback');
    await page.getByRole('link', { name: 'Samen terugkijken op dit gesprek' }).click();
    await heading(page, 'Samenleergesprekken');
    const address = new URL(page.url());
    expect(address.searchParams.get('conversation')).not.toBeNull();
    await visited('feedback list opened from the conversation');
  });
});
