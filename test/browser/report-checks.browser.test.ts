/**
 * 年报体检 in Chromium: the supervisor uploads a report with a planted error (table 三's
 * （一）予以公开 row does not add up) and the real 2020 洛江 report, sees both in the agencies ×
 * years list, opens the faulty one and finds the offending cell marked with its Chinese
 * message; the 洛江 report compares equal with the report the platform generates.
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
    expect(await page.getByText('已导入', { exact: true }).count()).toBe(2);
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
});
