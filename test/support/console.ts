/**
 * The harness every browser journey shares: the real app over a demo database, serving the
 * built console on a free port, a Chromium, and a login through the console's own form.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app.ts';
import { launchBrowser } from './browser.ts';
import { LoginPage, type DashboardPage } from './pages/console.ts';

export interface ConsoleHarness {
  t: TestApp;
  browser: Browser;
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  close(): Promise<void>;
}

/** Starts the app on a free port, serving the console (built by global-setup.ts), and launches Chromium. */
export async function startConsole(): Promise<ConsoleHarness> {
  const t = await createTestApp('sqlite', {}, { serveAdmin: true });
  const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  return {
    t,
    browser,
    base,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Opens a page, logs in through the console's login form and waits for the dashboard. */
export async function logInAs(
  browser: Browser,
  base: string,
  username: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  return (await logIn(browser, base, username, viewport)).page;
}

/** Logs in through the console's login form: the dashboard's page object, to go on from. */
export async function logIn(
  browser: Browser,
  base: string,
  username: string,
  viewport?: { width: number; height: number },
): Promise<DashboardPage> {
  return (await LoginPage.open(browser, base, viewport)).logIn(username);
}

/**
 * Keeps a screenshot of the page as `<name>.png` when GONGKAI_SCREENSHOT_DIR is set (to look at
 * a journey's screens); does nothing otherwise, so test runs leave no files behind.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.GONGKAI_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: options.fullPage ?? true });
}
