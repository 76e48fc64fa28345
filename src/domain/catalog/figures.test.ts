import { describe, expect, it } from 'vitest';
import {
  countDocsV2019,
  countDocsV2021,
  countOverview,
  countTable2,
  retiredByRevision,
  type CatalogFact,
} from './figures.ts';
import { formatIndexNumber, validateIndexScheme } from './index-number.ts';

const fact = (over: Partial<CatalogFact>): CatalogFact => ({
  docType: 'normative',
  formedOn: '2020-03-01',
  publishedOn: '2020-03-05',
  withdrawnOn: null,
  endedAs: null,
  endedOn: null,
  categoryLabel: '政策、规范性文件',
  ...over,
});

describe('table 二 （一） counting (lifecycle.md)', () => {
  it('V2019: made by 成文日期, published by publication date, total = public on 31 December', () => {
    const facts = [
      fact({ formedOn: '2019-06-01', publishedOn: '2019-06-10' }),
      fact({ formedOn: '2020-12-20', publishedOn: '2021-01-05' }), // made in 2020, published in 2021
      fact({ formedOn: '2019-12-25', publishedOn: '2020-01-03' }), // made in 2019, published in 2020
      fact({ formedOn: '2018-01-01', publishedOn: '2018-01-02', withdrawnOn: '2020-12-31' }), // withdrawn by 31 Dec
      fact({ formedOn: '2020-02-02', publishedOn: '2020-02-03', docType: 'notice' }),
    ];
    expect(countDocsV2019(facts, 'normative', 2020)).toEqual([1, 1, 2]);
    expect(countDocsV2019(facts, 'normative', 2019)).toEqual([2, 1, 2]);
    expect(countDocsV2019(facts, 'rule', 2020)).toEqual([0, 0, 0]);
  });

  it('V2021: a revision retires the replaced document in the year the revision takes effect', () => {
    const old = fact({ formedOn: '2019-05-01', publishedOn: '2019-05-06', ...retiredByRevision('2021-03-01') });
    const revision = fact({ formedOn: '2021-01-20', publishedOn: '2021-01-25' });
    const repealed = fact({
      formedOn: '2018-01-01',
      publishedOn: '2018-01-05',
      endedAs: 'repealed',
      endedOn: '2021-06-30',
    });
    const lapsed = fact({
      formedOn: '2016-01-01',
      publishedOn: '2016-01-05',
      endedAs: 'lapsed',
      endedOn: '2022-01-01',
    });
    const facts = [old, revision, repealed, lapsed];
    expect(countDocsV2021(facts, 'normative', 2021)).toEqual([1, 2, 2]); // in force: revision + lapsed (lapses 2022)
    expect(countDocsV2021(facts, 'normative', 2020)).toEqual([0, 0, 3]);
    expect(countDocsV2021(facts, 'normative', 2022)).toEqual([0, 1, 1]);
  });

  it('power-list rows: last year’s items, change (may be negative), decisions; V2021 keeps decisions and fees in 万元', () => {
    const t = countTable2(
      [],
      [
        { kind: 'licensing', year: 2019, itemCount: 4, decisions: 3 },
        { kind: 'licensing', year: 2020, itemCount: 2, decisions: 1 },
      ],
      { procurementProjects: 2, procurementAmountYuan: 251000, feesCollectedWan: 1.5 },
      2020,
    );
    expect(t.V2019.licensing).toEqual([4, -2, 1]);
    expect(t.V2019.procurement).toEqual([2, 251000]);
    expect(t.V2021.licensing).toEqual([1]);
    expect(t.V2021.fees).toEqual([1.5]);
    expect(t.V2021.other_services).toBeUndefined();
    expect(t.missing).toContain('2019年行政处罚项目数量');
    expect(t.missing).not.toContain('2020年行政许可处理决定数量');
  });

  it('overview: items published in the year by the agency’s category', () => {
    const o = countOverview(
      [
        fact({ categoryLabel: '安全生产' }),
        fact({ categoryLabel: '安全生产' }),
        fact({ categoryLabel: '其他' }),
        fact({ publishedOn: '2019-01-01', categoryLabel: '其他' }),
      ],
      2020,
    );
    expect(o).toEqual({
      published: 3,
      byCategory: [
        { label: '安全生产', count: 2 },
        { label: '其他', count: 1 },
      ],
    });
  });
});

describe('索引号', () => {
  it('formats the default scheme and refuses schemes without year and serial', () => {
    expect(formatIndexNumber('{code}/{year}-{serial:5}', { code: 'luojiang-gxj', year: 2020, serial: 16 })).toBe(
      'luojiang-gxj/2020-00016',
    );
    expect(validateIndexScheme('{code}-{serial}')).toMatch(/year/);
    expect(validateIndexScheme('{code}-{year}-{foo}-{serial}')).toMatch(/只能/);
  });
});
