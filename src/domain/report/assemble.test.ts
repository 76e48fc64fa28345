import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  V2019,
  V2021,
  assembleReport,
  chooseFormat,
  emptyFigures,
  sumFigures,
  sumReports,
  validateReport,
} from './index.ts';
import { luojiang2020 } from './figures.fixtures.ts';

describe('choosing the format', () => {
  it('V2019 for 2019–2020, V2021 from 2021; an override needs a reason, and is recorded', () => {
    expect(chooseFormat(2020).format.id).toBe('V2019');
    expect(chooseFormat(2021)).toMatchObject({ overridden: false, reason: null });
    expect(() => chooseFormat(2021, { format: 'V2019', reason: '  ' })).toThrow(DomainError);
    expect(chooseFormat(2021, { format: 'V2019', reason: '按主管部门要求沿用旧格式' })).toMatchObject({
      overridden: true,
      reason: '按主管部门要求沿用旧格式',
    });
    expect(chooseFormat(2020, { format: 'V2019', reason: '' }).overridden).toBe(false);
    expect(() => chooseFormat(2018)).toThrow(/统一格式/);
  });
});

describe('assembly', () => {
  it('gives the tables of the 2020 洛江 sample from its figures, V2019, with no findings', () => {
    const r = assembleReport({ agency: { name: '泉州市洛江区工业和信息化局' }, year: 2020, figures: luojiang2020() });
    expect(r.format).toBe('V2019');
    expect(r.table2).toEqual({
      rules: [0, 0, 0],
      normative_docs: [1, 1, 2],
      licensing: [4, 0, 1],
      other_services: [7, 0, 21],
      penalty: [50, 0, 0],
      enforcement: [3, 0, 0],
      fees: [0, 0],
      procurement: [0, 0],
    });
    expect(Object.keys(r.table3)).toEqual(V2019.table3.rows.map((x) => x.key));
    expect(
      Object.values(r.table3)
        .flat()
        .every((c) => c === 0),
    ).toBe(true);
    expect(validateReport(r)).toEqual([]);
  });

  it('V2021: every outcome row, totals by construction, table 二 in the new columns', () => {
    const f = luojiang2020();
    f.catalog.powerList.fees.collectedWanYuan = 1.25;
    f.applications.received = [3, 1, 0, 0, 0, 0];
    f.applications.carriedIn = [1, 0, 0, 0, 0, 0];
    f.applications.closed.granted = [1, 0, 0, 0, 0, 0];
    f.applications.closed.other_no_fee = [1, 0, 0, 0, 0, 0];
    f.applications.closed.other_no_correction = [1, 1, 0, 0, 0, 0];
    f.applications.carriedOut = [1, 0, 0, 0, 0, 0];
    f.cases.reconsideration = { upheld: 1, corrected: 0, other: 0, pending: 1 };
    const r = assembleReport({ agency: { name: 'x局' }, year: 2025, figures: f });
    expect(r.format).toBe('V2021');
    expect(Object.keys(r.table3)).toEqual(V2021.table3.rows.map((x) => x.key));
    expect(r.table3.other).toBeUndefined();
    expect(r.table3.total).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(r.table2).toEqual({
      rules: [0, 0, 0],
      normative_docs: [1, 0, 2],
      licensing: [1],
      penalty: [0],
      enforcement: [0],
      fees: [1.25],
    });
    expect(r.table4.reconsideration).toEqual([1, 0, 0, 1, 2]);
    expect(validateReport(r).filter((x) => x.severity === 'error')).toEqual([]);
    // The same figures in V2019 fold the three other_* rows into （六）其他处理.
    const old = assembleReport({ agency: { name: 'x局' }, year: 2025, figures: f, format: V2019 });
    expect(old.table3.other).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(old.table3.total).toEqual(r.table3.total);
  });

  it('refuses figures that break the 勾稽关系 (a bug in a figure source) and malformed counts', () => {
    const f = emptyFigures();
    f.applications.received = [1, 0, 0, 0, 0, 0];
    expect(() => assembleReport({ agency: { name: 'x' }, year: 2021, figures: f })).toThrow(
      expect.objectContaining({ code: 'REPORT_FIGURES_INCONSISTENT' }),
    );
    f.applications.received = [1, 0, 0];
    expect(() => assembleReport({ agency: { name: 'x' }, year: 2021, figures: f })).toThrow(
      expect.objectContaining({ code: 'REPORT_FIGURES_INVALID' }),
    );
  });
});

describe('aggregation over a subtree', () => {
  it('summing figures then assembling equals summing the assembled reports, and lists the agencies', () => {
    const a = luojiang2020();
    const b = emptyFigures();
    b.applications.received = [2, 0, 0, 1, 0, 0];
    b.applications.closed.partial = [2, 0, 0, 1, 0, 0];
    b.catalog.published = { total: 3, categories: [{ name: '其他类信息', count: 3 }] };
    b.catalog.powerList.procurement = { projects: 1, amountYuan: 0.1 };
    a.catalog.powerList.procurement = { projects: 1, amountYuan: 0.2 };
    const agencies = [{ name: '甲局' }, { name: '乙镇' }];
    const whole = assembleReport({
      agency: { name: '洛江区' },
      year: 2020,
      figures: sumFigures([a, b]),
      includedAgencies: agencies,
    });
    const parts = [a, b].map((f, i) => assembleReport({ agency: agencies[i] ?? { name: '' }, year: 2020, figures: f }));
    const summed = sumReports(parts, V2019, { name: '洛江区' }, 2020);
    expect(summed.includedAgencies).toEqual(agencies);
    expect(whole.includedAgencies).toEqual(agencies);
    expect(summed.table2).toEqual(whole.table2);
    expect(summed.table2.procurement).toEqual([2, 0.3]);
    expect(summed.table3).toEqual(whole.table3);
    expect(summed.table4).toEqual(whole.table4);
    expect(sumFigures([a, b]).catalog.published.categories.find((c) => c.name === '其他类信息')?.count).toBe(12);
  });

  it('folds V2021 reports into a V2019 aggregate and refuses the other direction', () => {
    const f = emptyFigures();
    f.applications.received = [1, 0, 0, 0, 0, 0];
    f.applications.closed.other_no_fee = [1, 0, 0, 0, 0, 0];
    const newer = assembleReport({ agency: { name: 'a' }, year: 2021, figures: f });
    const older = assembleReport({ agency: { name: 'b' }, year: 2021, figures: f, format: V2019 });
    const v19 = sumReports([newer, older], V2019, { name: 'g' }, 2021);
    expect(v19.table3.other).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(v19.table2.rules).toEqual([null, null, null]);
    expect(() => sumReports([newer, older], V2021, { name: 'g' }, 2021)).toThrow(
      expect.objectContaining({ code: 'REPORT_AGGREGATE_MIXED' }),
    );
  });
});
