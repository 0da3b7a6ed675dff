import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALOGUES, makeDialogue } from '../scripts/fixtures/make-dialogue.mjs';
import { expectNoAxeViolations } from './support/browser.js';
import { heading, logIn } from './support/pages.js';
import { apiLogin, consentedRecording } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * Conversation rhythm by clicking: from the home page to the recording and into the review room,
 * see the lane, confirm "dit ben ik", click a long pause and the player jumps there, correct a
 * turn and the figures follow. axe on the review room.
 */
const setup = serverAndBrowsers({ professional: {} });

beforeAll(async () => {
  const owner = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
  const spec = DIALOGUES.find((d) => d.name === 'f-m-normal');
  if (!spec) throw new Error('fixture');
  // Nine lines: the eighth pause (3.6 s) is in it.
  const truth = await makeDialogue({ out: path.join(mkdtempSync(path.join(tmpdir(), 'spreekkamer-e2e-rhythm-')), 'gesprek.wav'), spec: { ...spec, lines: 9 }, stereo: true });
  await consentedRecording(owner, 'Meneer Ritme', { file: truth.file, kind: 'audio' });
}, 240_000);

describe('conversation rhythm', () => {
  it('shows the lane, takes "dit ben ik", jumps to a long pause and takes a correction', async () => {
    const page = await setup.browser('professional').newPage();
    await logIn(page, setup.server.url, demoAccounts.professional);
    await page.getByRole('link', { name: /Meneer Ritme/ }).first().click();
    await page.getByRole('link', { name: /Terugkijken|Bekijken/ }).first().click();
    await heading(page, /^Terugkijken: Meneer Ritme/);

    await page.getByRole('img', { name: /Tijdlijn van wie spreekt/ }).waitFor({ timeout: 90_000 });
    expect(await page.locator('.sk-rhythm-lane__turn').count()).toBeGreaterThan(4);
    await expectNoAxeViolations(page, 'review room with rhythm');

    await page.getByRole('button', { name: 'Dit ben ik' }).click();
    await page.getByText('U heeft aangegeven welke stem van u is.').waitFor();
    expect(await page.locator('.sk-rhythm-lane__turn--professional').count()).toBeGreaterThan(0);

    const pause = page.getByRole('button', { name: /^Stilte op 0:\d\d/ }).first();
    const label = (await pause.textContent()) ?? '';
    const [, minutes = '0', seconds = '0'] = /(\d+):(\d\d)/.exec(label) ?? [];
    const target = Number(minutes) * 60 + Number(seconds);
    await pause.click();
    await page.waitForFunction((at) => Math.abs((document.querySelector<HTMLMediaElement>('.sk-player audio, .sk-player video')?.currentTime ?? -10) - at) < 1.5, target, { timeout: 15_000 });

    // Into a turn (the longest stretch), then give that turn to the other speaker.
    await page.locator('.sk-rhythm-figures').getByRole('button').first().click();
    await page.getByText(/^Nu: beurt van/).waitFor();
    const before = await page.locator('.sk-rhythm-figures dd').first().textContent();
    await page.getByRole('button', { name: 'Andere spreker voor deze beurt' }).click();
    await page.getByText('U heeft beurten verbeterd. De cijfers gaan uit van uw verbeteringen.').waitFor();
    expect(await page.locator('.sk-rhythm-figures dd').first().textContent()).not.toBe(before);
    await expectNoAxeViolations(page, 'rhythm after a correction');
  });
});
