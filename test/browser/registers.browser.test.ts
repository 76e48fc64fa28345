/**
 * The registers and letters of an agency in real Chromium: the office head registers a 行政复议
 * case (after the server's message lands beside the field); the supervising office registers a
 * complaint about 洛江区工信局, which the bureau then sees with the contact masked; the agency
 * administrator's template with an unknown placeholder is refused beside the field; the outbox
 * lists a letter and records it as posted.
 * Set GONGKAI_SCREENSHOT_DIR to keep a screenshot of each screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../src/modules/outbox/outbox.service.ts';
import { systemActor } from '../../src/policies/actor.ts';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, screenshot, startConsole } from '../support/console.ts';

describe.skipIf(!browserAvailable)('registers, templates and outbox in Chromium', { timeout: 120_000 }, () => {
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

  /** Types a date into an antd DatePicker and confirms it. */
  async function pickDate(page: Page, id: string, date: string) {
    await page.locator(id).click();
    await page.locator(id).fill(date);
    await page.locator(id).press('Enter');
  }

  /** Chooses an option of an antd Select (its shown value covers the input, hence force). */
  async function choose(page: Page, id: string, option: string) {
    await page.locator(id).click({ force: true });
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  it('the office head registers a 行政复议 case after the server asks for its conclusion date, and sees it listed', async () => {
    const page = await logIn('gxj.head');
    await page.getByRole('menuitem', { name: /复议诉讼/ }).click();
    await page.getByRole('heading', { name: '复议诉讼' }).waitFor();
    await page.getByText('年度报告表四', { exact: true }).waitFor();
    await screenshot(page, 'cases');
    await page.getByRole('button', { name: /登记案件/ }).click();
    await page.locator('#case_caseNumber').fill('泉洛政复〔2026〕1号');
    await page.locator('#case_party').fill('张三');
    await page.locator('#case_organ').fill('泉州市洛江区人民政府');
    await page.locator('#case_subject').fill('不服答复');
    await pickDate(page, '#case_filedDate', '2026-02-10');
    await choose(page, '#case_result', '结果维持');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /登\s*记/ })
      .click();
    // The server's message beside 审结日期; what was typed is still there.
    await page
      .locator('#case_concludedDate_help')
      .getByText('已有审理结果的案件，请填写审结日期')
      .waitFor({ timeout: 15_000 });
    await expect(page.locator('#case_party').inputValue()).resolves.toBe('张三');
    await screenshot(page, 'case-error');
    await pickDate(page, '#case_concludedDate', '2026-02-27');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /登\s*记/ })
      .click();
    await page.getByRole('cell', { name: '泉洛政复〔2026〕1号', exact: true }).waitFor({ timeout: 15_000 });
    const row = page.getByRole('row').filter({ hasText: '泉洛政复〔2026〕1号' });
    await row.getByText('2026年2月10日').waitFor();
    await row.getByText('结果维持').waitFor();
    await screenshot(page, 'cases-registered');
    await page.close();
  });

  it('the supervisor registers a complaint about 洛江区工信局; the bureau sees it with the contact masked', async () => {
    const page = await logIn('zfb.supervisor');
    await page.getByRole('menuitem', { name: /投诉举报/ }).click();
    await page.getByRole('heading', { name: '投诉举报' }).waitFor();
    await page.getByRole('button', { name: /登记投诉举报/ }).click();
    await page.locator('#complaint_agencyId').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="泉州市洛江区工业和信息化局"]')
      .click();
    await page.locator('#complaint_complainant').fill('李四');
    await page.locator('#complaint_contact').fill('13812345678');
    await page.locator('#complaint_receivedDate').fill('');
    await pickDate(page, '#complaint_receivedDate', '2026-02-20');
    await page.locator('#complaint_subject').fill('申请公开企业技改补助名单，超过二十个工作日未答复。');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /登\s*记/ })
      .click();
    // The new complaint opens for handling.
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('13812345678').waitFor({ timeout: 15_000 });
    await pickDate(page, '#complaint-step_date', '2026-02-24');
    await page.locator('#complaint-step_action').fill('调查核实');
    await page.locator('#complaint-step_note').fill('已向该局调取办理记录。');
    await drawer.getByRole('button', { name: /记录环节/ }).click();
    await drawer.getByText('2026年2月24日 调查核实').waitFor({ timeout: 15_000 });
    await screenshot(page, 'complaint-drawer');
    await page.keyboard.press('Escape');
    await page.getByRole('row').filter({ hasText: '李四' }).getByText('办理中').waitFor({ timeout: 15_000 });
    await screenshot(page, 'complaints');
    await page.close();

    const bureau = await logIn('gxj.head');
    await bureau.getByRole('menuitem', { name: /投诉举报/ }).click();
    await bureau.getByRole('row').filter({ hasText: '李四' }).getByText('138****5678').waitFor({ timeout: 15_000 });
    expect(await bureau.getByRole('button', { name: /登记投诉举报/ }).count()).toBe(0);
    await bureau.close();
  });

  it('the agency administrator edits a reply template; an unknown placeholder is refused beside the field', async () => {
    const page = await logIn('gxj.admin');
    await page.getByRole('menuitem', { name: /答复模板/ }).click();
    await page.getByRole('heading', { name: '答复模板' }).waitFor();
    await page.locator('#letter-template_body').waitFor();
    const body = '{{申请人}}：\n请于{{补正期限}}前补正{{补证事项}}。';
    await page.locator('#letter-template_body').fill(body);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .locator('#letter-template_body_help')
      .getByText(/^未知的占位符：\{\{补证事项\}\}/)
      .waitFor({ timeout: 15_000 });
    await expect(page.locator('#letter-template_body').inputValue()).resolves.toBe(body);
    await screenshot(page, 'letters-error');
    await page.locator('#letter-template_body').fill(body.replace('补证', '补正'));
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('本机关措辞').waitFor({ timeout: 15_000 });
    await page.getByRole('menuitem', { name: /补正通知书（已修改）/ }).waitFor();
    await screenshot(page, 'letters-saved');
    await page.close();
  });

  it('the outbox lists a letter with its attachment and records it as posted', async () => {
    const gxj = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
    await enqueueMessage(
      t.ctx.db,
      systemActor(),
      {
        agencyId: gxj,
        channel: 'post',
        recipientName: '王五',
        recipientAddress: '泉州市洛江区万安街道1号',
        subject: '政府信息公开申请答复书',
        bodyText: '',
        attachments: [{ fileName: '答复书.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.7 test') }],
      },
      t.clock,
    );
    const page = await logIn('gxj.head');
    await page.getByRole('menuitem', { name: /发件箱/ }).click();
    await page.getByRole('heading', { name: '发件箱' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '政府信息公开申请答复书' });
    await row.getByText('待发送').waitFor({ timeout: 15_000 });
    await screenshot(page, 'outbox');
    await row.getByRole('button', { name: '政府信息公开申请答复书', exact: true }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('答复书.pdf').waitFor({ timeout: 15_000 });
    const download = page.waitForEvent('download');
    await drawer.getByRole('link', { name: /下载附件 答复书\.pdf/ }).click();
    expect((await download).suggestedFilename()).toBe('答复书.pdf');
    await screenshot(page, 'outbox-drawer');
    await drawer.getByRole('button', { name: /登记送达/ }).click();
    await pickDate(page, '#delivery_date', '2026-03-01');
    await page.locator('#delivery_note').fill('EMS 9876543210');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^登\s*记$/ })
      .click();
    await drawer.getByText('EMS 9876543210').waitFor({ timeout: 15_000 });
    await drawer.getByText('2026年3月1日', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await row.getByText('已邮寄').waitFor({ timeout: 15_000 });
    await screenshot(page, 'outbox-posted');
    await page.close();
  });
});
