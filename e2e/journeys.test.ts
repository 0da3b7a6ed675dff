import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, type BrowserSession } from './support/browser.js';
import { guardJourney, type Expected4xx, type JourneyGuard } from './support/journey.js';
import { heading, logIn, logOut, nextScreen, settled } from './support/pages.js';
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
/** A client's page asks for their session before the code is entered; "none" is expected and handled. */
const noClientSession: Expected4xx = { status: 401, path: /^\/api\/client\/session$/ };
/** The shared viewer asks for the conversation-rhythm lane; none was shared, and the page shows none. */
const noSharedRhythm: Expected4xx = { status: 404, path: /^\/api\/shares\/[^/]+\/rhythm$/ };
const demoClient = 'Meneer A. (voorbeeld)';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
let guard: JourneyGuard;

/** Presses "Verder" on a step of the client's preparation and waits until the next step's heading shows. */
async function visited(label: string): Promise<void> {
  await settled(page);
  await expectNoAxeViolations(page, label);
  guard.assertClean();
}

/** A new person at the device: no cookies of the one before. */
async function newJourney(expected: Expected4xx[] = [], viewport?: { width: number; height: number }): Promise<void> {
  await browser.context.clearCookies();
  page = await browser.newPage(viewport);
  guard = guardJourney(page, server.url, [anonymousSession, ...expected]);
}

function menu(name: string | RegExp) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: typeof name === 'string' });
}

async function mediaTimeAbove(seconds: number): Promise<void> {
  await page.waitForFunction((s) => (document.querySelector<HTMLMediaElement>('.sk-player video, .sk-player audio')?.currentTime ?? 0) > s, seconds, { timeout: 60_000 });
}

beforeAll(async () => {
  server = await startServer({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', DEMO_RECORDING: 'true' } });
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


/** On a client's page: makes the personal link and code, as the professional reads them off the screen. */
async function makeLinkAndCode(): Promise<{ clientLink: string; code: string }> {
  await page.getByRole('button', { name: 'Link en code maken' }).click();
  await page.getByTestId('client-code').waitFor();
  const clientLink = (await page.locator('.sk-access__link').textContent())?.trim() ?? '';
  const code = (await page.getByTestId('client-code').textContent())?.trim() ?? '';
  return { clientLink, code };
}

describe('journeys, by clicking only', () => {
  it('1 · the professional goes from home to the demo client, plays the recording, marks a moment and shares it with the coach', async () => {
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await visited('professional home');
    await menu('Cliënten').click();
    await heading(page, 'Mijn cliënten');
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
    await page.getByRole('button', { name: /^Moment toevoegen/ }).click();
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
    await newJourney([noSharedRhythm]);
    await logIn(page, server.url, demoAccounts.reviewer);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Gedeeld met u' }) });
    await card.getByText('U kunt 1 gedeelde opname bekijken.').waitFor();
    await visited('coach home');
    await card.getByRole('link', { name: 'Van Sanne de Vries' }).click();
    await heading(page, 'Momenten van Sanne de Vries');
    // Before a reviewer's first comment: how to give feedback, once per person.
    await page.getByRole('heading', { name: 'Zo geef je feedback' }).waitFor();
    await visited('feedback guide step');
    await page.getByRole('button', { name: 'Begrepen, ik ga kijken' }).click();
    await page.getByText('Wat zie je als ik doorvraag?').waitFor();
    await visited('shared moments');
    await page.getByRole('button', { name: /Moment 1 \(/ }).first().click();
    // The reviewer plays an exact cut of the span, made by a job when it was shared ("wordt
    // klaargezet" until then): on a busy machine that takes longer than a click's usual wait.
    await page.getByRole('button', { name: 'Afspelen' }).click({ timeout: 180_000 });
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

  it('4 · the professional adds a client and gives link and code; the client consents on a 320 px phone; the professional records with the camera and plays it', async () => {
    const pseudonym = 'Mevrouw Reis';
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await menu('Cliënten').click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name: 'Cliënt toevoegen' }).click();
    await heading(page, 'Cliënt toevoegen');
    await visited('new client');
    await page.getByLabel('Schuilnaam').fill(pseudonym);
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await heading(page, pseudonym);
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByText('Het gesprek is opgeslagen.').waitFor();
    const { clientLink, code } = await makeLinkAndCode();
    await visited('new client with link and code');
    await logOut(page);
    await page.close();

    await newJourney([noClientSession], { width: 320, height: 640 });
    await page.goto(clientLink);
    await heading(page, 'Welkom');
    await page.getByLabel('Uw code').fill(code);
    await page.keyboard.press('Enter');
    await heading(page, 'Uw pagina');
    await visited('client home on a phone');
    await page.getByRole('link', { name: 'Vraag bekijken' }).first().click();
    await heading(page, 'Mag dit gesprek worden opgenomen?');
    await visited('consent start on a phone');
    while (!(await page.getByRole('heading', { level: 1, name: 'Wat mag worden opgenomen?' }).isVisible())) {
      await nextScreen(page);
      await expectNoAxeViolations(page, 'consent explanation on a phone');
    }
    await page.getByRole('button', { name: /^Beeld en geluid/ }).click();
    await visited('consent media on a phone');
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await heading(page, 'Wie mag de opname zien?');
    await page.getByRole('button', { name: /^Alleen mijn klantmanager/ }).click();
    await visited('consent audience on a phone');
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await heading(page, 'Wilt u stukjes samen terugkijken?');
    await page.getByRole('button', { name: 'Nee, liever niet' }).click();
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await heading(page, 'Hoe lang mag de opname blijven?');
    await visited('consent retention on a phone');
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await heading(page, 'Zet uw naam eronder');
    await page.getByLabel('Uw naam').fill('R. Reis');
    await visited('consent confirm on a phone');
    await page.getByRole('button', { name: 'Ja, ik geef toestemming' }).click();
    await heading(page, 'Dank u wel');
    await visited('consent thanks on a phone');
    await page.close();

    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await menu('Cliënten').click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name: pseudonym }).first().click();
    await heading(page, pseudonym);
    await page.locator('section[aria-labelledby="client-conversations"] tbody tr').first().getByRole('link').click();
    await heading(page, /^Gesprek van/);
    await page.getByLabel('Ik geef toestemming om dit gesprek op te nemen').check();
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(/U heeft ook toestemming gegeven op/).waitFor();
    await visited('conversation ready to record');
    await page.getByLabel('Beeld en geluid').check();
    await page.getByRole('button', { name: 'Camera en microfoon aanzetten' }).click();
    await page.getByRole('button', { name: 'Opname starten' }).waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.sk-recorder__video')?.videoWidth ?? 0) > 0);
    await visited('recorder preview');
    await page.getByRole('button', { name: 'Opname starten' }).click();
    await page.locator('.sk-recording-indicator').getByText('Opname loopt').waitFor();
    // The recorder's own clock, not a timer in the test, says when enough was recorded.
    await page.getByRole('timer').filter({ hasText: /^0:0[3-9]$/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Stoppen en uploaden' }).click();
    await page.getByText('De opname is klaar. U kunt hem nu bekijken.').waitFor({ timeout: 150_000 });
    await visited('recording ready');
    await page.getByRole('link', { name: 'Opname bekijken' }).click();
    await heading(page, new RegExp(`^Gesprek met ${pseudonym} op`));
    await visited('recording page');
    await page.getByRole('button', { name: 'Afspelen' }).click();
    await mediaTimeAbove(1);
    await page.getByRole('button', { name: 'Pauzeren' }).click();
    await visited('recording page after playing');
    await logOut(page);
  });

  it('5 · feedback: invitation, the client prepares on a phone, three steps, summary, check, trend, follow-up that the client reads; the home item clears', async () => {
    const name = 'Mevrouw Samen';
    const phoneSize = { width: 320, height: 640 };
    const feedbackCard = () => page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Samen leren met cliënten' }) });
    const openClientHome = async (link: string, code: string) => {
      await newJourney([noClientSession], phoneSize);
      await page.goto(link);
      await heading(page, 'Welkom');
      await page.getByLabel('Uw code').fill(code);
      await page.keyboard.press('Enter');
      await heading(page, 'Uw pagina');
    };
    const toFeedback = async () => {
      await feedbackCard().getByRole('link', { name: 'Samenleergesprekken', exact: true }).click();
      await heading(page, 'Samenleergesprekken');
      await page.getByRole('link', { name: new RegExp(name) }).first().click();
      await heading(page, `Samenleergesprek met ${name}`);
    };

    // Invitation.
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await menu('Cliënten').click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name: 'Cliënt toevoegen' }).click();
    await heading(page, 'Cliënt toevoegen');
    await page.getByLabel('Schuilnaam').fill(name);
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await heading(page, name);
    await page.getByRole('button', { name: 'Link en code maken' }).click();
    await page.getByTestId('client-code').waitFor();
    const link = (await page.locator('.sk-access__link').textContent())?.trim() ?? '';
    const code = (await page.getByTestId('client-code').textContent())?.trim() ?? '';
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await feedbackCard().getByRole('link', { name: 'Samenleergesprekken', exact: true }).click();
    await heading(page, 'Samenleergesprekken');
    await visited('feedback list');
    await page.getByLabel(name).check();
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    await heading(page, `Samenleergesprek met ${name}`);
    await visited('feedback invited');
    await logOut(page);
    await page.close();

    // The client prepares on the phone.
    await openClientHome(link, code);
    await visited('client home with invitation');
    await page.getByRole('link', { name: 'Voorbereiden' }).first().click();
    await heading(page, 'Waarom dit gesprek?');
    await visited('prepare: why');
    // Each "Verder" saves, then shows the next screen: wait for its heading before looking again,
    // or a second click lands on the screen after (under load the save takes a while).
    while (!(await page.getByRole('heading', { level: 1, name: 'Waar wilt u over praten?' }).isVisible())) {
      await nextScreen(page);
      await expectNoAxeViolations(page, 'prepare: explanation');
    }
    await page.getByRole('button', { name: /^Hoe werken we samen\?/ }).click();
    await visited('prepare: themes');
    await nextScreen(page);
    while (!(await page.getByRole('heading', { level: 1, name: 'Wilt u iets zeggen in uw eigen woorden?' }).isVisible())) {
      await expectNoAxeViolations(page, 'prepare: sub-topics');
      await nextScreen(page);
    }
    await page.getByRole('button', { name: 'Ik typ het' }).click();
    await page.getByLabel('Uw woorden').fill('Ik wil weten wat er met mijn aanvraag gebeurt.');
    await visited('prepare: own words');
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await heading(page, 'Klopt dit?');
    await page.getByRole('button', { name: 'Klaar' }).click();
    await heading(page, 'Dank u wel');
    await visited('prepare: done');
    await page.close();

    // The conversation: three steps, then finished.
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await toFeedback();
    await page.getByText('Ik wil weten wat er met mijn aanvraag gebeurt.').first().waitFor();
    await visited('feedback with preparation');
    await page.getByRole('link', { name: 'Gesprek openen' }).click();
    await page.getByRole('heading', { name: 'Stap 1. Kies de momenten' }).waitFor();
    await visited('conversation step 1');
    await page.getByLabel('Hoe werken we samen?').check();
    await page.getByLabel('Wat was het moment?').fill('Het telefoontje over de aanvraag');
    await page.keyboard.press('Enter');
    await page.getByText('Het telefoontje over de aanvraag', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { name: 'Stap 2. Bespreek elk moment' }).waitFor();
    const sheet = page.locator('article', { has: page.getByRole('heading', { name: /^Moment 1/ }) });
    for (const part of ['A. Wat gebeurde er?', 'B. Wat deed het met ons?', 'C. Wat houden we, wat veranderen we?']) {
      for (const voice of ['uw stem', `stem van ${name}`]) {
        const field = sheet.getByLabel(`${part} — ${voice}`);
        await field.fill(`${part.slice(0, 1)} ${voice === 'uw stem' ? 'klantmanager' : 'cliënt'}`);
        await field.blur();
      }
    }
    await page.getByText('Opgeslagen').first().waitFor();
    await visited('conversation step 2');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { name: 'Stap 3. Samenvatten en afspreken' }).waitFor();
    await page.getByLabel('Samenvatting van het gesprek').fill('We bellen voortaan eerst even.');
    await page.getByLabel('Samenvatting van het gesprek').blur();
    await page.getByLabel('Wie?').selectOption({ label: name });
    await page.getByLabel('Wat?').fill('Vragen opschrijven');
    await page.getByLabel('Wanneer klaar?').fill('2099-12-01');
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByText(/Vragen opschrijven/).first().waitFor();
    await visited('conversation step 3');
    await page.getByRole('button', { name: 'Gesprek afronden' }).click();
    await page.getByRole('button', { name: 'Ja, afronden' }).click();
    await page.getByText(/^Afgerond op/).waitFor();
    await visited('conversation finished');
    // A check for the client, waiting on their page.
    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Samenleergesprekken' }).click();
    await heading(page, 'Samenleergesprekken');
    await page.getByRole('link', { name: new RegExp(name) }).first().click();
    await heading(page, `Samenleergesprek met ${name}`);
    await page.getByRole('button', { name: `Check klaarzetten voor ${name}` }).click();
    await page.getByText(new RegExp(`De check staat klaar op de pagina van ${name}`)).first().waitFor();
    await visited('check ready');
    await logOut(page);
    await page.close();

    // The client reads the summary and answers the check.
    await openClientHome(link, code);
    await page.getByRole('link', { name: 'Wat we afspraken' }).first().click();
    await heading(page, 'Ons gesprek');
    await page.getByText('We bellen voortaan eerst even.').first().waitFor();
    await visited('client summary');
    await page.getByRole('link', { name: 'Naar mijn pagina' }).first().click();
    await heading(page, 'Uw pagina');
    await page.getByRole('link', { name: 'Vragen beantwoorden' }).first().click();
    await heading(page, 'Hoe ging het?');
    await visited('check intro');
    await page.getByRole('button', { name: 'Beginnen' }).click();
    for (const [question, answer] of [
      ['Hoe ging het praten samen?', 'Goed'],
      ['Werkten we aan wat u belangrijk vindt?', 'Ja'],
      ['Past de hulp bij uw leven?', 'Een beetje'],
      ['Kon u alles zeggen wat u wilde?', 'Ja'],
      ['Hoe gaat het samenwerken, alles bij elkaar?', 'Goed'],
    ] as const) {
      await heading(page, question);
      await page.getByRole('button', { name: answer, exact: true }).click();
      await visited(`check: ${question}`);
      await page.getByRole('button', { name: 'Verder', exact: true }).click();
    }
    await heading(page, 'Versturen?');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await heading(page, 'Dank u wel');
    await visited('check thanks');
    await page.close();

    // Trend, then the follow-up; the home page keeps "sent, not read yet" apart.
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await menu('Cliënten').click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name }).first().click();
    await heading(page, name);
    await page.getByRole('heading', { name: 'Verloop' }).waitFor();
    await visited('client page with trend');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await feedbackCard().getByTestId('follow-ups-to-send').getByRole('link', { name: new RegExp(`^${name}: gesprek afgerond op`) }).click();
    await heading(page, `Samenleergesprek met ${name}`);
    await page.getByLabel('Wat heeft u geleerd?').fill('Dat een kort telefoontje veel uitmaakt.');
    await page.getByLabel('Wat doet u nu anders?').fill('Ik bel eerst voordat ik een brief stuur.');
    await page.getByRole('button', { name: `Versturen naar ${name}` }).click();
    await page.getByText(`Verstuurd. ${name} ziet het op de eigen pagina.`).waitFor();
    await visited('follow-up sent');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await feedbackCard().getByTestId('follow-ups-sent-unread').getByText(new RegExp(`^${name}: verstuurd op`)).waitFor();
    expect(await feedbackCard().getByTestId('follow-ups-to-send').getByText(new RegExp(`^${name}`)).count()).toBe(0);
    await visited('home: sent, not read yet');
    await logOut(page);
    await page.close();

    // The client reads it.
    await openClientHome(link, code);
    await page.getByRole('link', { name: 'Lezen' }).first().click();
    await heading(page, 'Bericht van Sanne de Vries');
    await page.getByText('Ik bel eerst voordat ik een brief stuur.').first().waitFor();
    await visited('client reads the follow-up');
    await page.close();

    // The home item has cleared.
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await feedbackCard().getByRole('link', { name: 'Samenleergesprekken', exact: true }).waitFor();
    expect(await feedbackCard().getByText(new RegExp(`^${name}: verstuurd op`)).count()).toBe(0);
    expect(await feedbackCard().getByText(new RegExp(`^${name}: gesprek afgerond op`)).count()).toBe(0);
    await visited('home after the client read it');
    await logOut(page);
  });

  it('6 · the client withdraws on a phone; the professional sees the recording deleted, the coach is told it was deleted and has nothing left of it', async () => {
    // The professional makes a personal link and code for the demo client.
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await menu('Cliënten').click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name: demoClient }).first().click();
    await heading(page, demoClient);
    const { clientLink, code } = await makeLinkAndCode();
    await visited('demo client with link and code');
    await logOut(page);
    await page.close();

    // The client, on a 320 px phone, opens the link and stops.
    await newJourney([noClientSession], { width: 320, height: 640 });
    await page.goto(clientLink);
    await heading(page, 'Welkom');
    await visited('client code page');
    await page.getByLabel('Uw code').fill(code);
    await page.keyboard.press('Enter');
    await heading(page, 'Uw pagina');
    await visited('client home');
    await page.getByRole('link', { name: 'Stoppen met de opname' }).first().click();
    await heading(page, 'Stoppen met de opname');
    await visited('client withdraw');
    await page.getByRole('button', { name: 'Stoppen met de opname' }).click();
    await heading(page, 'Weet u het zeker?');
    await page.getByRole('button', { name: 'Ja, stop nu' }).click();
    await heading(page, 'Het is gestopt');
    await visited('client withdraw done');
    await page.close();

    // The professional: the home page and the client page say the recording was deleted.
    await newJourney();
    await logIn(page, server.url, demoAccounts.professional);
    await page.getByText(/is verwijderd, omdat de cliënt de toestemming heeft ingetrokken/).first().waitFor();
    await visited('professional home after withdrawal');
    await menu('Cliënten').click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name: demoClient }).first().click();
    await heading(page, demoClient);
    await page.locator('section[aria-labelledby="client-recordings"]').getByText(/is verwijderd, omdat de cliënt de toestemming heeft ingetrokken/).first().waitFor();
    expect(await page.getByRole('link', { name: 'Terugkijken en momenten markeren' }).count()).toBe(0);
    await visited('demo client after withdrawal');
    await logOut(page);
    await page.close();

    // The coach: the share, its moments and the notifications about it are gone; one notice says it was deleted.
    await newJourney();
    await logIn(page, server.url, demoAccounts.reviewer);
    await page.locator('section', { has: page.getByRole('heading', { name: 'Gedeeld met u' }) }).getByText('Er is nog niets met u gedeeld', { exact: false }).waitFor();
    await visited('coach home after withdrawal');
    await menu('Gedeeld met mij').click();
    await heading(page, 'Gedeeld met mij');
    await page.getByText('Er is nu niets met u gedeeld.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Wat zie je als ik doorvraag?');
    await visited('shared with me after withdrawal');
    await page.getByRole('link', { name: /^Meldingen/ }).click();
    await heading(page, 'Meldingen');
    expect(await page.getByRole('button', { name: /deelde momenten met u/ }).count()).toBe(0);
    await page.getByRole('button', { name: /Iets dat met u gedeeld was, is verwijderd/ }).waitFor();
    await visited('coach notifications after withdrawal');
    await logOut(page);
  });

  it('7 · the team lead, the policy advisor and the administrator open every menu entry and meet no one’s content', async () => {
    await newJourney();
    const people: { email: string; forbidden: string[] }[] = [
      // The team lead is a professional too and may name colleagues (e.g. to invite them to a group), never their clients or words.
      { email: demoAccounts.manager, forbidden: [demoClient, 'Wat zie je als ik doorvraag?', 'reageerde op een moment'] },
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
