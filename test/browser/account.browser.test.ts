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
import { logIn as logInTo, screenshot, startConsole } from '../support/console.ts';
import { AccountPage, UsersPage } from '../support/pages/accounts.ts';

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

  const logIn = (username: string) => logInTo(browser, base, username, { width: 1440, height: 960 });

  it("the office head's dashboard counts the reminders and names him as having no address", async () => {
    const reminders = await t.ctx.db.selectFrom('application_reminder').select('key').execute();
    expect(reminders.length).toBeGreaterThan(0); // the demo's open applications at the test clock
    const head = await t.ctx.db
      .selectFrom('app_user')
      .select('display_name')
      .where('username', '=', 'gxj.head')
      .executeTakeFirstOrThrow();
    const dashboard = await logIn('gxj.head');
    await dashboard.card('近7日期限提醒').getByText('已发邮件 0 封').waitFor({ timeout: 15_000 });
    await expect(dashboard.reminderCount()).resolves.toBe(reminders.length);
    await dashboard
      .warning(new RegExp(`期限提醒邮件未能发出：.*${escape(head.display_name)}（\\d+条）.*未设置邮箱`))
      .waitFor();
    await screenshot(dashboard.page, 'dashboard-reminders');
    await dashboard.close();
  });

  it('the handler sets his own address on 我的账号; a malformed one is refused beside the field', async () => {
    const account = await new AccountPage((await logIn('gxj.handler')).page, base).open();
    await account.email().fill('chen@localhost');
    await account.save();
    await account.emailMessage(/电子邮箱格式不正确/).waitFor({ timeout: 15_000 });
    await expect(account.email().inputValue()).resolves.toBe('chen@localhost');
    await screenshot(account.page, 'account-error');
    await account.email().fill('chen@example.gov.cn');
    await account.reminderSwitch().click();
    await account.save();
    await account.page.getByText('已保存').waitFor({ timeout: 15_000 });
    await account.page.reload();
    await account.waitLoaded();
    await expect(account.email().inputValue()).resolves.toBe('chen@example.gov.cn');
    await expect(account.remindersOn()).resolves.toBe(false);
    await screenshot(account.page, 'account-saved');
    await account.close();
  });

  it('the agency administrator sees addresses masked and gives the office head one', async () => {
    const users = await new UsersPage((await logIn('gxj.admin')).page, base).open();
    await users.user('gxj.handler').getByText('c***@example.gov.cn').waitFor({ timeout: 15_000 });
    await users.user('gxj.handler').getByText('不收提醒邮件').waitFor();
    await users.user('gxj.head').getByText('未设置邮箱').waitFor();
    await users.setEmail('gxj.head', 'huang@example.gov.cn');
    await users.user('gxj.head').getByText('h***@example.gov.cn').waitFor({ timeout: 15_000 });
    await screenshot(users.page, 'users-emails');
    await users.close();
    const head = await t.ctx.db
      .selectFrom('app_user')
      .select(['email', 'reminder_email'])
      .where('username', '=', 'gxj.head')
      .executeTakeFirstOrThrow();
    expect(head).toEqual({ email: 'huang@example.gov.cn', reminder_email: 1 });
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
