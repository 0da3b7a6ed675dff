import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn } from './support/pages.js';
import { demoAccounts } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * Signals to policy ("wat knelt, wat werkt"), by clicking only: the professional goes from home to
 * "Nieuw signaal", types a phone number, sees the identification warning, rewrites and sends; the
 * policy advisor clicks from home to the signal, makes a group, puts it in and answers; the
 * professional finds the answer through the notification on "Mijn signalen". Axe on every page,
 * and the form once on a 320 px phone.
 */

const setup = serverAndBrowsers({ professional: {}, policy: {} });
const signalText = 'De regel dat cliënten alleen op dinsdag kunnen bellen maakt afspraken lastig.';
const answerText = 'We bellen voortaan elke werkdag terug. Dank voor het signaal.';

describe('signals to policy', () => {
  let professional: Page;

  it('the professional clicks from home to a new signal, sees the warning for a phone number, rewrites and sends', async () => {
    professional = await setup.browser('professional').newPage();
    await logIn(professional, setup.server.url, demoAccounts.professional);
    await professional.getByRole('link', { name: 'Nieuw signaal sturen' }).click();
    await heading(professional, 'Nieuw signaal');
    await expectNoAxeViolations(professional, 'new signal, empty');

    await professional.getByLabel('Dit knelt: het zit gesprekken in de weg').check();
    await professional.getByLabel('Een regel').check();
    await professional.getByLabel('Hoe past wat we samen doen?').check();
    await professional.getByLabel('Uw signaal').fill('Bellen naar 06-12345678 lukt alleen op dinsdag.');
    await professional.getByRole('heading', { name: 'Kan iemand een cliënt herkennen?' }).waitFor();
    await professional.getByText('een telefoonnummer: “06-12345678”').waitFor();
    await expectNoAxeViolations(professional, 'new signal with warning');

    await professional.getByLabel('Uw signaal').fill(signalText);
    await professional.getByRole('heading', { name: 'Kan iemand een cliënt herkennen?' }).waitFor({ state: 'detached' });
    await professional.getByRole('button', { name: 'Versturen' }).click();
    await heading(professional, 'Mijn signalen');
    await professional.getByText(signalText).waitFor();
    await professional.getByText('Ontvangen', { exact: true }).waitFor();
    await expectNoAxeViolations(professional, 'my signals');
  });

  it('the policy advisor clicks from home to the signal, groups it and answers', async () => {
    const policy = await setup.browser('policy').newPage();
    await logIn(policy, setup.server.url, demoAccounts.policyAdvisor);
    await policy.getByText('Er is 1 signaal waar nog geen antwoord op is.').waitFor();
    await expectNoAxeViolations(policy, 'policy home with signals');
    await policy.getByRole('link', { name: 'Naar de ontvangen signalen' }).click();
    await heading(policy, 'Ontvangen signalen');
    await policy.getByText(signalText).waitFor();
    // Nobody's name: the professional did not tick "Zet mijn naam erbij".
    await policy.getByText('Zonder naam').first().waitFor();
    await expectNoAxeViolations(policy, 'inbox');

    await policy.getByLabel('Naam van de groep').fill('Bereikbaarheid');
    await policy.getByRole('button', { name: 'Groep maken' }).click();
    await policy.getByText('De groep “Bereikbaarheid” is gemaakt.').waitFor();
    await policy.getByRole('link', { name: 'Bekijken en beantwoorden' }).first().click();
    await heading(policy, 'Signaal');
    await policy.getByLabel('In groep').selectOption({ label: 'Bereikbaarheid' });
    await policy.getByRole('button', { name: 'Groep opslaan' }).click();
    await policy.getByText('De groep is opgeslagen.').waitFor();
    await policy.getByText('In behandeling', { exact: true }).first().waitFor();
    await expectNoAxeViolations(policy, 'signal detail');

    await policy.getByLabel('Uw antwoord').fill(answerText);
    await policy.getByLabel('Opgepakt: er is iets aangepast').check();
    await policy.getByRole('button', { name: 'Antwoord versturen' }).click();
    await policy.getByText('Uw antwoord is verstuurd.').waitFor();
    await policy.getByText(answerText).first().waitFor();
  });

  it('the professional sees the answer through the notification, on Mijn signalen', async () => {
    // A new tab, as when coming back later: the bell asks the server afresh.
    professional = await setup.browser('professional').newPage();
    await professional.goto(`${setup.server.url}/`);
    await heading(professional, /^Welkom/);
    await professional.getByRole('link', { name: /^Meldingen, 1 nieuw$/ }).click();
    await heading(professional, 'Meldingen');
    await professional.getByText('Er is een antwoord op uw signaal.').click();
    await heading(professional, 'Mijn signalen');
    await professional.getByText(answerText).waitFor();
    await professional.getByText('Opgepakt: er is iets aangepast').waitFor();
    await expectNoAxeViolations(professional, 'my signals with answer');
  });

  it('works on a 320 px phone', async () => {
    const phone = await setup.browser('professional').newPage({ width: 320, height: 640 });
    await phone.goto(`${setup.server.url}/`);
    await phone.getByRole('link', { name: 'Nieuw signaal sturen' }).click();
    await heading(phone, 'Nieuw signaal');
    await phone.getByLabel('Uw signaal').fill('Mevrouw Jansen belde om 06-12345678.');
    await phone.getByRole('heading', { name: 'Kan iemand een cliënt herkennen?' }).waitFor();
    expect(await hasHorizontalScroll(phone)).toBe(false);
    await expectNoAxeViolations(phone, 'new signal on a phone');
  });
});
