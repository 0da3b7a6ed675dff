import type { ConsoleMessage, Page, Response } from 'playwright-core';

/** A response status the page is expected to meet and handle (e.g. the session check before log-in). */
export interface Expected4xx {
  status: number;
  /** Matched against the path (and query) of the request. */
  path: RegExp;
}

export interface JourneyGuard {
  /** Allows one more expected 4xx for the rest of this page's life (a journey step that provokes one on purpose). */
  expect4xx(expected: Expected4xx): void;
  /** Throws with every console error, page error and unexpected 4xx/5xx seen since the last call. */
  assertClean(): void;
}

/** Addresses a person types or receives: the log-in page, the root, a client's personal link. */
function mayOpenDirectly(url: string, baseUrl: string): boolean {
  if (!url.startsWith(baseUrl)) return false;
  const rest = url.slice(baseUrl.length);
  return rest === '' || rest === '/' || rest === '/inloggen' || /^\/k\/[A-Za-z0-9_-]+$/.test(rest);
}

/**
 * For journey tests: a person only clicks. `page.goto` is allowed to the log-in page, the root
 * and a client's personal link, and throws for anything deeper. Console errors, uncaught page
 * errors and 4xx/5xx answers fail the journey (at `assertClean`), except the 4xx listed as
 * expected for this page: those the page handles itself.
 */
export function guardJourney(page: Page, baseUrl: string, expected: readonly Expected4xx[] = []): JourneyGuard {
  const allowed: Expected4xx[] = [...expected];
  const problems: string[] = [];
  const isExpected = (status: number, url: string) => {
    const { pathname, search } = new URL(url);
    return allowed.some((e) => e.status === status && e.path.test(`${pathname}${search}`));
  };

  const goto = page.goto.bind(page);
  page.goto = (async (url: string, options?: Parameters<Page['goto']>[1]) => {
    if (!mayOpenDirectly(url, baseUrl)) throw new Error(`A journey does not type deep addresses: page.goto(${url}). Click your way there from the home page.`);
    return goto(url, options);
  }) as Page['goto'];

  page.on('response', (response: Response) => {
    const status = response.status();
    if (status < 400 || !response.url().startsWith(baseUrl)) return;
    if (!isExpected(status, response.url())) problems.push(`${status} ${response.request().method()} ${response.url().slice(baseUrl.length)}`);
  });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Chromium also logs every 4xx/5xx answer as a console error; the response listener judges those.
    if (text.startsWith('Failed to load resource: the server responded with a status of')) return;
    problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error: Error) => problems.push(`page error: ${error.message}`));

  return {
    expect4xx(extra) {
      allowed.push(extra);
    },
    assertClean() {
      const found = problems.splice(0);
      if (found.length > 0) throw new Error(`The journey met ${found.length} problem(s) on ${page.url()}:\n  ${found.join('\n  ')}`);
    },
  };
}
