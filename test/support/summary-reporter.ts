/**
 * Prints, after the run, how many tests ran on each database and in Chromium, then the plain
 * closing line `N passed, N failed, N skipped` that CI reads.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const by = { postgres: 0, sqlite: 0, chromium: 0 };
    for (const mod of testModules) {
      const browser = mod.moduleId.includes('.browser.test.');
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
        if (state !== 'passed') continue;
        if (test.fullName.includes('(postgres)')) by.postgres++;
        if (test.fullName.includes('(sqlite)')) by.sqlite++;
        if (browser) by.chromium++;
      }
    }
    console.log(
      `\nDatabase and browser tests passed: SQLite ${by.sqlite}, PostgreSQL ${by.postgres}, Chromium ${by.chromium}`,
    );
    console.log(`${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }
}
