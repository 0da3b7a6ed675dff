import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface BrowserSession {
  context: BrowserContext;
  newPage: (options?: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
}

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 375, height: 740 };

export interface LaunchOptions {
  /**
   * A fake camera and microphone (Chromium's test pattern and beep), allowed without asking:
   * for recording in the browser.
   */
  fakeMedia?: boolean;
}

/**
 * Debian's Chromium with a throwaway profile. No network besides the test server: background
 * services are switched off so runs are quiet and repeatable.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'spreekkamer-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.fakeMedia ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : []),
    ],
    viewport: desktop,
    locale: 'nl-NL',
    reducedMotion: 'reduce',
  });
  // The persistent context opens with one blank page; tests open their own.
  for (const page of context.pages()) await page.close();

  return {
    context,
    newPage: async (viewport = desktop) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now and fails with a readable list. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 5)
      .map((node) => `      ${node.target.join(' ')}${node.failureSummary ? `\n        ${node.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
      .join('\n');
    return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n${targets}`;
  });
  throw new Error(`axe found ${results.violations.length} accessibility problem(s) on ${label}:\n${lines.join('\n')}`);
}
