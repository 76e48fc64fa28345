/**
 * The report journey in Chromium: the office head opens 年度报告, sees the generated draft and
 * the tables, saves and submits; the approver publishes; the portal shows the published report
 * without JavaScript.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.ts';
import { browserAvailable } from '../../../test/support/browser.ts';
import { logInAs, startConsole } from '../../../test/support/console.ts';

describe.skipIf(!browserAvailable)('annual report in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    t.clock.set('2021-01-05T02:00:00Z');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const logIn = (username: string) => logInAs(browser, base, username, { width: 1400, height: 1000 });

  it('drafts, submits, publishes and shows the report on the portal', async () => {
    const head = await logIn('gxj.head');
    await head.getByRole('menuitem', { name: /年度报告/ }).click();
    await head.getByRole('heading', { name: '年度报告' }).waitFor();
    await head
      .getByRole('row', { name: /^2020年\s/ })
      .getByRole('link', { name: '打开' })
      .click();
    await head.getByRole('heading', { name: /2020年政府信息公开工作年度报告/ }).waitFor({ timeout: 20_000 });
    const overview = head.getByRole('textbox', { name: '一、总体情况' });
    await expect(overview.inputValue()).resolves.toContain('主动公开政府信息数16条');
    await overview.fill((await overview.inputValue()).replace('16条', '17条'));
    await head.getByRole('button', { name: /保\s*存/ }).click();
    await head
      .getByText('「总体情况」中写明主动公开17条，与目录记录不一致：本年主动公开16条。')
      .waitFor({ timeout: 15_000 });
    await head.screenshot({ path: `${process.env.GONGKAI_SCREENSHOTS ?? '/tmp'}/report-editor.png`, fullPage: false });
    await head.getByRole('button', { name: '采用生成的草稿' }).nth(1).click();
    await head.getByRole('button', { name: /保\s*存/ }).click();
    await head.getByRole('tab', { name: /正文$/ }).waitFor({ timeout: 15_000 });
    await head.getByRole('tab', { name: '表格' }).click();
    await head.getByRole('cell', { name: '其他对外管理服务事项' }).waitFor();
    await head.screenshot({ path: `${process.env.GONGKAI_SCREENSHOTS ?? '/tmp'}/report-tables.png`, fullPage: false });
    await head.getByRole('button', { name: /提交审核/ }).click();
    await head.getByText('审核中').first().waitFor({ timeout: 15_000 });
    await head.close();

    const approver = await logIn('gxj.approver');
    await approver.goto(`${base}/admin/reports/2020`);
    await approver.getByRole('button', { name: /审核通过并发布/ }).click();
    // The confirmation shows the checks and the report before anything is published.
    const dialog = approver.getByRole('dialog', { name: '发布年度报告' });
    await dialog.getByText('检查通过。确认后，报告将作为第1版公布到政府信息公开专栏，表格和正文随之冻结。').waitFor();
    await dialog.getByRole('row', { name: /勾稽关系（R3）\s*通过/ }).waitFor();
    await dialog.getByRole('tab', { name: '表格' }).click();
    await dialog.getByRole('cell', { name: '其他对外管理服务事项' }).waitFor();
    await dialog.getByRole('button', { name: /确认发布/ }).click();
    await approver.getByText('已发布第1版').waitFor({ timeout: 20_000 });
    await approver.close();

    const reader = await browser.newPage({ javaScriptEnabled: false });
    await reader.goto(`${base}/gk/luojiang-gxj/reports`);
    await reader.getByRole('link', { name: '泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告' }).click();
    await reader.getByRole('heading', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    await reader.close();
  }, 120_000);

  it('shows the supervisor who has published and the subtree aggregate', async () => {
    const page = await logIn('zfb.supervisor');
    await page.goto(`${base}/admin/reports/supervision?year=2020`);
    await page.getByRole('heading', { name: '下级机关年度报告发布情况' }).waitFor({ timeout: 20_000 });
    await page.getByRole('row', { name: /泉州市洛江区工业和信息化局.*已发布/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '计算汇总' }).click();
    await page.getByText(/汇总范围：.*泉州市洛江区工业和信息化局/).waitFor({ timeout: 20_000 });
    await page.screenshot({
      path: `${process.env.GONGKAI_SCREENSHOTS ?? '/tmp'}/report-supervision.png`,
      fullPage: false,
    });
    await page.close();
  }, 60_000);
});
