import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, phone } from './support/browser.js';
import { hasHorizontalScroll, heading, logIn } from './support/pages.js';
import { apiLogin, consentedRecording, type ApiAgent } from './support/review-setup.js';
import { demoAccounts, demoPassword } from './support/server.js';
import { serverAndBrowsers } from './support/setup.js';

/**
 * "Kijk met ons mee" (seed 000 §6.3) by clicking: the client chose to let policy watch a short
 * fragment (set up through the API: the consent pages have their own tests); the professional
 * shares one moment with the policy advisor from the place they share now; the policy advisor
 * finds it on their home page, plays only that cut and leaves a note for policy, which the
 * professional reads beside the share. axe on every page, and the viewer at phone width.
 */

const setup = serverAndBrowsers({ professional: {}, policy: {} });
let owner: ApiAgent;
let recordingId: string;
let momentId: string;

beforeAll(async () => {
  owner = await apiLogin(setup.server.url, demoAccounts.professional, demoPassword);
  ({ recordingId } = await consentedRecording(owner, 'Meneer Beleid', undefined, { policyViewing: true }));
  momentId = (await owner.json<{ id: string }>(`/api/recordings/${recordingId}/moments`, 'POST', { startSeconds: 2, endSeconds: 5, title: 'Uitleg over de wachttijd', themes: [], notes: '' })).id;
}, 180_000);

describe('kijk met ons mee', () => {
  let professional: Page;
  let policy: Page;

  it('the professional shares a moment with the policy advisor where they share now', async () => {
    professional = await setup.browser('professional').newPage();
    await logIn(professional, setup.server.url, demoAccounts.professional);
    await professional.locator(`a[href="/opnames/${recordingId}/bekijken#review-share"]`).first().click();
    await heading(professional, /^Terugkijken: Meneer Beleid/);
    await professional.getByRole('button', { name: 'Momenten delen' }).click();
    const form = professional.getByRole('form', { name: 'Momenten delen' });
    await form.getByText(/koos ook voor “kijk met ons mee”/).waitFor();
    await form.getByLabel(/Uitleg over de wachttijd$/).check();
    // Only a policy advisor (and MT members, none in the demo) are offered for policy; the team lead is not.
    expect(await form.getByLabel(/kijk met ons mee\)$/).count()).toBe(1);
    await form.getByLabel('Peter Bakker (beleidsadviseur, kijk met ons mee)').check();
    await form.getByText(/zij zien alleen deze momenten/i).waitFor();
    await form.getByLabel('Uw vraag (niet verplicht)').fill('Zo gaat het gesprek over de wachttijd echt.');
    await expectNoAxeViolations(professional, 'share for policy');
    await form.getByRole('button', { name: 'Delen' }).click();
    await professional.getByText(/^Gedeeld met Peter Bakker tot/).waitFor();
    await professional.getByRole('button', { name: 'Sluiten' }).click();
    await professional.getByText('Peter Bakker (kijk met ons mee)').waitFor();
    await expectNoAxeViolations(professional, 'share list with a policy share');
  });

  it('the policy advisor finds it from the home page, plays only the cut and writes a note for policy', async () => {
    policy = await setup.browser('policy').newPage();
    await logIn(policy, setup.server.url, demoAccounts.policyAdvisor);
    await policy.getByRole('heading', { name: 'Kijk met ons mee' }).waitFor();
    await policy.getByText('Er is 1 fragment met u gedeeld.').waitFor();
    await expectNoAxeViolations(policy, 'policy home');
    await policy.getByRole('link', { name: 'Alle gedeelde fragmenten' }).click();
    await heading(policy, 'Kijk met ons mee');
    await policy.getByText('Zo gaat het gesprek over de wachttijd echt.').waitFor();
    await expectNoAxeViolations(policy, 'policy list');
    // The player asks for the cut as the page opens (again while it is being prepared).
    const descriptorResponse = policy.waitForResponse((r) => r.url().includes(`/moments/${momentId}/playback`) && r.status() === 200, { timeout: 90_000 });
    await policy.getByRole('link', { name: 'Bekijk het fragment van Sanne de Vries' }).click();
    await heading(policy, 'Fragment van Sanne de Vries');

    // Only the exact cut of the shared moment: no comments, no review meeting, no rhythm.
    const descriptor = (await (await descriptorResponse).json()) as { allowedRanges: [number, number][] };
    expect(descriptor.allowedRanges).toEqual([[2, 5]]);
    await policy.getByRole('button', { name: 'Afspelen' }).click();
    await policy.waitForFunction(() => (document.querySelector<HTMLMediaElement>('.sk-player video')?.currentTime ?? 0) > 0.3, undefined, { timeout: 20_000 });
    expect(await policy.getByRole('form', { name: 'Nieuwe reactie' }).count()).toBe(0);
    expect(await policy.getByRole('link', { name: 'Nagesprek voorbereiden' }).count()).toBe(0);
    await expectNoAxeViolations(policy, 'policy viewer');

    // A judgement of the person is refused in Dutch; a note about the work is saved.
    const note = policy.getByLabel('Uw notitie');
    await note.fill('Slecht gedaan.');
    await policy.getByRole('button', { name: 'Notitie opslaan' }).click();
    await policy.getByText(/klinkt als een oordeel over de medewerker/).first().waitFor();
    await expectNoAxeViolations(policy, 'policy note refused');
    await note.fill('De wachttijdregel vraagt veel uitleg. Dat nemen we mee in de herziening.');
    await policy.getByRole('button', { name: 'Notitie opslaan' }).click();
    await policy.getByText('Opgeslagen. Sanne de Vries kan uw notitie lezen.').waitFor();

    await policy.setViewportSize(phone);
    await policy.reload();
    await heading(policy, 'Fragment van Sanne de Vries');
    expect(await hasHorizontalScroll(policy)).toBe(false);
    await expectNoAxeViolations(policy, 'policy viewer on a phone');
  });

  it('the professional reads the note beside the share and sees the view in the log', async () => {
    await professional.reload();
    await heading(professional, /^Terugkijken: Meneer Beleid/);
    await professional.getByText('De wachttijdregel vraagt veel uitleg. Dat nemen we mee in de herziening.').waitFor();
    await expectNoAxeViolations(professional, 'review room with the policy note');
    // The view log on the recording's page names the policy viewer and the span they watched.
    await professional.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Opname' }).click();
    await professional.getByText('Beleid of managementteam (kijk met ons mee)').first().waitFor();
    await expectNoAxeViolations(professional, 'recording page with the view log');
  });
});
