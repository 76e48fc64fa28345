/**
 * Aggregation over a government's subtree (第四十九条: the 主管部门 reports for 本级政府; a
 * supervisor reads its subordinates' reports together). Two ways, which agree:
 * - sumFigures: the figures of several agencies summed, then assembled once — totals are still
 *   computed by assembly, so R1–R4 hold for the aggregate;
 * - sumReports: reports (generated or imported) summed cell by cell, V2021 folded into V2019
 *   where the target format is V2019.
 * Either way the aggregate lists the agencies it includes.
 */
import { DomainError } from '../errors.ts';
import { ANNUAL_REPORT_SCHEMA, type AnnualReport, type Cell, type ReportAgency } from './annual-report.ts';
import type {
  ApplicantCounts,
  ApplicationFigures,
  CaseCounts,
  CategoryCount,
  DocumentFigures,
  PowerItemFigures,
  ReportFigures,
} from './figures.ts';
import { emptyFigures } from './figures-empty.ts';
import { foldV2021OutcomesToV2019 } from './fold.ts';
import type { ReportFormat, Table4Key } from './format-types.ts';
import { OUTCOME_KEYS, type OutcomeKey } from './table3-rows.ts';

const addCounts = (a: ApplicantCounts, b: ApplicantCounts): number[] => a.map((v, i) => v + (b[i] ?? 0));

function addDoc(a: DocumentFigures, b: DocumentFigures): DocumentFigures {
  return {
    made: a.made + b.made,
    published: a.published + b.published,
    publishedTotal: a.publishedTotal + b.publishedTotal,
    repealed: a.repealed + b.repealed,
    inForce: a.inForce + b.inForce,
  };
}

function addItems(a: PowerItemFigures, b: PowerItemFigures): PowerItemFigures {
  return {
    itemsPrevious: a.itemsPrevious + b.itemsPrevious,
    itemsNow: a.itemsNow + b.itemsNow,
    decisions: a.decisions + b.decisions,
  };
}

/** Money sums rounded to the 6 decimals reports print, so float noise never shows. */
const money = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Categories with the same name are one line; order of first appearance is kept. */
function addCategories(a: CategoryCount[], b: CategoryCount[]): CategoryCount[] {
  const out = a.map((c) => ({ ...c }));
  for (const c of b) {
    const same = out.find((x) => x.name === c.name);
    if (same) same.count += c.count;
    else out.push({ ...c });
  }
  return out;
}

function addCases(a: CaseCounts, b: CaseCounts): CaseCounts {
  return {
    upheld: a.upheld + b.upheld,
    corrected: a.corrected + b.corrected,
    other: a.other + b.other,
    pending: a.pending + b.pending,
    carriedIn: (a.carriedIn ?? 0) + (b.carriedIn ?? 0),
  };
}

function addClosed(a: ApplicationFigures['closed'], b: ApplicationFigures['closed']): ApplicationFigures['closed'] {
  const out = {} as Record<OutcomeKey, number[]>;
  for (const k of OUTCOME_KEYS) out[k] = addCounts(a[k], b[k]);
  return out;
}

/** The figures of several agencies as one. */
export function sumFigures(list: readonly ReportFigures[]): ReportFigures {
  return list.reduce<ReportFigures>((s, f) => {
    const pl = s.catalog.powerList;
    const fp = f.catalog.powerList;
    const fees = s.applications.feesCollectedYuan ?? null;
    const more = f.applications.feesCollectedYuan ?? null;
    return {
      catalog: {
        documents: {
          rules: addDoc(s.catalog.documents.rules, f.catalog.documents.rules),
          normative_docs: addDoc(s.catalog.documents.normative_docs, f.catalog.documents.normative_docs),
        },
        powerList: {
          licensing: addItems(pl.licensing, fp.licensing),
          other_services: addItems(pl.other_services, fp.other_services),
          penalty: addItems(pl.penalty, fp.penalty),
          enforcement: addItems(pl.enforcement, fp.enforcement),
          fees: {
            itemsPrevious: pl.fees.itemsPrevious + fp.fees.itemsPrevious,
            itemsNow: pl.fees.itemsNow + fp.fees.itemsNow,
            collectedWanYuan: money(pl.fees.collectedWanYuan + fp.fees.collectedWanYuan),
          },
          procurement: {
            projects: pl.procurement.projects + fp.procurement.projects,
            amountYuan: money(pl.procurement.amountYuan + fp.procurement.amountYuan),
          },
        },
        published: {
          total: s.catalog.published.total + f.catalog.published.total,
          categories: addCategories(s.catalog.published.categories, f.catalog.published.categories),
        },
        unentered: [...new Set([...(s.catalog.unentered ?? []), ...(f.catalog.unentered ?? [])])],
      },
      applications: {
        received: addCounts(s.applications.received, f.applications.received),
        carriedIn: addCounts(s.applications.carriedIn, f.applications.carriedIn),
        carriedOut: addCounts(s.applications.carriedOut, f.applications.carriedOut),
        closed: addClosed(s.applications.closed, f.applications.closed),
        feesCollectedYuan: fees === null && more === null ? null : money((fees ?? 0) + (more ?? 0)),
      },
      cases: Object.fromEntries(
        (Object.keys(s.cases) as Table4Key[]).map((k) => [k, addCases(s.cases[k], f.cases[k])]),
      ) as ReportFigures['cases'],
    };
  }, emptyFigures());
}

function addCells(a: Cell[] | undefined, b: Cell[] | undefined, width: number, amount: boolean): Cell[] {
  return Array.from({ length: width }, (_, i) => {
    const x = a?.[i];
    const y = b?.[i];
    // An unknown (blank or unreadable) cell makes the sum unknown.
    if (x === null || y === null) return null;
    const s = (x ?? 0) + (y ?? 0);
    return amount ? money(s) : s;
  });
}

/**
 * Reports of one year summed cell by cell into a report of `format` for `agency`. A V2019
 * target folds V2021 outcomes (fold.ts); a V2021 target cannot take V2019 reports, whose
 * （六）其他处理 cannot be split, nor table 二, whose columns mean other things.
 */
export function sumReports(
  reports: readonly AnnualReport[],
  format: ReportFormat,
  agency: ReportAgency,
  year: number,
): AnnualReport {
  const table2: AnnualReport['table2'] = {};
  const table3: AnnualReport['table3'] = {};
  const table4 = {} as AnnualReport['table4'];
  for (const r of reports) {
    if (r.year !== year)
      throw new DomainError('REPORT_AGGREGATE_MIXED', `汇总的报告年度不一致：${r.agency.name}为${r.year}年`, {
        agency: r.agency.name,
      });
    if (r.format !== format.id && format.id === 'V2021') {
      throw new DomainError(
        'REPORT_AGGREGATE_MIXED',
        `${r.agency.name}的报告为旧格式，不能汇总为${format.notice}格式`,
        { agency: r.agency.name },
      );
    }
  }
  for (const g of format.table2.groups) {
    for (const row of g.rows) {
      const amount = g.columns.some((c) => c.kind === 'amount');
      let cells: Cell[] = g.columns.map(() => 0);
      for (const r of reports) {
        // Table 二 of the other version counts other things: the sum is unknown, not partial.
        const theirs = r.format === format.id ? r.table2[row.key] : g.columns.map(() => null);
        cells = addCells(cells, theirs, g.columns.length, amount);
      }
      table2[row.key] = cells;
    }
  }
  const t3s = reports.map((r) =>
    format.id === 'V2019' && r.format === 'V2021' ? foldV2021OutcomesToV2019(r.table3) : r.table3,
  );
  for (const row of format.table3.rows)
    table3[row.key] = t3s.reduce<Cell[]>((s, t) => addCells(s, t[row.key], 7, false), new Array<Cell>(7).fill(0));
  for (const g of format.table4.groups)
    table4[g.key] = reports.reduce<Cell[]>(
      (s, r) => addCells(s, r.table4[g.key], 5, false),
      new Array<Cell>(5).fill(0),
    );
  return {
    schema: ANNUAL_REPORT_SCHEMA,
    format: format.id,
    agency,
    includedAgencies: reports.map((r) => r.agency),
    year,
    date: null,
    table2,
    table3,
    table4,
  };
}
