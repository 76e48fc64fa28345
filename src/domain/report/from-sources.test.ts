/** The counting example of clock-vectors.json ("counting") through the applications' counting and this assembly. */
import { describe, expect, it } from 'vitest';
import vectors from '../clock/fixtures/clock-vectors.json' with { type: 'json' };
import { countTable3, type CountableApplication } from '../applications/counting.ts';
import { countOverview, countTable2, type CatalogFact } from '../catalog/figures.ts';
import { V2019, assembleReport, emptyFigures, validateReport } from './index.ts';
import { applicationFiguresFromCounts, catalogFiguresFromCounts } from './from-sources.ts';
import type { OutcomeKey } from './table3-rows.ts';

interface VectorApp {
  received: string | null;
  closed: string | null;
  outcome: string | null;
}

describe('clock-vectors "counting" through assembly', () => {
  const apps: CountableApplication[] = (vectors.counting.applications as VectorApp[]).map((a) => ({
    receivedDate: a.received,
    closedDate: a.closed,
    outcome: a.outcome as OutcomeKey | null,
    applicantKind: 'natural_person',
  }));
  const figures = { ...emptyFigures(), applications: applicationFiguresFromCounts(countTable3(apps, 2025)) };

  it('gives the expected rows in V2021 and folds other_* in V2019', () => {
    const e = vectors.counting.expect;
    const r = assembleReport({ agency: { name: '某局' }, year: 2025, figures });
    const col = (k: string) => (r.table3 as Record<string, number[]>)[k]?.[0];
    expect([
      col('received'),
      col('carried_in'),
      col('granted'),
      col('partial'),
      col('other_no_correction'),
      col('total'),
      col('carried_out'),
    ]).toEqual([e.received, e.carried_in, e.granted, e.partial, e.other_no_correction, e.total, e.carried_out]);
    expect(r.table3.total?.[6]).toBe(e.total);
    expect(validateReport(r)).toEqual([]);
    const old = assembleReport({ agency: { name: '某局' }, year: 2025, figures, format: V2019 });
    expect(old.table3.other?.[0]).toBe(e.v2019_other);
  });
});

describe('catalog counts into table 二', () => {
  it('reads the raw figures back out of both formats and keeps the overview categories', () => {
    const fact = (over: Partial<CatalogFact>): CatalogFact => ({
      docType: 'normative',
      formedOn: '2020-03-01',
      publishedOn: '2020-03-05',
      withdrawnOn: null,
      categoryLabel: '政策、规范性文件类信息',
      endedAs: null,
      endedOn: null,
      ...over,
    });
    const facts = [
      fact({}),
      fact({ formedOn: '2019-05-01', publishedOn: '2019-05-02' }),
      fact({ docType: 'other', categoryLabel: '其他类信息' }),
    ];
    const powerList = [
      { kind: 'licensing' as const, year: 2019, itemCount: 4, decisions: 2 },
      { kind: 'licensing' as const, year: 2020, itemCount: 5, decisions: 1 },
    ];
    const t2 = countTable2(
      facts,
      powerList,
      { procurementProjects: 1, procurementAmountYuan: 251000, feesCollectedWan: 0.5 },
      2020,
    );
    const catalog = catalogFiguresFromCounts(t2, countOverview(facts, 2020));
    const r = assembleReport({ agency: { name: 'x' }, year: 2020, figures: { ...emptyFigures(), catalog } });
    expect(r.table2.normative_docs).toEqual(t2.V2019.normative_docs);
    expect(r.table2.licensing).toEqual([4, 1, 1]);
    expect(r.table2.procurement).toEqual([1, 251000]);
    const r21 = assembleReport({ agency: { name: 'x' }, year: 2021, figures: { ...emptyFigures(), catalog } });
    expect(r21.table2.normative_docs).toEqual(t2.V2021.normative_docs);
    expect(r21.table2.fees).toEqual([0.5]);
    expect(catalog.published.total).toBe(2);
    expect(catalog.published.categories.map((c) => c.name).sort()).toEqual(['其他类信息', '政策、规范性文件类信息']);
  });
});
