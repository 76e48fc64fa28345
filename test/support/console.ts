/**
 * The harness every browser journey shares: the real app over a demo database, serving the
 * built console on a free port, a Chromium, and a login through the console's own form.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './app.ts';
import { launchBrowser } from './browser.ts';

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
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.goto(`${base}/admin/`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor({ timeout: 20_000 });
  return page;
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
