/** Year over year: cell changes, paragraph changes, biggest movers and R5 in one comparison. */
import { describe, expect, it } from 'vitest';
import { compareParagraphs, compareYears } from './compare-years.ts';
import { emptyReport } from './annual-report.ts';
import { getFormat } from './formats.ts';

const report = (year: number) => {
  const r = emptyReport(getFormat('V2021'), { name: '某某县发展和改革局' }, year);
  r.sections = {
    overview: '本年度我局坚持公开为常态。\n（二）依申请公开情况。本年度共收到申请5件。',
    problems: '宣传不够。',
    other: '无。',
  };
  return r;
};

describe('compareYears', () => {
  it('lists every changed cell, the biggest movers, changed paragraphs and R5 across consecutive years', () => {
    const a = report(2022);
    const b = report(2023);
    a.table3.carried_out = [1, 0, 0, 0, 0, 0, 1];
    b.table3.carried_in = [2, 0, 0, 0, 0, 0, 2];
    b.table2.licensing = [120];
    a.table2.licensing = [20];
    b.sections!.overview =
      '本年度我局坚持公开为常态。\n（二）依申请公开情况。本年度共收到申请9件。\n（三）新增平台建设情况。';
    b.sections!.problems = '';
    const c = compareYears(a, b);
    expect(c.sameFormat).toBe(true);
    expect(c.cells.map((x) => [x.where, x.before, x.after, x.change])).toEqual([
      ['table2.licensing[0]', 20, 120, 100],
      ['table3.carried_in[0]', 0, 2, 2],
      ['table3.carried_in[6]', 0, 2, 2],
      ['table3.carried_out[0]', 1, 0, -1],
      ['table3.carried_out[6]', 1, 0, -1],
    ]);
    expect(c.cells[0]!.label).toBe('表二「行政许可」行「本年处理决定数量」列');
    expect(c.cells[0]!.ratio).toBe(5);
    expect(c.movers[0]!.where).toBe('table2.licensing[0]');
    expect(c.paragraphs).toEqual([
      {
        section: 'overview',
        kind: 'changed',
        before: '（二）依申请公开情况。本年度共收到申请5件。',
        after: '（二）依申请公开情况。本年度共收到申请9件。',
      },
      { section: 'overview', kind: 'added', before: null, after: '（三）新增平台建设情况。' },
      { section: 'problems', kind: 'removed', before: '宣传不够。', after: null },
    ]);
    expect(c.crossYear.map((f) => `${f.rule} ${f.where}`)).toEqual([
      'R5 table3.carried_in[0]',
      'R5 table3.carried_in[6]',
    ]);
  });

  it('has no cross-year findings for years that are not consecutive, and refuses reversed years', () => {
    const a = report(2021);
    a.table3.carried_out = [1, 0, 0, 0, 0, 0, 1];
    expect(compareYears(a, report(2023)).crossYear).toEqual([]);
    expect(() => compareYears(report(2023), a)).toThrow();
  });

  it('pairs reworded paragraphs and keeps unrelated ones apart', () => {
    expect(compareParagraphs('other', '今年没有收取信息处理费。', '本年度没有收取信息处理费。')[0]!.kind).toBe(
      'changed',
    );
    expect(compareParagraphs('other', '无。', '本年度共收取信息处理费380元。').map((p) => p.kind)).toEqual([
      'added',
      'removed',
    ]);
  });
});
