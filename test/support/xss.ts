/**
 * The XSS payload corpus of issue 15 and the trap that watches a page for script while it opens:
 * any `dialog` (alert, confirm, prompt), the `window.__xss` flag the payloads set, and any inline
 * script or event handler that the Content-Security-Policy (`script-src 'self'`, src/server/app.ts)
 * refused. The last matters most: the policy stops inline payloads from running at all, so without
 * it an escaping bug would go unnoticed behind the policy. Shared by the corpus's browser tests
 * (test/browser/xss-corpus*.browser.test.ts).
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

const armed = new WeakSet<Page>();

/** Collects the policy's refusals (of inline script and event handlers) in `window.__cspRefused`. */
function listenForRefusals(): void {
  const w = window as unknown as { __cspRefused?: string[] };
  if (w.__cspRefused) return;
  w.__cspRefused = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__cspRefused!.push(`${e.effectiveDirective} refused ${e.blockedURI} ${e.sample}`),
  );
}

/**
 * Runs `open` (a page object's navigation, waiting until the payload's sink is shown) on `page`
 * with the traps armed, gives event-handler payloads (onerror, ontoggle, onload) the chance to
 * run, and returns what fired, each labelled with `where`.
 */
export async function scriptsFired(page: Page, where: string, open: () => Promise<unknown>): Promise<string[]> {
  if (!armed.has(page)) {
    armed.add(page);
    // In the document open now (a console reached by client-side navigation stays in it) and,
    // before the page's own scripts, in every document it opens; the policy does not apply to it.
    await page.addInitScript(listenForRefusals);
    await page.evaluate(listenForRefusals);
  }
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
    const refused = await page.evaluate(() => (window as unknown as { __cspRefused?: string[] }).__cspRefused ?? []);
    fired.push(...refused.map((r) => `CSP: ${r} @ ${where}`));
  } finally {
    page.off('dialog', onDialog);
  }
  return fired;
}
