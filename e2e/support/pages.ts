import type { Page } from 'playwright-core';
import { demoPassword } from './server.js';

/** Waits until the page has its h1 and nothing on it is loading any more. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('h1') !== null && !document.querySelector('[aria-busy="true"]'));
}

/** Waits for the h1 with this name and for the page to settle; when it does not come, says which h1 there is and what the page says. */
export async function heading(page: Page, name: string | RegExp, timeout = 30_000): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout });
  } catch (error) {
    const shown = await page.locator('h1').allTextContents();
    const text = await page.locator('main, body').first().innerText().catch(() => '');
    throw new Error(`expected heading ${String(name)} on ${page.url()}, found ${JSON.stringify(shown)}; the page says:\n${text.slice(0, 1500)}`, { cause: error });
  }
  await settled(page);
}

/** Logs in through the log-in page and waits for the home page ("Welkom, …") to settle. */
export async function logIn(page: Page, baseUrl: string, email: string, password = demoPassword): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
  await settled(page);
}

/** Clicks "Verder" and waits until the next screen's h1 shows: a second click under load would otherwise land a screen further. */
export async function nextScreen(page: Page): Promise<void> {
  const before = await page.locator('h1').first().textContent();
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await page.waitForFunction((previous) => document.querySelector('h1')?.textContent !== previous, before, { timeout: 30_000 });
  await settled(page);
}

/** Keyboard only: once the page has settled, Tab until the focused element's text matches, then press the key. */
export async function pressOn(page: Page, name: string | RegExp, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  // Pages load on demand now: tabbing through a page still loading would miss what comes after.
  await settled(page);
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.replace(/\s+/g, ' ').trim() ?? '');
    if (typeof name === 'string' ? text === name : name.test(text)) {
      await page.keyboard.press(key);
      return;
    }
  }
  throw new Error(`No focusable element "${String(name)}" reached with Tab on ${page.url()}`);
}

export async function focusedIsHeading(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.tagName === 'H1');
}

export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export async function switchLanguage(page: Page, name: 'English' | 'Nederlands'): Promise<void> {
  // Client pages name the language alone; staff pages add a hidden "language:" before it.
  await page.getByRole('button', { name: new RegExp(`(^|\\s)${name}$`) }).first().click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, name === 'English' ? 'en' : 'nl');
}

/** Logs out with the button in the header and waits for the log-in page. */
export async function logOut(page: Page, name = 'Uitloggen'): Promise<void> {
  await page.getByRole('button', { name }).click();
  await page.waitForURL('**/inloggen');
}
