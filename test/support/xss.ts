/**
 * The XSS payload corpus of issue 15 and the trap that watches a page for script while it opens:
 * any `dialog` (alert, confirm, prompt) and the `window.__xss` flag the payloads set. Shared by
 * the corpus's browser tests (test/browser/xss-corpus*.browser.test.ts).
 */
import type { Page } from 'playwright-core';

/** OWASP filter-evasion classics and framework-specific ones; each sets window.__xss or opens a dialog. */
export const CORPUS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=alert(1)>',
  '\'><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">点我</a>',
  '</textarea><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${alert(1)}',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
] as const;

/**
 * Runs `open` (a page object's navigation, waiting until the payload's sink is shown) on `page`
 * with the traps armed, gives event-handler payloads (onerror, ontoggle, onload) the chance to
 * run, and returns what fired, each labelled with `where`.
 */
export async function scriptsFired(page: Page, where: string, open: () => Promise<unknown>): Promise<string[]> {
  const fired: string[] = [];
  const onDialog = (d: { type(): string; message(): string; dismiss(): Promise<void> }) => {
    fired.push(`${d.type()}: ${d.message()} @ ${where}`);
    void d.dismiss();
  };
  page.on('dialog', onDialog);
  try {
    await open();
    await page.waitForLoadState('load');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    if (await page.evaluate(() => (window as unknown as { __xss?: number }).__xss))
      fired.push(`window.__xss @ ${where}`);
  } finally {
    page.off('dialog', onDialog);
  }
  return fired;
}
