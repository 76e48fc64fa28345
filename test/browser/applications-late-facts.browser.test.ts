/**
 * Office reality in real Chromium (issue 13, lifecycle.md "Facts entered late" and "Provisional
 * years"): a third party's answer dated within its 15 working days is back-entered in the console
 * after the period ended — accepted, not late, and the reply due date follows its date; and in
 * December, before next year's holiday notice is imported, the office head approves an extension
 * whose 延期答复告知书 is marked 暂定 and is sent all the same.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledYears } from '../../src/domain/calendar/bundled.ts';
import { Calendar } from '../../src/domain/calendar/calendar.ts';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, startConsole } from '../support/console.ts';
import { ApplicationPage } from '../support/pages/applications.ts';

// The last bundled year: from December on, deadlines run into the next year, not loaded.
const last = Calendar.fromYears(loadBundledYears()).loadedYears.at(-1)!;

describe.skipIf(!browserAvailable)('facts entered late and a provisional December in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let agencyId = '';

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    agencyId = (
      await t.testDb.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function api(user: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const s = await t.login(user);
    const res = await t.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as Record<string, unknown>;
  }

  async function apply(name: string): Promise<{ id: string; trackingNumber: string }> {
    return (await api('gxj.clerk', 'POST', '/api/v1/applications', {
      agencyId,
      channel: 'in-person',
      applicantKind: 'natural_person',
      applicantName: name,
      idDocType: 'resident_id',
      idNumber: '350502198506123013',
      phone: '13800138000',
      infoDescription: '某工业园区厂房项目环境影响评价文件',
      deliveryForm: 'electronic',
      deliveryMethod: 'online',
    })) as unknown as { id: string; trackingNumber: string };
  }

  async function open(page: Page, a: { id: string; trackingNumber: string }) {
    await page.goto(`${base}/admin/applications/${a.id}`);
    await page.getByRole('heading', { name: `申请 ${a.trackingNumber}` }).waitFor({ timeout: 15_000 });
  }

  async function pickDate(page: Page, label: string, date: string) {
    const field = page.getByRole('dialog').getByLabel(label);
    await field.fill(date);
    await field.press('Enter');
  }

  it('a consultation answer dated within the period is back-entered after it ended: recorded in time, the due date follows its date', async () => {
    t.clock.set(`${last}-09-01T02:00:00Z`);
    const a = await apply('周八');
    t.clock.set(`${last}-09-02T02:00:00Z`);
    await api('gxj.handler', 'POST', `/api/v1/applications/${a.id}/steps/sendConsultation`, {
      party: 'third',
      partyName: '丙化工有限公司',
      date: `${last}-09-02`,
    });
    const silent = await api('gxj.handler', 'GET', `/api/v1/applications/${a.id}`);
    const deadline = (silent.clock as { consultations: Array<{ partyDeadline: string }> }).consultations[0]!
      .partyDeadline;
    // The party's letter, dated two days before its deadline, reaches the register three weeks later.
    const answered = `${last}-09-15`;
    expect(answered < deadline).toBe(true);
    t.clock.set(`${last}-10-20T02:00:00Z`);
    const dueIfSilent = (
      (await api('gxj.handler', 'GET', `/api/v1/applications/${a.id}`)).clock as { replyDue: string }
    ).replyDue;

    const page = await logInAs(browser, base, 'gxj.handler');
    await open(page, a);
    await page.getByRole('button', { name: '登记征求意见答复', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await new ApplicationPage(page, base).choose(dialog.getByLabel('征求意见'), /丙化工有限公司/);
    await dialog.getByLabel('不同意公开').check();
    await pickDate(page, '发生日期', answered);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    await page
      .getByText(/收到征求意见的答复/)
      .first()
      .waitFor({ timeout: 15_000 });
    const after = await api('gxj.handler', 'GET', `/api/v1/applications/${a.id}`);
    const clock = after.clock as {
      replyDue: string;
      consultations: Array<{ answeredDate: string }>;
      warnings: unknown[];
    };
    expect(clock.consultations[0]!.answeredDate).toBe(answered);
    // The pause ends on the answer, not on the deadline: the due date comes earlier than if silent.
    expect(clock.replyDue < dueIfSilent).toBe(true);
    expect(JSON.stringify(clock.warnings)).not.toContain('CONSULTATION_ANSWER_LATE');
    const [y, m, d] = clock.replyDue.split('-').map(Number);
    await page.getByText(`${y}年${m}月${d}日`).first().waitFor();
    expect(await page.getByText('逾期：期限于').count()).toBe(0);
    await page.close();
  }, 180_000);

  it('in December the office head approves an extension; its 延期答复告知书 is 暂定 and is sent all the same', async () => {
    t.clock.set(`${last}-12-01T02:00:00Z`);
    const a = await apply('吴九');
    t.clock.set(`${last}-12-10T02:00:00Z`);
    await api('gxj.handler', 'POST', `/api/v1/applications/${a.id}/steps/requestExtension`, {
      days: 15,
      reason: '需要调取多年度档案并逐页审查',
    });

    const page = await logInAs(browser, base, 'gxj.head');
    await open(page, a);
    await page.getByRole('button', { name: '批准延期答复', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '批准延期', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    const notice = new ApplicationPage(page, base).document('延期答复告知书');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.locator('.provisional-letter').textContent()).toBe(`暂定（待导入${last + 1}年节假日安排）`);
    const send = page.getByRole('button', { name: /^发送延期答复告知书给/ });
    expect(await send.isDisabled()).toBe(false);
    await send.click();
    const sendDialog = page.getByRole('dialog');
    // Handed over at the counter (the applicant left no postal address).
    await sendDialog.getByText('当面送达', { exact: true }).click();
    await sendDialog.getByRole('button', { name: '放入发件箱' }).click();
    await page.getByText('已放入发件箱，邮寄或送达后请登记').waitFor({ timeout: 15_000 });

    // The letter states its provisional date with the wording lifecycle.md gives.
    const detail = await api('gxj.head', 'GET', `/api/v1/applications/${a.id}`);
    const clock = detail.clock as { replyDue: string; replyDueProvisional: boolean };
    expect(clock.replyDue.startsWith(`${last + 1}-`)).toBe(true);
    expect(clock.replyDueProvisional).toBe(true);
    const letters = await t.testDb.db
      .selectFrom('application_letter')
      .select(['kind', 'content'])
      .where('application_id', '=', a.id)
      .execute();
    const extension = letters.find((l) => l.kind === 'extension_notice')!;
    expect(extension.content).toContain('（暂定，以国务院办公厅公布的节假日安排为准）');
    await page.close();
  }, 180_000);
});
