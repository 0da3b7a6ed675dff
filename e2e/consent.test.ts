import { describe, expect, it } from 'vitest';
import { consentTextVersion } from '@spreekkamer/shared';
import { expectNoAxeViolations, phone } from './support/browser.js';
import { focusedIsHeading, hasHorizontalScroll, heading, logIn, pressOn, switchLanguage } from './support/pages.js';
import { demoAccounts } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

// The professional's browser, and the client's own phone: a separate browser profile, so no
// cookie of the professional is there.
const setup = serverAndBrowsers({ professional: {}, client: {} });

describe('consent', () => {
  let clientUrl = '';
  let code = '';
  let conversationUrl = '';

  it('a professional registers a client, plans a conversation and gives the client a link and code', async () => {
    const page = await setup.browser('professional').newPage();
    await logIn(page, setup.server.url, demoAccounts.professional);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await heading(page, 'Mijn cliënten');
    await expectNoAxeViolations(page, 'clients list');
    await page.getByRole('link', { name: 'Cliënt toevoegen' }).click();
    await heading(page, 'Cliënt toevoegen');
    // An empty form says what is missing, and nothing is stored.
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(page.getByText('Vul een schuilnaam in.').first().isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'new client with errors');
    await page.getByLabel('Schuilnaam').fill('Meneer <b>E2E</b>');
    await page.getByLabel('Telefoon of e-mail (niet verplicht)').fill('06 12345678');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await heading(page, 'Meneer <b>E2E</b>');
    await expectNoAxeViolations(page, 'client page');

    await page.getByLabel('Youssef El Amrani').check();
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByText('Het gesprek is opgeslagen.').waitFor();
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await expect.poll(() => page.locator('section[aria-labelledby="client-conversations"] tbody tr').count()).toBe(2);
    await expect.poll(() => page.locator('section[aria-labelledby="client-conversations"]').getByText('Nog niet gevraagd').count()).toBe(2);

    await page.getByRole('button', { name: 'Link en code maken' }).click();
    await page.getByTestId('client-code').waitFor();
    const link = (await page.locator('.sk-access__link').textContent())?.trim() ?? '';
    code = (await page.getByTestId('client-code').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/k\/[A-Za-z0-9_-]{20,}$/);
    expect(code).toMatch(/^\d{6}$/);
    clientUrl = link;
    await expect(page.getByRole('img', { name: 'QR-code met de persoonlijke link' }).getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/);
    await expect(page.getByRole('button', { name: 'Kaart afdrukken' }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'client page with link and code');

    await page.locator('section[aria-labelledby="client-conversations"] tbody tr').first().getByRole('link').click();
    await heading(page, /^Gesprek van/);
    conversationUrl = page.url();
    await expect(page.getByRole('button', { name: 'Geef het apparaat aan de cliënt' }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'conversation page before consent');
    await page.close();
  });

  it('the client opens the link on a phone, enters the code and consents with the keyboard only', async () => {
    const page = await setup.browser('client').newPage(phone);
    await page.goto(clientUrl);
    await heading(page, 'Welkom');
    await expectNoAxeViolations(page, 'code page (nl)');
    await switchLanguage(page, 'English');
    await heading(page, 'Welcome');
    await expectNoAxeViolations(page, 'code page (en)');
    await switchLanguage(page, 'Nederlands');

    // A wrong code first: a clear message, the field empty again.
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Uw code').focus();
    await page.keyboard.type(wrong);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Deze code klopt niet').waitFor();
    await expectNoAxeViolations(page, 'code page with error');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await heading(page, 'Uw pagina');
    expect(page.url()).toBe(`${setup.server.url}/klant`);
    await expectNoAxeViolations(page, 'client home (nl)');
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.setViewportSize(phone);

    await pressOn(page, 'Vraag bekijken');
    await heading(page, 'Mag dit gesprek worden opgenomen?');
    await expect.poll(() => page.getByText('Sanne de Vries wil dit gesprek graag opnemen.').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByText('Stap 1 van').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await focusedIsHeading(page)).toBe(true);
    await expectNoAxeViolations(page, 'consent explain 1');

    const explained = ['Waarom een opname?', 'Wie mag kijken?', 'Hoe lang blijft de opname?', 'Nee zeggen mag'];
    for (const title of explained) {
      await pressOn(page, 'Verder');
      await heading(page, title);
      expect(await focusedIsHeading(page)).toBe(true);
      await expectNoAxeViolations(page, `consent explain: ${title}`);
    }
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.setViewportSize(phone);

    await pressOn(page, 'Verder');
    await heading(page, 'Wat mag worden opgenomen?');
    // "Next" without a choice explains instead of moving on.
    await pressOn(page, 'Verder');
    await page.getByRole('alert').getByText('Kies eerst een antwoord').waitFor();
    await pressOn(page, /^Beeld en geluid/, 'Space');
    await expect(page.getByRole('button', { name: /^Beeld en geluid/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'consent media');
    await pressOn(page, 'Verder');

    await heading(page, 'Wie mag de opname zien?');
    await expect.poll(() => page.getByText('De coach is Youssef El Amrani.').isVisible(), { timeout: 10_000 }).toBe(true);
    await pressOn(page, /^Ook een coach/, 'Space');
    await expectNoAxeViolations(page, 'consent audience');
    await pressOn(page, 'Verder');

    await heading(page, 'Wilt u stukjes samen terugkijken?');
    await pressOn(page, 'Ja, samen kijken', 'Space');
    await pressOn(page, 'Verder');
    await heading(page, 'Mag de coach u later vragen hoe het gesprek ging?');
    await pressOn(page, 'Nee, liever niet', 'Space');
    await pressOn(page, 'Verder');
    await heading(page, 'Hoe lang mag de opname blijven?');
    await expectNoAxeViolations(page, 'consent retention');
    await pressOn(page, /^30 dagen/, 'Space');
    await pressOn(page, 'Verder');

    await heading(page, 'Zet uw naam eronder');
    await expectNoAxeViolations(page, 'consent confirm');
    await pressOn(page, 'Ja, ik geef toestemming');
    await page.getByRole('alert').getByText('Typ uw naam').waitFor();
    await page.getByLabel('Uw naam').focus();
    await page.keyboard.type('Jan Klant');
    await page.keyboard.press('Enter');

    await heading(page, 'Dank u wel');
    await expectNoAxeViolations(page, 'consent thanks');
    await pressOn(page, 'Uw afspraken bekijken');
    await heading(page, 'Uw afspraken');
    const copy = (await page.locator('main').textContent()) ?? '';
    for (const expected of ['Beeld en geluid', 'Ook een coach', 'Youssef El Amrani', '30 dagen', 'Jan Klant', consentTextVersion, 'Zo kunt u stoppen', clientUrl]) {
      expect(copy).toContain(expected);
    }
    await expectNoAxeViolations(page, 'consent copy (nl)');
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.setViewportSize(phone);
    await switchLanguage(page, 'English');
    await heading(page, 'Your agreements');
    await expectNoAxeViolations(page, 'consent copy (en)');
    await switchLanguage(page, 'Nederlands');
    await page.close();
  });

  it('saying no is as easy as yes: one tap on the first screen, no name needed', async () => {
    const page = await setup.browser('client').newPage(phone);
    await page.goto(`${setup.server.url}/klant`);
    await heading(page, 'Uw pagina');
    await pressOn(page, 'Vraag bekijken');
    await heading(page, 'Mag dit gesprek worden opgenomen?');
    await pressOn(page, 'Ik wil geen opname');
    await heading(page, 'U kiest: niets opnemen');
    await expectNoAxeViolations(page, 'decline confirm');
    await pressOn(page, 'Versturen');
    await heading(page, 'Dank u wel');
    await expect.poll(() => page.getByText('U koos: niets opnemen.').isVisible(), { timeout: 10_000 }).toBe(true);
    await pressOn(page, 'Naar uw pagina');
    await heading(page, 'Uw pagina');
    await expect.poll(() => page.getByText('U zei nee. Er wordt niets opgenomen.').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByText('Er is nu geen vraag voor u.').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('the client finds everything kept about them from their own page, in plain words, printable and on a small phone', async () => {
    const page = await setup.browser('client').newPage(phone);
    await page.goto(`${setup.server.url}/klant`);
    await heading(page, 'Uw pagina');
    await pressOn(page, 'Wat we van u bewaren');
    await heading(page, 'Wat we van u bewaren');
    await page.getByRole('heading', { level: 2, name: 'Uw toestemmingen' }).waitFor();
    await expect.poll(() => page.getByText('Ja, u gaf toestemming').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('Nee, u gaf geen toestemming').count()).toBe(1);
    expect(await page.getByText(consentTextVersion).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
    await expectNoAxeViolations(page, 'my data (nl)');
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.setViewportSize(phone);
    await switchLanguage(page, 'English');
    await heading(page, 'What we keep about you');
    await expectNoAxeViolations(page, 'my data (en)');
    await switchLanguage(page, 'Nederlands');
    await pressOn(page, 'Naar mijn pagina');
    await heading(page, 'Uw pagina');
    await page.close();
  });

  it('the professional confirms their own consent; the tablet hand-over path works in English', async () => {
    const page = await setup.browser('professional').newPage();
    await page.goto(conversationUrl);
    await heading(page, /^Gesprek van/);
    await expect.poll(() => page.getByText('Wat de cliënt koos').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Vink eerst aan dat u toestemming geeft.').first().waitFor();
    await page.getByLabel('Ik geef toestemming om dit gesprek op te nemen').check();
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(/U heeft ook toestemming gegeven op/).waitFor();
    await expectNoAxeViolations(page, 'conversation page with consent');

    // A new conversation, consent in the room on this device.
    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Meneer <b>E2E</b>' }).click();
    await heading(page, 'Meneer <b>E2E</b>');
    await page.getByLabel('Telefoon', { exact: true }).check();
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByText('Het gesprek is opgeslagen.').waitFor();
    const phoneRow = page.locator('section[aria-labelledby="client-conversations"] tbody tr', { hasText: 'Telefoon' });
    await expect.poll(() => phoneRow.count()).toBe(1);
    await phoneRow.getByRole('link').click();
    await heading(page, /^Gesprek van/);
    const handedFrom = page.url();
    await page.getByRole('button', { name: 'Geef het apparaat aan de cliënt' }).click();
    await heading(page, 'Mag dit gesprek worden opgenomen?');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await switchLanguage(page, 'English');
    await heading(page, 'May this conversation be recorded?');
    await expectNoAxeViolations(page, 'tablet consent explain (en)');
    for (const title of ['Why a recording?', 'Who may watch?', 'How long is it kept?', 'Saying no is fine']) {
      await pressOn(page, 'Next');
      await heading(page, title);
      await expectNoAxeViolations(page, `tablet explain (en): ${title}`);
    }
    await pressOn(page, 'Next');
    await heading(page, 'What may be recorded?');
    await pressOn(page, /^Sound only/, 'Space');
    await expectNoAxeViolations(page, 'tablet media (en)');
    await pressOn(page, 'Next');
    await heading(page, 'Who may see the recording?');
    await pressOn(page, /^Only my client manager/, 'Space');
    await pressOn(page, 'Next');
    await heading(page, 'Would you like to watch parts together?');
    await pressOn(page, 'No, rather not', 'Space');
    await expectNoAxeViolations(page, 'tablet watch (en)');
    await pressOn(page, 'Next');
    await heading(page, 'How long may the recording be kept?');
    await pressOn(page, 'Next');
    await heading(page, 'Sign with your name');
    await expectNoAxeViolations(page, 'tablet confirm (en)');
    await page.getByLabel('Your name').fill('Jan Klant');
    await pressOn(page, 'Yes, I agree');
    await heading(page, 'Thank you');
    await expect.poll(() => page.getByText('Please give the device back to your client manager now.').isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoAxeViolations(page, 'tablet thanks (en)');
    await page.getByRole('button', { name: 'Done, give it back' }).click();

    // Back with the professional, in their own language, asked for their own consent.
    await heading(page, /^Gesprek van/);
    expect(page.url()).toBe(`${handedFrom}?terug=1`);
    await expect.poll(() => page.getByText('Het apparaat is weer van u').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByText(/alleen geluid\); uw eigen toestemming ontbreekt nog/).first().isVisible(), { timeout: 10_000 }).toBe(true);
    const cookies = await setup.browser('professional').context.cookies();
    expect(cookies.some((cookie) => cookie.name === 'sk_client')).toBe(false);
    await page.getByLabel('Ik geef toestemming om dit gesprek op te nemen').check();
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(/U heeft ook toestemming gegeven op/).waitFor();
    await expect.poll(() => page.getByText('(uw apparaat (in het gesprek))').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('the client withdraws on the phone without a reason; the professional sees that it happened', async () => {
    const page = await setup.browser('client').newPage(phone);
    await page.goto(`${setup.server.url}/klant`);
    await heading(page, 'Uw pagina');
    const stopLinks = page.getByRole('link', { name: 'Stoppen met de opname' });
    // Newest first: the last one is the first conversation's consent, given on the phone.
    await expect.poll(() => stopLinks.count(), { timeout: 10_000 }).toBe(2);
    await stopLinks.last().focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Stoppen met de opname');
    await expectNoAxeViolations(page, 'withdraw explain (nl)');
    await switchLanguage(page, 'English');
    await heading(page, 'Stop the recording');
    await expectNoAxeViolations(page, 'withdraw explain (en)');
    await switchLanguage(page, 'Nederlands');
    expect(await page.locator('textarea, input').count()).toBe(0);
    await pressOn(page, 'Stoppen met de opname');
    await heading(page, 'Weet u het zeker?');
    await expectNoAxeViolations(page, 'withdraw confirm');
    await pressOn(page, 'Ja, stop nu');
    await heading(page, 'Het is gestopt');
    await expect.poll(() => page.getByText('Er verandert niets voor u.').isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoAxeViolations(page, 'withdraw done (nl)');
    await switchLanguage(page, 'English');
    await heading(page, 'It has stopped');
    await expectNoAxeViolations(page, 'withdraw done (en)');
    await switchLanguage(page, 'Nederlands');
    await pressOn(page, 'Naar uw pagina');
    await heading(page, 'Uw pagina');
    // The home page may show its cached list for a moment while it reloads after the withdrawal.
    await expect.poll(() => page.getByText(/U bent gestopt op/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Stoppen met de opname' }).count(), { timeout: 10_000 }).toBe(1);
    await switchLanguage(page, 'English');
    await heading(page, 'Your page');
    await expectNoAxeViolations(page, 'client home (en)');
    await switchLanguage(page, 'Nederlands');
    await page.close();

    const professional = await setup.browser('professional').newPage();
    await professional.goto(conversationUrl);
    await heading(professional, /^Gesprek van/);
    await expect.poll(() => professional.getByText(/De cliënt heeft de toestemming ingetrokken op/).isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoAxeViolations(professional, 'conversation page after withdrawal');
    await professional.close();
  });
});
