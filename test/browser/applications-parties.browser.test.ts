/**
 * The console's 征求意见 and 第三十二条 steps in real Chromium: the handler consults two parties in
 * one step (adding a row, a server message beside the row it concerns), sees one 征求意见书 each —
 * marked 暂定 while their deadlines run into a year whose holidays are not loaded, with 发送
 * disabled — and, after deciding to disclose over an objection, tells the objecting party in
 * writing; that notice is listed as invisible to the applicant.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledYears } from '../../src/domain/calendar/bundled.ts';
import { Calendar } from '../../src/domain/calendar/calendar.ts';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, startConsole } from '../support/console.ts';
import { ApplicationPage } from '../support/pages/applications.ts';

// The last bundled year: deadlines from mid-December run into the next, not loaded.
const last = Calendar.fromYears(loadBundledYears()).loadedYears.at(-1)!;
const today = `${last}-12-17`;

describe.skipIf(!browserAvailable)('征求意见 of several parties and 书面告知第三方 in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let id = '';
  let trackingNumber = '';

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    t.clock.set(`${today}T02:00:00Z`);
    const agencyId = (
      await t.testDb.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
    const created = await api('gxj.clerk', 'POST', '/api/v1/applications', {
      agencyId,
      channel: 'in-person',
      applicantKind: 'natural_person',
      applicantName: '孙七',
      idDocType: 'resident_id',
      idNumber: '350502198506123013',
      phone: '13800138000',
      infoDescription: '某工业园区厂房项目验收报告',
      deliveryForm: 'electronic',
      deliveryMethod: 'online',
    });
    ({ id, trackingNumber } = created as { id: string; trackingNumber: string });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function api(
    user: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
  ): Promise<Record<string, unknown>> {
    const s = await t.login(user);
    const res = await t.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  }

  /** Logs `username` in and opens the application set up above. */
  const openApplication = async (username: string) =>
    new ApplicationPage(await logInAs(browser, base, username), base).openById(id, trackingNumber);

  it("the handler consults two parties in one step; the server's message lands beside the row; each letter is 暂定 and may be sent (issue 13)", async () => {
    const application = await openApplication('gxj.handler');
    const page = application.page;
    await page.getByRole('button', { name: '征求意见', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).first().fill('甲机械有限公司');
    await dialog.getByRole('button', { name: '添加一方' }).click();
    await dialog.getByLabel('名称', { exact: true }).nth(1).fill('甲机械有限公司');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    // The same party twice: the server says so under the second row's name.
    await application
      .fieldMessage('parties_1_partyName', '与第1行重复：同一方只需一份征求意见书')
      .waitFor({ timeout: 15_000 });
    await dialog.getByLabel('名称', { exact: true }).nth(1).fill('乙电子有限公司');
    await dialog.getByLabel('对方收到征求意见书之日').nth(1).fill(`${last}-12-21`);
    await dialog.getByLabel('对方收到征求意见书之日').nth(1).press('Enter');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    await application.document('乙电子有限公司（被征求意见方）').waitFor({ timeout: 15_000 });
    expect(await application.document('甲机械有限公司（被征求意见方）').count()).toBe(1);
    expect(await application.provisionalMarks().count()).toBe(2);
    expect(await application.provisionalMarks().first().textContent()).toBe(`暂定（待导入${last + 1}年节假日安排）`);
    // 暂定 letters state their dates as provisional and may be sent (lifecycle.md "Provisional years").
    await expect(page.getByRole('button', { name: '发送征求意见书给乙电子有限公司' }).isDisabled()).resolves.toBe(
      false,
    );
    await page.close();
  }, 120_000);

  it("after deciding to disclose over 甲's objection, the handler tells 甲 in writing; the notice is listed as not visible to the applicant", async () => {
    const detail = await api('gxj.handler', 'GET', `/api/v1/applications/${id}`);
    const sent = (detail.events as Array<{ type: string; consultationId?: string; partyName?: string }>).find(
      (e) => e.type === 'consultationSent' && e.partyName === '甲机械有限公司',
    )!;
    await api('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/recordConsultationAnswer`, {
      consultationId: sent.consultationId,
      opinion: 'object',
      note: '涉及产能数据',
    });
    await api('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/decide`, {
      outcome: 'granted',
      legalBasis: '第十五条、第三十二条',
    });

    const application = await openApplication('gxj.handler');
    const page = application.page;
    await page.getByText('须先将决定公开的内容和理由书面告知甲机械有限公司（第三十二条）').waitFor();
    await page.getByRole('button', { name: '书面告知第三方（第三十二条）', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('决定公开的政府信息内容').fill('厂房项目验收报告全文');
    await dialog.getByLabel(/决定公开的理由/).fill('项目使用财政资金，验收结果关系周边群众安全');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByText('甲机械有限公司（第三方，申请人不可见）').waitFor({ timeout: 15_000 });
    expect(await page.getByText('须先将决定公开的内容和理由书面告知').count()).toBe(0);
    await page.close();
  }, 120_000);
});
