import { beforeEach, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, phone } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn, logOut, settled } from './support/pages.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

const setup = serverAndBrowsers({ visitor: {} });

beforeEach(async () => {
  // Every test starts logged out, in Dutch, like a new visitor.
  await setup.browser('visitor').context.clearCookies();
  const page = await setup.browser('visitor').newPage();
  await page.goto(`${setup.server.url}/inloggen`);
  await page.evaluate(() => window.localStorage.clear());
  await page.close();
});

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
}

async function sectionTitles(page: Page): Promise<string[]> {
  return (await page.locator('main h2').allTextContents()).map((text) => text.trim());
}

async function navLinks(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents()).map((text) =>
    text.trim(),
  );
}

describe('foundation', () => {
  it('shows each role its own home page, and only the menu items that role may use', async () => {
    const page = await setup.browser('visitor').newPage();
    const expected: Array<{ email: string; firstName: string; sections: string[]; admin: boolean }> = [
      { email: demoAccounts.professional, firstName: 'Sanne', sections: ['Uw opnames', 'Samen leren met cliënten', 'Signalen uit de praktijk', 'Zo leert u van uw gesprekken'], admin: false },
      { email: demoAccounts.reviewer, firstName: 'Youssef', sections: ['Gedeeld met u'], admin: false },
      // The team lead records their own conversations too: their own three cards, then the team's.
      { email: demoAccounts.manager, firstName: 'Marieke', sections: ['Uw opnames', 'Samen leren met cliënten', 'Signalen uit de praktijk', 'Zo leert u van uw gesprekken', 'Uw teams'], admin: false },
      { email: demoAccounts.policyAdvisor, firstName: 'Peter', sections: ['Inzicht in de organisatie'], admin: false },
      { email: demoAccounts.administrator, firstName: 'Fatma', sections: ['Beheer'], admin: true },
    ];
    for (const person of expected) {
      await logIn(page, setup.server.url, person.email);
      expect(await h1(page)).toBe(`Welkom, ${person.firstName}`);
      expect(await page.title()).toBe('Start · Spreekkamer');
      expect(await sectionTitles(page)).toEqual(person.sections);
      const links = await navLinks(page);
      expect(links).toContain('Mijn account');
      expect(links.includes('Gebruikers')).toBe(person.admin);
      await expectNoAxeViolations(page, `home of ${person.email}`);
      await logOut(page);
    }

    // The manager's section says what is never shown, and from how many people anything is.
    await logIn(page, setup.server.url, demoAccounts.manager);
    const managerText = await page.locator('section', { has: page.getByRole('heading', { name: 'Uw teams' }) }).textContent();
    expect(managerText).toContain('minstens 5 mensen');
    expect(managerText).toContain('nooit opnames');
    // An administrator page is not offered to a manager, even when typed in.
    await page.goto(`${setup.server.url}/beheer/gebruikers`);
    await settled(page);
    expect(await h1(page)).toBe('Geen toegang');
    await page.close();
  });

  it('lets an administrator invite someone, who sets a password and is logged in', async () => {
    const page = await setup.browser('visitor').newPage();
    await logIn(page, setup.server.url, demoAccounts.administrator);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await heading(page, 'Gebruikers');
    // After client-side navigation, focus is on the new page's title.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // An empty form is refused calmly, with the summary focused and messages at the fields.
    await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const summary = page.locator('.sk-error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sk-error-summary'))).toBe(true);
    expect(await summary.textContent()).toContain('Kies minstens één rol.');
    expect(await page.locator('#invite-email-error').textContent()).toContain('geldig e-mailadres');

    await page.getByLabel('Naam', { exact: true }).fill('Noor Visser');
    await page.getByLabel('E-mailadres').fill('noor.visser@voorbeeld.nl');
    await page.getByRole('checkbox', { name: 'Meekijker' }).check();
    await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const linkField = page.getByLabel('Uitnodigingslink');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${setup.server.url}/uitnodiging/[A-Za-z0-9_-]{20,}$`));
    expect(await page.locator('.sk-invitation-link').textContent()).toContain('7 dagen geldig');
    await page.getByRole('button', { name: 'Link kopiëren' }).waitFor();
    await page.getByRole('cell', { name: /noor\.visser@voorbeeld\.nl/ }).waitFor();
    await expectNoAxeViolations(page, 'users page with a new invitation');
    await logOut(page);

    await page.goto(link);
    await settled(page);
    expect(await h1(page)).toBe('Welkom bij Spreekkamer');
    expect(await page.locator('main').textContent()).toContain('Hallo Noor Visser');
    await expectNoAxeViolations(page, 'invitation page');
    await page.getByLabel('Kies een wachtwoord').fill('een rustige middag aan zee');
    await page.getByLabel('Herhaal het wachtwoord').fill('een rustige middag aan zee');
    await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Noor' }).waitFor();
    expect(await sectionTitles(page)).toEqual(['Gedeeld met u']);
    await logOut(page);

    // The link works once; the new password works from now on.
    await page.goto(link);
    await settled(page);
    expect(await page.locator('main').textContent()).toContain('verlopen of al gebruikt');
    await logIn(page, setup.server.url, 'noor.visser@voorbeeld.nl', 'een rustige middag aan zee');
    expect(await h1(page)).toBe('Welkom, Noor');
    await page.close();
  });

  it('switches to English and back; every page has zero axe violations in both languages', async () => {
    const page = await setup.browser('visitor').newPage();
    const paths = ['/', '/beheer/gebruikers', '/beheer/teams', '/beheer/instellingen', '/beheer/logboek', '/beheer/verwerkingsregister', '/account'];

    // Logged out, the choice is remembered on the device.
    await page.goto(`${setup.server.url}/inloggen`);
    await settled(page);
    await expectNoAxeViolations(page, 'log-in page (nl)');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoAxeViolations(page, 'log-in page (en)');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');

    await logIn(page, setup.server.url, demoAccounts.administrator);
    for (const path of paths) {
      await page.goto(`${setup.server.url}${path}`);
      await settled(page);
      await expectNoAxeViolations(page, `${path} (nl)`);
    }

    // Logged in, the choice is saved to the account and survives a reload.
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/account'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.title()).toBe('My account · Spreekkamer');
    for (const path of paths) {
      await page.goto(`${setup.server.url}${path}`);
      await settled(page);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expectNoAxeViolations(page, `${path} (en)`);
    }
    await page.goto(`${setup.server.url}/bestaat-niet`);
    await settled(page);
    expect(await h1(page)).toBe('Page not found');
    await expectNoAxeViolations(page, 'not found (en)');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectNoAxeViolations(page, 'not found (nl)');
    await page.goto(`${setup.server.url}/`);
    await settled(page);
    expect(await h1(page)).toBe('Welkom, Fatma');
    await page.close();
  });

  it('lets an administrator find the processing register from the menu and download it', async () => {
    const page = await setup.browser('visitor').newPage();
    await logIn(page, setup.server.url, demoAccounts.administrator);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verwerkingsregister' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verwerkingsregister' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Opnames van gesprekken' }).waitFor();
    const retention = await page.locator('section', { has: page.getByRole('heading', { name: 'Opnames van gesprekken' }) }).textContent();
    expect(retention).toMatch(/30, 90, 180 dagen \(standaard 90\)/);
    expect(await page.getByText('Beheerders, teamleiders en beleid kunnen geen gesprek, opname of feedback zien.').count()).toBe(1);
    await expectNoAxeViolations(page, 'processing register');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Downloaden als tekstbestand (Markdown)' }).click();
    const file = await (await downloading).path();
    const { readFile } = await import('node:fs/promises');
    const markdown = await readFile(file, 'utf8');
    expect(markdown).toMatch(/^# Verwerkingsregister/);
    expect(markdown).toContain('## Opnames van gesprekken');
    expect(markdown).toContain('**Hoe lang:**');
    await page.close();
  });

  it('works on a phone: no sideways scrolling, and the menu opens from a button', async () => {
    const page = await setup.browser('visitor').newPage(phone);
    await page.goto(`${setup.server.url}/inloggen`);
    await settled(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'log-in page on a phone');

    await logIn(page, setup.server.url, demoAccounts.administrator);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const menuButton = nav.getByRole('button', { name: 'Menu' });
    const usersLink = nav.getByRole('link', { name: 'Gebruikers' });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await usersLink.isVisible()).toBe(false);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'home on a phone');

    await menuButton.click();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => usersLink.isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoAxeViolations(page, 'open menu on a phone');
    await usersLink.click();
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    await settled(page);
    // Navigating closes the menu again and puts focus on the new page's title.
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    for (const path of ['/beheer/gebruikers', '/beheer/teams', '/beheer/instellingen', '/beheer/logboek', '/beheer/verwerkingsregister', '/account']) {
      await page.goto(`${setup.server.url}${path}`);
      await settled(page);
      expect(await hasHorizontalScroll(page), path).toBe(false);
      await expectNoAxeViolations(page, `${path} on a phone`);
    }
    await logOut(page);
    await page.close();
  });

  it('logs in with the keyboard only', async () => {
    const page = await setup.browser('visitor').newPage();
    await page.goto(`${setup.server.url}/inloggen`);
    await settled(page);

    // The first stop is the skip link, and it leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud');

    async function tabTo(id: string): Promise<void> {
      for (let i = 0; i < 10; i++) {
        if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached #${id}`);
    }

    // A wrong password first: the error summary takes focus and says what is wrong.
    await tabTo('login-email');
    await page.keyboard.type(demoAccounts.professional);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.type('niet-het-goede-wachtwoord');
    await page.keyboard.press('Enter');
    await page.locator('.sk-error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sk-error-summary'))).toBe(true);
    expect(await page.locator('.sk-error-summary').textContent()).toContain('klopt niet');

    await tabTo('login-password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Welkom, Sanne' }).waitFor();
    await page.close();
  });

  it('sends someone whose session ended back to log in, and then to the page they wanted', async () => {
    const page = await setup.browser('visitor').newPage();
    await logIn(page, setup.server.url, demoAccounts.administrator);
    // The session ends on the server's side (here: the cookie is gone, as after an idle timeout).
    await setup.browser('visitor').context.clearCookies();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/beheer/teams');
    await page.getByLabel('E-mailadres').fill(demoAccounts.administrator);
    await page.getByLabel('Wachtwoord').fill(demoPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await settled(page);
    await expect.poll(() => page.getByRole('cell', { name: 'Team Werk en Inkomen', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  // Last: it changes the organisation so that everyone needs a second step from now on.
  it('routes people to two-step set-up when the organisation requires it, then asks for the code at log-in', async () => {
    const page = await setup.browser('visitor').newPage();
    await logIn(page, setup.server.url, demoAccounts.administrator);
    await page.goto(`${setup.server.url}/beheer/instellingen`);
    await settled(page);
    await page.getByRole('checkbox', { name: 'Tweestapsverificatie verplicht voor iedereen' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // The administrator is bound by the new rule too, and is sent to set it up.
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    await logOut(page);

    await page.goto(`${setup.server.url}/inloggen`);
    await page.getByLabel('E-mailadres').fill(demoAccounts.professional);
    await page.getByLabel('Wachtwoord').fill(demoPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    // Nothing else is offered until it is done; other pages lead back here.
    expect(await navLinks(page)).toEqual([]);
    await page.goto(`${setup.server.url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    await expectNoAxeViolations(page, 'required two-step set-up');

    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    const qr = page.getByRole('img', { name: /QR-code/ });
    await qr.waitFor();
    // The QR code is a data: image; it must actually render under the content security policy.
    expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await expectNoAxeViolations(page, 'two-step set-up with QR code');
    const secret = ((await page.locator('.sk-secret').textContent()) ?? '').replace(/\s/g, '');
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

    await page.getByLabel('Code uit uw app').fill('000000' === totp.generate() ? '111111' : '000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.locator('.sk-error-summary').waitFor();
    expect(await page.locator('.sk-error-summary').textContent()).toContain('klopt niet');

    await page.getByLabel('Code uit uw app').fill(totp.generate());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Sanne' }).waitFor();
    expect(await navLinks(page)).toContain('Mijn account');
    await logOut(page);

    // From now on the password alone is not enough.
    await page.getByLabel('E-mailadres').fill(demoAccounts.professional);
    await page.getByLabel('Wachtwoord').fill(demoPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const codeField = page.getByLabel('Code uit uw app');
    await codeField.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-code');
    await expectNoAxeViolations(page, 'log-in asking for the code');
    await codeField.fill(totp.generate());
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Sanne' }).waitFor();

    await page.goto(`${setup.server.url}/account`);
    await settled(page);
    expect(await page.locator('main').textContent()).toContain('Uw organisatie vraagt dit van iedereen');
    await page.close();
  });
});
