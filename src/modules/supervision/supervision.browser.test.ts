/**
 * The supervisor's journey in Chromium on the demo: the supervisor of 泉州市洛江区人民政府 opens
 * 监督统计, sees every agency below with statistics and charts, sorts the per-agency table,
 * drills down to the records and opens one, reads the scorecard with its evidence, and downloads
 * the aggregate report.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.ts';
import { browserAvailable } from '../../../test/support/browser.ts';
import { logInAs, startConsole } from '../../../test/support/console.ts';
import { SupervisionPage } from '../../../test/support/pages/supervision.ts';
import { subtreeIds } from '../agencies/agencies.repository.ts';
import { interpretationCounts } from '../catalog/catalog.repository.ts';

describe.skipIf(!browserAvailable)('supervision in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, browser, base } = await startConsole());
    t.clock.set('2026-03-02T02:00:00Z');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /**
   * The agency `username` supervises (its reach: a government, which may sit above the
   * supervisor's own office) and the number of agencies in its subtree (itself included).
   */
  async function overseen(username: string): Promise<{ id: string; name: string; count: number }> {
    const user = await t.ctx.db
      .selectFrom('app_user')
      .innerJoin('user_reach', 'user_reach.user_id', 'app_user.id')
      .innerJoin('agency', 'agency.id', 'user_reach.agency_id')
      .select(['agency.id', 'agency.name'])
      .where('app_user.username', '=', username)
      .executeTakeFirstOrThrow();
    const agencies = await t.ctx.db.selectFrom('agency').select(['id', 'parent_id']).execute();
    const below = (id: string): number =>
      1 + agencies.filter((a) => a.parent_id === id).reduce((n, a) => n + below(a.id), 0);
    return { id: user.id, name: user.name, count: below(user.id) };
  }

  it('walks statistics, charts, the agency table with drill-down, the scorecard and the aggregate report', async () => {
    const shots = process.env.GONGKAI_SCREENSHOTS ?? '/tmp';
    // The supervisor's agency and how many agencies it oversees (itself and every level below), from the database.
    const { count, name: scope, id: scopeId } = await overseen('zfb.supervisor');
    const supervision = await new SupervisionPage(
      await logInAs(browser, base, 'zfb.supervisor', { width: 1500, height: 1000 }),
      base,
    ).open();
    const page = supervision.page;
    await page.getByText(`${scope}及下级机关（${count}个） · 2025年`).waitFor({ timeout: 20_000 });
    await page.getByRole('img', { name: '依申请公开按月趋势图' }).waitFor();
    await page.getByRole('img', { name: '办理结果分布图' }).waitFor();
    await expect(page.locator('[aria-label="办理结果分布图"] svg').count()).resolves.toBe(1);
    // 政策解读 per policy of 2025 across the subtree, as the catalog counts them (issue 18).
    const policies = await interpretationCounts(t.ctx.db, await subtreeIds(t.ctx.db, [scopeId]), 2025);
    const withOne = policies.filter((p) => p.interpretations > 0).length;
    expect(withOne).toBeGreaterThan(0);
    const interpretations = supervision.interpretations();
    await interpretations
      .getByText(`2025年发布政策文件${policies.length}件，其中${withOne}件已有解读`, { exact: false })
      .waitFor({ timeout: 15_000 });
    // Policies still without a 解读 come first.
    const first = [...policies].sort((a, b) => a.interpretations - b.interpretations)[0]!;
    await interpretations
      .getByRole('row')
      .filter({ hasText: first.title })
      .getByText(first.interpretations > 0 ? `${first.interpretations}篇` : '未解读')
      .waitFor();
    await page.screenshot({ path: `${shots}/supervision-charts.png`, fullPage: false });

    await supervision.tab('各机关');
    await supervision
      .agencyTable()
      .getByRole('row', { name: /泉州市洛江区河市镇人民政府/ })
      .waitFor();
    // Sort by 新收申请, descending: the bureau with the demo's applications comes first.
    await supervision.sortDescending(/新收申请/);
    await expect(supervision.firstAgencyRow()).resolves.toContain('泉州市洛江区工业和信息化局');
    await page.screenshot({ path: `${shots}/supervision-agencies.png`, fullPage: false });
    const drawer = await supervision.drill(/泉州市洛江区工业和信息化局新收申请\d+，查看记录/);
    await drawer.getByText(/^共\d+条/).waitFor({ timeout: 15_000 });
    await drawer.getByRole('row').getByRole('link').first().click();
    await page.waitForURL(/\/admin\/applications\/[^/?]+\?agency=/, { timeout: 15_000 });
    await page
      .getByRole('heading', { name: /政府信息公开申请|申请/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.goto(`${base}/admin/supervision`);
    await page.getByText(`${scope}及下级机关（${count}个）`).waitFor({ timeout: 20_000 });

    await supervision.tab('考核');
    await page.getByRole('img', { name: '考核得分排名图' }).waitFor({ timeout: 20_000 });
    const row = page.getByRole('row', { name: /泉州市洛江区工业和信息化局/ }).first();
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('cell', { name: '依申请公开按期答复率' }).first().waitFor();
    await page
      .getByText(/在法定期限前发布年度报告（可再得10分）/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${shots}/supervision-scorecard.png`, fullPage: false });

    await supervision.tab('汇总报告');
    const link = page.getByRole('link', { name: '下载 Word（DOCX）' });
    const href = await link.getAttribute('href');
    const res = await page.request.get(`${base}${href}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.close();
  }, 180_000);
});
