/**
 * 年报体检 in Chromium: the supervisor uploads a report with a planted error (table 三's
 * （一）予以公开 row does not add up) and the real 2020 洛江 report, sees both in the agencies ×
 * years list, opens the faulty one and finds the offending cell marked with its Chinese
 * message; the 洛江 report compares equal with the report the platform generates. Issue 16:
 * the report library pairs two years of one agency and compares them (changed cells, the
 * tables side by side, the cross-year rules, DOCX and XLSX); the demo bureau's 2020 report is on
 * its portal 年报 page marked 原文导入 with the original to download, and its office head sees
 * it published and may take it off.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, screenshot, startConsole } from '../support/console.ts';
import { ReportChecksPage } from '../support/pages/reports.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/reports');

describe.skipIf(!browserAvailable)('年报体检 in Chromium', () => {
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

  /** Logs the supervisor in and opens 年报体检. */
  const openChecks = async () =>
    new ReportChecksPage(await logInAs(browser, base, 'zfb.supervisor', { width: 1400, height: 1000 }), base).open();

  it('the supervisor uploads reports, sees them listed, and opens one with the offending cell marked', async () => {
    const checks = await openChecks();
    const page = checks.page;
    await checks.upload([
      { name: 'planted-r1.txt', buffer: readFileSync(`${FIXTURES}/planted/r1-row-total.txt`) },
      { name: '2020-luojiang-gxj.txt', buffer: readFileSync(`${FIXTURES}/samples/2020-luojiang-gxj.txt`) },
    ]);
    await page.getByRole('cell', { name: 'planted-r1.txt' }).waitFor({ timeout: 30_000 });
    // The demo loaded the 2020 洛江 report as the bureau's past report (issue 16): stored once.
    expect(await page.getByText('已导入', { exact: true }).count()).toBe(1);
    expect(await page.getByText('此前已导入', { exact: true }).count()).toBe(1);
    const faulty = checks.report('泉州市某某区示例局2020年：错误2条，警告0条');
    await faulty.waitFor({ timeout: 15_000 });
    await checks.report('泉州市洛江区工业和信息化局2020年：错误0条，警告0条').waitFor();
    await screenshot(page, 'report-checks-list');

    await faulty.click();
    await page
      .getByRole('heading', { name: '泉州市某某区示例局2020年政府信息公开工作年度报告（体检）' })
      .waitFor({ timeout: 15_000 });
    const cell = checks.cell('table3.granted[6]');
    await cell.waitFor();
    expect(await cell.textContent()).toBe('5');
    expect(await cell.getAttribute('title')).toMatch(/^错误（[^）]*R1）*）：.*总计/);
    expect(await cell.evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(207, 19, 34)');
    expect(await checks.cell('table3.granted[5]').getAttribute('title')).toBeNull();
    await page.getByRole('button', { name: '表三「（一）予以公开」行「总计」列' }).waitFor();
    await cell.scrollIntoViewIfNeeded();
    await screenshot(page, 'report-checks-report', { fullPage: false });
    await screenshot(page, 'report-checks-report-full');
    await page.close();
  }, 120_000);

  it('a folder is uploaded with every file in it, named by its path in the folder', async () => {
    const checks = await openChecks();
    const page = checks.page;
    await checks.uploadFolder(`${FIXTURES}/chain`);
    await page.getByRole('cell', { name: 'chain/2022.html' }).waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'chain/2021.txt' }).waitFor();
    await checks.report(/^某某市示例区人民政府2022年：错误0条，警告3条$/).waitFor({ timeout: 15_000 });
    await page.close();
  }, 60_000);

  it('the 2020 洛江 report compares equal with the report the platform generates', async () => {
    const checks = await openChecks();
    const page = checks.page;
    await checks.report('泉州市洛江区工业和信息化局2020年：错误0条，警告0条').click();
    await page.getByRole('tab', { name: '与平台生成的报告比对' }).click();
    await page.getByText('表格完全一致').waitFor({ timeout: 20_000 });
    await screenshot(page, 'report-checks-compare', { fullPage: false });
    await page.close();
  }, 60_000);

  it('the library pairs two years of one agency and compares them, with the exports', async () => {
    const page = await logInAs(browser, base, 'zfb.supervisor', { width: 1400, height: 1000 });
    await page.goto(`${base}/admin/report-checks`);
    await page.getByRole('button', { name: '年报库与逐年比较' }).click();
    await page.getByRole('heading', { name: '年报库与逐年比较' }).waitFor({ timeout: 15_000 });
    const row = page.getByRole('row', { name: /某某市示例区人民政府/ });
    await row.getByRole('button', { name: '比较2021—2022年' }).click();
    await page
      .getByRole('heading', { name: '某某市示例区人民政府2021年与2022年年度报告比较' })
      .waitFor({ timeout: 20_000 });
    await page.getByText(/表格中\d+个单元格有变化/).waitFor();
    // The two years do not chain (test/fixtures/reports/chain): the cross-year rules say so here.
    const rules = page.getByRole('tab', { name: /跨年度检查（[1-9]\d*）/ });
    await rules.click();
    const firstRule = page.getByRole('tabpanel').getByRole('listitem').first();
    await firstRule.waitFor();
    expect(await firstRule.textContent()).toMatch(/^警告/);
    expect(await page.getByRole('link', { name: /导出比较报告（DOCX）/ }).getAttribute('href')).toMatch(
      /^\/api\/v1\/report-checks\/compare\.docx\?a=.+&b=.+/,
    );
    const xlsx = await page.getByRole('link', { name: /导出比较表（XLSX）/ }).getAttribute('href');
    const res = await page.request.get(`${base}${xlsx}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/spreadsheetml/);
    await page.getByRole('tab', { name: '两年表格对照' }).click();
    await page.getByRole('heading', { name: /^2021年（/ }).waitFor();
    const marked = page.locator('td[data-where][title^="2021年："]');
    expect(await marked.count()).toBeGreaterThan(0);
    await screenshot(page, 'report-checks-years', { fullPage: false });
    await page.close();
  }, 90_000);

  it('the demo bureau’s 2020 report is on its portal as 原文导入, and its office head sees it published', async () => {
    const anon = await browser.newPage();
    await anon.goto(`${base}/gk/luojiang-gxj/reports`);
    const item = anon.locator('ul.items li', { hasText: '2020年政府信息公开工作年度报告' });
    expect(await item.locator('.tag').textContent()).toBe('原文导入');
    await item.getByRole('link').click();
    await anon.getByRole('link', { name: '2020-luojiang-gxj.txt' }).waitFor();
    expect(await anon.locator('table.report-table').count()).toBe(3);
    await screenshot(anon, 'portal-past-report');
    await anon.close();

    const page = await logInAs(browser, base, 'gxj.head', { width: 1400, height: 1000 });
    await page.getByRole('menuitem', { name: /年报体检/ }).click();
    await page.getByRole('link', { name: '泉州市洛江区工业和信息化局2020年：错误0条，警告0条' }).click();
    await page.getByText('已在门户发布').waitFor({ timeout: 15_000 });
    await page.getByText(/发布日期2021-01-06/).waitFor();
    await page.getByRole('link', { name: /下载原文件（2020-luojiang-gxj\.txt/ }).waitFor();
    await page.getByRole('button', { name: '从门户撤下' }).click();
    await page.getByRole('button', { name: '撤下', exact: true }).click();
    await page.getByRole('button', { name: '作为2020年度报告在门户发布' }).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('原发布日期').inputValue()).toBe('2021-01-06');
    await page.getByRole('button', { name: '作为2020年度报告在门户发布' }).click();
    // Published again: the card's tag (and the confirmation message) say so, and it can be withdrawn.
    await page.getByText('已在门户发布', { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '从门户撤下' }).waitFor();
    await page.close();
  }, 90_000);
});
