/**
 * The registers and letters of an agency in real Chromium: the office head registers a 行政复议
 * case (after the server's message lands beside the field); the supervising office registers a
 * complaint about 洛江区工信局, which the bureau then sees with the contact masked; the agency
 * administrator's template with an unknown placeholder is refused beside the field; the outbox
 * lists a letter and records it as posted.
 * Set GONGKAI_SCREENSHOT_DIR to keep a screenshot of each screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../src/modules/outbox/outbox.service.ts';
import { systemActor } from '../../src/policies/actor.ts';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logIn as logInTo, screenshot, startConsole } from '../support/console.ts';
import { CasesPage, ComplaintsPage, LettersPage, OutboxPage } from '../support/pages/registers.ts';

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

  const logIn = async (username: string) => (await logInTo(browser, base, username, { width: 1440, height: 960 })).page;

  it('the office head registers a 行政复议 case after the server asks for its conclusion date, and sees it listed', async () => {
    const cases = await new CasesPage(await logIn('gxj.head'), base).open();
    await cases.page.getByText('年度报告表四', { exact: true }).waitFor();
    await screenshot(cases.page, 'cases');
    await cases.startRegistration();
    await cases.fill({
      caseNumber: '泉洛政复〔2026〕1号',
      party: '张三',
      organ: '泉州市洛江区人民政府',
      subject: '不服答复',
      filedDate: '2026-02-10',
      result: '结果维持',
    });
    await cases.submit();
    // The server's message beside 审结日期; what was typed is still there.
    await cases.fieldMessage('case_concludedDate', '已有审理结果的案件，请填写审结日期').waitFor({ timeout: 15_000 });
    await expect(cases.field('case_party').inputValue()).resolves.toBe('张三');
    await screenshot(cases.page, 'case-error');
    await cases.pickDate('case_concludedDate', '2026-02-27');
    await cases.submit();
    await cases.page.getByRole('cell', { name: '泉洛政复〔2026〕1号', exact: true }).waitFor({ timeout: 15_000 });
    const row = cases.row('泉洛政复〔2026〕1号');
    await row.getByText('2026年2月10日').waitFor();
    await row.getByText('结果维持').waitFor();
    await screenshot(cases.page, 'cases-registered');
    await cases.close();
  });

  it('the supervisor registers a complaint about 洛江区工信局; the bureau sees it with the contact masked', async () => {
    const { name: agency } = await t.ctx.db
      .selectFrom('agency')
      .select('name')
      .where('code', '=', 'luojiang-gxj')
      .executeTakeFirstOrThrow();
    const complaints = await new ComplaintsPage(await logIn('zfb.supervisor'), base).open();
    await complaints.register({
      agency,
      complainant: '李四',
      contact: '13812345678',
      receivedDate: '2026-02-20',
      subject: '申请公开企业技改补助名单，超过二十个工作日未答复。',
    });
    // The new complaint opens for handling.
    const drawer = complaints.drawer(agency);
    await drawer.getByText('13812345678').waitFor({ timeout: 15_000 });
    await complaints.recordStep(drawer, { date: '2026-02-24', action: '调查核实', note: '已向该局调取办理记录。' });
    await drawer.getByText('2026年2月24日 调查核实').waitFor({ timeout: 15_000 });
    await screenshot(complaints.page, 'complaint-drawer');
    await complaints.page.keyboard.press('Escape');
    await complaints.row('李四').getByText('办理中').waitFor({ timeout: 15_000 });
    await screenshot(complaints.page, 'complaints');
    await complaints.close();

    const bureau = await new ComplaintsPage(await logIn('gxj.head'), base).open();
    await bureau.row('李四').getByText('138****5678').waitFor({ timeout: 15_000 });
    expect(await bureau.canRegister()).toBe(0);
    await bureau.close();
  });

  it('the agency administrator edits a reply template; an unknown placeholder is refused beside the field', async () => {
    const letters = await new LettersPage(await logIn('gxj.admin'), base).open();
    const body = '{{申请人}}：\n请于{{补正期限}}前补正{{补证事项}}。';
    await letters.save(body);
    await letters.fieldMessage('letter-template_body', /^未知的占位符：\{\{补证事项\}\}/).waitFor({ timeout: 15_000 });
    await expect(letters.body().inputValue()).resolves.toBe(body);
    await screenshot(letters.page, 'letters-error');
    await letters.save(body.replace('补证', '补正'));
    await letters.page.getByText('本机关措辞').waitFor({ timeout: 15_000 });
    await letters.page.getByRole('menuitem', { name: /补正通知书（已修改）/ }).waitFor();
    await screenshot(letters.page, 'letters-saved');
    await letters.close();
  });

  it('the office head sets the court the letters name (集中管辖); a court that is not one is refused beside the field', async () => {
    const letters = await new LettersPage(await logIn('gxj.head'), base).open();
    // Derived from the bureau's place in the tree until set.
    await letters.remedy().getByText('泉州市洛江区人民政府', { exact: true }).waitFor({ timeout: 15_000 });
    await expect(letters.court()).resolves.toMatchObject({ court: '泉州市洛江区人民法院' });
    await letters.setCourt('泉州市丰泽区');
    await letters.fieldMessage('letter-remedy_court', /人民法院的全称/).waitFor({ timeout: 15_000 });
    await expect(letters.field('letter-remedy_court').inputValue()).resolves.toBe('泉州市丰泽区');
    await letters.setCourt('泉州市丰泽区人民法院');
    await letters.page.getByText('已保存救济途径').waitFor({ timeout: 15_000 });
    await letters.remedy().getByText('泉州市丰泽区人民法院', { exact: true }).waitFor();
    await expect(letters.court()).resolves.toEqual({ court: '泉州市丰泽区人民法院', basis: '本机关设置' });
    await letters.setCourt('');
    await letters.remedy().getByText('泉州市洛江区人民法院', { exact: true }).waitFor({ timeout: 15_000 });
    await letters.close();
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
    const outbox = await new OutboxPage(await logIn('gxj.head'), base).open();
    const row = outbox.row('政府信息公开申请答复书');
    await row.getByText('待发送').waitFor({ timeout: 15_000 });
    await screenshot(outbox.page, 'outbox');
    const drawer = await outbox.openMessage('政府信息公开申请答复书');
    await drawer.getByText('答复书.pdf').waitFor({ timeout: 15_000 });
    const download = outbox.page.waitForEvent('download');
    await drawer.getByRole('link', { name: /下载附件 答复书\.pdf/ }).click();
    expect((await download).suggestedFilename()).toBe('答复书.pdf');
    await screenshot(outbox.page, 'outbox-drawer');
    await outbox.recordDelivery(drawer, '2026-03-01', 'EMS 9876543210');
    await drawer.getByText('EMS 9876543210').waitFor({ timeout: 15_000 });
    await drawer.getByText('2026年3月1日', { exact: true }).waitFor();
    await outbox.page.keyboard.press('Escape');
    await row.getByText('已邮寄').waitFor({ timeout: 15_000 });
    await screenshot(outbox.page, 'outbox-posted');
    await outbox.close();
  });
});
