import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeAudioOnly, makeSpeechConversation, makeTextFileAsMp4 } from '../scripts/fixtures/make-media.mjs';
import { desktop, expectNoAxeViolations, launchBrowser, phone } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn, nextScreen, settled } from './support/pages.js';
import { demoAccounts } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * A recording's life in the browser: the client consents on their phone, the professional
 * records with a (fake) camera and microphone, uploads, waits for processing, plays back and
 * sees their own view; the client withdraws and the recording is gone. Plus an upload of a
 * generated sound file through the file chooser under audio-only consent.
 * Set E2E_SCREENSHOTS=<dir> to keep screenshots of the pages.
 */

// The client's own phone: another browser profile, without the professional's cookies.
const setup = serverAndBrowsers({ professional: { fakeMedia: true }, client: {} });
let fixtures: string;
const screenshots = process.env.E2E_SCREENSHOTS;

beforeAll(() => {
  fixtures = mkdtempSync(path.join(tmpdir(), 'spreekkamer-e2e-media-'));
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  // A page that breaks says why in the test output.
  for (const name of ['professional', 'client'] as const) {
    setup.browser(name).context.on('weberror', (error) => console.error(`page error: ${error.error().message}`));
  }
});

afterAll(() => {
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function checked(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  await shot(page, label.replace(/[^a-z0-9]+/gi, '-'));
}

interface PlannedConversation {
  conversationUrl: string;
  clientUrl: string;
  code: string;
}

/** Through the professional's pages: a new client, a conversation, a personal link and code. */
async function planConversation(page: Page, pseudonym: string): Promise<PlannedConversation> {
  await page.goto(`${setup.server.url}/clienten/nieuw`);
  await heading(page, 'Cliënt toevoegen');
  await page.getByLabel('Schuilnaam').fill(pseudonym);
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await heading(page, pseudonym);
  await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
  await page.getByText('Het gesprek is opgeslagen.').waitFor();
  await page.getByRole('button', { name: 'Link en code maken' }).click();
  await page.getByTestId('client-code').waitFor();
  const clientUrl = (await page.locator('.sk-access__link').textContent())?.trim() ?? '';
  const code = (await page.getByTestId('client-code').textContent())?.trim() ?? '';
  await page.locator('section[aria-labelledby="client-conversations"] tbody tr').first().getByRole('link').click();
  await heading(page, /^Gesprek van/);
  return { conversationUrl: page.url(), clientUrl, code };
}

/** The client on their phone: link, code, the explanation, then their choices and name. */
async function consentOnPhone(planned: PlannedConversation, media: 'Beeld en geluid' | 'Alleen geluid', check: boolean): Promise<void> {
  const page = await setup.browser('client').newPage(phone);
  await page.goto(planned.clientUrl);
  await heading(page, 'Welkom');
  if (check) await checked(page, 'client code page');
  await page.getByLabel('Uw code').fill(planned.code);
  await page.keyboard.press('Enter');
  await heading(page, 'Uw pagina');
  if (check) await checked(page, 'client home');
  await page.getByRole('link', { name: 'Vraag bekijken' }).first().click();
  await heading(page, 'Mag dit gesprek worden opgenomen?');
  if (check) await checked(page, 'client consent start');
  while (!(await page.getByRole('heading', { level: 1, name: 'Wat mag worden opgenomen?' }).isVisible())) {
    await nextScreen(page);
  }
  await page.getByRole('button', { name: new RegExp(`^${media}`) }).click();
  if (check) await checked(page, 'client consent media');
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await heading(page, 'Wie mag de opname zien?');
  await page.getByRole('button', { name: /^Alleen mijn klantmanager/ }).click();
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await heading(page, 'Wilt u stukjes samen terugkijken?');
  await page.getByRole('button', { name: 'Nee, liever niet' }).click();
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await heading(page, 'Hoe lang mag de opname blijven?');
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await heading(page, 'Zet uw naam eronder');
  if (check) await checked(page, 'client consent confirm');
  await page.getByLabel('Uw naam').fill('Jan Klant');
  await page.getByRole('button', { name: 'Ja, ik geef toestemming' }).click();
  await heading(page, 'Dank u wel');
  if (check) await checked(page, 'client consent thanks');
  await page.close();
}

/** The professional is recorded too: they confirm their own consent on the conversation page. */
async function confirmOwnConsent(page: Page, conversationUrl: string): Promise<void> {
  await page.goto(conversationUrl);
  await heading(page, /^Gesprek van/);
  await page.getByLabel('Ik geef toestemming om dit gesprek op te nemen').check();
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByText(/U heeft ook toestemming gegeven op/).waitFor();
}

async function mediaTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector<HTMLMediaElement>('.sk-player video, .sk-player audio')?.currentTime ?? -1);
}

describe('a recording in the browser', () => {
  let first: PlannedConversation;
  let recordingUrl = '';
  let playlistUrl = '';

  it('cannot be made before the client and the professional consented', async () => {
    const page = await setup.browser('professional').newPage();
    await logIn(page, setup.server.url, demoAccounts.professional);
    first = await planConversation(page, 'Mevrouw Opname');
    const block = page.locator('section[aria-labelledby="conversation-recordings"]');
    await block.getByText('U kunt dit gesprek nog niet opnemen. Eerst moet uw cliënt toestemming geven.').waitFor();
    expect(await block.getByRole('button', { name: /Camera en microfoon/ }).count()).toBe(0);
    expect(await block.locator('input[type=file]').count()).toBe(0);
    await checked(page, 'conversation without consent');

    await consentOnPhone(first, 'Beeld en geluid', true);

    // The client said yes; the professional's own consent is still missing.
    await page.reload();
    await heading(page, /^Gesprek van/);
    await block.getByText('geef eerst ook uw eigen toestemming').waitFor();
    expect(await block.getByRole('button', { name: /Camera en microfoon/ }).count()).toBe(0);
    await confirmOwnConsent(page, first.conversationUrl);
    await block.getByRole('button', { name: 'Camera en microfoon aanzetten' }).waitFor();
    await page.close();
  });

  it('is recorded with camera and microphone, uploaded, processed and played back with the name on the picture', async () => {
    const page = await setup.browser('professional').newPage();
    page.on('request', (request) => {
      if (request.url().includes('/index.m3u8')) playlistUrl = request.url();
    });
    await page.goto(first.conversationUrl);
    await heading(page, /^Gesprek van/);
    await checked(page, 'conversation ready to record');

    await page.getByLabel('Beeld en geluid').check();
    await page.getByRole('button', { name: 'Camera en microfoon aanzetten' }).click();
    await page.getByRole('button', { name: 'Opname starten' }).waitFor();
    // The preview shows the camera before anything is recorded.
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.sk-recorder__video')?.videoWidth ?? 0) > 0);
    await checked(page, 'recorder preview');

    await page.getByRole('button', { name: 'Opname starten' }).click();
    const indicator = page.locator('.sk-recording-indicator');
    await indicator.getByText('Opname loopt').waitFor();
    await expect.poll(() => page.locator('[aria-live="polite"]', { hasText: 'Opname loopt.' }).count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Pauzeren' }).click();
    await indicator.getByText('Opname gepauzeerd').waitFor();
    const pausedAt = await page.getByRole('timer').textContent();
    await page.waitForTimeout(1200);
    // Paused means paused: the clock stands still.
    expect(await page.getByRole('timer').textContent()).toBe(pausedAt);
    await checked(page, 'recorder paused');
    await page.getByRole('button', { name: 'Verder opnemen' }).click();
    await indicator.getByText('Opname loopt').waitFor();
    await page.waitForTimeout(3000);
    expect(await page.getByRole('timer').textContent()).toMatch(/^0:0[4-9]$/);
    await page.getByRole('button', { name: 'Stoppen en uploaden' }).click();

    // Upload, then processing, then ready: each step visible.
    await page.getByText(/Stap 2 van 2: verwerken|De opname is klaar/).first().waitFor({ timeout: 60_000 });
    await page.getByText('De opname is klaar. U kunt hem nu bekijken.').waitFor({ timeout: 120_000 });
    await checked(page, 'conversation recording ready');
    const row = page.locator('section[aria-labelledby="conversation-recordings"] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Klaar');
    // The browser's safety copy is gone once the server had every byte.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('spreekkamer-recorder');
              open.onsuccess = () => {
                const request = open.result.transaction('chunks', 'readonly').objectStore('chunks').count();
                request.onsuccess = () => resolve(request.result);
              };
            }),
        ),
      )
      .toBe(0);

    await page.getByRole('link', { name: 'Opname bekijken' }).click();
    await heading(page, /^Gesprek met Mevrouw Opname op/);
    recordingUrl = page.url();
    expect(recordingUrl).toMatch(/\/opnames\/[0-9a-f-]{36}$/);
    const player = page.getByRole('group', { name: /^Opname van het gesprek met Mevrouw Opname/ });
    await player.waitFor();
    // The name of whoever watches is on the picture, as part of the player box.
    const overlay = player.locator('.sk-name-overlay');
    expect(await overlay.locator('.sk-name-overlay__corner').textContent()).toBe('Sanne de Vries');
    await expect.poll(() => overlay.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByText('Wordt automatisch verwijderd op').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByText('Nog niemand heeft deze opname bekeken.').isVisible(), { timeout: 10_000 }).toBe(true);
    // No way to save the file: no download link, no native controls, no context menu.
    expect(await page.locator('a[download]').count()).toBe(0);
    const video = player.locator('video');
    expect(await video.getAttribute('controls')).toBeNull();
    expect(await video.getAttribute('controlslist')).toContain('nodownload');
    const menuAllowed = await page.evaluate(() => {
      const target = document.querySelector('.sk-player video');
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      return target?.dispatchEvent(event);
    });
    expect(menuAllowed).toBe(false);
    await checked(page, 'recording page before playing');

    await player.getByRole('button', { name: 'Afspelen' }).click();
    await expect.poll(() => mediaTime(page), { timeout: 30_000 }).toBeGreaterThan(1);
    expect(playlistUrl).toMatch(/\/api\/playback\/[0-9a-f-]{36}\/index\.m3u8\?t=/);
    await checked(page, 'recording page playing');

    // Keyboard: K pauses, the arrow keys move 5 seconds.
    await player.getByRole('button', { name: 'Pauzeren' }).focus();
    await page.keyboard.press('k');
    await player.getByRole('button', { name: 'Afspelen' }).waitFor();
    const before = await mediaTime(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => mediaTime(page)).toBeLessThan(Math.max(0.5, before - 0.5));
    await page.keyboard.press('m');
    await expect.poll(() => player.getByRole('button', { name: 'Geluid uit' }).getAttribute('aria-pressed')).toBe('true');
    await player.getByLabel('Snelheid').selectOption('1.5');
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLVideoElement>('.sk-player video')?.playbackRate)).toBe(1.5);

    // Their own view is in the list of who watched.
    const views = page.getByRole('table', { name: /Wie heeft deze opname bekeken/ });
    await views.waitFor();
    const viewRow = views.locator('tbody tr').first();
    expect(await viewRow.textContent()).toContain('Sanne de Vries');
    expect(await viewRow.textContent()).toContain('Uzelf');
    expect(await viewRow.textContent()).toContain('Hele opname');
    await checked(page, 'recording page with views');

    // The same page on a phone: nothing to scroll sideways, still accessible.
    await page.setViewportSize(phone);
    await page.waitForTimeout(300);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expect.poll(() => overlay.isVisible(), { timeout: 10_000 }).toBe(true);
    await checked(page, 'recording page on a phone');
    await page.setViewportSize(desktop);

    // The recording shows up on the home page.
    await page.goto(setup.server.url);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await settled(page);
    await expect.poll(() => page.getByRole('link', { name: /^Mevrouw Opname,/ }).isVisible(), { timeout: 10_000 }).toBe(true);
    await checked(page, 'home with recordings');
    await page.close();
  });

  it('asks before deleting and says it cannot be undone; cancelling keeps the recording', async () => {
    const page = await setup.browser('professional').newPage();
    await page.goto(recordingUrl);
    await heading(page, /^Gesprek met Mevrouw Opname op/);
    await page.getByRole('button', { name: 'Opname verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Weet u het zeker?' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByText('Dit kunt u niet ongedaan maken.').isVisible(), { timeout: 10_000 }).toBe(true);
    await checked(page, 'delete dialog');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await heading(page, /^Gesprek met Mevrouw Opname op/);
    await page.close();
  });

  it('is gone after the client withdraws: the page says so and the playlist no longer plays', async () => {
    const phonePage = await setup.browser('client').newPage(phone);
    await phonePage.goto(`${setup.server.url}/klant`);
    await heading(phonePage, 'Uw pagina');
    await phonePage.getByRole('link', { name: 'Stoppen met de opname' }).first().click();
    await heading(phonePage, 'Stoppen met de opname');
    await checked(phonePage, 'client withdraw');
    await phonePage.getByRole('button', { name: 'Stoppen met de opname' }).click();
    await heading(phonePage, 'Weet u het zeker?');
    await phonePage.getByRole('button', { name: 'Ja, stop nu' }).click();
    await heading(phonePage, 'Het is gestopt');
    await checked(phonePage, 'client withdraw done');
    await phonePage.close();

    const page = await setup.browser('professional').newPage();
    await expect
      .poll(
        async () => {
          await page.goto(recordingUrl);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await settled(page);
          return (await page.getByRole('heading', { level: 1 }).textContent())?.trim();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('Opname verwijderd');
    await expect.poll(() => page.getByText('De cliënt heeft de toestemming ingetrokken. Daarom is de opname verwijderd.').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('.sk-player').count()).toBe(0);
    await checked(page, 'recording page after withdrawal');

    // The playlist URL that played a minute ago gives nothing now, not even to the owner.
    const playlist = await page.request.get(playlistUrl);
    expect(playlist.status()).toBeGreaterThanOrEqual(400);
    expect(await playlist.text()).not.toContain('#EXTM3U');

    await page.goto(setup.server.url);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await settled(page);
    await page.getByText(/Mevrouw Opname .* is verwijderd, omdat de cliënt de toestemming heeft ingetrokken/).waitFor();
    await checked(page, 'home after withdrawal');
    await page.close();
  });

  it('uploads a generated sound file through the file chooser under audio-only consent and shows its waveform', async () => {
    const soundFile = await makeAudioOnly(path.join(fixtures, 'gesprek.m4a'), 6);
    const videoFile = await makeSpeechConversation({ out: path.join(fixtures, 'gesprek.mp4'), seconds: 3, width: 320, height: 180 });
    const page = await setup.browser('professional').newPage();
    const planned = await planConversation(page, 'Meneer Geluid');
    await consentOnPhone(planned, 'Alleen geluid', false);
    await confirmOwnConsent(page, planned.conversationUrl);

    const block = page.locator('section[aria-labelledby="conversation-recordings"]');
    // Sound only was agreed: no video choice in the recorder, and the chooser asks for sound.
    await block.getByText('Uw cliënt gaf toestemming voor alleen geluid. U neemt dus geen beeld op.').waitFor();
    expect(await block.getByLabel('Beeld en geluid').count()).toBe(0);
    await expect.poll(() => block.getByRole('button', { name: 'Microfoon aanzetten' }).isVisible(), { timeout: 10_000 }).toBe(true);
    const chooser = block.getByLabel('Kies een geluidsbestand');
    expect(await chooser.getAttribute('accept')).toBe('audio/*');
    await checked(page, 'conversation audio-only consent');

    // A video file is refused before anything is sent.
    await chooser.setInputFiles(videoFile);
    await block.getByRole('alert').getByText('Uw cliënt gaf alleen toestemming voor geluid.').waitFor();

    await chooser.setInputFiles(soundFile);
    await page.getByText('De opname is klaar. U kunt hem nu bekijken.').waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Opname bekijken' }).click();
    await heading(page, /^Gesprek met Meneer Geluid op/);
    const player = page.getByRole('group', { name: /^Opname van het gesprek met Meneer Geluid/ });
    await player.waitFor();
    // The waveform is drawn from the server's peaks before anything plays.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.sk-waveform__canvas > div')?.shadowRoot?.querySelector('canvas') !== null))
      .toBe(true);
    expect(await player.locator('video').count()).toBe(0);
    expect(await player.locator('.sk-name-overlay__corner').textContent()).toBe('Sanne de Vries');
    await checked(page, 'audio recording page');
    await player.getByRole('button', { name: 'Afspelen' }).click();
    await expect.poll(() => mediaTime(page), { timeout: 30_000 }).toBeGreaterThan(1);
    await checked(page, 'audio recording playing');
    await page.setViewportSize(phone);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await checked(page, 'audio recording page on a phone');
    await page.close();
  });
});

describe('nothing is lost', () => {
  let planned: PlannedConversation;
  let busyFile = '';

  async function recordingsOfConversation(page: Page): Promise<Array<{ id: string; status: string; progress: number }>> {
    const conversationId = planned.conversationUrl.split('/').pop() ?? '';
    const response = await page.request.get(`${setup.server.url}/api/recordings?conversationId=${conversationId}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { recordings: Array<{ id: string; status: string; progress: number }> }).recordings;
  }

  async function progressValue(bar: Locator): Promise<number> {
    return Number((await bar.getAttribute('value')) ?? '0');
  }

  it('an upload cut off by closing the page continues where it stopped when the same file is chosen again', async () => {
    busyFile = await makeSpeechConversation({ out: path.join(fixtures, 'lang-gesprek.mp4'), seconds: 20, picture: 'busy', width: 640, height: 360 });
    const page = await setup.browser('professional').newPage();
    planned = await planConversation(page, 'Mevrouw Hervat');
    await consentOnPhone(planned, 'Beeld en geluid', false);
    await confirmOwnConsent(page, planned.conversationUrl);
    await page.close();

    // A slow line, so the upload is still going when the page closes.
    const first = await setup.browser('professional').newPage();
    const cdp = await setup.browser('professional').context.newCDPSession(first);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    await first.goto(planned.conversationUrl);
    await heading(first, /^Gesprek van/);
    await first.getByLabel('Kies een video- of geluidsbestand').setInputFiles(busyFile);
    const bar = first.getByLabel(/^Uploaden van lang-gesprek\.mp4/);
    await bar.waitFor();
    await checked(first, 'upload in progress');
    await expect.poll(() => progressValue(bar), { timeout: 30_000 }).toBeGreaterThanOrEqual(15);
    // Paused, then the page is closed: nothing is in flight, part of the file is on the server.
    await first.getByRole('button', { name: 'Pauzeren' }).click();
    await first.getByLabel(/staat op pauze$/).waitFor();
    await first.close();

    const page2 = await setup.browser('professional').newPage();
    const [waiting] = await recordingsOfConversation(page2);
    expect(waiting?.status).toBe('uploading');
    expect(waiting?.progress ?? 0).toBeGreaterThan(0.05);
    expect(waiting?.progress ?? 1).toBeLessThan(1);

    const cdp2 = await setup.browser('professional').context.newCDPSession(page2);
    await cdp2.send('Network.enable');
    await cdp2.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 300 * 1024 });
    await page2.goto(planned.conversationUrl);
    await heading(page2, /^Gesprek van/);
    await page2.getByText('Een upload is onderbroken. Kies hetzelfde bestand opnieuw.').waitFor();
    await checked(page2, 'conversation with an interrupted upload');
    await page2.getByLabel('Kies een video- of geluidsbestand').setInputFiles(busyFile);
    await page2.getByText('Het uploaden gaat verder waar het was gestopt.').waitFor();
    // It starts where the server is, not at zero.
    expect(await progressValue(page2.getByLabel(/^Uploaden van lang-gesprek\.mp4/))).toBeGreaterThanOrEqual(Math.floor((waiting?.progress ?? 0) * 100) - 1);
    await page2.getByRole('button', { name: 'Pauzeren' }).click();
    await page2.getByRole('button', { name: 'Verder uploaden' }).click();
    await cdp2.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page2.getByText('De opname is klaar. U kunt hem nu bekijken.').waitFor({ timeout: 120_000 });
    // The same recording was completed; no second one was made.
    const after = await recordingsOfConversation(page2);
    expect(after.map((recording) => [recording.id, recording.status])).toEqual([[waiting?.id, 'ready']]);
    await page2.close();
  });

  it('a recording survives a closed tab: the pieces kept in the browser are offered for upload', async () => {
    const page = await setup.browser('professional').newPage();
    await page.goto(planned.conversationUrl);
    await heading(page, /^Gesprek van/);
    await page.getByRole('button', { name: 'Camera en microfoon aanzetten' }).click();
    await page.getByRole('button', { name: 'Opname starten' }).click();
    await page.locator('.sk-recording-indicator').getByText('Opname loopt').waitFor();
    await page.waitForTimeout(4000);
    // The tab closes mid-recording, without "stop".
    await page.close();

    const again = await setup.browser('professional').newPage();
    await again.goto(planned.conversationUrl);
    await heading(again, /^Gesprek van/);
    await again.getByText(/Er staat nog een opname van .* op dit apparaat/).waitFor();
    await checked(again, 'conversation with a recording left in the browser');
    await again.getByRole('button', { name: 'Deze opname uploaden' }).click();
    await again.getByText('De opname is klaar. U kunt hem nu bekijken.').waitFor({ timeout: 120_000 });
    expect(await again.getByText(/Er staat nog een opname van/).count()).toBe(0);
    const recordings = await recordingsOfConversation(again);
    expect(recordings.filter((recording) => recording.status === 'ready')).toHaveLength(2);
    await again.close();
  });

  it('without a camera or microphone the recorder says so in plain Dutch', async () => {
    // A browser without the fake devices: there is nothing to record with.
    const bare = await launchBrowser();
    try {
      bare.context.on('weberror', (error) => console.error(`page error: ${error.error().message}`));
      const page = await bare.newPage();
      await logIn(page, setup.server.url, demoAccounts.professional);
      await page.goto(planned.conversationUrl);
      await heading(page, /^Gesprek van/);
      await page.getByRole('button', { name: 'Camera en microfoon aanzetten' }).click();
      const alert = page.locator('.sk-recorder').getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(
        /^(Er is geen camera of microfoon gevonden\.|De browser mag de camera of microfoon niet gebruiken\.|De camera of microfoon wordt al door een ander programma gebruikt\.)/,
      );
      await checked(page, 'recorder without devices');
    } finally {
      await bare.close();
    }
  });

  it('a file that is not media gets a clear message and a way to choose another; the professional can delete a recording', async () => {
    const textFile = await makeTextFileAsMp4(path.join(fixtures, 'geen-video.mp4'));
    const page = await setup.browser('professional').newPage();
    await page.goto(planned.conversationUrl);
    await heading(page, /^Gesprek van/);
    await page.getByLabel('Kies een video- of geluidsbestand').setInputFiles(textFile);
    const alert = page.locator('section[aria-labelledby="conversation-recordings"]').getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toBe('Dit is een tekstbestand met een andere naam, geen opname. Kies het bestand met het gesprek zelf.');
    await checked(page, 'conversation with a rejected file');
    await page.getByRole('button', { name: 'Een ander bestand kiezen' }).first().click();
    await page.getByLabel('Kies een video- of geluidsbestand').waitFor();
    // The recordings that were there are untouched.
    const recordings = await recordingsOfConversation(page);
    expect(recordings.filter((recording) => recording.status === 'ready')).toHaveLength(2);
    expect(recordings.filter((recording) => recording.status === 'failed')).toHaveLength(1);

    const ready = recordings.find((recording) => recording.status === 'ready');
    await page.goto(`${setup.server.url}/opnames/${ready?.id ?? ''}`);
    await heading(page, /^Gesprek met Mevrouw Hervat op/);
    await page.getByRole('button', { name: 'Opname verwijderen' }).click();
    await page.getByRole('dialog', { name: 'Weet u het zeker?' }).getByRole('button', { name: 'Ja, voorgoed verwijderen' }).click();
    await heading(page, 'Opname verwijderd');
    await expect.poll(() => page.getByText('De opname is verwijderd. Niemand kan hem nog bekijken.').isVisible(), { timeout: 10_000 }).toBe(true);
    await checked(page, 'recording deleted by the professional');
    const detail = await page.request.get(`${setup.server.url}/api/recordings/${ready?.id ?? ''}`);
    expect(((await detail.json()) as { status: string }).status).toBe('deleted');
    const playback = await page.request.post(`${setup.server.url}/api/recordings/${ready?.id ?? ''}/playback`, {
      headers: { 'x-csrf-token': await csrfToken(page) },
    });
    expect(playback.status()).toBeGreaterThanOrEqual(400);
    await page.close();
  });
});

describe('held-back files', () => {
  it('an empty file gets its own Dutch message on the recording page, reached by clicking from home, and leaves nothing behind', async () => {
    // This browser is logged in as the professional since the file's first test.
    const page = await setup.browser('professional').newPage();
    const planned = await planConversation(page, 'Mevrouw Leeg');
    await consentOnPhone(planned, 'Beeld en geluid', false);
    await confirmOwnConsent(page, planned.conversationUrl);
    const emptyFile = path.join(fixtures, 'leeg.mp4');
    writeFileSync(emptyFile, '');

    // From the home page, by clicking: the main menu, the client, the conversation.
    await page.goto(setup.server.url);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await heading(page, 'Mijn cliënten');
    await page.getByRole('link', { name: 'Mevrouw Leeg' }).click();
    await heading(page, 'Mevrouw Leeg');
    await page.locator('section[aria-labelledby="client-conversations"] tbody tr').first().getByRole('link').click();
    await heading(page, /^Gesprek van/);
    expect(page.url()).toBe(planned.conversationUrl);

    await page.getByLabel('Kies een video- of geluidsbestand').setInputFiles(emptyFile);
    const alert = page.locator('section[aria-labelledby="conversation-recordings"]').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Dit bestand is leeg. Er zit geen opname in. Kies het bestand met het gesprek.');
    expect(await alert.textContent()).not.toContain('Niet alles is goed ingevuld');
    await checked(page, 'conversation with an empty file');
    // Nothing left behind: no recording was made for the empty file.
    const conversationId = planned.conversationUrl.split('/').pop() ?? '';
    const response = await page.request.get(`${setup.server.url}/api/recordings?conversationId=${conversationId}`);
    expect(((await response.json()) as { recordings: unknown[] }).recordings).toEqual([]);
    await page.close();
  });
});

async function csrfToken(page: Page): Promise<string> {
  const response = await page.request.get(`${setup.server.url}/api/session`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}
