import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type BrowserSession, type LaunchOptions } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export interface ServerAndBrowsers<Name extends string> {
  /** The running server (from the file's beforeAll on). */
  readonly server: RunningServer;
  /** The browser launched under this name (from the file's beforeAll on). */
  browser(name: Name): BrowserSession;
}

/**
 * For one test file: before its tests, starts the server and launches one browser (its own
 * profile, so no shared cookies) per name; after them, closes the browsers and stops the server.
 * Many log-ins in a short time are what the rate limiter is for, not what these tests are about,
 * so its limit is raised.
 */
export function serverAndBrowsers<Name extends string>(browsers: Record<Name, LaunchOptions>): ServerAndBrowsers<Name> {
  let server: RunningServer | undefined;
  const launched = new Map<Name, BrowserSession>();

  beforeAll(async () => {
    server = await startServer({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    for (const name of Object.keys(browsers) as Name[]) launched.set(name, await launchBrowser(browsers[name]));
  });

  afterAll(async () => {
    // E2E_SERVER_LOG=1 prints the end of what the server said, for failures the page does not explain.
    if (process.env.E2E_SERVER_LOG) console.log(server?.output().slice(-6000));
    for (const session of [...launched.values()].reverse()) await session.close();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('The server starts in beforeAll.');
      return server;
    },
    browser(name) {
      const session = launched.get(name);
      if (!session) throw new Error(`The browser "${name}" launches in beforeAll.`);
      return session;
    },
  };
}
