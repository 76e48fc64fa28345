/**
 * In Chromium, in December 2026: the office head previews the 2026 report (marked
 * 「截至12月7日，未到发布时间」) and sees each year's 第四十九条 deadline; the approver's publish
 * confirmation refuses the preview, and refuses a 2025 report whose narrative contradicts its
 * tables, naming the finding — then publishes it once corrected.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.ts';
import { browserAvailable } from '../../../test/support/browser.ts';
import { logInAs, screenshot, startConsole } from '../../../test/support/console.ts';

describe.skipIf(!browserAvailable)('annual report preview and publish confirmation in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    t.clock.set('2026-12-07T02:00:00Z');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const logIn = (username: string) => logInAs(browser, base, username, { width: 1400, height: 1000 });

  it('previews the current year with its mark and deadlines, and the dialog refuses to publish it', async () => {
    const head = await logIn('gxj.head');
    await head.getByRole('menuitem', { name: /年度报告/ }).click();
    await head.getByRole('heading', { name: '年度报告' }).waitFor();
    const current = head.getByRole('row', { name: /^2026年（预览）/ });
    await current.getByText('2027年1月31日').waitFor({ timeout: 15_000 });
    await current.getByText('年度未结束（可预览）').waitFor();
    await head
      .getByRole('row', { name: /^2024年\s/ })
      .getByText('逾期未发布')
      .waitFor();
    await screenshot(head, 'report-list-deadlines');
    await current.getByRole('link', { name: '打开' }).click();
    await head.getByRole('heading', { name: /2026年政府信息公开工作年度报告/ }).waitFor({ timeout: 20_000 });
    await head.getByText('截至12月7日，未到发布时间').first().waitFor();
    await head.getByText('2026年度报告预览：截至12月7日，未到发布时间').waitFor();
    await head.getByText('法定期限：2027年1月31日（县级以上人民政府部门（第四十九条第一款））').waitFor();
    await head.getByRole('button', { name: /保\s*存/ }).click();
    await head.getByRole('button', { name: /提交审核/ }).click();
    await head.getByText('审核中').first().waitFor({ timeout: 15_000 });
    await head.close();

    const approver = await logIn('gxj.approver');
    await approver.goto(`${base}/admin/reports/2026`);
    await approver.getByRole('button', { name: /审核通过并发布/ }).click();
    const dialog = approver.getByRole('dialog', { name: '发布年度报告' });
    await dialog.getByText('2026年尚未结束（截至12月7日，未到发布时间），年度结束后方可发布。').waitFor();
    await screenshot(approver, 'report-publish-preview');
    if (await dialog.getByRole('button', { name: /确认发布/ }).isEnabled())
      throw new Error('确认发布 must be disabled for a preview');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await approver.close();
  }, 120_000);

  it('names the findings that stop a report in the confirmation, and publishes it once they are fixed', async () => {
    const head = await logIn('gxj.head');
    await head.goto(`${base}/admin/reports/2025`);
    await head.getByRole('heading', { name: /2025年政府信息公开工作年度报告/ }).waitFor({ timeout: 20_000 });
    await head.getByText(/已超过法定期限2026年1月31日仍未发布/).waitFor();
    const overview = head.getByRole('textbox', { name: '一、总体情况' });
    // First in the text, so that it is the 行政复议 figure R8 reads.
    await overview.fill(`2025年因政府信息公开工作被申请行政复议9件。\n${await overview.inputValue()}`);
    await head.getByRole('button', { name: /保\s*存/ }).click();
    await head
      .getByText(/「总体情况」中写明行政复议9件，与表格不一致/)
      .first()
      .waitFor({ timeout: 15_000 });
    await head.getByRole('button', { name: /提交审核/ }).click();
    await head.getByText('审核中').first().waitFor({ timeout: 15_000 });

    const approver = await logIn('gxj.approver');
    await approver.goto(`${base}/admin/reports/2025`);
    await approver.getByRole('button', { name: /审核通过并发布/ }).click();
    const dialog = approver.getByRole('dialog', { name: '发布年度报告' });
    await dialog.getByText(/^报告有\d+处问题须先修改，不能发布：$/).waitFor();
    await dialog.getByText(/【正文与表格一致（R8）】「总体情况」中写明行政复议9件/).waitFor();
    await dialog.getByRole('row', { name: /正文与表格一致（R8）\s*1处错误/ }).waitFor();
    await dialog.getByRole('row', { name: /行合计（R1）\s*通过/ }).waitFor();
    await screenshot(approver, 'report-publish-refused');
    if (await dialog.getByRole('button', { name: /确认发布/ }).isEnabled())
      throw new Error('确认发布 must be disabled while a finding blocks');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await approver.getByRole('button', { name: '退回修改' }).click();
    await approver.getByRole('textbox', { name: '退回理由' }).fill('行政复议件数与表四不一致');
    await approver.getByRole('button', { name: /确\s*定/ }).click();
    await approver.getByText('草稿').first().waitFor({ timeout: 15_000 });

    await head.reload();
    await head.getByRole('button', { name: '采用生成的草稿' }).nth(1).click();
    await head.getByRole('button', { name: /保\s*存/ }).click();
    await head.getByRole('tab', { name: /正文$/ }).waitFor({ timeout: 15_000 });
    await head.getByRole('button', { name: /提交审核/ }).click();
    await head.getByText('审核中').first().waitFor({ timeout: 15_000 });
    await head.close();

    await approver.reload();
    await approver.getByRole('button', { name: /审核通过并发布/ }).click();
    await dialog.getByText(/^检查通过。确认后，报告将作为第1版公布/).waitFor();
    await dialog.getByText(/泉州市洛江区工业和信息化局\s*2026年12月7日（发布之日）/).waitFor();
    await dialog.getByRole('button', { name: /确认发布/ }).click();
    await approver.getByText('已发布第1版').waitFor({ timeout: 20_000 });
    await approver.close();
  }, 180_000);
});
