/**
 * 年报体检 through inject() on SQLite and PostgreSQL: the supervisor uploads the three real
 * samples (committed copies) and a report with a planted error; the list, one report's
 * findings, the XLSX export read back with exceljs, and the comparison of the 2020 洛江 sample
 * with the demo bureau's generated 2020 report (equal tables: no difference).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/reports');
const file = (path: string) => ({
  name: path.split('/').pop()!,
  content: readFileSync(`${FIXTURES}/${path}`).toString('base64'),
});

interface Summary {
  id: string;
  agencyName: string;
  agencyId: string | null;
  year: number;
  format: string;
  counts: { error: number; warning: number; info: number };
}

describeEachDialect('年报体检 API', (dialect) => {
  let t: TestApp;
  let gxj = '';
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    gxj = (await findByCodeOrName(t.ctx.db, 'luojiang-gxj'))!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const s = await t.login(user);
    return t.app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };

  it('uploads the samples and a planted error: each read and stored once, a non-report answered with its error', async () => {
    const files = [
      file('samples/2020-luojiang-gxj.txt'),
      file('samples/2021-pingtan-zhsyq.txt'),
      file('samples/2023-shuyang-fgj.html'),
      file('planted/r1-row-total.txt'),
      file('bad/notice.txt'),
    ];
    expect((await call('gxj.clerk', 'POST', '/api/v1/report-checks/uploads', { files })).statusCode).toBe(403);
    const res = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', { files });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as Array<{
      file: string;
      status: string;
      id: string | null;
      error: string | null;
      agencyName: string | null;
      year: number | null;
      counts: Summary['counts'];
    }>;
    expect(results.map((r) => [r.file, r.status, r.agencyName, r.year])).toEqual([
      // The demo loaded this very file as the bureau's past report (issue 16): stored once.
      ['2020-luojiang-gxj.txt', 'duplicate', '泉州市洛江区工业和信息化局', 2020],
      ['2021-pingtan-zhsyq.txt', 'inserted', '平潭综合实验区', 2021],
      ['2023-shuyang-fgj.html', 'inserted', '沭阳县发展和改革局', 2023],
      ['r1-row-total.txt', 'inserted', '泉州市某某区示例局', 2020],
      ['notice.txt', 'skipped', null, null],
    ]);
    expect(results[4]!.error).toMatch(/没有政府信息公开工作年度报告的统计表格/);
    expect(results.map((r) => r.counts)).toEqual([
      { error: 0, warning: 0, info: 0 },
      { error: 0, warning: 1, info: 5 },
      { error: 0, warning: 1, info: 1 },
      { error: 2, warning: 0, info: 0 },
      { error: 0, warning: 0, info: 0 },
    ]);
    ids = Object.fromEntries(results.filter((r) => r.id).map((r) => [r.file, r.id!]));
    const again = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', { files: [files[0]] });
    expect(again.json().results[0]).toMatchObject({ status: 'duplicate', id: ids['2020-luojiang-gxj.txt'] });
  });

  it('refuses content that is not base64 and bodies over the limit', async () => {
    const bad = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', {
      files: [{ name: 'a.txt', content: '这不是Base64' }],
    });
    expect(bad.statusCode).toBe(400);
    const s = await t.login('zfb.supervisor');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/report-checks/uploads',
      payload: { files: [{ name: 'big.txt', content: 'A'.repeat(29 * 1024 * 1024) }] },
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toBe('提交的内容过大');
  });

  it('lists agencies × years with counts by severity', async () => {
    const res = await call('zfb.supervisor', 'GET', '/api/v1/report-checks');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Summary[];
    expect(items.map((i) => [i.agencyName, i.year, i.format, i.counts.error, i.counts.warning])).toEqual(
      expect.arrayContaining([
        ['泉州市洛江区工业和信息化局', 2020, 'V2019', 0, 0],
        ['平潭综合实验区', 2021, 'V2021', 0, 1],
        ['沭阳县发展和改革局', 2023, 'V2021', 0, 1],
        ['泉州市某某区示例局', 2020, 'V2019', 2, 0],
      ]),
    );
    expect(items).toHaveLength(4);
    expect(items.find((i) => i.year === 2020 && i.agencyName.includes('洛江'))?.agencyId).toBe(gxj);
    expect((await call('gxj.clerk', 'GET', '/api/v1/report-checks')).statusCode).toBe(403);
  });

  it('shows one report with its findings and the official label of each cell', async () => {
    const res = await call('zfb.supervisor', 'GET', `/api/v1/report-checks/${ids['r1-row-total.txt']}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report.table3.granted).toEqual([3, 1, 0, 0, 0, 0, 5]);
    expect(
      body.findings.map((f: { rule: string; where: string; label: string }) => [f.rule, f.where, f.label]),
    ).toEqual([
      ['R1', 'table3.granted[6]', '表三「（一）予以公开」行「总计」列'],
      ['R2', 'table3.total[6]', '表三「（七）总计」行「总计」列'],
    ]);
    expect(body.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect((await call('zfb.supervisor', 'GET', '/api/v1/report-checks/no-such-id')).statusCode).toBe(404);
  });

  it('exports the findings to XLSX: a header row, one row per finding, an autofilter', async () => {
    const res = await call('zfb.supervisor', 'GET', '/api/v1/report-checks/findings.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('检查结果')!;
    const rows = ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['机关', '年度', '规则', '级别', '位置', '单元格（行、列）', '说明', '来源文件']);
    expect(rows).toHaveLength(1 + 6 + 2 + 2);
    expect(rows).toContainEqual([
      '泉州市某某区示例局',
      2020,
      '行合计（R1）',
      '错误',
      'table3.granted[6]',
      '表三「（一）予以公开」行「总计」列',
      expect.stringMatching(/总计/),
      'r1-row-total.txt',
    ]);
    expect(rows).toContainEqual([
      '沭阳县发展和改革局',
      2023,
      '空白单元格（R9）',
      '警告',
      'table3',
      '表三',
      expect.stringMatching(/^表三有125个空白单元格/),
      '2023-shuyang-fgj.html',
    ]);
    expect(ws.autoFilter).toBe(`A1:H${ws.rowCount}`);
    const one = await call(
      'zfb.supervisor',
      'GET',
      `/api/v1/report-checks/findings.xlsx?id=${ids['r1-row-total.txt']}`,
    );
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    expect(wb1.getWorksheet('检查结果')!.rowCount).toBe(3);
  });

  it("compares the 2020 洛江 sample with the demo bureau's generated 2020 report: equal tables", async () => {
    const res = await call('zfb.supervisor', 'GET', `/api/v1/report-checks/${ids['2020-luojiang-gxj.txt']}/comparison`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      agency: { id: gxj, name: '泉州市洛江区工业和信息化局' },
      year: 2020,
      format: 'V2019',
      differences: [],
    });
    expect(body.generated.table2.other_services).toEqual([7, 0, 21]);
  });

  it('shows the differing cells when the tables differ, and explains an agency that is not on the platform', async () => {
    const planted = readFileSync(`${FIXTURES}/samples/2020-luojiang-gxj.txt`, 'utf8').replace(
      /(其他对外管理服务事项\s+7\s+0\s+)21/,
      '$122',
    );
    expect(planted).toContain('22');
    const up = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', {
      files: [{ name: 'luojiang-changed.txt', content: Buffer.from(planted).toString('base64') }],
    });
    const id = up.json().results[0].id as string;
    const res = await call('zfb.supervisor', 'GET', `/api/v1/report-checks/${id}/comparison`);
    expect(res.json().differences).toEqual([
      {
        where: 'table2.other_services[2]',
        label: '表二「其他对外管理服务事项」行「处理决定数量」列',
        imported: 22,
        generated: 21,
      },
    ]);
    const elsewhere = await call(
      'zfb.supervisor',
      'GET',
      `/api/v1/report-checks/${ids['2021-pingtan-zhsyq.txt']}/comparison`,
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json()).toMatchObject({ code: 'REPORT_CHECK_NO_AGENCY' });
    expect(elsewhere.json().detail).toContain('平潭综合实验区');
  });

  it('takes the year and agency a person states for a file that does not say them, and shows the evidence', async () => {
    const bare = readFileSync(`${FIXTURES}/samples/2020-luojiang-gxj.txt`, 'utf8')
      .replace(/^.*年度报告\s*$/m, '')
      .replace(/^根据《中华人民共和国政府信息公开条例》.*$/m, '')
      .replace(/2021\s*年\s*1\s*月\s*6\s*日\s*$/, '');
    const content = Buffer.from(bare).toString('base64');
    const unstated = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', {
      files: [{ name: 'bare.txt', content }],
    });
    expect(unstated.json().results[0]).toMatchObject({
      status: 'skipped',
      error: expect.stringMatching(/^无法确定报告所属年度/),
    });
    const stated = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', {
      files: [{ name: 'bare.txt', content, year: 2020, agency: '泉州市洛江区工业和信息化局' }],
    });
    expect(stated.json().results[0]).toMatchObject({
      status: 'inserted',
      year: 2020,
      agencyName: '泉州市洛江区工业和信息化局',
      detection: '年度：2020，依据：人工指定；格式：V2019，依据：表格栏目',
    });
    const detail = await call('zfb.supervisor', 'GET', `/api/v1/report-checks/${stated.json().results[0].id}`);
    expect(detail.json().detection).toBe('年度：2020，依据：人工指定；格式：V2019，依据：表格栏目');
    const bad = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', {
      files: [{ name: 'bare.txt', content, year: 19 }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('pairs the library by agency and year and compares two years, as JSON, XLSX and DOCX', async () => {
    const up = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', {
      files: [file('chain/2021.txt'), file('chain/2022.html')],
    });
    const [y2021, y2022] = (up.json().results as Array<{ id: string; agencyName: string }>).map((r) => r.id);
    const agency = up.json().results[0].agencyName as string;
    const library = (await call('zfb.supervisor', 'GET', '/api/v1/report-checks/library')).json().items as Array<{
      agencyName: string;
      years: Array<{ year: number }>;
      pairs: Array<{ before: string; after: string; years: number[] }>;
    }>;
    const mine = library.find((g) => g.agencyName === agency)!;
    expect(mine.years.map((y) => y.year)).toEqual([2021, 2022]);
    expect(mine.pairs).toEqual([{ before: y2021, after: y2022, years: [2021, 2022] }]);

    // Either order: the earlier year comes first.
    const res = await call('zfb.supervisor', 'GET', `/api/v1/report-checks/compare?a=${y2022}&b=${y2021}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect([c.before.year, c.after.year]).toEqual([2021, 2022]);
    expect(c.cells.length).toBeGreaterThan(0);
    expect(c.cells[0].label).toMatch(/^表[二三四]/);
    expect(c.movers.length).toBeGreaterThan(0);
    expect(c.crossYear.map((f: { rule: string }) => f.rule)).toEqual(['R5', 'R5', 'R6']);

    const xlsx = await call('zfb.supervisor', 'GET', `/api/v1/report-checks/compare.xlsx?a=${y2021}&b=${y2022}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表格变化', '关键数字', '正文变化', '跨年度检查']);
    expect(wb.getWorksheet('表格变化')!.rowCount).toBe(1 + c.cells.length);
    expect(wb.getWorksheet('跨年度检查')!.getRow(2).getCell(1).value).toBe('上年结转衔接（R5）');

    const docx = await call('zfb.supervisor', 'GET', `/api/v1/report-checks/compare.docx?a=${y2021}&b=${y2022}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const other = await call(
      'zfb.supervisor',
      'GET',
      `/api/v1/report-checks/compare?a=${y2021}&b=${ids['2021-pingtan-zhsyq.txt']}`,
    );
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'REPORT_COMPARE_AGENCY' });
    expect((await call('gxj.clerk', 'GET', `/api/v1/report-checks/compare?a=${y2021}&b=${y2022}`)).statusCode).toBe(
      403,
    );
  });
});
