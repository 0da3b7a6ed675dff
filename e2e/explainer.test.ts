import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consentTexts } from '@spreekkamer/shared';
import explainerNl from '../apps/web/src/i18n/explainer.nl.json' with { type: 'json' };
import { expectNoAxeViolations } from './support/browser.js';
import { heading, logIn } from './support/pages.js';
import { apiLogin } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * The explainer (issue 16): a client opens their link on a 320 px phone, watches the picture
 * story with read-aloud, then consents and chooses a coach from outside the municipality; a
 * professional finds "Wat gebeurt er met een opname" in the main menu. Axe on each page.
 */

const small = { width: 320, height: 640 };
const setup = serverAndBrowsers({ professional: {}, client: {} });
const story = explainerNl.explainer.client;
const consent = consentTexts.nl;

/** The phone has a Dutch voice; what would be spoken is recorded instead. */
async function withDutchVoice(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spoken: string[] = [];
    Object.assign(window, { spoken });
    class Utterance {
      lang = '';
      rate = 1;
      voice: { name: string } | null = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    const synth = window.speechSynthesis;
    Object.defineProperty(synth, 'getVoices', { value: () => [{ name: 'Dutch voice', lang: 'nl-NL', default: true, localService: true, voiceURI: 'Dutch voice' }], configurable: true });
    Object.defineProperty(synth, 'speak', { value: (utterance: Utterance) => spoken.push(utterance.text), configurable: true });
    Object.defineProperty(synth, 'cancel', { value: () => undefined, configurable: true });
  });
}

async function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
}

async function fitsSideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().click();
}

describe('explainer', () => {
  let link = '';
  let code = '';

  it('a client watches the picture story at 320 px with read-aloud, then consents to a coach from outside', async () => {
    const professional = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
    const client = await professional.json('/api/clients', 'POST', { pseudonym: 'Mevrouw Uitleg', locale: 'nl' });
    const conversation = await professional.json(`/api/clients/${client.id}/conversations`, 'POST', { heldOn: '2026-11-20', kind: 'in_person' });
    const access = await professional.json(`/api/clients/${client.id}/access`, 'POST', {});
    link = `${setup.server.url}${access.path ?? ''}`;
    code = access.code ?? '';

    const page = await setup.browser('client').newPage(small);
    await withDutchVoice(page);
    await page.goto(link);
    await heading(page, 'Welkom');
    // The link names its organisation's languages (all six unless an administrator narrowed them).
    await expect.poll(() => page.getByRole('group', { name: 'Taal' }).getByRole('button').count()).toBe(6);
    await expectNoAxeViolations(page, 'code page');
    await page.getByLabel('Uw code').fill(code);
    await press(page, 'Verder');
    await heading(page, 'Uw pagina');

    await page.locator('main').getByRole('link', { name: story.open }).click();
    await heading(page, story.title);
    await expectNoAxeViolations(page, 'explainer, first panel');
    expect(await fitsSideways(page)).toBe(0);

    // Read-aloud reads the panel on screen, in Dutch.
    await press(page, 'Lees voor');
    await expect.poll(() => spoken(page)).toHaveLength(1);
    const [reading] = await spoken(page);
    expect(reading).toContain(story.panels.people.title);
    expect(reading).toContain(story.panels.people.text);
    await press(page, 'Stop met voorlezen');

    const order = ['people', 'recording', 'locked', 'coach', 'together', 'no'] as const;
    for (const [index, id] of order.entries()) {
      await page.getByRole('heading', { level: 2, name: story.panels[id].title }).waitFor();
      await expect(page.getByText(`Stap ${index + 1} van 6`).isVisible()).resolves.toBe(true);
      // Keyboard and screen reader start at the new panel.
      if (index > 0) expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(story.panels[id].title);
      expect(await fitsSideways(page), id).toBe(0);
      if (id === 'coach') await expectNoAxeViolations(page, 'explainer, a middle panel');
      if (index < order.length - 1) await press(page, 'Verder');
    }
    // Back goes one panel back; then on to the end.
    await press(page, 'Terug');
    await page.getByRole('heading', { level: 2, name: story.panels.together.title }).waitFor();
    await press(page, 'Verder');
    await page.getByRole('heading', { level: 2, name: story.panels.no.title }).waitFor();
    await page.locator('main').getByRole('link', { name: story.done }).click();
    await heading(page, 'Uw pagina');

    // Consent, choosing a coach from outside the municipality.
    await page.locator('main').getByRole('link', { name: 'Vraag bekijken' }).click();
    await heading(page, consent.explain.what.title);
    await expect(page.locator('main').getByRole('link', { name: story.open }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'consent, first screen');
    for (const screen of ['why', 'who', 'keep', 'no'] as const) {
      await press(page, 'Verder');
      await heading(page, consent.explain[screen].title);
    }
    await press(page, 'Verder');
    await heading(page, consent.media.question);
    await press(page, new RegExp(`^${consent.media.audio.label}`));
    await press(page, 'Verder');
    await heading(page, consent.audience.question);
    await press(page, new RegExp(`^${consent.audience.reviewer.label}`));
    await press(page, 'Verder');
    await heading(page, consent.reviewerFrom.question);
    await press(page, new RegExp(`^${consent.reviewerFrom.external.label}`));
    await expectNoAxeViolations(page, 'consent, coach from outside');
    expect(await fitsSideways(page)).toBe(0);
    await press(page, 'Verder');
    await heading(page, consent.watchWithClient.question);
    await press(page, consent.watchWithClient.no);
    await press(page, 'Verder');
    await heading(page, consent.feedbackViaReviewer.question);
    await press(page, consent.feedbackViaReviewer.no);
    await press(page, 'Verder');
    await heading(page, consent.retention.question);
    await press(page, new RegExp(`^${consent.retention.option.replace('{{count}}', '30')}`));
    await press(page, 'Verder');
    await heading(page, consent.confirm.title);
    await page.getByLabel(consent.confirm.nameLabel).fill('M. Uitleg');
    await press(page, 'Ja, ik geef toestemming');
    await heading(page, 'Dank u wel');

    // What the server stored: a coach from outside, as the client chose.
    const answered = await professional.json<{ consent: { id: string } | null }>(`/api/conversations/${conversation.id}`);
    const copy = await professional.json<{ audience: string; reviewerFrom: string }>(`/api/consents/${answered.consent?.id ?? ''}`);
    expect(copy).toMatchObject({ audience: 'reviewer', reviewerFrom: 'external' });
    await page.close();
  });

  it('a professional opens "Wat gebeurt er met een opname" from the main menu', async () => {
    const page = await setup.browser('professional').newPage(small);
    await logIn(page, setup.server.url, demoAccounts.professional);
    // At 320 px the main menu folds away behind its button.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const toggle = menu.getByRole('button', { name: 'Menu' });
    if (await toggle.isVisible()) await toggle.click();
    await menu.getByRole('link', { name: explainerNl.explainer.staff.menu }).click();
    await heading(page, explainerNl.explainer.staff.title);
    for (const section of Object.values(explainerNl.explainer.staff.sections)) {
      await expect(page.getByRole('heading', { level: 2, name: section.title }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByRole('heading', { level: 3, name: story.panels.locked.title }).isVisible()).resolves.toBe(true);
    expect(await fitsSideways(page)).toBe(0);
    await expectNoAxeViolations(page, 'recording explainer for professionals');
    await page.close();
  });
});
