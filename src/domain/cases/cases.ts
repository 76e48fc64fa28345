/**
 * 行政复议 / 行政诉讼 cases about disclosure work (第五十一条) and how report table 四 counts
 * them (lifecycle.md "Table 四"; report-json.md table4). Pure: no I/O.
 */
import type { Table4Key } from '../report/format-types.ts';

/** The three groups of table 四: 行政复议, 未经复议直接起诉, 复议后起诉. */
export const CASE_KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const satisfies readonly Table4Key[];
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

/** A case's result: 结果维持, 结果纠正, 其他结果, 尚未审结 (the columns of each group). */
export const CASE_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

export const CASE_RESULT_LABELS: Record<CaseResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

/** What table 四 needs to know of a case. */
export interface CaseFacts {
  kind: CaseKind;
  /** Date the 复议 was applied for / the suit was filed (立案), YYYY-MM-DD. */
  filedDate: string;
  /** Date of the 复议决定 / judgment that ended it; null while pending. */
  concludedDate: string | null;
  /** The final result; 'pending' while not concluded. */
  result: CaseResult;
}

/** One group of table 四 without its total, keyed like the report engineer's CaseCounts. */
export interface CaseCounts {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  /**
   * Of the cases above, those filed before 1 January Y and still pending that day (上年结转):
   * counted in table 四 (lifecycle.md), but not 「本年被申请」, so the narrative names them apart.
   */
  carriedIn: number;
}

/** Table 四 figures for one (agency or subtree, year). */
export type CaseFigures = Record<CaseKind, CaseCounts>;

/** Choices lifecycle.md leaves open, with their documented defaults. */
export interface CaseCountingSettings {
  /** Count only cases filed in the year (default false: also those still pending on 1 January). */
  casesFiledInYearOnly: boolean;
}

export const DEFAULT_CASE_COUNTING: CaseCountingSettings = { casesFiledInYearOnly: false };

/** Empty figures: every group, every column 0. */
export function emptyCaseFigures(): CaseFigures {
  const zero = (): CaseCounts => ({ upheld: 0, corrected: 0, other: 0, pending: 0, carriedIn: 0 });
  return { reconsideration: zero(), litigation_direct: zero(), litigation_after_reconsideration: zero() };
}

/**
 * Whether a case counts in report year Y: filed in Y, or (unless `casesFiledInYearOnly`) filed
 * before Y and still pending on 1 January Y — not concluded, or concluded on or after that day.
 */
export function caseCountsInYear(
  c: CaseFacts,
  year: number,
  settings: CaseCountingSettings = DEFAULT_CASE_COUNTING,
): boolean {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (c.filedDate > last) return false;
  if (c.filedDate >= first) return true;
  if (settings.casesFiledInYearOnly) return false;
  return c.concludedDate === null || c.concludedDate >= first;
}

/** A case's column in year Y: its result if concluded by 31 December Y, else 尚未审结. */
export function resultAtYearEnd(c: CaseFacts, year: number): CaseResult {
  if (c.concludedDate !== null && c.concludedDate <= `${year}-12-31` && c.result !== 'pending') return c.result;
  return 'pending';
}

/** Table 四 for year Y from the cases of an agency (or a subtree), exactly as lifecycle.md says. */
export function countCases(
  cases: Iterable<CaseFacts>,
  year: number,
  settings: CaseCountingSettings = DEFAULT_CASE_COUNTING,
): CaseFigures {
  const figures = emptyCaseFigures();
  for (const c of cases) {
    if (!caseCountsInYear(c, year, settings)) continue;
    figures[c.kind][resultAtYearEnd(c, year)] += 1;
    if (c.filedDate < `${year}-01-01`) figures[c.kind].carriedIn += 1;
  }
  return figures;
}

/**
 * The 15 numbers of report-json's table4: per group [结果维持, 结果纠正, 其他结果, 尚未审结, 总计],
 * the total being the sum (rule R3 holds by construction).
 */
export function table4Rows(figures: CaseFigures): Record<CaseKind, [number, number, number, number, number]> {
  const row = (c: CaseCounts): [number, number, number, number, number] => [
    c.upheld,
    c.corrected,
    c.other,
    c.pending,
    c.upheld + c.corrected + c.other + c.pending,
  ];
  return {
    reconsideration: row(figures.reconsideration),
    litigation_direct: row(figures.litigation_direct),
    litigation_after_reconsideration: row(figures.litigation_after_reconsideration),
  };
}
