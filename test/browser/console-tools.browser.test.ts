/**
 * Console tools in real Chromium:
 * - the clerk checks a legacy file of historical applications (the dry run shows the bad row
 *   with its reason), then imports only the valid rows;
 * - the clerk writes a catalog body in the WYSIWYG editor — a bold word and a list — and, in its
 *   HTML source view, a script and an event handler; once published, the portal's item page shows
 *   the bold word and the list, sanitized;
 * - the approver records the 废止 of a published 规范性文件 from its console page, and its portal
 *   page shows it;
 * - the office head sets the 申请编号 pattern (a wrong one is explained in Chinese, the next number
 *   previewed) and starts a catalog draft from a 第四十四条 suggestion.
 * Set GONGKAI_SCREENSHOT_DIR to keep a screenshot of each screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logIn as logInTo, screenshot, startConsole } from '../support/console.ts';
import { Portal } from '../support/pages/portal.ts';
import { CatalogItemPage, CatalogPage, ImportPage, SuggestionsPage } from '../support/pages/tools.ts';

describe.skipIf(!browserAvailable)('console tools in Chromium', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const logIn = async (username: string) => (await logInTo(browser, base, username, { width: 1440, height: 960 })).page;

  /** Runs a catalog workflow action through the API as `username`. */
  async function act(username: string, id: string, payload: object) {
    const s = await t.login(username);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/items/${id}/actions`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload,
    });
    expect(res.statusCode).toBe(200);
  }
  /** The public page of item `id`, JavaScript off. */
  const portalItem = async (id: string) => {
    const portal = await Portal.open(browser, base, { javaScript: false });
    return portal.item(id).open();
  };

  it('legacy import: the dry run shows the bad row and why; then only the valid rows are imported', async () => {
    const csv = [
      '申请编号,申请人类型,申请人,渠道,收到日期,收到申请之日,办结日期,办理结果,所需信息,收费通知日期',
      'LJ-2024-B1,自然人,陈某,当面,,2024-05-06,2024-05-20,予以公开,2023年度企业技改项目名单,',
      'LJ-2024-B2,个体户,林某,当面,,2024-06-03,2024-06-18,予以公开,园区规划图,',
      'LJ-2024-B3,商业企业,某科技有限公司,邮寄,,2024-07-01,,,专项资金拨付情况,',
    ].join('\r\n');
    const imports = await new ImportPage(await logIn('gxj.clerk'), base).open();
    const page = imports.page;
    await page.getByRole('tab', { name: '历史数据导入' }).waitFor();
    await imports.chooseFile('历史申请.csv', csv);
    await page
      .getByText('检查结果（历史申请.csv）：共 3 行，2 行无误，1 行有误，尚未导入')
      .waitFor({ timeout: 20_000 });
    expect(await imports.problems()).toEqual([
      expect.stringMatching(/第 3 行\s+申请人类型应为：自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他/),
    ]);
    expect(
      await t.ctx.db.selectFrom('application').select('id').where('tracking_number', 'like', 'LJ-2024-B%').execute(),
    ).toEqual([]);
    await screenshot(page, 'legacy-import-check');
    await imports.importValidRows(2);
    await page.getByText('已导入 2 件，有误的 1 行未导入').waitFor({ timeout: 20_000 });
    await screenshot(page, 'legacy-import-done');
    const rows = await t.ctx.db
      .selectFrom('application')
      .select(['tracking_number', 'state', 'outcome'])
      .where('tracking_number', 'like', 'LJ-2024-B%')
      .orderBy('tracking_number')
      .execute();
    expect(rows).toEqual([
      { tracking_number: 'LJ-2024-B1', state: 'closed', outcome: 'granted' },
      { tracking_number: 'LJ-2024-B3', state: 'running', outcome: null },
    ]);
    await page.close();
  });

  it('the WYSIWYG editor writes a bold word and a list; the portal shows them sanitized', async () => {
    const title = '关于2026年工业企业技改申报事项的通知';
    const catalog = await new CatalogPage(await logIn('gxj.clerk'), base).open();
    const page = catalog.page;
    await catalog.startDraft();
    await page.getByLabel('标题').fill(title);
    await page.getByLabel(/成文日期/).fill('2026-02-26');
    const body = catalog.body();
    await body.click();
    await page.keyboard.type('请各企业注意以下');
    await page.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('重要');
    await page.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('事项：');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '项目符号列表' }).click();
    await page.keyboard.type('3月31日前提交申报材料');
    await page.keyboard.press('Enter');
    await page.keyboard.type('材料一式两份');
    expect(await body.locator('strong').allInnerTexts()).toEqual(['重要']);
    expect(await body.locator('ul li').allInnerTexts()).toEqual(['3月31日前提交申报材料', '材料一式两份']);
    // The source view shows what the editor wrote; a pasted script and event handler are for the server to remove.
    await catalog.toggleSource();
    const source = catalog.source();
    expect(await source.inputValue()).toBe(
      '<p>请各企业注意以下<strong>重要</strong>事项：</p><ul><li><p>3月31日前提交申报材料</p></li><li><p>材料一式两份</p></li></ul>',
    );
    await source.fill(
      `${await source.inputValue()}<p onclick="alert(1)">咨询电话：0595-22630152</p><script>alert(1)</script>`,
    );
    await catalog.toggleSource();
    await body.getByText('咨询电话：0595-22630152').waitFor();
    await screenshot(page, 'catalog-editor');
    const id = await catalog.saveDraft();
    await new CatalogItemPage(page, base).body().locator('strong').getByText('重要').waitFor({ timeout: 15_000 });
    await page.close();
    const stored = await t.ctx.db
      .selectFrom('catalog_item')
      .select('body_html')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.body_html).toBe(
      '<p>请各企业注意以下<strong>重要</strong>事项：</p><ul><li><p>3月31日前提交申报材料</p></li><li><p>材料一式两份</p></li></ul><p>咨询电话：0595-22630152</p>',
    );
    await act('gxj.clerk', id, { kind: 'submit' });
    await act('gxj.reviewer', id, { kind: 'confidentiality_pass', opinion: '不涉密' });
    await act('gxj.approver', id, { kind: 'approve', opinion: '同意' });
    const item = await portalItem(id);
    await item.title(title).waitFor();
    const shown = item.body();
    expect(await shown.locator('strong').allInnerTexts()).toEqual(['重要']);
    expect(await shown.locator('ul > li').allInnerTexts()).toEqual(['3月31日前提交申报材料', '材料一式两份']);
    expect(await shown.innerHTML()).not.toMatch(/onclick|<script/);
    await screenshot(item.page, 'catalog-editor-portal');
    await item.portal.close();
  });

  it('废止 of a 规范性文件, recorded by the approver in the console, shows on its portal page', async () => {
    const clerk = await t.login('gxj.clerk');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: {
        title: '洛江区工业企业安全生产奖励办法',
        docNumber: '洛工信规〔2026〕1号',
        statutoryItem: 'a20.1',
        docType: 'normative',
        formedOn: '2026-02-20',
        effectiveOn: '2026-03-01',
        bodyHtml: '<p>第一条 为鼓励企业安全生产……</p>',
      },
    });
    const id = created.json().id as string;
    await act('gxj.clerk', id, { kind: 'submit' });
    await act('gxj.reviewer', id, { kind: 'confidentiality_pass', opinion: '不涉密' });
    await act('gxj.approver', id, { kind: 'approve', opinion: '同意' });

    const item = await new CatalogItemPage(await logIn('gxj.approver'), base).open(id);
    const page = item.page;
    const card = item.validity();
    await card.getByText('有效', { exact: true }).waitFor({ timeout: 15_000 });
    const dialog = await item.startValidityChange('废止');
    await dialog.getByLabel(/废止日期/).fill('2026-03-02');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请填写废止的依据').waitFor();
    await dialog.getByLabel(/废止的依据/).fill('根据《洛江区人民政府关于废止部分规范性文件的决定》');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await card.getByText('废止', { exact: true }).first().waitFor({ timeout: 15_000 });
    await card.getByText(/2026年3月2日 废止：根据《洛江区人民政府关于废止部分规范性文件的决定》/).waitFor();
    await screenshot(page, 'catalog-validity');
    await page.close();

    const pub = await portalItem(id);
    expect(await pub.validity()).toBe('有效性废止（2026年3月2日起）');
    expect(await pub.history()).toEqual([
      expect.stringMatching(/发布$/),
      expect.stringMatching(/废止：根据《洛江区人民政府关于废止部分规范性文件的决定》$/),
    ]);
    await pub.portal.close();
  });

  it('the office head sets the 申请编号 pattern and drafts a catalog item from a 第四十四条 suggestion', async () => {
    const head = await t.login('gxj.head');
    const agencyId = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
    const info = '洛江区智能制造示范车间认定名单及奖补金额';
    const csv = [
      '申请人类型,申请人,渠道,收到申请之日,办结日期,办理结果,所需信息',
      `自然人,许某,网上,2025-09-01,2025-09-10,予以公开,${info}`,
      `商业企业,某机械有限公司,网上,2025-10-08,2025-10-20,部分公开,${info}`,
    ].join('\n');
    const boundary = '----gongkaibrowser';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="agencyId"\r\n\r\n${agencyId}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(csv),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications-import',
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: head.cookie,
        'x-csrf-token': head.csrf,
      },
    });
    expect(imported.json()).toMatchObject({ imported: 2 });

    const imports = await new ImportPage(await logIn('gxj.head'), base).open();
    const page = imports.page;
    await page.getByRole('tab', { name: '申请编号格式' }).click();
    await imports.setPattern('洛工信依申〔{year}〕号');
    await page.getByText('编号格式须包含 {year} 和 {seq}').waitFor();
    await imports.setPattern('洛工信依申〔{year}〕{seq}号');
    await page.getByText(/^预览：下一个申请编号为 洛工信依申〔2026〕\d+号$/).waitFor();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(/^洛工信依申〔2026〕\d+号$/).waitFor({ timeout: 15_000 });
    await screenshot(page, 'tracking-pattern');

    const suggestions = await new SuggestionsPage(page, base).open();
    const dialog = await suggestions.draftFrom(info, 2);
    expect(await dialog.getByLabel('标题').inputValue()).toBe(info);
    await screenshot(page, 'suggestion-draft');
    await dialog.getByRole('button', { name: /起\s*草/ }).click();
    await page.getByRole('heading', { level: 1, name: info }).waitFor({ timeout: 15_000 });
    await page.getByText('草稿', { exact: true }).first().waitFor();
    await suggestions.open();
    await page.getByText('已处理的建议').waitFor();
    expect(await suggestions.suggestion(info, 2).count()).toBe(0);
    await page.close();
  });
});
