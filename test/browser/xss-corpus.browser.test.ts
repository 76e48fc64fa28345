/**
 * The XSS payload corpus through real Chromium (issue 15's standing security suite): every payload
 * is stored where a person types text that others see — an application's applicant and request
 * (the console's inbox and application page), an agency's name (the console's agency list and the
 * public portal) — and each page is opened with a trap for script: any `dialog` (alert, confirm,
 * prompt) and the `window.__xss` flag the payloads set. None may fire, and the text must be shown
 * as typed (the sink really rendered it, escaped).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs } from '../support/console.ts';
import { startConsole } from '../support/console.ts';
import { CORPUS, scriptsFired } from '../support/xss.ts';

describe.skipIf(!browserAvailable)('the XSS corpus renders as text everywhere (Chromium)', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const applicationIds: string[] = [];
  let agencyCode = '';

  async function api(user: string, method: 'POST' | 'PATCH', url: string, payload: unknown) {
    const s = await t.login(user);
    return t.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  }

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    const agencies = await t.testDb.db.selectFrom('agency').select(['id', 'code']).execute();
    const gxj = agencies.find((a) => a.code === 'luojiang-gxj')!.id;
    const county = agencies.find((a) => a.code === 'luojiang')!.id;
    for (const [i, payload] of CORPUS.entries()) {
      const res = await api('gxj.clerk', 'POST', '/api/v1/applications', {
        agencyId: gxj,
        channel: 'in-person',
        applicantKind: 'natural_person',
        applicantName: `申请人${i}${payload}`.slice(0, 100),
        idDocType: 'resident_id',
        idNumber: '350502198506123013',
        phone: '13800138000',
        infoTitle: payload,
        infoDescription: `所需信息 ${payload}`,
        deliveryForm: 'electronic',
        deliveryMethod: 'online',
      });
      expect(res.statusCode, res.body).toBe(201);
      applicationIds.push(res.json().id);
    }
    agencyCode = 'luojiang-xss';
    const agency = await api('sys.admin', 'POST', '/api/v1/agencies', {
      parentId: county,
      name: `泉州市洛江区测试局${CORPUS[1]}${CORPUS[2]}`,
      shortName: `测试局${CORPUS[2]}`,
      code: agencyCode,
      level: 'department',
      makesRules: false,
      contact: { address: CORPUS[3], hours: CORPUS[6] },
    });
    expect(agency.statusCode, agency.body).toBe(201);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens `url` on `page` with the traps armed; returns what fired. */
  function visit(page: Page, url: string, ready: (p: Page) => Promise<unknown>): Promise<string[]> {
    return scriptsFired(page, url, async () => {
      await page.goto(`${base}${url}`);
      await ready(page);
    });
  }

  it('the console: the inbox and every application page show the payloads as text, nothing runs', async () => {
    const page = await logInAs(browser, base, 'gxj.handler');
    const fired = await visit(page, '/admin/applications', (p) =>
      p.getByText('申请人0', { exact: false }).first().waitFor({ timeout: 20_000 }),
    );
    for (const [i, id] of applicationIds.entries()) {
      fired.push(
        ...(await visit(page, `/admin/applications/${id}`, (p) =>
          p.getByText(`所需信息 ${CORPUS[i]}`, { exact: false }).first().waitFor({ timeout: 20_000 }),
        )),
      );
    }
    expect(fired).toEqual([]);
    await page.close();
  });

  it('the console: the agency list shows the name as text, nothing runs', async () => {
    const page = await logInAs(browser, base, 'sys.admin');
    const fired = await visit(page, '/admin/agencies', (p) =>
      p.getByText('泉州市洛江区测试局', { exact: false }).first().waitFor({ timeout: 20_000 }),
    );
    expect(fired).toEqual([]);
    await page.close();
  });

  it('the portal: the agency list and the agency column show the name and contacts as text, nothing runs', async () => {
    const page = await browser.newPage();
    const fired = [
      ...(await visit(page, '/', (p) => p.locator('body').waitFor())),
      ...(await visit(page, `/gk/${agencyCode}/`, (p) =>
        p.getByText('泉州市洛江区测试局', { exact: false }).first().waitFor({ timeout: 20_000 }),
      )),
    ];
    expect(fired).toEqual([]);
    // The agency page printed the name and the contacts as typed.
    const text = await page.locator('body').innerText();
    expect(text).toContain(CORPUS[1]);
    expect(text).toContain(CORPUS[3]);
    await page.close();
  });
});
