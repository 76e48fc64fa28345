/**
 * Smoke test of the journeys the foundation supports, in real Chromium: log in to the console
 * and see the dashboard; a clerk does not see user management; the portal lists the agencies.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, startConsole } from '../support/console.ts';

describe.skipIf(!browserAvailable)('console and portal in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const logIn = (username: string) => logInAs(browser, base, username);

  it('an agency administrator logs in, sees the dashboard and user management', async () => {
    const page = await logIn('gxj.admin');
    await expect(page.getByText('泉州市洛江区工业和信息化局').first().isVisible()).resolves.toBe(true);
    await page.getByRole('menuitem', { name: /用户与角色/ }).click();
    await page.getByText('gxj.clerk').first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('a wrong password shows the server message in Chinese', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/admin/`);
    await page.locator('#username').fill('gxj.handler');
    await page.locator('#password').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码不正确').first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('staff search the published catalog in Chinese full text from the console', async () => {
    const page = await logIn('gxj.clerk');
    await page.getByRole('menuitem', { name: /主动公开/ }).click();
    await page.getByRole('tab', { name: '全文检索' }).click();
    await page.getByRole('searchbox', { name: '全文检索' }).fill('安全生产');
    await page.getByRole('button', { name: /检\s*索/ }).click();
    await page.getByText(/共 [1-9]\d* 条；检索词：/).waitFor({ timeout: 15_000 });
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a clerk does not see user management', async () => {
    const page = await logIn('gxj.clerk');
    expect(await page.getByRole('menuitem', { name: /用户与角色/ }).count()).toBe(0);
    await page.close();
  });

  it("the system administrator imports next year's calendar from a file, after a bad file is explained", async () => {
    const page = await logIn('sys.admin');
    await page.getByRole('menuitem', { name: /节假日安排/ }).click();
    await page.getByRole('heading', { name: '节假日安排' }).waitFor();
    const chooser = page.locator('input[type=file]');
    await chooser.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('date,kind,name\n2027-01-05,work,元旦\n'),
    });
    await page.locator('#year').fill('2027');
    await page.getByRole('button', { name: /校\s*验/ }).click();
    await page.getByRole('alert').filter({ hasText: '2027' }).waitFor({ timeout: 15_000 });
    const csv =
      'date,kind,name\n2027-01-01,off,元旦\n2027-02-06,off,春节\n2027-02-07,off,春节\n2027-02-08,off,春节\n2027-02-14,work,春节\n';
    await chooser.setInputFiles({ name: '2027.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#noticeTitle').fill('国务院办公厅关于2027年部分节假日安排的通知');
    // The file lists only part of the statutory holidays: importing it takes a confirmation (issue 13).
    await page.getByRole('checkbox', { name: /确认缺少法定节假日仍导入/ }).check();
    await page.getByRole('button', { name: /导\s*入/ }).click();
    await page.getByText('已导入2027年节假日安排').waitFor({ timeout: 15_000 });
    await page.getByRole('cell', { name: '2027', exact: true }).waitFor();
    await page.close();
  });

  it('the portal lists the demo agencies without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    // The home page names each agency in its list and beside its latest update: the list's link.
    await page.getByRole('link', { name: '泉州市洛江区工业和信息化局', exact: true }).first().click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '泉州市洛江区工业和信息化局' }).waitFor();
    expect(await page.getByText('0595-22630152').count()).toBeGreaterThan(0);
    await context.close();
  });
});
