/**
 * The publishing journey in Chromium: a clerk drafts an item with an attachment in the console,
 * the confidentiality reviewer and the approver pass it, a citizen (JavaScript off) finds it on
 * the portal by a two-character word and downloads its attachment; the approver withdraws it
 * and its public page shows the history.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../test/support/app.ts';
import { browserAvailable } from '../../../../../test/support/browser.ts';
import { logInAs, startConsole } from '../../../../../test/support/console.ts';
import { Portal } from '../../../../../test/support/pages/portal.ts';
import { CatalogItemPage, CatalogPage } from '../../../../../test/support/pages/tools.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n');
const TITLE = '关于2026年工业企业复议咨询服务安排的通知';

describe.skipIf(!browserAvailable)('publishing journey in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let itemId = '';

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const logIn = (username: string) => logInAs(browser, base, username);

  async function step(username: string, button: RegExp, field: string | null, text: string, expectState: string) {
    const item = await new CatalogItemPage(await logIn(username), base).open(itemId);
    const page = item.page;
    await page.getByRole('button', { name: button }).click();
    if (field) await page.getByLabel(field).fill(text);
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText(expectState).first().waitFor({ timeout: 15_000 });
    await page.close();
  }

  it('a clerk drafts an item with an attachment and submits it', async () => {
    const catalog = await new CatalogPage(await logIn('gxj.clerk'), base).open();
    const page = catalog.page;
    await catalog.startDraft();
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('文号').fill('洛工信〔2026〕5号');
    await page.getByLabel(/成文日期/).fill('2026-02-26');
    // The body editor's HTML source view: what a clerk pastes from another system, script included.
    await catalog.toggleSource();
    await catalog.source().fill('<p>为方便企业申请行政复议，区工信局在一楼设立咨询窗口。</p><script>alert(1)</script>');
    itemId = await catalog.saveDraft();
    const item = new CatalogItemPage(page, base);
    await item.attach({ name: '咨询窗口安排.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('link', { name: '咨询窗口安排.pdf' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /提交保密审查/ }).click();
    await page.getByText('待保密审查').first().waitFor({ timeout: 15_000 });
    expect(await item.body().locator('script').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('the confidentiality reviewer and the approver pass it', async () => {
    await step('gxj.reviewer', /保密审查通过/, '保密审查意见', '经审查不涉密，同意公开', '待发布审核');
    await step('gxj.approver', /审核通过并发布/, null, '', '已发布');
  }, 120_000);

  it('a citizen without JavaScript finds it by 复议 and downloads the attachment', async () => {
    const portal = await Portal.open(browser, base, { javaScript: false, acceptDownloads: true });
    const column = await portal.column('luojiang-gxj').open();
    const { page } = await column.searchAndOpen('复议', TITLE);
    expect(await page.getByText('一楼设立咨询窗口').count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '咨询窗口安排.pdf' }).click(),
    ]);
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);
    await portal.close();
  }, 120_000);

  it('after withdrawal its public page shows the reason and the history', async () => {
    await step('gxj.approver', /撤\s*回/, '撤回理由（在公开页面显示）', '咨询窗口调整，另行通知', '已于');
    const portal = await Portal.open(browser, base, { javaScript: false });
    const item = await portal.item(itemId).open();
    const page = item.page;
    await page.getByText('撤回理由：咨询窗口调整，另行通知').waitFor();
    const history = await item.history();
    expect(history.map((h) => h.replace(/^.*?\u3000/, ''))).toEqual(['发布', '撤回：咨询窗口调整，另行通知']);
    expect(await page.getByText('一楼设立咨询窗口').count()).toBe(0);
    await portal.close();
  }, 120_000);
});
