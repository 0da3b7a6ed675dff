import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './support/browser.js';
import { heading, logIn } from './support/pages.js';
import { apiLogin, consentedRecording, type ApiAgent } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * "Foreign eyes" in the browser: the professional marks moments with the mouse and the keyboard,
 * tags and annotates them and shares two with a reviewer until an end date; the reviewer plays
 * only those spans and comments with an alternative; the professional marks a takeaway and stops
 * the share, and the reviewer loses access at once. The client then looks back with the reviewer
 * on the reviewer's device and decides per point what is passed on. axe on every page.
 * The consent and the recording are set up through the API (their own tests cover those pages).
 * Set E2E_SCREENSHOTS=<dir> to keep screenshots.
 */

const setup = serverAndBrowsers({ professional: {}, reviewer: {} });
let owner: ApiAgent;
let recordingId: string;
let clientLink: string;
let clientCode: string;
const screenshots = process.env.E2E_SCREENSHOTS;
const script = '<img src=x onerror="window.__xss=1">';

async function checked(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `review-${label.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
}

function mediaTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector<HTMLMediaElement>('.sk-player video, .sk-player audio')?.currentTime ?? -1);
}

/** The position on the recording's own clock: a shared moment plays from its exact cut, which starts at `data-starts-at`. */
function clockTime(page: Page): Promise<number> {
  return page.evaluate(() => {
    const media = document.querySelector<HTMLMediaElement>('.sk-player video, .sk-player audio');
    return media ? media.currentTime + Number(media.dataset.startsAt ?? 0) : -1;
  });
}

beforeAll(async () => {
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  owner = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
  ({ recordingId, clientLink, clientCode } = await consentedRecording(owner, 'Mevrouw Terugkijk'));
}, 180_000);

describe('foreign eyes', () => {
  let professional: Page;
  let reviewer: Page;
  let shareId = '';

  it('the professional marks moments with the mouse and the keyboard, tags and annotates them', async () => {
    professional = await setup.browser('professional').newPage();
    if (process.env.E2E_DEBUG) {
      professional.on('console', (m) => console.log('[console]', m.text()));
      professional.on('pageerror', (e) => console.log('[pageerror]', e.message));
      professional.on('response', (r) => r.url().includes('/api/') && console.log('[api]', r.request().method(), r.url().replace(setup.server.url, ''), r.status()));
    }
    await logIn(professional, setup.server.url, demoAccounts.professional);
    await professional.goto(`${setup.server.url}/opnames/${recordingId}/bekijken`);
    await heading(professional, /^Terugkijken: Mevrouw Terugkijk/);
    await professional.locator('.sk-review-timeline__wave canvas').first().waitFor();
    await checked(professional, 'review room');

    // Mouse: drag across the waveform from about 1 s to 3 s of the 12 s recording.
    await professional.locator('.sk-review-timeline__wave').scrollIntoViewIfNeeded();
    const wave = await professional.locator('.sk-review-timeline__wave').boundingBox();
    if (!wave) throw new Error('no waveform');
    const x = (seconds: number) => wave.x + 8 + ((wave.width - 16) * seconds) / 12;
    await professional.mouse.move(x(1), wave.y + wave.height / 2);
    await professional.mouse.down();
    await professional.mouse.move(x(2), wave.y + wave.height / 2, { steps: 5 });
    await professional.mouse.move(x(3), wave.y + wave.height / 2, { steps: 5 });
    await professional.mouse.up();
    await professional.getByRole('button', { name: /^0:0[01]–0:0[23] Moment 1/ }).waitFor();

    // Keyboard while playing: play, [ after a moment, ] a little later, N to add.
    await professional.getByRole('button', { name: 'Afspelen' }).click();
    await professional.waitForFunction(() => (document.querySelector<HTMLMediaElement>('.sk-player video')?.currentTime ?? 0) > 5.2, undefined, { timeout: 20_000 });
    await professional.locator('body').press('[');
    await professional.getByText(/^Begin gezet op 0:0[5-7]\./).first().waitFor();
    await professional.waitForFunction(() => (document.querySelector<HTMLMediaElement>('.sk-player video')?.currentTime ?? 0) > 7.5, undefined, { timeout: 20_000 });
    await professional.locator('body').press(']');
    await professional.locator('body').press('n');
    await professional.getByRole('button', { name: /Moment 2 \(0:0[5-7]\)$/ }).waitFor();
    await professional.getByRole('button', { name: 'Pauzeren' }).click();
    expect(await professional.getByRole('button', { name: /Moment/ }).count()).toBeGreaterThanOrEqual(2);

    // Previous and next moment jump the player to their starts.
    await professional.locator('body').press('Shift+ArrowLeft');
    await professional.getByText(/^Naar Moment 2 \(0:0[5-7]\) op/).first().waitFor();
    await professional.locator('body').press('Shift+ArrowLeft');
    await professional.getByText(/^Naar Moment 1 \(0:0[01]\) op/).first().waitFor();
    expect(await mediaTime(professional)).toBeLessThan(3);
    await professional.locator('body').press('Shift+ArrowRight');
    await professional.getByText(/^Naar Moment 2/).first().waitFor();
    expect(await mediaTime(professional)).toBeGreaterThan(4.5);

    // Slow, frame step and loop from the toolbar's keys.
    await professional.locator('body').press('s');
    expect(await professional.evaluate(() => document.querySelector<HTMLMediaElement>('.sk-player video')?.playbackRate)).toBe(0.5);
    const before = await mediaTime(professional);
    await professional.locator('body').press('.');
    await professional.waitForFunction((t) => Math.abs((document.querySelector<HTMLMediaElement>('.sk-player video')?.currentTime ?? 0) - t) > 0.01, before);
    await professional.locator('body').press('s');

    // Tag and annotate the second moment (selected after adding).
    const editor = professional.getByRole('form', { name: /^Moment Moment 2/ });
    await editor.getByLabel('Titel').fill('Vraag over werk');
    await editor.getByLabel('Weerstand').check();
    await editor.getByLabel('Echt gesprek').check();
    await editor.getByLabel('Notities').fill(`Ik praat door haar heen. ${script}`);
    await editor.getByRole('button', { name: 'Moment opslaan' }).click();
    await professional.getByText('Het moment is opgeslagen.').waitFor();
    await professional.getByRole('button', { name: /Vraag over werk$/ }).waitFor();
    // The review guide is beside the moment and can be folded.
    const guide = professional.locator('details.sk-guide').first();
    expect(await guide.getAttribute('open')).not.toBeNull();
    await guide.locator('summary').click();
    expect(await guide.getAttribute('open')).toBeNull();
    expect(await professional.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await checked(professional, 'review room with moments');
  });

  it('shares two moments with a reviewer until an end date', async () => {
    await professional.getByRole('button', { name: 'Momenten delen' }).click();
    const form = professional.getByRole('form', { name: 'Momenten delen' });
    await form.getByLabel(/Moment 1 \(/).check();
    await form.getByLabel(/Vraag over werk$/).check();
    await form.getByLabel('Youssef El Amrani (meekijker)').check();
    await form.getByLabel('Uw vraag (niet verplicht)').fill('Wat zie je als ik stil ben?');
    await form.getByLabel('Wat moet de kijker weten? (niet verplicht)').fill('Mevrouw kwam net van een ander loket en was moe.');
    const until = new Date(Date.now() + 7 * 86_400_000);
    await form.getByLabel('Zichtbaar tot en met').fill(until.toISOString().slice(0, 10));
    await checked(professional, 'share dialog');
    const created = professional.waitForResponse((r) => r.url().endsWith(`/api/recordings/${recordingId}/shares`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Delen' }).click();
    shareId = ((await (await created).json()) as { id: string }).id;
    await professional.getByText(/^Gedeeld met Youssef El Amrani tot/).waitFor();
  });

  it('the reviewer plays only the shared moments, cannot reach the rest, and comments with an alternative', async () => {
    reviewer = await setup.browser('reviewer').newPage();
    await logIn(reviewer, setup.server.url, demoAccounts.reviewer);
    await reviewer.getByRole('link', { name: 'Gedeeld met mij' }).click();
    await heading(reviewer, 'Gedeeld met mij');
    await reviewer.getByText('Wat zie je als ik stil ben?').waitFor();
    expect(await reviewer.locator('main').textContent()).not.toContain('Ik praat door haar heen');
    await checked(reviewer, 'shared with me');
    await reviewer.getByRole('link', { name: 'Bekijk de momenten van Sanne de Vries' }).click();
    await heading(reviewer, 'Momenten van Sanne de Vries');
    // Before the first comment: how to give feedback, once per person.
    await reviewer.getByRole('heading', { name: 'Zo geef je feedback' }).waitFor();
    await checked(reviewer, 'feedback guide step');
    await reviewer.getByRole('button', { name: 'Begrepen, ik ga kijken' }).click();
    await reviewer.getByRole('heading', { name: 'Wat u moet weten' }).waitFor();
    await reviewer.getByText('Mevrouw kwam net van een ander loket en was moe.').waitFor();

    // The moment plays from its own exact cut (asked for again while it is still being prepared).
    // The later of the two shared moments (in time order) is the one with the theme "Vraag over werk".
    const sharedMoments = (await owner.json<{ moments: { id: string }[] }>(`/api/shares/${shareId}`)).moments;
    const target = sharedMoments[1]?.id ?? '';
    const descriptorResponse = reviewer.waitForResponse((r) => r.url().endsWith(`/api/shares/${shareId}/moments/${target}/playback`) && r.status() === 200);
    await reviewer.getByRole('button', { name: /Vraag over werk$/ }).click();
    const descriptor = (await (await descriptorResponse).json()) as { token: string; allowedRanges: [number, number][]; startsAtSeconds: number };
    expect(descriptor.allowedRanges.length).toBe(1);
    const [from, to] = descriptor.allowedRanges[0] ?? [0, 0];
    expect(descriptor.startsAtSeconds).toBe(from);
    await reviewer.getByRole('button', { name: 'Afspelen' }).click();
    await reviewer.waitForFunction(() => (document.querySelector<HTMLMediaElement>('.sk-player video')?.currentTime ?? 0) > 0.3, undefined, { timeout: 20_000 });
    // The clock shows the recording's own time: inside the moment, not the cut's 0.
    const now = await clockTime(reviewer);
    expect(now).toBeGreaterThanOrEqual(from - 0.1);
    expect(now).toBeLessThanOrEqual(to + 0.1);
    expect(await mediaTime(reviewer)).toBeLessThanOrEqual(to - from + 0.1);
    await checked(reviewer, 'shared viewer playing');

    // The server refuses every segment of the recording itself, even with the reviewer's own token.
    const statuses = await reviewer.evaluate(
      async ({ id, token }) => {
        const names = ['seg_00000.ts', 'seg_00001.ts', 'seg_00002.ts', 'seg_00003.ts'];
        return Promise.all(names.map(async (name) => (await fetch(`/api/playback/${id}/${name}?t=${encodeURIComponent(token)}`)).status));
      },
      { id: recordingId, token: descriptor.token },
    );
    expect(statuses).toEqual([404, 404, 404, 404]);
    const ownerSegments = await owner.fetch(`/api/recordings/${recordingId}/playback`, { method: 'POST' });
    expect(ownerSegments.status).toBe(200);

    // A comment that only judges gets a gentle question first; then an alternative.
    const form = reviewer.getByRole('form', { name: 'Nieuwe reactie' });
    await form.getByLabel('Uw reactie bij', { exact: false }).fill('Slecht.');
    await form.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await reviewer.getByText(/Dit klinkt als een oordeel/).waitFor();
    await checked(reviewer, 'comment nudge');
    await reviewer.getByRole('button', { name: 'Herschrijven' }).click();
    await form.getByLabel(/Wat je kunt proberen/).check();
    await form.getByLabel('Uw reactie bij', { exact: false }).fill(`Je zou eerst kunnen vragen wat zij zelf wil. ${script}`);
    await form.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await reviewer.getByRole('article', { name: 'Wat je kunt proberen van Youssef El Amrani' }).waitFor();
    expect(await reviewer.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await checked(reviewer, 'shared viewer with comment');

    await reviewer.getByRole('link', { name: 'Nagesprek voorbereiden' }).click();
    await heading(reviewer, 'Nagesprek met Sanne de Vries');
    await reviewer.getByLabel('Uw analyse').fill('Sterk: je noemt het doel. Probeer na een vraag vijf tellen stil te zijn.');
    await reviewer.getByRole('button', { name: 'Voorbereiding opslaan' }).click();
    await reviewer.getByText('Opgeslagen.').waitFor();
    await checked(reviewer, 'review meeting (reviewer)');
  });

  it('the professional marks the alternative as a takeaway and records an agreement', async () => {
    await professional.reload();
    await heading(professional, /^Terugkijken: Mevrouw Terugkijk/);
    await professional.getByRole('button', { name: /Vraag over werk$/ }).click();
    const comment = professional.getByRole('article', { name: 'Wat je kunt proberen van Youssef El Amrani' });
    await comment.waitFor();
    await comment.getByRole('button', { name: 'Markeer als leerpunt' }).click();
    await comment.getByRole('button', { name: 'Geen leerpunt meer' }).waitFor();
    const outcomes = professional.locator('#review-outcomes').locator('..');
    await outcomes.getByText(/Je zou eerst kunnen vragen wat zij zelf wil/).waitFor();
    await professional.getByLabel('Een afspraak').check();
    await professional.getByLabel('Tekst', { exact: true }).fill('Volgende keer eerst het doel van het gesprek noemen.');
    await professional.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await professional.locator('.sk-outcomes__text', { hasText: 'Volgende keer eerst het doel van het gesprek noemen.' }).waitFor();
    await checked(professional, 'review room with takeaway');

    await professional.goto(`${setup.server.url}/gedeeld/${shareId}/nagesprek`);
    await heading(professional, 'Nagesprek');
    await professional.getByText(/Probeer na een vraag vijf tellen stil te zijn/).waitFor();
    await checked(professional, 'review meeting (professional)');

    await professional.goto(`${setup.server.url}/opnames/${recordingId}/verslag`);
    await heading(professional, /^Verslag van het gesprek van/);
    await professional.getByText(/Ik praat door haar heen/).waitFor();
    await checked(professional, 'report');
    const markdown = await professional.request.get(`${setup.server.url}/api/recordings/${recordingId}/review-export.md`);
    expect(markdown.headers()['content-type']).toContain('text/markdown');
    const text = await markdown.text();
    expect(text).toContain('Vraag over werk');
    expect(text).toContain('&lt;img');
  });

  it('the client looks back with the reviewer and decides what is passed on', async () => {
    // The professional shares one fragment for a talk with the client.
    const { moments } = await owner.json<{ moments: { id: string }[] }>(`/api/recordings/${recordingId}/moments`);
    const { people } = await owner.json<{ people: { id: string; name: string }[] }>('/api/reviews/people');
    const response = await owner.fetch(`/api/recordings/${recordingId}/shares`, {
      method: 'POST',
      body: {
        momentIds: [moments[0]?.id],
        recipient: { type: 'reviewer', userId: people.find((p) => p.name === 'Youssef El Amrani')?.id },
        expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        clientTalk: true,
      },
    });
    expect(response.status).toBe(200);
    const talkId = ((await response.json()) as { id: string }).id;

    await reviewer.goto(`${setup.server.url}/gedeeld/${talkId}/clientgesprek`);
    await heading(reviewer, 'Gesprek met de cliënt');
    for (const text of ['Ik voelde me gehoord.', 'Het ging te snel over geld.', 'Ik durfde niet te zeggen dat ik schulden heb.']) {
      await reviewer.getByLabel('Wat zegt de cliënt?').fill(text);
      await reviewer.getByRole('button', { name: 'Punt toevoegen' }).click();
      // In the list, not the text field: a controlled textarea carries its value as text too, and
      // typing the next point before this one is saved would let the emptied field swallow it.
      await reviewer.locator('.sk-outcomes__text', { hasText: text }).waitFor();
    }
    await checked(reviewer, 'client talk (reviewer)');

    // On the reviewer's device the client opens their link and code.
    await reviewer.goto(clientLink);
    await heading(reviewer, 'Welkom');
    await reviewer.getByLabel('Uw code').fill(clientCode);
    await reviewer.keyboard.press('Enter');
    await heading(reviewer, 'Uw pagina');
    await reviewer.goto(`${setup.server.url}/klant/nabespreken`);
    await heading(reviewer, 'Terugkijken');
    await reviewer.getByText('Ik voelde me gehoord.').waitFor();
    await checked(reviewer, 'client talk page');
    // Wait on the media's own state, not on a label that flips back when a short fragment ends.
    const fragment = reviewer.locator('.sk-client-fragment').first();
    await fragment.getByRole('button', { name: 'Stukje 1 afspelen' }).click();
    await reviewer.locator('.sk-client-fragment[data-played="true"]').first().waitFor({ timeout: 60_000 });
    await checked(reviewer, 'client talk page playing');
    // Either this pauses it, or the fragment had already ended and this plays it again until its end: both end paused.
    await fragment.getByRole('button', { name: /^Stukje 1 (pauzeren|afspelen)$/ }).click();
    await reviewer.locator('.sk-client-fragment[data-played="true"][data-state="paused"]').first().waitFor({ timeout: 60_000 });

    const point = (text: string) => reviewer.locator('li.sk-client-card').filter({ hasText: text });
    await point('Ik voelde me gehoord.').getByRole('button', { name: /^Doorgeven\b/ }).first().click();
    await point('Het ging te snel over geld.').getByRole('button', { name: /^Doorgeven zonder mijn naam/ }).click();
    await point('schulden').getByRole('button', { name: /^Alleen tussen ons/ }).click();
    await point('schulden').getByText('Gekozen: alleen tussen ons.').waitFor();
    const passedOn = reviewer.locator('section.sk-client-talk ul').last();
    await passedOn.getByText('Ik voelde me gehoord.').waitFor();
    await passedOn.getByText('Het ging te snel over geld.').waitFor();
    expect(await passedOn.textContent()).not.toContain('schulden');
    await checked(reviewer, 'client talk page decided');

    // The professional sees only what the client passed on.
    await professional.goto(`${setup.server.url}/opnames/${recordingId}/bekijken`);
    await heading(professional, /^Terugkijken/);
    const relayed = professional.locator('section[aria-labelledby="review-client-points"]');
    await relayed.getByText('Ik voelde me gehoord.').waitFor();
    // A point passed on without a name waits for a batch of k clients, away from the recording.
    expect(await relayed.textContent()).not.toContain('Het ging te snel over geld.');
    expect(await relayed.textContent()).not.toContain('schulden');
  });

  it('stopping the share takes the reviewer’s access away at once', async () => {
    await professional.goto(`${setup.server.url}/opnames/${recordingId}/bekijken`);
    await heading(professional, /^Terugkijken/);
    const row = professional.locator('tr').filter({ hasText: 'Wat zie je als ik stil ben?' });
    await row.getByRole('button', { name: 'Stop delen met Youssef El Amrani' }).click();
    await row.getByText('Gestopt').waitFor();

    await reviewer.goto(`${setup.server.url}/gedeeld/${shareId}`);
    await heading(reviewer, 'Niet (meer) gedeeld');
    await checked(reviewer, 'share ended');
    expect((await reviewer.request.get(`${setup.server.url}/api/shares/${shareId}`)).status()).toBe(404);
    expect((await reviewer.request.get(`${setup.server.url}/api/shares/${shareId}/meeting`)).status()).toBe(404);
    await reviewer.goto(`${setup.server.url}/gedeeld`);
    await heading(reviewer, 'Gedeeld met mij');
    expect(await reviewer.locator('main').textContent()).not.toContain('Wat zie je als ik stil ben?');
  });

  it('the professional marks a stretch "niet delen" and shares around it', async () => {
    const moments = (await (await owner.fetch(`/api/recordings/${recordingId}/moments`)).json()) as { moments: { title: string; startSeconds: number; endSeconds: number }[] };
    const work = moments.moments.find((m) => m.title === 'Vraag over werk');
    if (!work) throw new Error('no moment "Vraag over werk"');
    const middle = (work.startSeconds + work.endSeconds) / 2;
    const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${(seconds % 60).toFixed(1).padStart(4, '0')}`;
    await professional.goto(`${setup.server.url}/opnames/${recordingId}/bekijken`);
    await heading(professional, /^Terugkijken/);
    const noShare = professional.getByRole('form', { name: 'Stuk op niet delen zetten' });
    await noShare.getByLabel('Vanaf').fill(clock(middle - 0.2));
    await noShare.getByLabel('Tot').fill(clock(middle + 0.2));
    await noShare.getByRole('button', { name: 'Niet delen' }).click();
    await professional.getByText('Opgeslagen. Dit stuk wordt nooit gedeeld.').waitFor();
    await professional.getByRole('list', { name: 'Stukken die niet gedeeld worden' }).getByText('door u').waitFor();

    await professional.getByRole('button', { name: 'Momenten delen' }).click();
    const form = professional.getByRole('form', { name: 'Momenten delen' });
    await form.getByText('Dit moment loopt door een stuk dat niet gedeeld wordt.').first().waitFor();
    await checked(professional, 'share form with niet delen');
    await form.getByRole('button', { name: /^Deel eromheen.*Vraag over werk/ }).click();
    await form.getByLabel(/Vraag over werk \(deel 1\)$/).waitFor();
    expect(await form.getByLabel(/Vraag over werk \(deel 1\)$/).isChecked()).toBe(true);
    await form.getByLabel('Youssef El Amrani (meekijker)').check();
    const created = professional.waitForResponse((r) => r.url().endsWith(`/api/recordings/${recordingId}/shares`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Delen', exact: true }).click();
    expect((await created).status()).toBe(200);
    await professional.getByText(/^Gedeeld met Youssef El Amrani tot/).waitFor();
  });

  it('peer groups and the review guide pages are accessible', async () => {
    await professional.goto(`${setup.server.url}/intervisie`);
    await heading(professional, 'Intervisie');
    await professional.getByLabel('Naam van de groep').fill('Intervisie West');
    await professional.getByRole('button', { name: 'Groep maken' }).click();
    await professional.getByText('Groep Intervisie West is gemaakt.').waitFor();
    await checked(professional, 'peer groups');

    const adminBrowser = await launchBrowser();
    try {
      const admin = await adminBrowser.newPage();
      await logIn(admin, setup.server.url, demoAccounts.administrator);
      await admin.getByRole('link', { name: 'Kijkwijzer' }).click();
      await heading(admin, 'Kijkwijzer aanpassen');
      await checked(admin, 'review guide admin');
      await admin.getByLabel('Vraag 1 (Nederlands)').first().fill('Wat gaat er goed? Noem twee dingen.');
      await admin.getByRole('button', { name: 'Opslaan' }).click();
      await admin.getByText('De kijkwijzer is opgeslagen.').waitFor();
      // The professional sees the organisation's own prompt beside a moment.
      await professional.goto(`${setup.server.url}/opnames/${recordingId}/bekijken`);
      await heading(professional, /^Terugkijken/);
      await professional.getByText('Wat gaat er goed? Noem twee dingen.').waitFor();
    } finally {
      await adminBrowser.close();
    }
  });
});
