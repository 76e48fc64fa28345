/**
 * Table 二 of the annual report (主动公开政府信息情况) and the overview's per-category counts,
 * counted exactly as ../shared/spec/lifecycle.md ("Table 二") defines them, for both formats:
 *
 * - V2019 （一）: 本年新制作数量 = 成文日期 in Y; 本年新公开数量 = published in Y;
 *   对外公开总数量 = published by 31 December Y and not withdrawn by then.
 * - V2021 （一）: 本年制发件数 = 成文日期 in Y; 本年废止件数 = validity became 废止 or 失效 in Y
 *   (a document replaced by a revision counts in the year the revision takes effect);
 *   现行有效件数 = 有效 on 31 December Y.
 * - V2019 （五）（六）（八）: 上一年项目数量 = power-list items on 31 December Y−1; 本年增/减 =
 *   items on 31 December Y minus that; 处理决定数量 = decisions in Y. （九）: projects, amount in 元.
 * - V2021 （五）（六）: 本年处理决定数量; （八）: 本年收费金额 in 万元.
 * - Overview: items published in Y, by the agency's category.
 */
import type { Table2Key } from '../report/format-types.ts';
import type { DocType } from './categories.ts';
import { validityOn, type ValidityEnd, type ValidityFacts } from './validity.ts';

/** What counting needs to know about one catalog item. */
export interface CatalogFact extends ValidityFacts {
  readonly docType: DocType;
  /** 成文日期 (the day the information was formed). */
  readonly formedOn: string;
  /** The Asia/Shanghai date of publication, null if never published. */
  readonly publishedOn: string | null;
  /** The date it was withdrawn (撤回), null if it was not. */
  readonly withdrawnOn: string | null;
  /** The overview heading: the agency's category, or the statutory item's name. */
  readonly categoryLabel: string;
}

/** 权责清单 and the other externally sourced figures (第二十条（五）（六）（八）（九）). */
export const POWER_LIST_KINDS = ['licensing', 'other_services', 'penalty', 'enforcement', 'fees'] as const;
export type PowerListKind = (typeof POWER_LIST_KINDS)[number];

export const POWER_LIST_LABELS: Record<PowerListKind, string> = {
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  penalty: '行政处罚',
  enforcement: '行政强制',
  fees: '行政事业性收费',
};

/** One year's figure of one kind; null where it was not entered. */
export interface PowerListYear {
  readonly kind: PowerListKind;
  readonly year: number;
  /** Items on the list on 31 December of the year. */
  readonly itemCount: number | null;
  /** Decisions (处理决定) taken in the year. */
  readonly decisions: number | null;
}

/** 政府集中采购 (V2019 （九）) and fees collected (V2021 （八）) of one year. */
export interface YearAmounts {
  readonly procurementProjects: number | null;
  /** 采购总金额 in 元. */
  readonly procurementAmountYuan: number | null;
  /** 本年收费金额 in 万元. */
  readonly feesCollectedWan: number | null;
}

export interface Table2Figures {
  readonly V2019: Partial<Record<Table2Key, number[]>>;
  readonly V2021: Partial<Record<Table2Key, number[]>>;
  /** Figures counted as 0 because nothing was entered: the report shows them as warnings. */
  readonly missing: string[];
}

export interface OverviewCounts {
  readonly published: number;
  /** By the agency's category, in descending count then name order. */
  readonly byCategory: Array<{ label: string; count: number }>;
}

const inYear = (date: string | null, year: number): boolean => date !== null && date.startsWith(`${year}-`);
const onOrBefore = (date: string | null, day: string): boolean => date !== null && date <= day;

/** Published by `day` and not withdrawn by then (V2019 对外公开总数量). */
export function publicOn(fact: CatalogFact, day: string): boolean {
  return onOrBefore(fact.publishedOn, day) && !onOrBefore(fact.withdrawnOn, day);
}

const ENDS: readonly ValidityEnd[] = ['repealed', 'lapsed', 'revised'];

/** V2019 （一）: [本年新制作数量, 本年新公开数量, 对外公开总数量] for one document type. */
export function countDocsV2019(facts: readonly CatalogFact[], type: DocType, year: number): number[] {
  const of = facts.filter((f) => f.docType === type);
  const end = `${year}-12-31`;
  return [
    of.filter((f) => inYear(f.formedOn, year)).length,
    of.filter((f) => inYear(f.publishedOn, year)).length,
    of.filter((f) => publicOn(f, end)).length,
  ];
}

/** V2021 （一）: [本年制发件数, 本年废止件数, 现行有效件数] for one document type. */
export function countDocsV2021(facts: readonly CatalogFact[], type: DocType, year: number): number[] {
  const of = facts.filter((f) => f.docType === type);
  const end = `${year}-12-31`;
  const issued = of.filter((f) => inYear(f.formedOn, year)).length;
  const ended = of.filter((f) => f.endedAs !== null && ENDS.includes(f.endedAs) && inYear(f.endedOn, year)).length;
  const inForce = of.filter((f) => publicOn(f, end) && validityOn(f, end) === 'valid').length;
  return [issued, ended, inForce];
}

/**
 * A revision retires the document it replaces on the day the revision takes effect
 * (lifecycle.md: "a document replaced by a revision counts here in the year the revision
 * takes effect").
 */
export function retiredByRevision(revisionEffectiveOn: string): ValidityFacts {
  return { endedAs: 'revised', endedOn: revisionEffectiveOn };
}

/** Table 二 in both formats for report year `year`. */
export function countTable2(
  facts: readonly CatalogFact[],
  powerList: readonly PowerListYear[],
  amounts: YearAmounts,
  year: number,
): Table2Figures {
  const missing: string[] = [];
  const figure = (kind: PowerListKind, y: number, field: 'itemCount' | 'decisions'): number => {
    const v = powerList.find((p) => p.kind === kind && p.year === y)?.[field] ?? null;
    if (v === null)
      missing.push(`${y}年${POWER_LIST_LABELS[kind]}${field === 'itemCount' ? '项目数量' : '处理决定数量'}`);
    return v ?? 0;
  };
  const amount = (value: number | null, label: string): number => {
    if (value === null) missing.push(`${year}年${label}`);
    return value ?? 0;
  };
  const v2019Row = (kind: PowerListKind, withDecisions: boolean): number[] => {
    const before = figure(kind, year - 1, 'itemCount');
    const now = figure(kind, year, 'itemCount');
    return withDecisions ? [before, now - before, figure(kind, year, 'decisions')] : [before, now - before];
  };
  const V2019: Partial<Record<Table2Key, number[]>> = {
    rules: countDocsV2019(facts, 'rule', year),
    normative_docs: countDocsV2019(facts, 'normative', year),
    licensing: v2019Row('licensing', true),
    other_services: v2019Row('other_services', true),
    penalty: v2019Row('penalty', true),
    enforcement: v2019Row('enforcement', true),
    fees: v2019Row('fees', false),
    procurement: [
      amount(amounts.procurementProjects, '政府集中采购项目数量'),
      amount(amounts.procurementAmountYuan, '政府集中采购总金额'),
    ],
  };
  const missingV2019 = missing.splice(0);
  const V2021: Partial<Record<Table2Key, number[]>> = {
    rules: countDocsV2021(facts, 'rule', year),
    normative_docs: countDocsV2021(facts, 'normative', year),
    licensing: [figure('licensing', year, 'decisions')],
    penalty: [figure('penalty', year, 'decisions')],
    enforcement: [figure('enforcement', year, 'decisions')],
    fees: [amount(amounts.feesCollectedWan, '行政事业性收费金额')],
  };
  return { V2019, V2021, missing: [...new Set([...missingV2019, ...missing])] };
}

/** The overview's counts: items published in `year`, by the agency's category. */
export function countOverview(facts: readonly CatalogFact[], year: number): OverviewCounts {
  const counts = new Map<string, number>();
  let published = 0;
  for (const f of facts) {
    if (!inYear(f.publishedOn, year)) continue;
    published++;
    counts.set(f.categoryLabel, (counts.get(f.categoryLabel) ?? 0) + 1);
  }
  const byCategory = [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh'));
  return { published, byCategory };
}
