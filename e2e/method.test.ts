import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, phone } from './support/browser.js';
import { heading, pressOn } from './support/pages.js';
import { apiLogin, type ApiAgent } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * True to the method, by clicking: during the feedback conversation the client leads too, on
 * their own phone: they read the agreements, pick a card with a sub-topic of their own, and move
 * the conversation on. Axe on every screen.
 */
const setup = serverAndBrowsers({ client: {} });

describe('the method: a shared lead', () => {
  let professional: ApiAgent;
  let feedbackId = '';
  let clientLink = '';
  let code = '';

  it('the client picks a card and an own sub-topic on their own phone during the conversation, and moves it on', async () => {
    professional = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
    const client = await professional.json('/api/clients', 'POST', { pseudonym: 'Meneer L.' });
    const access = await professional.json(`/api/clients/${client.id}/access`, 'POST', {});
    clientLink = new URL(access.path ?? '', setup.server.url).toString();
    code = access.code ?? '';
    feedbackId = (await professional.json('/api/feedback', 'POST', { clientIds: [client.id] })).id ?? '';
    // The professional has begun: one moment chosen on their screen.
    await professional.json(`/api/feedback/${feedbackId}/moments`, 'POST', { theme: 'collaboration', subtopic: 'listening', title: 'Het begin' });

    const page = await setup.browser('client').newPage(phone);
    await page.goto(clientLink);
    await heading(page, 'Welkom');
    await page.getByLabel('Uw code').fill(code);
    await page.keyboard.press('Enter');
    await heading(page, 'Uw pagina');
    await pressOn(page, 'Meelezen');
    await heading(page, 'Waar willen we over praten?');
    // The agreements, open at the start, on the client's own screen too.
    await page.getByText('We veroordelen elkaar niet.').waitFor();
    await page.getByText('Moment 1: Het begin').waitFor();
    await expectNoAxeViolations(page, 'live conversation on the client’s phone, step 1');

    await page.getByRole('button', { name: /^Hoe past wat we samen doen\?/ }).click();
    await page.getByRole('button', { name: /^Vertrouwen/ }).click();
    await page.getByLabel('Eigen onderwerp (mag leeg)').fill('Vervoer naar de afspraak');
    await expectNoAxeViolations(page, 'client chooses a card with an own sub-topic');
    await page.getByRole('button', { name: 'Dit wil ik bespreken' }).click();
    await page.getByText('Moment 2: Vervoer naar de afspraak').waitFor();
    await page.getByText('Hoe past wat we samen doen? · Vertrouwen · Vervoer naar de afspraak').waitFor();

    await page.getByRole('button', { name: 'Verder naar stap 2' }).click();
    await heading(page, 'We praten over elk moment.');
    await expectNoAxeViolations(page, 'client moved the conversation to step 2');
    await page.close();

    const onTheProfessionalsScreen = await professional.json<{ step: number; moments: { theme: string; subtopic: string | null; ownSubtopic: string | null }[] }>(`/api/feedback/${feedbackId}`);
    expect(onTheProfessionalsScreen.step).toBe(2);
    expect(onTheProfessionalsScreen.moments[1]).toMatchObject({ theme: 'fit', subtopic: 'trust', ownSubtopic: 'Vervoer naar de afspraak' });
  });
});
