/**
 * Accessibility in Chromium (GB/T 37668-2019, WCAG 2.1 AA): axe-core — the full WCAG 2.0/2.1
 * A and AA rule set, no rule disabled — over every portal page taken from the app's own route
 * list (so a new page is checked the day it is added), the pages behind the forms, the 适老化
 * large-text and high-contrast mode, and the main console pages: no serious or critical
 * violation. Keyboard only: the application form and the tracking page, start to end. Front
 * page and 政策解读 links both ways, with JavaScript off.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.ts';
import { browserAvailable } from '../../../test/support/browser.ts';
import { logInAs, startConsole } from '../../../test/support/console.ts';
import { Portal } from '../../../test/support/pages/portal.ts';
import { routeList } from '../../server/app.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe-core in the page (injected through the DevTools protocol, so CSP does not stop it). */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(
    async (tags) =>
      (
        await (
          window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }
        ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      ).violations,
    WCAG21AA,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Portal GET routes from the route list, their parameters filled with demo values. */
function portalUrls(t: TestApp, ids: { item: string; policy: string; year: string }): string[] {
  // The portal is `/` and `/gk/…`; feeds, downloads and the display switch (a redirect) are not pages.
  const portal = /^\/$|^\/gk\//;
  const skip = /\.atom$|\/files\/|\*/;
  const patterns = [
    ...new Set(
      routeList(t.app)
        .filter((r) => r.method === 'GET' && portal.test(r.url) && !skip.test(r.url))
        .map((r) => r.url),
    ),
  ];
  return patterns.map((p) => p.replace(':code', 'luojiang-gxj').replace(':year', ids.year).replace(':id', ids.item));
}

describe.skipIf(!browserAvailable)('accessibility (axe-core, WCAG 2.1 AA) and keyboard paths', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let noJs: BrowserContext;
  let interpretation: { id: string; policy: string };

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    noJs = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
    const row = await t.ctx.db
      .selectFrom('catalog_item')
      .select(['id', 'interprets_id'])
      .where('doc_type', '=', 'policy_interpretation')
      .where('interprets_id', 'is not', null)
      .executeTakeFirstOrThrow();
    interpretation = { id: row.id, policy: row.interprets_id! };
  }, 300_000);

  afterAll(async () => {
    await noJs?.close();
    await browser?.close();
    await t?.close();
  });

  it('every portal route from the route list: no serious or critical WCAG 2.1 AA violation', async () => {
    const urls = [
      ...portalUrls(t, { item: interpretation.id, policy: interpretation.policy, year: '2025' }),
      `/gk/items/${interpretation.policy}`,
      '/gk/search?q=%E9%80%9A%E7%9F%A5',
      '/gk/luojiang-gxj/catalog?item=a20.1',
      '/gk/no-such-agency/',
    ];
    expect(urls).toContain('/gk/luojiang-gxj/guide');
    expect(urls).toContain('/');
    // axe needs JavaScript in the page; the portal pages themselves need none (checked below).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const url of urls) {
      if (process.env.GONGKAI_A11Y_TRACE) console.log(new Date().toISOString(), url);
      await page.goto(`${base}${url}`);
      for (const v of await axe(page)) problems.push(`${url}: ${v}`);
    }
    // The 适老化 modes change colours and sizes: checked too.
    for (const mode of ['large', 'contrast', 'large,contrast']) {
      await page.goto(`${base}/gk/luojiang-gxj/?display=${mode}`);
      for (const v of await axe(page)) problems.push(`display=${mode}: ${v}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('the application form and the tracking page by keyboard alone, each page passing axe', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/gk/luojiang-gxj/apply`);
    // Errors first: submitting the empty form by keyboard gives the summary, which passes axe.
    await page.locator('#applicantName').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /需要修改/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    // Then the whole form with Tab, typing and Space only.
    await page.locator('#applicantName').focus();
    await page.keyboard.type('钱七');
    const typeInto = async (id: string, text: string) => {
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++)
        await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(text);
    };
    await typeInto('idNumber', '350504199001010029');
    await typeInto('phone', '13900139000');
    await typeInto('email', 'qianqi@example.com');
    await typeInto('infoDescription', '2024年度企业技术改造补助资金分配结果');
    // Tab on to the submit button, and press it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === '提交申请') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    expect(await axe(page)).toEqual([]);
    const { trackingNumber, queryCode } = await Portal.of(page, base).applyForm('luojiang-gxj').receipt();
    // The receipt's link to the tracking page, followed by keyboard.
    await page.getByRole('link', { name: '查询办理进度' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '查询申请办理进度' }).waitFor();
    await page.locator('#trackingNumber').focus();
    await page.keyboard.type(trackingNumber);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the hint to the query code
    if ((await page.evaluate(() => document.activeElement?.id)) !== 'queryCode')
      await page.locator('#queryCode').focus();
    await page.keyboard.type(queryCode);
    await page.keyboard.press('Enter');
    await page.locator('p.lead').waitFor();
    expect(await page.locator('p.lead').textContent()).toMatch(/确认收到您的申请|前答复您/);
    expect(await axe(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('without JavaScript: the front page, the 解读 linked both ways, and the large-text switch', async () => {
    const page = await noJs.newPage();
    await page.goto(`${base}/gk/luojiang-gxj/`);
    await page.getByRole('heading', { name: '最新公开' }).waitFor();
    await page.getByRole('searchbox', { name: '检索本专栏' }).fill('数字化转型');
    await page.getByRole('button', { name: '检索' }).first().click();
    await page.getByRole('heading', { name: '检索结果' }).waitFor();
    await page.goto(`${base}/gk/items/${interpretation.id}`);
    await page.locator('p.interprets a').click();
    await page.waitForURL(`${base}/gk/items/${interpretation.policy}`);
    await page.locator('section[aria-labelledby="interpretations"] a').first().click();
    await page.waitForURL(`${base}/gk/items/${interpretation.id}`);
    // 大字模式: a link, a cookie, the page rendered larger by the server.
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.waitForURL(`${base}/gk/items/${interpretation.id}`);
    expect(await page.locator('html').getAttribute('class')).toBe('display-large');
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(after).toBeGreaterThan(before);
    await page.goto(`${base}/gk/luojiang-gxj/guide`);
    expect(await page.locator('html').getAttribute('class')).toBe('display-large');
    await page.getByRole('button', { name: '标准字号' }).click();
    expect(await page.locator('html').getAttribute('class')).toBeNull();
    await page.close();
  }, 120_000);

  it('the main console pages: no serious or critical WCAG 2.1 AA violation', async () => {
    const page = await logInAs(browser, base, 'gxj.head');
    const problems: string[] = [];
    for (const path of [
      '/admin/',
      '/admin/catalog',
      `/admin/catalog/${interpretation.policy}`,
      '/admin/applications',
      '/admin/outbox',
    ]) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      for (const v of await axe(page)) problems.push(`${path}: ${v}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
