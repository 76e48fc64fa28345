/**
 * `catalogFigures`: what the annual report takes from 主动公开 — table 二 in both formats and
 * the overview's per-category counts — computed by the pure counting functions of
 * src/domain/catalog/figures.ts over the catalog and the power-list figures. For several
 * agencies (an aggregated report) the documents are counted together and the power-list
 * figures summed. See docs/catalog.md.
 */
import type { DbOrTx } from '../../db/database.ts';
import {
  countOverview,
  countTable2,
  statutoryItem,
  type CatalogFact,
  type DocType,
  type OverviewCounts,
  type PowerListYear,
  type Table2Figures,
  type ValidityEnd,
  POWER_LIST_KINDS,
} from '../../domain/catalog/index.ts';
import * as powerList from '../power-list/power-list.repository.ts';
import { listCategories } from './settings.repository.ts';

export interface CatalogFigures {
  year: number;
  agencyIds: string[];
  /** Table 二 rows keyed as in report-json.md, for V2019 and V2021; `missing` lists figures nobody entered. */
  table2: Table2Figures;
  /** Items published in the year, by the agency's category. */
  overview: OverviewCounts;
  /** The sources recorded with the power-list figures and amounts used. */
  sources: string[];
}

/** Sum of a nullable figure over agencies: null only when no agency entered it. */
function sum(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** Table 二 and overview counts for agencies `agencyIds` in report year `year`. */
export async function catalogFigures(db: DbOrTx, agencyIds: string[], year: number): Promise<CatalogFigures> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  // 规章 and 规范性文件 of every year (totals and validity depend on earlier years), and any item published in the year.
  const rows = agencyIds.length
    ? await db
        .selectFrom('catalog_item')
        .select([
          'doc_type',
          'formed_on',
          'published_on',
          'withdrawn_on',
          'ended_as',
          'ended_on',
          'statutory_item',
          'category_id',
          'status',
        ])
        .where('agency_id', 'in', agencyIds)
        .where((eb) =>
          eb.or([
            eb('doc_type', 'in', ['rule', 'normative']),
            eb.and([eb('published_on', '>=', start), eb('published_on', '<=', end)]),
          ]),
        )
        .execute()
    : [];
  const categories = new Map((await listCategories(db, agencyIds)).map((c) => [c.id, c.name]));
  const facts: CatalogFact[] = rows.map((r) => ({
    docType: r.doc_type as DocType,
    formedOn: r.formed_on,
    // A scheduled item counts as published on its date only once that date has come (it is public then).
    publishedOn: r.published_on,
    withdrawnOn: r.withdrawn_on,
    endedAs: r.ended_as as ValidityEnd | null,
    endedOn: r.ended_on,
    categoryLabel:
      (r.category_id ? categories.get(r.category_id) : undefined) ?? statutoryItem(r.statutory_item)?.name ?? '其他',
  }));
  const figures = await powerList.findFigures(db, agencyIds, [year - 1, year]);
  const power: PowerListYear[] = [year - 1, year].flatMap((y) =>
    POWER_LIST_KINDS.map((kind) => {
      const of = figures.filter((f) => f.year === y && f.kind === kind);
      return { kind, year: y, itemCount: sum(of.map((f) => f.itemCount)), decisions: sum(of.map((f) => f.decisions)) };
    }),
  );
  const amounts = await powerList.findAmounts(db, agencyIds, year);
  const decimal = (vs: Array<string | null>) => sum(vs.map((v) => (v === null ? null : Number(v))));
  const table2 = countTable2(
    facts,
    power,
    {
      procurementProjects: sum(amounts.map((a) => a.procurementProjects)),
      procurementAmountYuan: decimal(amounts.map((a) => a.procurementAmountYuan)),
      feesCollectedWan: decimal(amounts.map((a) => a.feesCollectedWan)),
    },
    year,
  );
  const sources = [
    ...new Set([
      ...figures.filter((f) => f.year === year || f.year === year - 1).map((f) => f.source),
      ...amounts.map((a) => a.source),
    ]),
  ];
  return { year, agencyIds, table2, overview: countOverview(facts, year), sources };
}
