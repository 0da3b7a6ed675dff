import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consentTexts, methodTextTranslations } from '@spreekkamer/shared';
import { expectNoAxeViolations } from './support/browser.js';
import { heading } from './support/pages.js';
import { apiLogin } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * A client who reads Arabic, and one who reads Turkish, each on a 320 px phone: personal link,
 * code, consent, the copy, preparation and the check, all in their language, with axe on every
 * page and nothing overflowing sideways. Arabic lays out right to left. Read-aloud tells the
 * truth: the Arabic phone reports no Arabic voice (it says so, in Arabic, and reads nothing), the
 * Turkish phone has a Turkish voice (it reads the Turkish page with it).
 */

const small = { width: 320, height: 640 };
const setup = serverAndBrowsers({ professional: {}, arabic: {}, turkish: {} });

/** A text of the client language's translation file, by its dotted key; fails loudly when missing. */
function textsOf(language: string): (key: string) => string {
  const tree: unknown = JSON.parse(readFileSync(new URL(`../apps/web/src/i18n/client/${language}.json`, import.meta.url), 'utf8'));
  return (key) => {
    const found = key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
    if (typeof found !== 'string') throw new Error(`${language}: no text ${key}`);
    return found;
  };
}

/** The phone reports exactly these voices; whatever would be spoken is recorded instead. */
async function withVoices(page: Page, voices: ReadonlyArray<{ name: string; lang: string }>): Promise<void> {
  await page.addInitScript((reported) => {
    const spoken: Array<{ text: string; lang: string; voice: string | null }> = [];
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
    const list = reported.map((voice) => ({ ...voice, default: false, localService: true, voiceURI: voice.name }));
    Object.defineProperty(synth, 'getVoices', { value: () => list, configurable: true });
    Object.defineProperty(synth, 'speak', { value: (utterance: Utterance) => spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? null }), configurable: true });
    Object.defineProperty(synth, 'cancel', { value: () => undefined, configurable: true });
  }, voices);
}

async function spoken(page: Page): Promise<Array<{ text: string; lang: string; voice: string | null }>> {
  return page.evaluate(() => (window as unknown as { spoken: Array<{ text: string; lang: string; voice: string | null }> }).spoken);
}

/** The page as a client in this language sees it: heading, direction, axe, nothing sideways. */
async function check(page: Page, title: string, dir: 'rtl' | 'ltr', label: string, axe = true): Promise<void> {
  await heading(page, title);
  const layout = await page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(layout, label).toMatchObject({ dir, overflow: 0 });
  if (axe) await expectNoAxeViolations(page, label);
}

async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().click();
}

interface Client {
  link: string;
  code: string;
}

describe('client pages in Arabic and Turkish', () => {
  const clients: Record<'ar' | 'tr', Client> = { ar: { link: '', code: '' }, tr: { link: '', code: '' } };

  it('a professional invites an Arabic and a Turkish client (conversation, feedback conversation, check)', async () => {
    const professional = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
    for (const locale of ['ar', 'tr'] as const) {
      const client = await professional.json('/api/clients', 'POST', { pseudonym: `Cliënt ${locale}`, locale });
      await professional.json(`/api/clients/${client.id}/conversations`, 'POST', { heldOn: '2026-11-20', kind: 'in_person' });
      await professional.json('/api/feedback', 'POST', { clientIds: [client.id] });
      await professional.json('/api/alliance/requests', 'POST', { clientId: client.id });
      const access = await professional.json('/api/clients/' + client.id + '/access', 'POST', {});
      clients[locale] = { link: `${setup.server.url}${access.path ?? ''}`, code: access.code ?? '' };
    }
  });

  for (const { locale, name, dir, voices } of [
    { locale: 'ar', name: 'العربية', dir: 'rtl', voices: [{ name: 'Dutch voice', lang: 'nl-NL' }] },
    { locale: 'tr', name: 'Türkçe', dir: 'ltr', voices: [{ name: 'Dutch voice', lang: 'nl-NL' }, { name: 'Turkish voice', lang: 'tr_TR' }] },
  ] as const) {
    it(`${locale}: link, code, consent, copy, preparation and check at 320 px, read-aloud ${locale === 'ar' ? 'without' : 'with'} a voice`, async () => {
      const tx = textsOf(locale);
      const consent = consentTexts[locale];
      const method = methodTextTranslations[locale];
      const page = await setup.browser(locale === 'ar' ? 'arabic' : 'turkish').newPage(small);
      await withVoices(page, voices);

      // The personal link opens in Dutch on a new phone; the client picks their language by its own name.
      await page.goto(clients[locale].link);
      await heading(page, 'Welkom');
      await page.getByRole('button', { name, exact: true }).click();
      await check(page, tx('consent.code.title'), dir, `${locale} code`);
      await page.getByLabel(tx('consent.code.label')).fill(clients[locale].code);
      await press(page, tx('clientKit.next'));
      await check(page, tx('consent.home.title'), dir, `${locale} home`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);

      // Read-aloud: with no voice for the language it says so in that language and reads nothing.
      await press(page, tx('clientKit.readAloud'));
      if (locale === 'ar') {
        await page.getByRole('status').getByText(tx('clientKit.readAloudNoVoice')).waitFor();
        expect(await spoken(page)).toEqual([]);
      } else {
        await expect.poll(() => spoken(page)).toHaveLength(1);
        const [reading] = await spoken(page);
        expect(reading).toMatchObject({ lang: 'tr-TR', voice: 'Turkish voice' });
        expect(reading?.text).toContain(tx('consent.home.title'));
        expect(reading?.text).not.toContain('Uw pagina');
        await press(page, tx('clientKit.readAloudStop'));
      }

      // Consent: five short explanations, then one choice per screen.
      await page.locator('main').getByRole('link', { name: tx('consent.home.waitingAction') }).click();
      await check(page, consent.explain.what.title, dir, `${locale} consent`);
      await expect(page.locator('main').innerText()).resolves.toContain(consent.explain.what.lines[1]);
      for (const screen of ['why', 'who', 'keep', 'no'] as const) {
        await press(page, tx('clientKit.next'));
        await heading(page, consent.explain[screen].title);
      }
      await press(page, tx('clientKit.next'));
      await heading(page, consent.media.question);
      await press(page, new RegExp(`^${consent.media.audio.label}`));
      await press(page, tx('clientKit.next'));
      await heading(page, consent.audience.question);
      await press(page, new RegExp(`^${consent.audience.professional.label}`));
      await press(page, tx('clientKit.next'));
      await heading(page, consent.watchWithClient.question);
      await press(page, consent.watchWithClient.no);
      await press(page, tx('clientKit.next'));
      await check(page, consent.retention.question, dir, `${locale} consent retention`, false);
      await press(page, new RegExp(`^${consent.retention.option.replace('{{count}}', '30')}`));
      await press(page, tx('clientKit.next'));
      await heading(page, consent.confirm.title);
      await page.getByLabel(consent.confirm.nameLabel).fill(locale === 'ar' ? 'أحمد' : 'Ayşe');
      await press(page, tx('consent.flow.agree'));
      await check(page, tx('consent.flow.thanksTitle'), dir, `${locale} consent thanks`, false);

      // The client's copy, in their language.
      await page.locator('main').getByRole('link', { name: tx('consent.flow.toCopy') }).click();
      await check(page, tx('consent.copy.title'), dir, `${locale} copy`);
      const copy = await page.locator('main').innerText();
      for (const expected of [consent.media.audio.label, tx('consent.copy.statusGiven'), consent.withdraw.title]) expect(copy).toContain(expected);
      await page.locator('main').getByRole('link', { name: tx('consent.flow.toHome') }).click();
      await heading(page, tx('consent.home.title'));

      // Preparation: the method's theme cards in the client's language.
      await page.locator('main').getByRole('link', { name: tx('feedback.client.prepare') }).click();
      await check(page, tx('feedback.prepare.whyTitle'), dir, `${locale} prepare`);
      for (const title of ['equalTitle', 'safeTitle', 'nothingTitle']) {
        await press(page, tx('clientKit.next'));
        await heading(page, tx(`feedback.prepare.${title}`));
      }
      await press(page, tx('clientKit.next'));
      await check(page, tx('feedback.prepare.themesTitle'), dir, `${locale} prepare themes`);
      await press(page, new RegExp(`^${method['Hoe werken we samen?'] ?? ''}`));
      await press(page, tx('clientKit.next'));
      await heading(page, method['Hoe werken we samen?'] ?? '');
      await press(page, tx('clientKit.next'));
      await heading(page, tx('feedback.prepare.wordsTitle'));
      await press(page, new RegExp(`^${tx('feedback.prepare.wordsNo')}`));
      await press(page, tx('clientKit.next'));
      await check(page, tx('feedback.prepare.checkTitle'), dir, `${locale} prepare check`, false);
      await press(page, tx('feedback.prepare.send'));
      await heading(page, tx('feedback.prepare.doneTitle'));
      await page.locator('main').getByRole('link', { name: tx('feedback.prepare.toHome') }).click();
      await heading(page, tx('consent.home.title'));

      // The check: five questions, in the client's language.
      await page.locator('main').getByRole('link', { name: tx('feedback.client.checkAction') }).click();
      await check(page, tx('feedback.check.introTitle'), dir, `${locale} check`, false);
      await press(page, tx('feedback.check.start'));
      // Faces for "how did it go", yes / a bit / no for yes-no questions.
      const questions: Array<[string, string]> = [
        ['Hoe ging het praten samen?', 'Goed'],
        ['Werkten we aan wat u belangrijk vindt?', 'Ja'],
        ['Past de hulp bij uw leven?', 'Ja'],
        ['Kon u alles zeggen wat u wilde?', 'Een beetje'],
        ['Hoe gaat het samenwerken, alles bij elkaar?', 'Goed'],
      ];
      for (const [question, answer] of questions) {
        await heading(page, method[question] ?? '');
        if (question === 'Hoe ging het praten samen?') await check(page, method[question] ?? '', dir, `${locale} check question`);
        await press(page, method[answer] ?? '');
        await press(page, tx('clientKit.next'));
      }
      await heading(page, tx('feedback.check.sendTitle'));
      await press(page, tx('feedback.check.send'));
      await check(page, tx('feedback.check.thanksTitle'), dir, `${locale} check thanks`, false);
      // Nothing Dutch slipped through on the way.
      expect(await page.locator('body').innerText()).not.toMatch(/Verder|Terug|Lees voor/);
      await page.close();
    });
  }
});
