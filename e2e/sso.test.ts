import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, type BrowserSession } from './support/browser.js';
import { guardJourney, type Expected4xx } from './support/journey.js';
import { heading, logIn } from './support/pages.js';
import { demoAccounts, startServer, type RunningServer } from './support/server.js';
import { startOidcProvider, type OidcProviderProcess } from '../apps/server/test/support/oidc-provider.js';

const anonymousSession: Expected4xx = { status: 401, path: /^\/api\/session$/ };

describe('single sign-on in the browser, against a real provider process', () => {
  let provider: OidcProviderProcess;
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    provider = await startOidcProvider();
    server = await startServer({
      env: (url) => ({
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'spreekkamer-e2e',
        OIDC_CLIENT_SECRET: 'geheim-van-de-e2e-test',
        OIDC_REDIRECT_BASE: url,
        OIDC_ROLE_CLAIMS: 'roles',
        OIDC_ROLE_MAP: JSON.stringify({ 'sk-coach': 'reviewer' }),
        OIDC_LABEL: 'uw Voorbeeld-account',
      }),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  it('logs in by clicking "Inloggen met …", lands on the home page, and logs out at the provider too', async () => {
    await provider.setClaims({ sub: 'e2e-anna', email: 'anna.e2e@voorbeeld.nl', email_verified: true, name: 'Anna Jansen', roles: ['sk-coach'] });
    const page = await browser.newPage();
    const guard = guardJourney(page, server.url, [anonymousSession]);
    await page.goto(`${server.url}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByRole('link', { name: 'Inloggen met uw Voorbeeld-account' }).waitFor();
    await expectNoAxeViolations(page, 'log-in page with single sign-on');
    guard.assertClean();

    await page.getByRole('link', { name: 'Inloggen met uw Voorbeeld-account' }).click();
    await heading(page, /^Welkom/);
    expect(await page.locator('h1').innerText()).toContain('Anna');
    guard.assertClean();

    const toProvider = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/endsession`));
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    const endSession = new URL((await toProvider).url());
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    await heading(page, 'Inloggen');
    guard.assertClean();
    const session = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(session).toBe(401);
  });

  it('explains a refused log-in (no role for Spreekkamer) on its own page', async () => {
    await browser.context.clearCookies();
    await provider.setClaims({ sub: 'e2e-bram', email: 'bram.e2e@voorbeeld.nl', email_verified: true, roles: ['iets-anders'] });
    const page = await browser.newPage();
    const guard = guardJourney(page, server.url, [anonymousSession]);
    await page.goto(`${server.url}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByRole('link', { name: 'Inloggen met uw Voorbeeld-account' }).click();
    await heading(page, 'Inloggen lukte niet');
    expect(await page.locator('main').innerText()).toContain('geen rol voor Spreekkamer');
    await expectNoAxeViolations(page, 'refused single sign-on');
    await page.getByRole('link', { name: 'Terug naar inloggen' }).click();
    await heading(page, 'Inloggen');
    guard.assertClean();
  });

  it('shows the administrator what arrived at the last SSO log-in, the passwords switch, and the link on the account page', async () => {
    await browser.context.clearCookies();
    const page = await browser.newPage();
    const guard = guardJourney(page, server.url, [anonymousSession]);
    const nav = (name: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
    await logIn(page, server.url, demoAccounts.administrator);

    await nav('Instellingen');
    await heading(page, 'Instellingen');
    await page.getByRole('heading', { name: 'Inloggen met het organisatie-account' }).waitFor();
    await page.getByText('Inloggen met een wachtwoord kan nog.').waitFor();
    await expectNoAxeViolations(page, 'settings with single sign-on');
    // Not yet logged in through SSO: switching passwords off is refused, with the reason.
    guard.expect4xx({ status: 409, path: /^\/api\/admin\/sso$/ });
    await page.getByRole('button', { name: 'Wachtwoorden uitzetten' }).click();
    await page.getByText(/Dan weet u zeker dat het werkt/).waitFor();

    await nav('Gebruikers');
    await heading(page, 'Gebruikers');
    await page.getByRole('button', { name: /^Aanpassen: Anna Jansen/ }).click();
    await page.getByRole('heading', { name: 'Laatste keer ingelogd met het organisatie-account' }).waitFor();
    const panel = await page.locator('main').innerText();
    expect(panel).toContain('sk-coach');
    expect(panel).toContain('Meekijker');
    await expectNoAxeViolations(page, 'user with single sign-on claims');

    await nav('Mijn account');
    await heading(page, 'Mijn account');
    await page.getByRole('link', { name: 'Organisatie-account koppelen' }).waitFor();
    await expectNoAxeViolations(page, 'account page with the SSO link');
    // A password session logs out here only: straight back to the log-in page, no visit to the provider.
    const providerVisits: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(provider.issuer)) providerVisits.push(request.url());
    });
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/inloggen');
    await heading(page, 'Inloggen');
    expect(providerVisits).toEqual([]);
    guard.assertClean();
  });
});
