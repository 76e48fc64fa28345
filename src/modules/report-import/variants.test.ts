/** Re-typeset variants of the samples (HTML, DOCX, PDF, text styles), hazards, planted errors, a year chain. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LUOJIANG_2020, PINGTAN_2021, SHUYANG_2023 } from '../../../test/fixtures/reports/expected.ts';
import { ruleCells, tablesOf } from '../../../test/fixtures/reports/tables.ts';
import { hazardReport } from '../../../tools/report-fixtures/hazards.ts';
import { PLANTED, planted } from '../../../tools/report-fixtures/samples.ts';
import { importFiles } from './import-batch.ts';
import { readReportFile } from './read-file.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/reports');
const at = (name: string) => `${FIXTURES}/${name}`;

describe('variants of the samples read to the same tables', () => {
  const cases = [
    ...['luojiang.html', 'luojiang.docx', 'luojiang.pdf', 'luojiang.md', 'luojiang-pipe.txt', 'luojiang-space.txt'].map(
      (f) => [f, LUOJIANG_2020] as const,
    ),
    ...['pingtan.html', 'pingtan.docx', 'pingtan.pdf'].map((f) => [f, PINGTAN_2021] as const),
    ...['shuyang.html', 'shuyang.docx', 'shuyang.pdf', 'shuyang-tab.txt'].map((f) => [f, SHUYANG_2023] as const),
  ];
  it.each(cases)('%s', async (file, expected) => {
    const res = await readReportFile(at(`variants/${file}`));
    expect(res.error).toBeNull();
    expect(tablesOf(res.report)).toEqual(expected);
  });

  it('give the findings of the original: none for 洛江, the ambiguous row for 平潭, R9 for 沭阳', async () => {
    expect((await readReportFile(at('variants/luojiang.pdf'))).findings).toEqual([]);
    expect(ruleCells((await readReportFile(at('variants/pingtan.docx'))).findings)).toEqual([
      'ambiguous table2.normative_docs',
    ]);
    const shuyang = (await readReportFile(at('variants/shuyang.pdf'))).findings;
    expect(shuyang.filter((f) => f.rule === 'R9').map((f) => f.cells?.length)).toEqual([125]);
    expect(shuyang.filter((f) => f.severity !== 'info' && f.rule !== 'R9')).toEqual([]);
  });
});

describe('text hazards', () => {
  it('reads page footers, broken labels, split headers, full-width digits, 1,021, 万元 and －15', async () => {
    const res = await readReportFile(at('hazards/hazards.txt'));
    const expected = hazardReport();
    expect(tablesOf(res.report)).toEqual(tablesOf(expected));
    expect(res.report?.table2.procurement).toEqual([3, 1234567.5]);
    expect(res.findings).toEqual([
      {
        rule: 'read',
        severity: 'info',
        where: 'table2.procurement[1]',
        message: '表二「政府集中采购」行的金额印为123.45675万元，已按格式换算为1234567.5元。',
      },
    ]);
  });
});

describe('planted errors are found at the right cell, and nothing else is', () => {
  it.each(PLANTED.map((p) => [p.name, p.expect] as const))('%s', async (name, expected) => {
    const res = await readReportFile(at(`planted/${name}.txt`));
    expect(tablesOf(res.report)).toEqual(tablesOf(planted(name)));
    expect(ruleCells(res.findings)).toEqual([...expected].sort());
    for (const f of res.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('several years of one agency in one batch', () => {
  it('checks the carry-over (R5) and the stock of 行政规范性文件 (R6) against the previous year', async () => {
    const entries = await importFiles([at('chain')]);
    expect(entries.map((e) => [e.report?.year, e.error])).toEqual([
      [2021, null],
      [2022, null],
    ]);
    expect(ruleCells(entries[0]!.findings)).toEqual([]);
    expect(ruleCells(entries[1]!.findings)).toEqual([
      'R5 table3.carried_in[0]',
      'R5 table3.carried_in[6]',
      'R6 table2.normative_docs[2]',
    ]);
    expect(entries[1]!.findings.find((f) => f.rule === 'R5')?.message).toBe(
      '表三「二、上年结转政府信息公开申请数量」的「自然人」列为0，但2021年报告「四、结转下年度继续办理」为1。',
    );
  });
});
