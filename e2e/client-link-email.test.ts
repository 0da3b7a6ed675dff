import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type SmtpTestServer } from '../apps/server/test/support/smtp.js';
import { expectNoAxeViolations, launchBrowser, phone, type BrowserSession } from './support/browser.js';
import { heading, logIn } from './support/pages.js';
import { demoAccounts, startServer, type RunningServer } from './support/server.js';

describe('a client gets their link by e-mail', () => {
  let smtp: SmtpTestServer;
  let server: RunningServer;
  let professional: BrowserSession;
  let client: BrowserSession;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    professional = await launchBrowser();
    client = await launchBrowser();
  });

  afterAll(async () => {
    await client?.close();
    await professional?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('the professional sends the link with the keyboard; the mail holds the link, not the code; link and code open the client page', async () => {
    const page = await professional.newPage();
    await logIn(page, server.url, demoAccounts.professional);
    await page.goto(`${server.url}/clienten/nieuw`);
    await heading(page, 'Cliënt toevoegen');
    await page.getByLabel('Schuilnaam').fill('Mevrouw M.');
    await page.getByLabel('Telefoon of e-mail (niet verplicht)').fill('mevrouw.m@example.org');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await heading(page, 'Mevrouw M.');

    const sendByEmail = page.getByLabel('Stuur de link ook per e-mail naar mevrouw.m@example.org');
    await sendByEmail.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => sendByEmail.isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'client page with e-mail choice');
    await page.getByRole('button', { name: 'Link en code maken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('De link is per e-mail verstuurd naar mevrouw.m@example.org. Geef de code op papier mee.').waitFor();
    await expectNoAxeViolations(page, 'client page after sending the link');
    const link = (await page.locator('.sk-access__link').textContent())?.trim() ?? '';
    const code = (await page.getByTestId('client-code').textContent())?.trim() ?? '';

    await expect.poll(() => smtp.received.length).toBe(1);
    const mail = smtp.received[0];
    expect(mail?.to).toEqual(['mevrouw.m@example.org']);
    expect(mail?.text).toContain(link);
    expect(mail?.text).not.toContain(code);
    await page.close();

    // The client opens the link from the mail on their phone and types the code from paper.
    const mailedLink = /https?:\/\/\S+\/k\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
    const phonePage = await client.newPage(phone);
    await phonePage.goto(mailedLink);
    await phonePage.getByLabel('Uw code').fill(code);
    await phonePage.keyboard.press('Enter');
    await heading(phonePage, 'Uw pagina');
    await phonePage.close();
  });
});
