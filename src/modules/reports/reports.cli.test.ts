/**
 * `gongkai report` on the demo platform: the 2020 report of 洛江区工信局 equals the published
 * sample (../shared/samples/reports/2020-luojiang-gxj.txt) table for table, read by the report
 * importer, and its overview names the same counts. SQLite and PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { validateReport, type AnnualReport } from '../../domain/report/index.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { readReportFile } from '../report-import/read-file.ts';
import { SAMPLES_DIR } from '../../../test/support/samples.ts';
import { runCli } from '../../../test/support/cli.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';

const SAMPLE = resolve(SAMPLES_DIR, '2020-luojiang-gxj.txt');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await runCli(args);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describeEachDialect('gongkai report', (dialect) => {
  let t: TestDb;
  let dir: string;
  const saved = { url: process.env.GONGKAI_DATABASE_URL, dataDir: process.env.GONGKAI_DATA_DIR };
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadDemo(t.db, new TestClock('2026-11-27T02:00:00Z'), {
      keys: TEST_KEYS,
      passwordMinLength: 12,
      password: () => 'Demo-Password-2026',
    });
    dir = mkdtempSync(join(tmpdir(), 'gk-report-'));
    process.env.GONGKAI_DATABASE_URL = t.url;
    process.env.GONGKAI_DATA_DIR = dir;
  });
  afterAll(async () => {
    if (saved.url === undefined) delete process.env.GONGKAI_DATABASE_URL;
    else process.env.GONGKAI_DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    rmSync(dir, { recursive: true, force: true });
    await t.destroy();
  });

  it("2020 by full name: only the report JSON on stdout, V2019, exactly the sample's tables and overview counts", async () => {
    const { code, out } = await run([
      'report',
      '--agency',
      '泉州市洛江区工业和信息化局',
      '--year',
      '2020',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as AnnualReport;
    expect(report.schema).toBe('gongkai.annual-report/1');
    expect(report.format).toBe('V2019');
    const sample = (await readReportFile(SAMPLE)).report!;
    expect({ table2: report.table2, table3: report.table3, table4: report.table4 }).toEqual({
      table2: sample.table2,
      table3: sample.table3,
      table4: sample.table4,
    });
    expect(report.table2).toEqual({
      rules: [0, 0, 0],
      normative_docs: [1, 1, 2],
      licensing: [4, 0, 1],
      other_services: [7, 0, 21],
      penalty: [50, 0, 0],
      enforcement: [3, 0, 0],
      fees: [0, 0],
      procurement: [0, 0],
    });
    const overview = report.sections?.overview ?? '';
    expect(overview).toContain(
      '主动公开政府信息数16条。其中，机构职能类信息1条；政策、规范性文件类信息1条；行政许可类信息1条；安全生产类信息4条；其他类信息9条。',
    );
    expect(overview).toContain('2020年，我局无政府信息依申请事项。');
    expect(validateReport(report)).toEqual([]);
  });

  it('by code, to a file in each format; usage errors exit 2, an unknown agency 3', async () => {
    for (const format of ['docx', 'xlsx', 'pdf', 'html']) {
      const file = join(dir, `r.${format}`);
      const { code, err } = await run([
        'report',
        '--agency',
        'luojiang-gxj',
        '--year',
        '2020',
        '--format',
        format,
        '--out',
        file,
      ]);
      expect(code).toBe(0);
      expect(err).toBe(`已写入 ${file}\n`);
      const head = readFileSync(file).subarray(0, 4).toString('latin1');
      expect(head).toBe(format === 'pdf' ? '%PDF' : format === 'html' ? '<!do' : 'PK\u0003\u0004');
    }
    expect((await run(['report', '--year', '2020'])).code).toBe(2);
    expect((await run(['report', '--agency', 'luojiang-gxj', '--year', '2020', '--format', 'odt'])).code).toBe(2);
    const unknown = await run(['report', '--agency', '不存在的局', '--year', '2020']);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('找不到机构');
  });
});
