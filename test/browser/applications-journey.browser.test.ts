/**
 * The applicant's journey in real Chromium (issue 5, item 11): a citizen files online; the clerk
 * confirms and asks for a correction; the citizen corrects on the tracking page; the handler
 * decides 部分公开 (reviewed, signed off, sent); the citizen downloads the 补正告知书 and the reply. The due dates
 * shown on both sides equal the clock engine's.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar/calendar.ts';
import { loadBundledYears } from '../../src/domain/calendar/bundled.ts';
import { computeClock } from '../../src/domain/clock/compute.ts';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logIn as logInTo, startConsole } from '../support/console.ts';
import { ApplicationPage } from '../support/pages/applications.ts';
import { Portal } from '../support/pages/portal.ts';

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

  const logIn = (username: string) => logInTo(browser, base, username);

  /** Logs `username` in and opens the application filed in the first test. */
  const openApplication = async (username: string) =>
    new ApplicationPage((await logIn(username)).page, base).open(trackingNumber);

  const trackPage = async () => {
    const portal = await Portal.open(browser, base);
    return portal.track('luojiang-gxj').open(trackingNumber, queryCode);
  };

  it('a citizen files online and gets a receipt with the 第三十一条 statement', async () => {
    const portal = await Portal.open(browser, base);
    const form = await portal.applyForm('luojiang-gxj').open();
    await form.file({
      name: '赵六',
      idNumber: '350504199001010029',
      phone: '13700137000',
      description: '相关项目的材料',
    });
    ({ trackingNumber, queryCode } = await form.receipt());
    expect(trackingNumber).toMatch(/^洛工信依申〔2026〕\d+号$/);
    expect(await form.page.getByText('第三十一条第三项').count()).toBeGreaterThan(0);
    await portal.close();
  });

  it('the clerk confirms receipt and asks for a correction', async () => {
    const application = await openApplication('gxj.clerk');
    await application.step('确认收到申请');
    await application.step('一次性告知补正', (d) => d.getByLabel(/需要补正的全部事项/).fill('请写明项目名称和年度'));
    await application.shows('待补正');
    // The step issued the 补正告知书: listed among the documents, downloadable as Word.
    await application.page.getByRole('link', { name: '下载补正告知书（Word）' }).waitFor();
    await application.close();
  }, 60_000);

  it('the citizen corrects on the tracking page and the reply period restarts (第三十条)', async () => {
    const track = await trackPage();
    expect(await track.correctionItems()).toContain('请写明项目名称和年度');
    const notice = await track.download('补正告知书');
    expect(notice.subarray(0, 5).toString()).toBe('%PDF-');
    await track.correct('2025年洛江区技术改造项目评审结果');
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
    expect(await track.replyDue()).toBe(engine.replyDue);
    await track.portal.close();
  });

  it("the handler decides 部分公开; it is reviewed, signed off and sent, with the engine's due date shown", async () => {
    const handler = await openApplication('gxj.handler');
    const engine = computeClock({
      events: [
        { type: 'received', date: today },
        { type: 'correctionRequested', date: today },
        { type: 'correctionReceived', date: today },
      ],
      today,
      calendar,
    });
    expect(await handler.replyDue()).toBe(engine.replyDue);
    await handler.decide('部分公开', '评审专家个人信息不予公开');
    await handler.generateReply();
    await handler.shows(/答复书（洛工信依申/);
    // 部分公开: the released (redacted) version goes with the reply; 签发 needs it.
    await handler.attachFile('提供文件（对外版本）', {
      name: '评审结果（公开版）.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    const reviewer = await openApplication('gxj.reviewer');
    await reviewer.step('保密审查', (d) => d.getByText('通过', { exact: true }).click());
    const head = await openApplication('gxj.head');
    await head.signOff();
    await head.page.getByText('已签发待送达').waitFor();
    await handler.reload();
    await handler.step('答复送达');
    await handler.shows(/已办结/);
    for (const p of [handler, reviewer, head]) await p.close();
  }, 120_000);

  it('the citizen sees 部分公开 and downloads the reply letter', async () => {
    const track = await trackPage();
    expect(await track.state()).toContain('部分公开');
    const reply = await track.download('答复书');
    expect(reply.subarray(0, 5).toString()).toBe('%PDF-');
    await track.portal.close();
  });
});
