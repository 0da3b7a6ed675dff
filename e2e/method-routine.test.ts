import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, type BrowserSession } from './support/browser.js';
import { guardJourney, type Expected4xx, type JourneyGuard } from './support/journey.js';
import { heading, logIn, settled } from './support/pages.js';
import { apiLogin } from './support/review-setup.js';
import { demoAccounts, demoPassword, startServer, type RunningServer } from './support/server.js';

/**
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
