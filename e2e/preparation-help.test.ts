import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import feedbackNl from '../apps/web/src/i18n/feedback.nl.json' with { type: 'json' };
import { expectNoAxeViolations } from './support/browser.js';
import { heading, logIn } from './support/pages.js';
import { apiLogin } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * Help with preparing, from outside (issue 16), by clicking: the professional asks an independent
 * coach to help a client prepare; the client, on a 320 px phone, lets the coach see one card; the
 * coach finds it on "Gedeeld met mij", sees only that, and writes a point down. Axe on each page.
 */

const small = { width: 320, height: 640 };
const setup = serverAndBrowsers({ professional: {}, client: {}, helper: {} });
const texts = feedbackNl.feedback;
const helperEmail = 'hanna@onafhankelijk-bureau.nl';
const helperPassword = 'een-lang-extern-wachtwoord';

async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).first().click();
}

describe('help with preparing, from outside', () => {
  let link = '';
  let code = '';

  it('the professional asks a coach from outside to help a client prepare', async () => {
    const admin = await apiLogin(setup.server.url, demoAccounts.administrator, demoPassword);
    const invited = await admin.json<{ invitationPath: string }>('/api/admin/users', 'POST', {
      name: 'Hanna Buiten',
      email: helperEmail,
      memberships: [{ role: 'reviewer', teamId: null }],
      external: { organisation: 'Bureau Onafhankelijk', accessUntil: '2099-12-31' },
    });
    const accepted = await fetch(new URL('/api/invitations/accept', setup.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.invitationPath.split('/').pop(), password: helperPassword }),
    });
    expect(accepted.status).toBe(200);
    const professional = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
    const client = await professional.json('/api/clients', 'POST', { pseudonym: 'Mevrouw Hulp' });
    await professional.json('/api/feedback', 'POST', { clientIds: [client.id] });
    const access = await professional.json(`/api/clients/${client.id}/access`, 'POST', {});
    link = `${setup.server.url}${access.path ?? ''}`;
    code = access.code ?? '';

    const page = await setup.browser('professional').newPage();
    await logIn(page, setup.server.url, demoAccounts.professional);
    await page.locator('main').getByRole('link', { name: texts.home.toList, exact: true }).click();
    await heading(page, texts.list.title);
    await page.locator('main').getByRole('link', { name: 'Mevrouw Hulp' }).click();
    await heading(page, 'Samenleergesprek met Mevrouw Hulp');
    await page.getByLabel(texts.helperPro.choose).selectOption({ label: 'Hanna Buiten (Bureau Onafhankelijk)' });
    await press(page, texts.helperPro.invite);
    await page.getByText(/^Hanna Buiten \(Bureau Onafhankelijk\) helpt/).waitFor();
    await expectNoAxeViolations(page, 'feedback detail with a helper');
    await page.close();
  });

  it('the client prepares on a 320 px phone and lets the coach see one card', async () => {
    const page = await setup.browser('client').newPage(small);
    await page.goto(link);
    await heading(page, 'Welkom');
    await page.getByLabel('Uw code').fill(code);
    await press(page, 'Verder');
    await heading(page, 'Uw pagina');
    await page.locator('main').getByRole('link', { name: texts.client.prepare }).click();
    await heading(page, texts.prepare.whyTitle);
    for (const title of ['equalTitle', 'safeTitle', 'nothingTitle', 'themesTitle'] as const) {
      await press(page, 'Verder');
      await heading(page, texts.prepare[title]);
    }
    await page.getByRole('button', { name: /^Hoe werken we samen\?/ }).first().click();
    await press(page, 'Verder');
    await heading(page, 'Hoe werken we samen?');
    await press(page, 'Verder');
    await heading(page, texts.prepare.wordsTitle);
    await page.getByRole('button', { name: new RegExp(`^${texts.prepare.wordsNo}`) }).first().click();
    await press(page, 'Verder');
    await heading(page, texts.prepare.checkTitle);
    await press(page, texts.prepare.send);
    await heading(page, texts.prepare.doneTitle);
    await page.getByRole('heading', { level: 2, name: texts.helper.title }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Bureau Onafhankelijk');
    await page.getByRole('checkbox').first().check();
    await press(page, texts.helper.save);
    await page.getByRole('status').getByText(texts.helper.saved).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await expectNoAxeViolations(page, 'client: help with preparing');
    await page.close();
  });

  it('the coach finds the preparation on "Gedeeld met mij", sees only what was shown, and writes a point', async () => {
    const page = await setup.browser('helper').newPage(small);
    await logIn(page, setup.server.url, helperEmail, helperPassword);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const toggle = menu.getByRole('button', { name: 'Menu' });
    if (await toggle.isVisible()) await toggle.click();
    await menu.getByRole('link', { name: 'Gedeeld met mij' }).click();
    await page.getByRole('heading', { level: 2, name: texts.helperPage.listTitle }).waitFor();
    await page.getByRole('link', { name: /^Open de voorbereiding voor/ }).click();
    await heading(page, texts.helperPage.title);
    const shown = await page.locator('main').innerText();
    expect(shown).toContain('Hoe werken we samen?');
    expect(shown).not.toContain('Mevrouw Hulp');
    await page.getByLabel(texts.helperPage.pointLabel).fill('Zij wil vaker samen een plan maken.');
    await press(page, texts.helperPage.addPoint);
    await page.getByText(`Zij wil vaker samen een plan maken. (${texts.helperPage.relay.pending})`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await expectNoAxeViolations(page, 'helper: preparation');
    await page.close();
  });
});
