/**
 * Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (never a
 * downloaded browser). Without Chromium the browser tests are skipped, unless
 * GONGKAI_TEST_REQUIRE_BROWSER=1 (set by .ci/run), which makes its absence a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);

if (process.env.GONGKAI_TEST_REQUIRE_BROWSER === '1' && !browserAvailable) {
  throw new Error(`GONGKAI_TEST_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: install Debian's chromium`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The sandbox cannot start as root; background networking would try to reach the internet.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
