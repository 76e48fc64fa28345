/**
 * An office's day in real Chromium (issue 14): the clerk, the reviewer and the office head each
 * start from 我的待办 on the dashboard; the head sees what an extension would change and refuses it
 * with a reason (the due date stays; the handler sees why), approves a later one at the due date
 * shown, and signs off a 部分公开 only after reading the letter as it will be sent — refused while
 * the released file is missing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, startConsole } from '../support/console.ts';
import { ApplicationPage } from '../support/pages/applications.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.skipIf(!browserAvailable)("an office's day through 待办 and the approval dialogs", () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let agencyId = '';
  let id = '';
  let trackingNumber = '';

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    t.clock.set('2026-03-02T02:00:00Z');
    agencyId = (
      await t.testDb.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
    const clerk = await t.login('gxj.clerk');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: {
        agencyId,
        channel: 'in-person',
        applicantKind: 'natural_person',
        applicantName: '孙七',
        idDocType: 'resident_id',
        idNumber: '350502198506123013',
        phone: '13800138000',
        infoDescription: '2025年技术改造项目专家评审结果',
        deliveryForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    ({ id, trackingNumber } = res.json() as { id: string; trackingNumber: string });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const api = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const s = await t.login(user);
    const res = await t.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as Record<string, unknown>;
  };
  const todoGroup = (page: Page, label: string) => page.locator('.todo-group').filter({ hasText: label });
  const openFromTodo = async (page: Page, label: string) => {
    await todoGroup(page, label).getByRole('link', { name: trackingNumber }).click();
    await page.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor({ timeout: 15_000 });
  };

  it("the clerk's 待分派 links to the filtered inbox; the clerk assigns the handler", async () => {
    const page = await logInAs(browser, base, 'gxj.clerk');
    await page.getByRole('region', { name: '我的待办' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.todo-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(
      ['confirm', 'assign'],
    );
    await todoGroup(page, '待分派').getByRole('link', { name: '全部' }).click();
    await page.waitForURL(/waiting=assign/);
    await page.getByRole('link', { name: trackingNumber }).click();
    await page.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor();
    await page.getByRole('button', { name: '分派承办人', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // The first handler offered: the open list's active option, taken with Enter.
    await dialog.getByLabel('承办人').click({ force: true });
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  }, 120_000);

  it('the office head refuses an extension with a reason (due date unchanged), then approves one at the date shown', async () => {
    await api('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/requestExtension`, {
      days: 10,
      reason: '涉及十余个项目，需逐项核对',
    });
    const head = await logInAs(browser, base, 'gxj.head');
    await openFromTodo(head, '待批准延期');
    const due = await head.locator('.reply-due').getAttribute('data-date');
    const pending = (await api('gxj.head', 'GET', `/api/v1/applications/${id}`)).pendingExtension as {
      newDue: string;
      currentDue: string;
    };
    await head.getByRole('button', { name: '不批准延期', exact: true }).click();
    const dialog = head.getByRole('dialog');
    const summary = dialog.locator('.extension-summary');
    expect(await summary.textContent()).toContain('10个工作日');
    expect(await summary.textContent()).toContain('涉及十余个项目，需逐项核对');
    const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
    expect(await dialog.locator('.current-due').textContent()).toBe(cn(due!));
    expect(await dialog.locator('.new-due').textContent()).toBe(cn(pending.newDue));
    // No reason: refused in Chinese, nothing lost.
    await dialog.getByRole('button', { name: '不批准' }).click();
    await dialog.getByText('请写明不批准延期的理由').waitFor();
    await dialog.getByLabel('不批准的理由').fill('材料已齐备，请按期答复');
    await dialog.getByRole('button', { name: '不批准' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await head
      .getByText(/不批准延期答复10个工作日：材料已齐备/)
      .first()
      .waitFor();
    expect(await head.locator('.reply-due').getAttribute('data-date')).toBe(due);

    const handler = await logInAs(browser, base, 'gxj.handler');
    await handler.goto(`${base}/admin/applications/${id}`);
    expect(await handler.locator('.extension-refusal').textContent({ timeout: 15_000 })).toContain(
      '材料已齐备，请按期答复',
    );

    await api('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/requestExtension`, {
      days: 5,
      reason: '第三方材料尚未送达',
    });
    const next = (await api('gxj.head', 'GET', `/api/v1/applications/${id}`)).pendingExtension as { newDue: string };
    await head.goto(`${base}/admin/`);
    await openFromTodo(head, '待批准延期');
    await head.getByRole('button', { name: '批准延期答复', exact: true }).click();
    const approve = head.getByRole('dialog');
    expect(await approve.locator('.new-due').textContent()).toBe(cn(next.newDue));
    await approve.getByRole('button', { name: '批准延期' }).click();
    await approve.waitFor({ state: 'detached', timeout: 15_000 });
    await head.waitForFunction(
      (d) => document.querySelector('.reply-due')?.getAttribute('data-date') === d,
      next.newDue,
      { timeout: 15_000 },
    );
    await head.close();
    await handler.close();
  }, 180_000);

  it("the reviewer's 待保密审查, then the head's 签发 with the letter shown, refused until the released file is attached", async () => {
    await api('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/decide`, {
      outcome: 'partial',
      legalBasis: '第三十七条',
      reasons: '评审专家个人信息不予公开',
    });
    await api('gxj.handler', 'POST', `/api/v1/applications/${id}/reply-letter`, { format: 'pdf' });
    const reviewer = await logInAs(browser, base, 'gxj.reviewer');
    expect(
      await reviewer.locator('.todo-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))),
    ).toEqual(['review']);
    const review = async () => {
      await reviewer.goto(`${base}/admin/`);
      await openFromTodo(reviewer, '待保密审查');
      await reviewer.getByRole('button', { name: '保密审查', exact: true }).click();
      const d = reviewer.getByRole('dialog');
      await d.getByText('通过', { exact: true }).click();
      await d.getByRole('button', { name: /确\s*定/ }).click();
      await d.waitFor({ state: 'detached', timeout: 15_000 });
    };
    await review();

    const head = await logInAs(browser, base, 'gxj.head');
    await openFromTodo(head, '待签发');
    await head.getByRole('button', { name: '负责人签发', exact: true }).click();
    let dialog = head.getByRole('dialog');
    const letter = dialog.locator('.reply-letter-preview');
    await letter.waitFor({ timeout: 15_000 });
    const text = (await letter.textContent()) ?? '';
    expect(text).toContain('孙七：');
    expect(text).toContain('第三十七条');
    expect(text).toContain('评审专家个人信息不予公开');
    expect(text).toContain('泉州市洛江区工业和信息化局');
    await dialog.getByText(/须附提供文件（对外版本），尚未上传/).waitFor();
    await dialog.getByRole('button', { name: '确认签发' }).click();
    await dialog.getByText(/部分公开的答复须附提供给申请人的政府信息/).waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    // The handler attaches the released version; it goes back to review (release control).
    const handler = await logInAs(browser, base, 'gxj.handler');
    await handler.goto(`${base}/admin/applications/${id}`);
    await new ApplicationPage(handler, base).attachFile('提供文件（对外版本）', {
      name: '评审结果（公开版）.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await review();

    await head.goto(`${base}/admin/`);
    await openFromTodo(head, '待签发');
    await head.getByRole('button', { name: '负责人签发', exact: true }).click();
    dialog = head.getByRole('dialog');
    expect(await dialog.locator('.signoff-files').textContent({ timeout: 15_000 })).toContain('评审结果（公开版）.pdf');
    await dialog.getByRole('button', { name: '确认签发' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await head.getByText('已签发待送达').first().waitFor();
    for (const p of [reviewer, head, handler]) await p.close();
  }, 240_000);
});
