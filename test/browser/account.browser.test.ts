/**
 * Staff e-mail addresses in real Chromium: the handler opens 我的账号, a malformed address is
 * refused beside the field with what was typed kept, then saved with reminder e-mails off; the
 * agency administrator sees it masked on 用户与角色 and gives the office head an address there;
 * the office head's dashboard counts the reminders and says who had no address.
 * Set GONGKAI_SCREENSHOT_DIR to keep a screenshot of each screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, screenshot, startConsole } from '../support/console.ts';

describe.skipIf(!browserAvailable)('我的账号 and staff e-mail addresses in Chromium', { timeout: 120_000 }, () => {
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

  const logIn = (username: string) => logInAs(browser, base, username, { width: 1440, height: 960 });

  it("the office head's dashboard counts the reminders and names him as having no address", async () => {
    const reminders = await t.ctx.db.selectFrom('application_reminder').select('key').execute();
    expect(reminders.length).toBeGreaterThan(0); // the demo's open applications at the test clock
    const page = await logIn('gxj.head');
    const card = page.locator('.ant-card').filter({ hasText: '近7日期限提醒' });
    await card.getByText('已发邮件 0 封').waitFor({ timeout: 15_000 });
    await expect(card.locator('.ant-statistic-content-value').innerText()).resolves.toBe(String(reminders.length));
    await page.getByText(/期限提醒邮件未能发出：.*黄主任（演示）（\d+条）.*未设置邮箱/).waitFor();
    await screenshot(page, 'dashboard-reminders');
    await page.close();
  });

  it('the handler sets his own address on 我的账号; a malformed one is refused beside the field', async () => {
    const page = await logIn('gxj.handler');
    await page.getByRole('button', { name: /我的账号/ }).click();
    await page.getByRole('heading', { name: '我的账号' }).waitFor();
    await page.locator('#my-account_email').fill('chen@localhost');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .locator('#my-account_email_help')
      .getByText(/电子邮箱格式不正确/)
      .waitFor({ timeout: 15_000 });
    await expect(page.locator('#my-account_email').inputValue()).resolves.toBe('chen@localhost');
    await screenshot(page, 'account-error');
    await page.locator('#my-account_email').fill('chen@example.gov.cn');
    await page.locator('#my-account_reminderEmail').click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor({ timeout: 15_000 });
    await page.reload();
    await page.getByRole('heading', { name: '我的账号' }).waitFor();
    await expect(page.locator('#my-account_email').inputValue()).resolves.toBe('chen@example.gov.cn');
    await expect(page.locator('#my-account_reminderEmail').getAttribute('aria-checked')).resolves.toBe('false');
    await screenshot(page, 'account-saved');
    await page.close();
  });

  it('the agency administrator sees addresses masked and gives the office head one', async () => {
    const page = await logIn('gxj.admin');
    await page.getByRole('menuitem', { name: /用户与角色/ }).click();
    await page.getByRole('heading', { name: '用户与角色' }).waitFor();
    const handlerRow = page.getByRole('row').filter({ hasText: 'gxj.handler' });
    await handlerRow.getByText('c***@example.gov.cn').waitFor({ timeout: 15_000 });
    await handlerRow.getByText('不收提醒邮件').waitFor();
    const headRow = page.getByRole('row').filter({ hasText: 'gxj.head' });
    await headRow.getByText('未设置邮箱').waitFor();
    await headRow.getByRole('button', { name: /编辑/ }).click();
    await page.locator('#user-edit_email').fill('huang@example.gov.cn');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await headRow.getByText('h***@example.gov.cn').waitFor({ timeout: 15_000 });
    await screenshot(page, 'users-emails');
    await page.close();
    const head = await t.ctx.db
      .selectFrom('app_user')
      .select(['email', 'reminder_email'])
      .where('username', '=', 'gxj.head')
      .executeTakeFirstOrThrow();
    expect(head).toEqual({ email: 'huang@example.gov.cn', reminder_email: 1 });
  });
});
