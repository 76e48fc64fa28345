/**
 * Adapters from what the figure sources count (src/domain/applications countTable3,
 * src/domain/catalog countTable2 / countOverview) to the assembly's input. Nothing is
 * recounted here: the catalog gives table 二 in both formats and the raw figures are read
 * back out of them; the applications give table 三 at the V2021 grain, whose totals are
 * dropped so that assembly computes them again.
 */
import type { OverviewCounts, Table2Figures } from '../catalog/figures.ts';
import type { Table3Counts } from '../applications/counting.ts';
import type { ApplicationFigures, CatalogFigures, DocumentFigures, PowerItemFigures } from './figures.ts';
import { OUTCOME_KEYS, type OutcomeKey } from './table3-rows.ts';

const six = (cells: readonly number[] | undefined): number[] =>
  (cells ?? []).slice(0, 6).concat(new Array<number>(6).fill(0)).slice(0, 6);

/** Table 三 counted per lifecycle.md (7 cells a row) → ApplicationFigures (6 cells, no totals). */
export function applicationFiguresFromCounts(
  t: Table3Counts,
  feesCollectedYuan: number | null = null,
): ApplicationFigures {
  const closed = {} as Record<OutcomeKey, number[]>;
  for (const k of OUTCOME_KEYS) closed[k] = six(t[k]);
  return {
    received: six(t.received),
    carriedIn: six(t.carried_in),
    closed,
    carriedOut: six(t.carried_out),
    feesCollectedYuan,
  };
}

const at = (row: readonly number[] | undefined, i: number): number => row?.[i] ?? 0;

function doc(v2019: readonly number[] | undefined, v2021: readonly number[] | undefined): DocumentFigures {
  return {
    made: at(v2019, 0),
    published: at(v2019, 1),
    publishedTotal: at(v2019, 2),
    repealed: at(v2021, 1),
    inForce: at(v2021, 2),
  };
}

/** V2019 [上一年项目数量, 本年增/减, 处理决定数量] → items before and now, decisions. */
function items(v2019: readonly number[] | undefined): PowerItemFigures {
  return { itemsPrevious: at(v2019, 0), itemsNow: at(v2019, 0) + at(v2019, 1), decisions: at(v2019, 2) };
}

/** Table 二 in both formats and the overview counts → CatalogFigures. */
export function catalogFiguresFromCounts(t: Table2Figures, overview: OverviewCounts): CatalogFigures {
  const a = t.V2019;
  const b = t.V2021;
  return {
    documents: { rules: doc(a.rules, b.rules), normative_docs: doc(a.normative_docs, b.normative_docs) },
    powerList: {
      licensing: items(a.licensing),
      other_services: items(a.other_services),
      penalty: items(a.penalty),
      enforcement: items(a.enforcement),
      fees: { itemsPrevious: at(a.fees, 0), itemsNow: at(a.fees, 0) + at(a.fees, 1), collectedWanYuan: at(b.fees, 0) },
      procurement: { projects: at(a.procurement, 0), amountYuan: at(a.procurement, 1) },
    },
    published: {
      total: overview.published,
      categories: overview.byCategory.map((c) => ({ name: c.label, count: c.count })),
    },
    unentered: [...t.missing],
  };
}
