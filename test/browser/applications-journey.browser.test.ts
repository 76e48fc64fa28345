/**
 * The applicant's journey in real Chromium (issue 5, item 11): a citizen files online; the clerk
 * confirms and asks for a correction; the citizen corrects on the tracking page; the handler
 * decides 部分公开 (reviewed, signed off, sent); the citizen downloads the 补正告知书 and the reply. The due dates
 * shown on both sides equal the clock engine's.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar/calendar.ts';
import { loadBundledYears } from '../../src/domain/calendar/bundled.ts';
import { computeClock } from '../../src/domain/clock/compute.ts';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, startConsole } from '../support/console.ts';

describe.skipIf(!browserAvailable)('applications journey in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let trackingNumber = '';
  let queryCode = '';
  const today = '2026-03-02';
  const calendar = Calendar.fromYears(loadBundledYears());

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    t.clock.set(`${today}T02:00:00Z`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const logIn = (username: string) => logInAs(browser, base, username);

  async function openApplication(page: Page) {
    await page.goto(`${base}/admin/applications`);
    await page.getByRole('link', { name: trackingNumber }).click();
    await page.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor({ timeout: 15_000 });
  }

  async function step(page: Page, name: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
    await page.getByRole('button', { name, exact: true }).click();
    const dialog = page.getByRole('dialog');
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  }

  const trackPage = async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/gk/luojiang-gxj/track`);
    await page.getByLabel('申请编号').fill(trackingNumber);
    await page.getByLabel('查询码').fill(queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor();
    return page;
  };

  it('a citizen files online and gets a receipt with the 第三十一条 statement', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/gk/luojiang-gxj/apply`);
    await page.getByLabel('姓名或者名称').fill('赵六');
    await page.getByLabel('证件号码').fill('350504199001010029');
    await page.getByLabel('联系电话').fill('13700137000');
    await page.getByLabel('所需信息的描述').fill('相关项目的材料');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    trackingNumber = (await page.locator('.tracking-number').textContent())!;
    queryCode = (await page.locator('.query-code').textContent())!;
    expect(trackingNumber).toMatch(/^洛工信依申〔2026〕\d+号$/);
    expect(await page.getByText('第三十一条第三项').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('the clerk confirms receipt and asks for a correction', async () => {
    const page = await logIn('gxj.clerk');
    await openApplication(page);
    await step(page, '确认收到申请');
    await step(page, '一次性告知补正', (d) => d.getByLabel(/需要补正的全部事项/).fill('请写明项目名称和年度'));
    await page.getByText('待补正').first().waitFor();
    // The step issued the 补正告知书: listed among the documents, downloadable as Word.
    await page.getByRole('link', { name: '下载补正告知书（Word）' }).waitFor();
    await page.close();
  }, 60_000);

  it('the citizen corrects on the tracking page and the reply period restarts (第三十条)', async () => {
    const page = await trackPage();
    expect(await page.locator('.correction-items').textContent()).toContain('请写明项目名称和年度');
    const [notice] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 补正告知书/ }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const c of await notice.createReadStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByLabel('补正后的申请内容').fill('2025年洛江区技术改造项目评审结果');
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.getByText('补正已提交').waitFor();
    const engine = computeClock({
      events: [
        { type: 'arrived', date: today, channel: 'online' },
        { type: 'received', date: today },
        { type: 'correctionRequested', date: today },
        { type: 'correctionReceived', date: today },
      ],
      today,
      calendar,
    });
    expect(await page.locator('.reply-due').getAttribute('data-date')).toBe(engine.replyDue);
    await page.close();
  });

  it("the handler decides 部分公开; it is reviewed, signed off and sent, with the engine's due date shown", async () => {
    const handler = await logIn('gxj.handler');
    await openApplication(handler);
    const engine = computeClock({
      events: [
        { type: 'received', date: today },
        { type: 'correctionRequested', date: today },
        { type: 'correctionReceived', date: today },
      ],
      today,
      calendar,
    });
    expect(await handler.locator('.reply-due').first().getAttribute('data-date')).toBe(engine.replyDue);
    await step(handler, '拟定答复', async (d) => {
      await d.getByLabel('办理结果').click();
      await handler.locator('.ant-select-item-option[title="部分公开"]').click();
      await d.getByLabel(/理由/).fill('评审专家个人信息不予公开');
    });
    await handler.getByRole('button', { name: '按模板生成答复书' }).click();
    await handler
      .getByText(/答复书（洛工信依申/)
      .first()
      .waitFor({ timeout: 20_000 });
    // 部分公开: the released (redacted) version goes with the reply; 签发 needs it.
    await handler.locator('div.ant-select[aria-label="文件类别"]').click();
    await handler.locator('.ant-select-item-option[title="提供文件（对外版本）"]').click();
    await handler.locator('input[type=file]').setInputFiles({
      name: '评审结果（公开版）.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await handler.getByRole('link', { name: '评审结果（公开版）.pdf' }).waitFor({ timeout: 15_000 });
    const reviewer = await logIn('gxj.reviewer');
    await openApplication(reviewer);
    await step(reviewer, '保密审查', (d) => d.getByText('通过', { exact: true }).click());
    const head = await logIn('gxj.head');
    await openApplication(head);
    await head.getByRole('button', { name: '负责人签发', exact: true }).click();
    const signing = head.getByRole('dialog');
    await signing.locator('.reply-letter-preview').waitFor({ timeout: 15_000 });
    await signing.getByRole('button', { name: '确认签发' }).click();
    await signing.waitFor({ state: 'detached', timeout: 15_000 });
    await head.getByText('已签发待送达').waitFor();
    await handler.reload();
    await handler.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor();
    await step(handler, '答复送达');
    await handler
      .getByText(/已办结/)
      .first()
      .waitFor();
    for (const p of [handler, reviewer, head]) await p.close();
  }, 120_000);

  it('the citizen sees 部分公开 and downloads the reply letter', async () => {
    const page = await trackPage();
    expect(await page.locator('.state').textContent()).toContain('部分公开');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 答复书/ }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
