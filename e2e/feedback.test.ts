import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, phone, type BrowserSession } from './support/browser.js';
import { focusedIsHeading, hasHorizontalScroll, heading, logIn, pressOn, settled, switchLanguage } from './support/pages.js';
import { demoAccounts } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * Client feedback end to end: the client prepares on a phone; professional and client hold the
 * feedback conversation on one tablet through all three steps (two moments, an action) while the
 * client reads along and asks for a change on the phone; the client reads the summary; the client
 * fills in an alliance check with faces on the tablet; the professional sees the trend and sends a
 * follow-up that the client reads. Axe on every screen in Dutch and English, keyboard only where
 * the client acts.
 */

const tablet = { width: 1024, height: 768 };
// The professional's browser, and the client's own phone with a (fake) microphone for the voice note.
const setup = serverAndBrowsers({ professional: {}, client: { fakeMedia: true } });

/** Axe in Dutch, then in English (heading checked in both), then back to Dutch. */
async function axeBothLanguages(page: Page, label: string, headings: { nl: string | RegExp; en: string | RegExp }): Promise<void> {
  await heading(page, headings.nl);
  await expectNoAxeViolations(page, `${label} (nl)`);
  await switchLanguage(page, 'English');
  await heading(page, headings.en);
  await expectNoAxeViolations(page, `${label} (en)`);
  await switchLanguage(page, 'Nederlands');
  await heading(page, headings.nl);
}

describe('client feedback', () => {
  let clientLink = '';
  let code = '';
  let feedbackUrl = '';
  let clientPageUrl = '';

  it('the professional invites a client to a feedback conversation', async () => {
    const page = await setup.browser('professional').newPage(tablet);
    await logIn(page, setup.server.url, demoAccounts.professional);
    await page.getByRole('heading', { name: 'Samen leren met cliënten' }).waitFor();
    await page.goto(`${setup.server.url}/clienten/nieuw`);
    await heading(page, 'Cliënt toevoegen');
    await page.getByLabel('Schuilnaam').fill('Mevrouw F.');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await heading(page, 'Mevrouw F.');
    clientPageUrl = page.url();
    await page.getByRole('button', { name: 'Link en code maken' }).click();
    await page.getByTestId('client-code').waitFor();
    clientLink = (await page.locator('.sk-access__link').textContent())?.trim() ?? '';
    code = (await page.getByTestId('client-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);

    await page.goto(`${setup.server.url}/samenleergesprekken`);
    await axeBothLanguages(page, 'feedback list', { nl: 'Samenleergesprekken', en: 'Feedback conversations' });
    // Nothing chosen: a clear message, nothing made.
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    await page.getByText('Kies minstens één cliënt.').first().waitFor();
    await expectNoAxeViolations(page, 'new feedback with error');
    await page.getByLabel('Mevrouw F.').check();
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    await heading(page, 'Samenleergesprek met Mevrouw F.');
    feedbackUrl = page.url();
    await page.getByText('Mevrouw F. heeft zich (nog) niet voorbereid. Dat mag.').first().waitFor();
    await axeBothLanguages(page, 'feedback detail', { nl: 'Samenleergesprek met Mevrouw F.', en: 'Feedback conversation with Mevrouw F.' });
    await page.close();
  });

  it('the client prepares on a phone with the keyboard only: intro, theme cards, own words and a voice note', async () => {
    const page = await setup.browser('client').newPage(phone);
    await page.goto(clientLink);
    await heading(page, 'Welkom');
    await page.getByLabel('Uw code').focus();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await heading(page, 'Uw pagina');
    await page.getByText('Sanne de Vries wil met u praten over hoe jullie samenwerken.').first().waitFor();
    await axeBothLanguages(page, 'client home with invitation', { nl: 'Uw pagina', en: 'Your page' });

    await pressOn(page, 'Voorbereiden');
    await heading(page, 'Waarom dit gesprek?');
    expect(await focusedIsHeading(page)).toBe(true);
    await page.getByText('Sanne de Vries wil leren van u.').first().waitFor();
    await axeBothLanguages(page, 'prepare: why', { nl: 'Waarom dit gesprek?', en: 'Why this talk?' });
    for (const [nl, en] of [
      ['Uw mening telt', 'Your opinion counts'],
      ['Wat gebeurt er met wat u zegt?', 'What happens with what you say?'],
      ['Niets zeggen mag ook', 'Saying nothing is fine'],
    ] as const) {
      await pressOn(page, 'Verder');
      await heading(page, nl);
      expect(await focusedIsHeading(page)).toBe(true);
      await axeBothLanguages(page, `prepare: ${en}`, { nl, en });
    }
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.setViewportSize(phone);

    await pressOn(page, 'Verder');
    await heading(page, 'Waar wilt u over praten?');
    await pressOn(page, /^Hoe werken we samen\?/, 'Space');
    await pressOn(page, /^Hoe past wat we samen doen\?/, 'Space');
    await expect(page.getByRole('button', { name: /^Hoe werken we samen\?/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await axeBothLanguages(page, 'prepare: themes', { nl: 'Waar wilt u over praten?', en: 'What do you want to talk about?' });
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.setViewportSize(phone);
    await pressOn(page, 'Verder');

    await heading(page, 'Hoe werken we samen?');
    await pressOn(page, /^Luisteren/, 'Space');
    await axeBothLanguages(page, 'prepare: sub-topics', { nl: 'Hoe werken we samen?', en: 'How do we work together?' });
    await pressOn(page, 'Verder');
    await heading(page, 'Hoe past wat we samen doen?');
    await pressOn(page, 'Verder');

    await heading(page, 'Wilt u iets zeggen in uw eigen woorden?');
    await pressOn(page, 'Ik spreek het in', 'Space');
    await pressOn(page, 'Opnemen');
    await page.getByText(/Bezig met opnemen/).waitFor();
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Stoppen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Uw bericht is bewaard. U kunt het terug luisteren.').waitFor({ timeout: 20_000 });
    await axeBothLanguages(page, 'prepare: voice note', { nl: 'Wilt u iets zeggen in uw eigen woorden?', en: 'Do you want to say something in your own words?' });
    await pressOn(page, 'Ik typ het', 'Space');
    await page.getByLabel('Uw woorden').focus();
    await page.keyboard.type('Ik wil het hebben over de brief.');
    await pressOn(page, 'Verder');

    await heading(page, 'Klopt dit?');
    await page.getByText('Ik wil het hebben over de brief.').first().waitFor();
    await page.getByText('U heeft iets ingesproken.').first().waitFor();
    await axeBothLanguages(page, 'prepare: check', { nl: 'Klopt dit?', en: 'Is this right?' });
    await pressOn(page, 'Klaar');
    await heading(page, 'Dank u wel');
    await axeBothLanguages(page, 'prepare: done', { nl: 'Dank u wel', en: 'Thank you' });
    await pressOn(page, 'Naar mijn pagina');
    await heading(page, 'Uw pagina');
    await page.getByText('U heeft zich voorbereid. Dank u wel.').first().waitFor();
    await page.close();
  });

  it('professional and client hold the conversation on a tablet: three steps, two moments, both voices, an action; the client reads along on the phone and asks for a change', async () => {
    const page = await setup.browser('professional').newPage(tablet);
    await page.goto(feedbackUrl);
    await heading(page, 'Samenleergesprek met Mevrouw F.');
    await page.getByText('Ik wil het hebben over de brief.').first().waitFor();
    await page.getByText('Ingesproken bericht van Mevrouw F.').first().waitFor();
    await expectNoAxeViolations(page, 'feedback detail with preparation');
    await page.getByRole('link', { name: 'Gesprek openen' }).click();
    await heading(page, 'Samenleergesprek met Mevrouw F.');
    await page.getByRole('heading', { name: 'Stap 1. Kies de momenten' }).waitFor();
    // The client's picks come first.
    const firstCard = (await page.locator('.sk-feedback-card h4').first().textContent()) ?? '';
    expect(['Hoe werken we samen?', 'Hoe past wat we samen doen?']).toContain(firstCard.trim());
    await axeBothLanguages(page, 'conversation step 1', { nl: 'Samenleergesprek met Mevrouw F.', en: 'Feedback conversation with Mevrouw F.' });

    // Two moments, with the keyboard.
    for (const [card, title] of [
      ['Hoe werken we samen?', 'Het begin van het gesprek'],
      ['Hoe past wat we samen doen?', 'De brief over de uitkering'],
    ] as const) {
      await page.getByLabel(card).focus();
      await page.keyboard.press('Space');
      await page.getByLabel('Wat was het moment?').focus();
      await page.keyboard.type(title);
      await page.keyboard.press('Enter');
      await page.getByText(title, { exact: true }).waitFor();
    }
    await page.getByRole('heading', { name: 'Gekozen momenten (2 van 3)' }).waitFor();

    // The client follows on the phone.
    const clientPage = await setup.browser('client').newPage(phone);
    await clientPage.goto(`${setup.server.url}/klant`);
    await heading(clientPage, 'Uw pagina');
    await pressOn(clientPage, 'Meelezen');
    await heading(clientPage, 'Waar willen we over praten?');
    await clientPage.getByText('Moment 2: De brief over de uitkering').waitFor();
    await axeBothLanguages(clientPage, 'read along step 1', { nl: 'Waar willen we over praten?', en: 'What do we want to talk about?' });

    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { name: 'Stap 2. Bespreek elk moment' }).waitFor();
    const voices = ['uw stem', 'stem van Mevrouw F.'] as const;
    for (const moment of ['Moment 1', 'Moment 2']) {
      const sheet = page.locator('article', { has: page.getByRole('heading', { name: new RegExp(`^${moment}`) }) });
      for (const part of ['A. Wat gebeurde er?', 'B. Wat deed het met ons?', 'C. Wat houden we, wat veranderen we?']) {
        for (const voice of voices) {
          const field = sheet.getByLabel(`${part} — ${voice}`);
          await field.focus();
          await page.keyboard.type(`${moment} ${part.slice(0, 1)} ${voice === 'uw stem' ? 'klantmanager' : 'cliënt'}`);
          await page.keyboard.press('Tab');
        }
      }
    }
    await expect.poll(() => page.getByText('Opgeslagen').count()).toBeGreaterThan(0);
    await axeBothLanguages(page, 'conversation step 2', { nl: 'Samenleergesprek met Mevrouw F.', en: 'Feedback conversation with Mevrouw F.' });

    // What was written appears on the phone within seconds; the client asks for a change there.
    await clientPage.getByRole('heading', { level: 1, name: 'We praten over elk moment.' }).waitFor({ timeout: 15_000 });
    await clientPage.getByText('Moment 2 C cliënt').waitFor({ timeout: 15_000 });
    await axeBothLanguages(clientPage, 'read along step 2', { nl: 'We praten over elk moment.', en: 'We talk about each moment.' });
    const entry = clientPage.locator('li.sk-feedback-entry', { hasText: 'Moment 1 B cliënt' });
    await entry.getByRole('button', { name: 'Dit klopt niet' }).focus();
    await clientPage.keyboard.press('Enter');
    await clientPage.getByLabel('Wat moet anders? Zeg het kort. Leeg laten mag ook.').focus();
    await clientPage.keyboard.type('Ik was niet boos, wel moe.');
    await expectNoAxeViolations(clientPage, 'read along: change request form');
    await pressOn(clientPage, 'Versturen');
    await clientPage.getByText('U vroeg hier om een verandering. Sanne de Vries ziet dat.').waitFor();

    // The professional sees it, changes the text, and marks it handled.
    await page.getByRole('heading', { name: '1 vraag om verandering' }).waitFor({ timeout: 15_000 });
    await page.getByText('Ik was niet boos, wel moe.').first().waitFor();
    await expectNoAxeViolations(page, 'conversation with a change request');
    const field = page.locator('article', { has: page.getByRole('heading', { name: /^Moment 1/ }) }).getByLabel('B. Wat deed het met ons? — stem van Mevrouw F.');
    await field.fill('Ik was moe, niet boos.');
    await field.blur();
    await page.getByRole('button', { name: 'Aangepast of besproken' }).click();
    await page.getByRole('heading', { name: '1 vraag om verandering' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { name: 'Stap 3. Samenvatten en afspreken' }).waitFor();
    await page.getByLabel('Samenvatting van het gesprek').fill('We beginnen elk gesprek met hoe het gaat.');
    await page.getByLabel('Wat heeft ieder geleerd? — uw stem').fill('Eerst vragen hoe het gaat.');
    await page.getByLabel('Wat heeft ieder geleerd? — stem van Mevrouw F.').fill('Zeggen als ik moe ben.');
    await page.getByLabel('Wat heeft ieder geleerd? — stem van Mevrouw F.').blur();
    await page.getByLabel('Wie?').selectOption({ label: 'Mevrouw F.' });
    await page.getByLabel('Wat?').fill('Vragen opschrijven voor het volgende gesprek');
    await page.getByLabel('Wanneer klaar?').fill('2099-12-01');
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByText(/Vragen opschrijven voor het volgende gesprek/).first().waitFor();
    await axeBothLanguages(page, 'conversation step 3', { nl: 'Samenleergesprek met Mevrouw F.', en: 'Feedback conversation with Mevrouw F.' });

    await clientPage.getByText('Vragen opschrijven voor het volgende gesprek').waitFor({ timeout: 15_000 });
    await clientPage.getByText('Ik was moe, niet boos.').first().waitFor();
    await expectNoAxeViolations(clientPage, 'read along step 3');

    await page.getByRole('button', { name: 'Gesprek afronden' }).click();
    await page.getByRole('button', { name: 'Ja, afronden' }).click();
    await page.getByText(/^Afgerond op/).waitFor();
    await expectNoAxeViolations(page, 'conversation finished');
    await clientPage.close();
    await page.close();
  });

  it('the client opens the summary on the phone: pictograms, both voices, the action; printable', async () => {
    const page = await setup.browser('client').newPage(phone);
    await page.goto(`${setup.server.url}/klant`);
    await heading(page, 'Uw pagina');
    await page.getByText('Het gesprek is klaar.').first().waitFor();
    await pressOn(page, 'Wat we afspraken');
    await heading(page, 'Ons gesprek');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const expected of ['Moment 1: Het begin van het gesprek', 'Moment 2: De brief over de uitkering', 'We beginnen elk gesprek met hoe het gaat.', 'Zeggen als ik moe ben.', 'Vragen opschrijven voor het volgende gesprek', 'Klaar op 1 december 2099']) {
      expect(text).toContain(expected);
    }
    expect(await page.locator('main svg.sk-pictogram').count()).toBeGreaterThan(5);
    expect(await page.getByRole('button', { name: 'Dit klopt niet' }).count()).toBe(0);
    await expect(page.getByRole('button', { name: 'Afdrukken' }).isVisible()).resolves.toBe(true);
    await axeBothLanguages(page, 'client summary', { nl: 'Ons gesprek', en: 'Our talk' });
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('the client fills in an alliance check with faces on the tablet (keyboard only), and one on the phone', async () => {
    const page = await setup.browser('professional').newPage(tablet);
    await page.goto(feedbackUrl);
    await heading(page, 'Samenleergesprek met Mevrouw F.');
    await page.getByRole('button', { name: 'Check klaarzetten voor Mevrouw F.' }).click();
    await page.getByText(/De check staat klaar op de pagina van Mevrouw F./).first().waitFor();
    await page.getByRole('button', { name: 'Geef uw apparaat nu aan Mevrouw F.' }).first().click();
    await heading(page, 'Hoe ging het?');
    await axeBothLanguages(page, 'check intro', { nl: 'Hoe ging het?', en: 'How did it go?' });
    await page.getByText('Uw klantmanager ziet wat u kiest. Dan kunt u er samen over praten.').first().waitFor();
    await pressOn(page, 'Beginnen');
    const answers = [
      // Faces for "how did it go", yes / a bit / no for a yes-no question.
      ['Hoe ging het praten samen?', 'How did talking together go?', 'Goed', 'Slecht'],
      ['Werkten we aan wat u belangrijk vindt?', 'Did we work on what matters to you?', 'Ja', 'Nee'],
      ['Past de hulp bij uw leven?', 'Does the help fit your life?', null, 'Nee'],
      ['Kon u alles zeggen wat u wilde?', 'Could you say everything you wanted?', 'Een beetje', 'Nee'],
      ['Hoe gaat het samenwerken, alles bij elkaar?', 'All in all, how is working together going?', 'Heel goed', 'Slecht'],
    ] as const;
    for (const [nl, en, face] of answers) {
      await heading(page, nl);
      expect(await focusedIsHeading(page)).toBe(true);
      await axeBothLanguages(page, `check: ${en}`, { nl, en });
      if (face) {
        await pressOn(page, face, 'Space');
        await expect(page.getByRole('button', { name: face, exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
        await pressOn(page, 'Verder');
      } else {
        await pressOn(page, 'Sla deze vraag over');
      }
    }
    await heading(page, 'Versturen?');
    await page.getByText('U beantwoordde 4 van de 5 vragen.').first().waitFor();
    await axeBothLanguages(page, 'check send', { nl: 'Versturen?', en: 'Send?' });
    await pressOn(page, 'Versturen');
    await heading(page, 'Dank u wel');
    await expectNoAxeViolations(page, 'check thanks');
    await page.getByRole('button', { name: 'Klaar, teruggeven' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    expect((await setup.browser('professional').context.cookies()).some((cookie) => cookie.name === 'sk_client')).toBe(false);

    // A second check, on the client's own phone, a bit lower.
    await page.goto(feedbackUrl);
    await heading(page, 'Samenleergesprek met Mevrouw F.');
    await page.getByRole('button', { name: 'Check klaarzetten voor Mevrouw F.' }).click();
    await page.getByText(/De check staat klaar op de pagina van Mevrouw F./).first().waitFor();
    const phonePage = await setup.browser('client').newPage(phone);
    await phonePage.goto(`${setup.server.url}/klant`);
    await heading(phonePage, 'Uw pagina');
    await pressOn(phonePage, 'Vragen beantwoorden');
    await heading(phonePage, 'Hoe ging het?');
    await pressOn(phonePage, 'Beginnen');
    for (const [nl, , , low] of answers) {
      await heading(phonePage, nl);
      await pressOn(phonePage, low, 'Space');
      await pressOn(phonePage, 'Verder');
    }
    await heading(phonePage, 'Versturen?');
    await pressOn(phonePage, 'Versturen');
    await heading(phonePage, 'Dank u wel');
    await phonePage.close();
    await page.close();
  });

  it('the professional sees the trend with a quiet signal, sends a follow-up, and the client reads it', async () => {
    const page = await setup.browser('professional').newPage(tablet);
    await page.goto(`${setup.server.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.getByText(/Rustig signaal, alleen voor u: de laatste check van Mevrouw F./).first().waitFor();
    await page.getByRole('link', { name: /^Mevrouw F.: gesprek afgerond op/ }).waitFor();
    await expectNoAxeViolations(page, 'home with feedback section');

    await page.goto(clientPageUrl);
    await heading(page, 'Mevrouw F.');
    await page.getByRole('heading', { name: 'Verloop' }).waitFor();
    await expect.poll(() => page.locator('.sk-feedback-chart svg').count(), { timeout: 10_000 }).toBe(1);
    const rows = page.locator('table', { has: page.getByText('Antwoorden per check (1 = heel slecht, 5 = heel goed)') }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect(await rows.first().textContent()).toContain('overgeslagen');
    await axeBothLanguages(page, 'client page with trend', { nl: 'Mevrouw F.', en: 'Mevrouw F.' });

    await page.goto(feedbackUrl);
    await heading(page, 'Samenleergesprek met Mevrouw F.');
    await page.getByRole('button', { name: 'Versturen naar Mevrouw F.' }).click();
    await page.getByText('Schrijf op wat u leerde.').first().waitFor();
    await expectNoAxeViolations(page, 'follow-up with errors');
    await page.getByLabel('Wat heeft u geleerd?').fill('Dat u soms moe bent en dat dat telt.');
    await page.getByLabel('Wat doet u nu anders?').fill('Ik vraag aan het begin hoe het met u gaat.');
    await page.getByRole('button', { name: 'Versturen naar Mevrouw F.' }).click();
    await page.getByText('Verstuurd. Mevrouw F. ziet het op de eigen pagina.').waitFor();
    await page.getByText('Nog niet gelezen.').waitFor();
    await axeBothLanguages(page, 'follow-up sent', { nl: 'Samenleergesprek met Mevrouw F.', en: 'Feedback conversation with Mevrouw F.' });

    const phonePage = await setup.browser('client').newPage(phone);
    await phonePage.goto(`${setup.server.url}/klant`);
    await heading(phonePage, 'Uw pagina');
    await phonePage.getByText('Nieuw', { exact: true }).first().waitFor();
    await pressOn(phonePage, 'Lezen');
    await heading(phonePage, 'Bericht van Sanne de Vries');
    await phonePage.getByText('Ik vraag aan het begin hoe het met u gaat.').first().waitFor();
    await axeBothLanguages(phonePage, 'client follow-up', { nl: 'Bericht van Sanne de Vries', en: 'Message from Sanne de Vries' });
    await phonePage.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(phonePage)).toBe(false);
    await phonePage.close();

    await page.reload();
    await heading(page, 'Samenleergesprek met Mevrouw F.');
    await page.getByText(/^Gelezen op/).waitFor();
    await page.close();
  });

  it('group mode: two clients prepare, one named and one anonymous; each reads along and sees the other as chosen', async () => {
    // Still logged in as the professional from the tests above.
    const page = await setup.browser('professional').newPage(tablet);
    const links: { link: string; code: string }[] = [];
    for (const name of ['Groepslid Een', 'Groepslid Twee']) {
      await page.goto(`${setup.server.url}/clienten/nieuw`);
      await heading(page, 'Cliënt toevoegen');
      await page.getByLabel('Schuilnaam').fill(name);
      await page.getByRole('button', { name: 'Toevoegen' }).click();
      await heading(page, name);
      await page.getByRole('button', { name: 'Link en code maken' }).click();
      await page.getByTestId('client-code').waitFor();
      links.push({ link: (await page.locator('.sk-access__link').textContent())?.trim() ?? '', code: (await page.getByTestId('client-code').textContent())?.trim() ?? '' });
    }
    await page.goto(`${setup.server.url}/samenleergesprekken`);
    await heading(page, 'Samenleergesprekken');
    await page.getByLabel('Groepslid Een').check();
    await page.getByLabel('Groepslid Twee').check();
    await page.getByRole('button', { name: 'Groep uitnodigen' }).click();
    await heading(page, 'Samenleergesprek met Groepslid Een, Groepslid Twee');
    const groupUrl = page.url();

    const phones: Page[] = [];
    const browsers = [await launchBrowser(), await launchBrowser()];
    try {
      for (const [index, access] of links.entries()) {
        const phonePage = await (browsers[index] as BrowserSession).newPage(phone);
        phones.push(phonePage);
        await phonePage.goto(access.link);
        await heading(phonePage, 'Welkom');
        await phonePage.getByLabel('Uw code').fill(access.code);
        await phonePage.keyboard.press('Enter');
        await heading(phonePage, 'Uw pagina');
        await phonePage.getByText('Sanne de Vries wil met een groep praten over de samenwerking.').waitFor();
        await pressOn(phonePage, 'Voorbereiden');
        for (const title of ['Waarom dit gesprek?', 'Uw mening telt', 'Wat gebeurt er met wat u zegt?', 'Niets zeggen mag ook']) {
          await heading(phonePage, title);
          await pressOn(phonePage, 'Verder');
        }
        await heading(phonePage, 'Waar wilt u over praten?');
        await pressOn(phonePage, /^Wat bereiken we samen\?/, 'Space');
        await pressOn(phonePage, 'Verder');
        await heading(phonePage, 'Wat bereiken we samen?');
        await pressOn(phonePage, 'Verder');
        await heading(phonePage, 'Wilt u iets zeggen in uw eigen woorden?');
        await pressOn(phonePage, 'Nee, dank u', 'Space');
        await pressOn(phonePage, 'Verder');
        await heading(phonePage, 'Mogen de anderen weten wat u zei?');
        await axeBothLanguages(phonePage, 'prepare: anonymity in a group', { nl: 'Mogen de anderen weten wat u zei?', en: 'May the others know what you said?' });
        if (index === 0) {
          await pressOn(phonePage, /^Ja, met mijn naam/, 'Space');
          await phonePage.getByLabel('Hoe mogen de anderen u noemen?').fill('Ali');
        } else {
          await pressOn(phonePage, /^Nee, zonder mijn naam/, 'Space');
        }
        await pressOn(phonePage, 'Verder');
        await heading(phonePage, 'Klopt dit?');
        await pressOn(phonePage, 'Klaar');
        await heading(phonePage, 'Dank u wel');
      }

      await page.goto(groupUrl);
      await heading(page, 'Samenleergesprek met Groepslid Een, Groepslid Twee');
      await page.getByText('Mag met naam genoemd worden in de groep: Ali').waitFor();
      await page.getByText('Blijft anoniem tegenover de groep.').waitFor();
      await page.getByRole('link', { name: 'Gesprek openen' }).click();
      await page.getByRole('heading', { name: 'Wat de deelnemers vooraf kozen' }).waitFor();
      await page.getByText(/Wat bereiken we samen\? — gekozen door 2 personen/).waitFor();
      await page.getByLabel('Wat bereiken we samen?').check();
      await page.getByLabel('Wat was het moment?').fill('De afspraken van vorige week');
      await page.getByRole('button', { name: 'Moment toevoegen' }).click();
      await page.getByText('De afspraken van vorige week', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Volgende stap' }).click();
      const a = 'A. Wat gebeurde er?';
      await page.getByLabel(`${a} — Ali`).fill('Ali vond de afspraak te snel.');
      await page.getByLabel(`${a} — Deelnemer 2`).fill('Ik wist niet wat ik moest doen.');
      await page.getByLabel(`${a} — Deelnemer 2`).blur();
      await expect.poll(() => page.getByText('Opgeslagen').count()).toBeGreaterThan(1);
      await expectNoAxeViolations(page, 'group conversation step 2');

      // Ali sees the other's words without a name; the other sees Ali's name.
      await phones[0]?.goto(`${setup.server.url}/klant`);
      await pressOn(phones[0] as Page, 'Meelezen');
      await phones[0]?.getByText('Ik wist niet wat ik moest doen.').waitFor({ timeout: 15_000 });
      const voiceOfOther = phones[0]?.locator('li.sk-feedback-entry', { hasText: 'Ik wist niet wat ik moest doen.' });
      expect(await voiceOfOther?.locator('.sk-feedback-entry__voice').textContent()).toBe('Iemand uit de groep zegt:');
      expect(await phones[0]?.locator('main').textContent()).not.toContain('Groepslid Twee');
      await phones[1]?.goto(`${setup.server.url}/klant`);
      await pressOn(phones[1] as Page, 'Meelezen');
      await phones[1]?.getByText('Ali vond de afspraak te snel.').waitFor({ timeout: 15_000 });
      const voiceOfAli = phones[1]?.locator('li.sk-feedback-entry', { hasText: 'Ali vond de afspraak te snel.' });
      expect(await voiceOfAli?.locator('.sk-feedback-entry__voice').textContent()).toBe('Ali zegt:');
      expect(await phones[1]?.locator('main').textContent()).not.toContain('Groepslid Een');
      await expectNoAxeViolations(phones[1] as Page, 'group read along');
    } finally {
      for (const browser of browsers) await browser.close();
    }
    await page.close();
  });

  it('an administrator makes the check anonymous; the client is told so, and the professional sees no per-client answers', async () => {
    const admin = await setup.browser('professional').newPage(tablet);
    await setup.browser('professional').context.clearCookies();
    await logIn(admin, setup.server.url, demoAccounts.administrator);
    await admin.goto(`${setup.server.url}/beheer/instellingen`);
    await settled(admin);
    await admin.getByLabel('Rustig signaal onder dit gemiddelde').fill('7');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await admin.getByText('Kies een getal van 1 tot 5, in halve stappen (bijvoorbeeld 3 of 3,5).').first().waitFor();
    await expectNoAxeViolations(admin, 'settings with an invalid threshold');
    await admin.getByLabel('Rustig signaal onder dit gemiddelde').fill('3,5');
    await admin.getByRole('checkbox', { name: 'Antwoorden anoniem houden tegenover de professional' }).check();
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await admin.getByRole('status').getByText(/opgeslagen/i).waitFor();
    await expectNoAxeViolations(admin, 'settings saved');
    await admin.close();
    await setup.browser('professional').context.clearCookies();

    const page = await setup.browser('professional').newPage(tablet);
    await logIn(page, setup.server.url, demoAccounts.professional);
    await page.goto(clientPageUrl);
    await heading(page, 'Mevrouw F.');
    await page.getByRole('button', { name: 'Check klaarzetten voor Mevrouw F.' }).click();
    await page.getByText(/De check staat klaar op de pagina van Mevrouw F./).first().waitFor();
    await page.getByText(/Uw organisatie houdt de antwoorden anoniem/).first().waitFor();
    const phonePage = await setup.browser('client').newPage(phone);
    await phonePage.goto(`${setup.server.url}/klant`);
    await heading(phonePage, 'Uw pagina');
    await pressOn(phonePage, 'Vragen beantwoorden');
    await heading(phonePage, 'Hoe ging het?');
    await phonePage.getByText('Uw klantmanager ziet niet wat u kiest. Alleen een totaal van veel mensen samen.').waitFor();
    // Saying no is one tap.
    await pressOn(phonePage, 'Liever niet');
    await heading(phonePage, 'Dat is goed');
    await expectNoAxeViolations(phonePage, 'check declined');
    await phonePage.close();

    await page.goto(`${setup.server.url}/samenwerkingscheck`);
    await axeBothLanguages(page, 'alliance totals', { nl: 'Samenwerkingscheck: totalen per maand', en: 'Alliance check: totals per month' });
    await page.getByText('Nog geen afgelopen maand met anonieme antwoorden.').waitFor();
    await page.close();
  });

  it('the client erases what they said from their own page; the professional sees where it was that it is gone', async () => {
    const phonePage = await setup.browser('client').newPage(phone);
    await phonePage.goto(`${setup.server.url}/klant`);
    await heading(phonePage, 'Uw pagina');
    const section = phonePage.locator('section[aria-labelledby="sk-feedback-erase"]');
    await section.getByRole('heading', { name: 'Wissen wat u zei' }).waitFor();
    // Saying no is as easy as saying yes: "no" keeps everything.
    await section.getByRole('button', { name: 'Wissen wat ik zei' }).click();
    await section.getByRole('heading', { name: 'Weet u het zeker?' }).waitFor();
    await axeBothLanguages(phonePage, 'client erase confirm', { nl: 'Uw pagina', en: /./ });
    await section.getByRole('button', { name: 'Nee, niet wissen' }).click();
    await section.getByRole('button', { name: 'Wissen wat ik zei' }).click();
    await section.getByRole('button', { name: 'Ja, wis het' }).click();
    await section.getByText('Het is gewist. Niemand kan het nog lezen.').waitFor();
    await expectNoAxeViolations(phonePage, 'client erased');
    await phonePage.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(phonePage)).toBe(false);
    await phonePage.close();

    // The professional, by clicking from the home page: the client's page shows the follow-up as erased.
    const page = await setup.browser('professional').newPage(tablet);
    await page.goto(`${setup.server.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name: 'Mevrouw F.' }).click();
    await heading(page, 'Mevrouw F.');
    await page.getByText('Verwijderd op verzoek van de cliënt').first().waitFor();
    expect(await page.getByText('Ik vraag aan het begin hoe het met u gaat.').count()).toBe(0);
    await axeBothLanguages(page, 'client page after erasure', { nl: 'Mevrouw F.', en: 'Mevrouw F.' });
    await page.close();
  });
});
