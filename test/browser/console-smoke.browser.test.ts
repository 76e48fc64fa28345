/**
 * Smoke test of the journeys the foundation supports, in real Chromium: log in to the console
 * and see the dashboard; a clerk does not see user management; the portal lists the agencies.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logIn as logInTo, startConsole } from '../support/console.ts';
import { UsersPage } from '../support/pages/accounts.ts';
import { LoginPage } from '../support/pages/console.ts';
import { openHome, Portal } from '../support/pages/portal.ts';
import { CalendarPage, CatalogPage } from '../support/pages/tools.ts';

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

  const logIn = (username: string) => logInTo(browser, base, username);

  /** The demo bureau as the database has it. */
  const bureau = () =>
    t.ctx.db
      .selectFrom('agency')
      .select(['name', 'contact_phone'])
      .where('code', '=', 'luojiang-gxj')
      .executeTakeFirstOrThrow();

  it('an agency administrator logs in, sees the dashboard and user management', async () => {
    const { name } = await bureau();
    const dashboard = await logIn('gxj.admin');
    await expect(dashboard.page.getByText(name).first().isVisible()).resolves.toBe(true);
    const users = await new UsersPage(dashboard.page, base).open();
    await users.user('gxj.clerk').first().waitFor({ timeout: 15_000 });
    await users.close();
  });

  it('a wrong password shows the server message in Chinese', async () => {
    const login = await LoginPage.open(browser, base);
    await login.submit('gxj.handler', 'not-the-password');
    await login.error('用户名或密码不正确');
    await login.close();
  });

  it('staff search the published catalog in Chinese full text from the console', async () => {
    const catalog = await new CatalogPage((await logIn('gxj.clerk')).page, base).open();
    await catalog.search('安全生产');
    await catalog.page.getByText(/共 [1-9]\d* 条；检索词：/).waitFor({ timeout: 15_000 });
    expect(await catalog.marks().count()).toBeGreaterThan(0);
    await catalog.close();
  });

  it('a clerk does not see user management', async () => {
    const dashboard = await logIn('gxj.clerk');
    expect(await dashboard.hasMenu(/用户与角色/)).toBe(false);
    await dashboard.close();
  });

  it("the system administrator imports next year's calendar from a file, after a bad file is explained", async () => {
    const calendar = await new CalendarPage((await logIn('sys.admin')).page, base).open();
    await calendar.chooseFile('bad.csv', 'date,kind,name\n2027-01-05,work,元旦\n');
    await calendar.year().fill('2027');
    await calendar.check();
    await calendar.page.getByRole('alert').filter({ hasText: '2027' }).waitFor({ timeout: 15_000 });
    const csv =
      'date,kind,name\n2027-01-01,off,元旦\n2027-02-06,off,春节\n2027-02-07,off,春节\n2027-02-08,off,春节\n2027-02-14,work,春节\n';
    await calendar.chooseFile('2027.csv', csv);
    await calendar.noticeTitle().fill('国务院办公厅关于2027年部分节假日安排的通知');
    // The file lists only part of the statutory holidays: importing it takes a confirmation (issue 13).
    await calendar.page.getByRole('checkbox', { name: /确认缺少法定节假日仍导入/ }).check();
    await calendar.import();
    await calendar.page.getByText('已导入2027年节假日安排').waitFor({ timeout: 15_000 });
    await calendar.page.getByRole('cell', { name: '2027', exact: true }).waitFor();
    await calendar.close();
  });

  it('the portal lists the demo agencies without JavaScript', async () => {
    const { name, contact_phone } = await bureau();
    expect(contact_phone).not.toBe('');
    const portal = await Portal.open(browser, base, { javaScript: false });
    const page = await openHome(portal);
    // The home page names each agency in its list and beside its latest update: the list's link.
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: name }).waitFor();
    expect(await page.getByText(contact_phone).count()).toBeGreaterThan(0);
    await portal.close();
  });
});
