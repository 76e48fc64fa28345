/** The three real samples (committed copies of ../shared/samples/reports/) read cell for cell. */
import { describe, expect, it } from 'vitest';
import { LUOJIANG_2020, PINGTAN_2021, SHUYANG_2023 } from '../../../test/fixtures/reports/expected.ts';
import { readReportFile } from './read-file.ts';
import { tablesOf } from '../../../test/fixtures/reports/tables.ts';
import { SAMPLES_DIR } from '../../../test/support/samples.ts';

const SAMPLES = SAMPLES_DIR;

describe('the real samples', () => {
  it('2020 洛江: V2019 for a 2020 report, every cell, and no findings at all', async () => {
    const res = await readReportFile(`${SAMPLES}/2020-luojiang-gxj.txt`);
    expect(res.error).toBeNull();
    expect(tablesOf(res.report)).toEqual(LUOJIANG_2020);
    expect(res.findings).toEqual([]);
    expect(res.report?.sections?.overview).toContain('主动公开政府信息数 16 条');
    expect(res.report?.sections?.other).toBe('暂无。');
    expect(res.report?.source?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('2021 平潭 crawler text: run-together rows settled by the arithmetic, 行政规范性文件 left null as ambiguous', async () => {
    const res = await readReportFile(`${SAMPLES}/2021-pingtan-zhsyq.txt`);
    expect(tablesOf(res.report)).toEqual(PINGTAN_2021);
    const ambiguous = res.findings.filter((f) => f.rule === 'ambiguous');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({ severity: 'warning', where: 'table2.normative_docs' });
    expect(ambiguous[0]?.message).toContain('693665');
    const settled = res.findings.filter((f) => f.rule === 'read').map((f) => f.where);
    expect(settled).toEqual([
      'table3.received',
      'table3.granted',
      'table3.unavailable_not_held',
      'table3.total',
      'table4',
    ]);
    expect(res.findings.filter((f) => f.severity !== 'info' && f.rule !== 'ambiguous')).toEqual([]);
    expect(res.unreadable).toEqual([
      'table2.normative_docs[0]',
      'table2.normative_docs[1]',
      'table2.normative_docs[2]',
    ]);
  });

  it('2023 沭阳 HTML: blank 法人或其他组织 columns are null with R9, 规范性文件 read as 行政规范性文件', async () => {
    const res = await readReportFile(`${SAMPLES}/2023-shuyang-fgj.html`);
    expect(tablesOf(res.report)).toEqual(SHUYANG_2023);
    const r9 = res.findings.filter((f) => f.rule === 'R9');
    expect(r9).toHaveLength(1);
    expect(r9[0]!.cells).toHaveLength(25 * 5);
    expect(r9[0]!.cells).toContain('table3.carried_out[5]');
    const others = res.findings.filter((f) => f.rule !== 'R9');
    expect(others).toEqual([
      expect.objectContaining({ rule: 'read', severity: 'info', where: 'table2.normative_docs' }),
    ]);
  });
});
