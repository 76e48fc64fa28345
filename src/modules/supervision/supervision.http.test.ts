/** The supervision API through inject(): statistics, drill-down, exports, authorization, bad input. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';

describeEachDialect('supervision API', (dialect) => {
  let t: TestApp;
  let lj = '';
  let gxj = '';
  let qz = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-03-02T02:00:00Z');
    lj = (await findByCodeOrName(t.ctx.db, 'luojiang'))!.id;
    gxj = (await findByCodeOrName(t.ctx.db, 'luojiang-gxj'))!.id;
    qz = (await findByCodeOrName(t.ctx.db, 'quanzhou'))!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (user: string | null, url: string) => {
    const headers = user ? { cookie: (await t.login(user)).cookie } : {};
    return t.app.inject({ method: 'GET', url, headers });
  };

  it("counts the demo subtree for 2024: per agency, rolled up, and equal to the aggregate report's table 三", async () => {
    const res = await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2024`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.root.id).toBe(lj);
    expect(body.period).toEqual({ from: '2024-01-01', to: '2024-12-31', label: '2024年', year: 2024 });
    const names = body.agencies.map((a: { agency: { name: string } }) => a.agency.name);
    expect(names[0]).toBe('泉州市洛江区人民政府');
    expect(names).toContain('泉州市洛江区河市镇人民政府');
    const total = body.total.applications;
    expect(total.received).toBe(30);
    expect(total.closed).toBe(27);
    // Each closure counted once: by outcome (R2) and by working days.
    const sum = (o: Record<string, number>) => Object.values(o).reduce((n, v) => n + v, 0);
    expect(sum(total.outcomes)).toBe(27);
    expect(sum(total.replyDays)).toBe(27);
    expect(body.total.derived.medianReplyDays).toBe(12);
    // The root's subtree is the sum of every agency's own figures.
    type Row = { own: { applications: { received: number }; catalog: { published: number } } };
    expect(body.agencies.reduce((n: number, a: Row) => n + a.own.applications.received, 0)).toBe(30);
    expect(body.agencies.reduce((n: number, a: Row) => n + a.own.catalog.published, 0)).toBe(
      body.total.catalog.published,
    );
    // Same records, same rules: the statistics agree with the aggregate report's table 三 and 四.
    const agg = (await get('zfb.supervisor', `/api/v1/reports/aggregate?rootId=${lj}&year=2024`)).json();
    expect(total.received).toBe(agg.report.table3.received[6]);
    expect(total.closed).toBe(agg.report.table3.total[6]);
    expect(total.outcomes.granted).toBe(agg.report.table3.granted[6]);
    expect(body.total.cases.corrected).toBe(agg.report.table4.reconsideration[1]);
    // 第四十九条: the 2024 reports were due by 31 January 2025 (the county by 31 March) and none was published.
    const county = body.agencies[0];
    expect(county.report).toMatchObject({ deadline: '2025-03-31', state: 'overdue', publishedOn: null });
    expect(county.reports).toMatchObject({
      agencies: body.agencies.length,
      published: 0,
      overdue: body.agencies.length,
    });
    expect(body.months).toHaveLength(12);
    expect(body.months.reduce((n: number, m: { received: number }) => n + m.received, 0)).toBe(30);
  });

  it('takes a quarter, a month or dates; the drill-down lists the records behind a figure with links', async () => {
    const q = (await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2024&quarter=2`)).json();
    expect(q.period).toMatchObject({ from: '2024-04-01', to: '2024-06-30', label: '2024年第二季度' });
    const m = (await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2024&month=2`)).json();
    expect(m.period).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    const d = (await get('zfb.supervisor', `/api/v1/supervision/statistics?from=2024-01-01&to=2024-06-30`)).json();
    expect(d.total.applications.received).toBe(
      q.total.applications.received +
        (await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2024&quarter=1`)).json().total.applications
          .received,
    );
    const closed = await get('zfb.supervisor', `/api/v1/supervision/records?metric=closed&year=2024`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().total).toBe(27);
    expect(closed.json().items[0].link).toMatch(new RegExp(`^/admin/applications/[^?]+\\?agency=${gxj}$`));
    const granted = await get('zfb.supervisor', `/api/v1/supervision/records?metric=outcome:granted&year=2024`);
    expect(granted.json().total).toBe(6);
    const own = await get('zfb.supervisor', `/api/v1/supervision/records?metric=closed&year=2024&scope=own`);
    expect(own.json().total).toBe(0);
  });

  it('counts overdue applications today, and the drill-down names them', async () => {
    const before = (await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2026`)).json();
    t.clock.set('2027-06-01T02:00:00Z');
    try {
      const after = (await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2026`)).json();
      expect(after.total.applications.overdueNow).toBeGreaterThan(before.total.applications.overdueNow);
      const list = (await get('zfb.supervisor', `/api/v1/supervision/records?metric=overdueNow&year=2026`)).json();
      expect(list.total).toBe(after.total.applications.overdueNow);
      expect(list.items.every((i: { due: string }) => i.due < '2027-06-01')).toBe(true);
    } finally {
      t.clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('exports the statistics as a workbook', async () => {
    const res = await get('zfb.supervisor', `/api/v1/supervision/statistics.xlsx?year=2024`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('各机关（含下级）')!;
    expect(ws.getRow(2).getCell(1).value).toBe('泉州市洛江区人民政府');
    expect(ws.getRow(2).getCell(3).value).toBe(30);
  });

  it('refuses bad periods and agencies outside the subtree in Chinese, naming the field; others may not look', async () => {
    const bad = async (query: string, field: string) => {
      const res = await get('zfb.supervisor', `/api/v1/supervision/statistics?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.json().errors ?? res.json().fields ?? {}), query).toContain(field);
      expect(res.json().detail).toMatch(/[\u4e00-\u9fa5]/);
    };
    await bad('year=abc', 'year');
    await bad('year=2024&quarter=5', 'quarter');
    await bad('year=2024&month=13', 'month');
    await bad('from=2024-06-01&to=2024-01-01', 'to');
    await bad('from=2024-02-30&to=2024-03-01', 'from');
    await bad('', 'year');
    const outside = await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2024&agencyId=${qz}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'OUTSIDE_SUBTREE' });
    expect(outside.json().detail).toContain('agencyId');
    expect((await get('zfb.supervisor', `/api/v1/supervision/records?metric=nonsense&year=2024`)).statusCode).toBe(400);
    // Staff of an agency do not supervise; the auditor reads; nobody anonymous.
    expect((await get('gxj.head', `/api/v1/supervision/statistics?year=2024`)).statusCode).toBe(403);
    expect((await get('audit.admin', `/api/v1/supervision/statistics?year=2024&agencyId=${lj}`)).statusCode).toBe(200);
    expect((await get(null, `/api/v1/supervision/statistics?year=2024`)).statusCode).toBe(401);
    // A supervisor may look at a part of its subtree.
    const part = (await get('zfb.supervisor', `/api/v1/supervision/statistics?year=2024&agencyId=${gxj}`)).json();
    expect(part.agencies).toHaveLength(1);
  });
  it('serves the aggregate report as a file in each format, to supervisors and auditors', async () => {
    const json = await get('zfb.supervisor', `/api/v1/supervision/aggregate/export?year=2024&format=json`);
    expect(json.statusCode).toBe(200);
    expect(json.json().includedAgencies.map((a: { name: string }) => a.name)).toContain('泉州市洛江区河市镇人民政府');
    expect(decodeURIComponent(String(json.headers['content-disposition']))).toContain(
      '泉州市洛江区人民政府2024年政府信息公开工作年度报告汇总表（含下级机关）.json',
    );
    for (const format of ['docx', 'xlsx', 'pdf']) {
      const res = await get(
        'audit.admin',
        `/api/v1/supervision/aggregate/export?agencyId=${lj}&year=2024&format=${format}`,
      );
      expect(res.statusCode, format).toBe(200);
      expect(res.rawPayload.length).toBeGreaterThan(1000);
    }
    expect((await get('zfb.supervisor', `/api/v1/supervision/aggregate/export?year=2024&format=html`)).statusCode).toBe(
      400,
    );
    const badYear = await get('zfb.supervisor', `/api/v1/supervision/aggregate?year=2018`);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().detail).toContain('year');
    expect((await get('gxj.head', `/api/v1/supervision/aggregate?year=2024`)).statusCode).toBe(403);
  });
});
