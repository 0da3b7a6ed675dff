import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { logIn, settled } from './support/pages.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

const setup = serverAndBrowsers({ holder: {}, first: {}, second: {} });

/** A second administrator, made through the API: what is under test is the reset, not the invitation. */
async function secondAdministrator(baseUrl: string): Promise<{ email: string; password: string }> {
  const login = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoAccounts.administrator, password: demoPassword }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const invited = await fetch(`${baseUrl}/api/admin/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'Tessa Tweede', email: 'tweede.beheer@voorbeeld.nl', memberships: [{ role: 'administrator', teamId: null }] }),
  });
  const { invitationPath } = (await invited.json()) as { invitationPath: string };
  const password = 'tweede beheerder wachtwoord';
  await fetch(`${baseUrl}/api/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invitationPath.split('/').pop(), password }) });
  return { email: 'tweede.beheer@voorbeeld.nl', password };
}

describe('a forgotten password without e-mail: the person, one administrator, and a second one', () => {
  it('lets the person choose a new password while no administrator ever sees a link or code of their own', async () => {
    const base = setup.server.url;
    const second = await secondAdministrator(base);

    // The person, on their own device, asks at the log-in page.
    const holder = await setup.browser('holder').newPage();
    await holder.goto(`${base}/inloggen`);
    await holder.getByRole('link', { name: 'Kies een nieuw wachtwoord' }).click();
    await holder.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await holder.getByLabel('Uw e-mailadres').fill(demoAccounts.professional);
    await holder.getByRole('button', { name: 'Aanvragen' }).click();
    const code = (await holder.locator('.sk-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{8}$/);
    await expectNoAxeViolations(holder, 'password reset page with code');

    // The first administrator types the code from the person's screen.
    const first = await setup.browser('first').newPage();
    await logIn(first, base, demoAccounts.administrator);
    await first.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await settled(first);
    await first.getByRole('button', { name: /^Aanpassen: Sanne de Vries/ }).click();
    // An account with a password offers no new invitation.
    expect(await first.getByRole('button', { name: 'Nieuwe uitnodigingslink maken' }).count()).toBe(0);
    await first.getByLabel('Code van het scherm van de persoon').fill(code);
    await first.getByRole('button', { name: 'Nieuw wachtwoord aanvragen' }).click();
    await first.getByText('Nu moet een tweede beheerder het goedkeuren.').waitFor();
    await expectNoAxeViolations(first, 'users page after checking a reset code');
    expect(await first.locator('main').textContent()).not.toContain(code);

    // A different administrator approves.
    const approver = await setup.browser('second').newPage();
    await logIn(approver, base, second.email, second.password);
    await approver.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await settled(approver);
    await approver.getByRole('button', { name: /^Aanpassen: Sanne de Vries/ }).click();
    await approver.getByRole('button', { name: 'Goedkeuren' }).click();
    await approver.getByText(/^Goedgekeurd\./).waitFor();
    await expectNoAxeViolations(approver, 'users page after approving a reset');

    // Back on the person's own screen: a new password, then log in and see who reset it.
    await holder.getByLabel('Kies een wachtwoord').fill('een nieuw rustig wachtwoord');
    await holder.getByLabel('Herhaal het wachtwoord').fill('een nieuw rustig wachtwoord');
    await holder.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await holder.getByText('Uw nieuwe wachtwoord is opgeslagen.').waitFor();
    await holder.getByRole('link', { name: /inloggen/i }).click();
    await holder.getByLabel('E-mailadres').fill(demoAccounts.professional);
    await holder.getByLabel('Wachtwoord').fill('een nieuw rustig wachtwoord');
    await holder.getByRole('button', { name: 'Inloggen' }).click();
    await holder.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    expect(await holder.locator('.sk-password-reset-notice').textContent()).toContain('Tessa Tweede');
    await expectNoAxeViolations(holder, 'home page with the reset notice');
    for (const page of [holder, first, approver]) await page.close();
  });
});
