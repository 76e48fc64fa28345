/**
 * The sentences of 一（二）依申请公开 and of the 复议/诉讼 remark, from tables 三 and 四. The
 * wording matches what the R8 rule reads (收到…件, 办结…件, 结转下年度…件, 行政复议N件), so a
 * draft is always checkable against its tables.
 */
import type { AnnualReport, Cell } from './annual-report.ts';
import type { CaseFigures } from './figures.ts';
import type { Table3Key } from './format-types.ts';

const total = (c: Cell[] | undefined): number => (typeof c?.[6] === 'number' ? c[6] : 0);

/** Outcome groups as the narrative names them, with the table 三 rows each sums. */
export const OUTCOME_GROUPS: Array<{ name: string; keys: Table3Key[] }> = [
  { name: '予以公开', keys: ['granted'] },
  { name: '部分公开', keys: ['partial'] },
  {
    name: '不予公开',
    keys: [
      'withheld_state_secret',
      'withheld_prohibited',
      'withheld_security_stability',
      'withheld_third_party',
      'withheld_internal',
      'withheld_process',
      'withheld_enforcement_file',
      'withheld_query',
    ],
  },
  { name: '无法提供', keys: ['unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear'] },
  {
    name: '不予处理',
    keys: ['rejected_petition', 'rejected_repeat', 'rejected_publication', 'rejected_excessive', 'rejected_confirm'],
  },
  { name: '其他处理', keys: ['other', 'other_no_correction', 'other_no_fee', 'other_other'] },
];

/** The 总计 of an outcome group in a report. */
export function groupTotal(report: AnnualReport, keys: Table3Key[]): number {
  return keys.reduce((s, k) => s + total(report.table3[k]), 0);
}

/** 一（二）: received, carried in, closed by outcome group, carried out. */
export function draftApplications(report: AnnualReport, we: string): string {
  const t = report.table3;
  const y = report.year;
  const received = total(t.received);
  const carriedIn = total(t.carried_in);
  const closed = total(t.total);
  const carriedOut = total(t.carried_out);
  if (received === 0 && carriedIn === 0) return `${y}年，${we}无政府信息依申请事项。`;
  const natural = typeof t.received?.[0] === 'number' ? t.received[0] : 0;
  let text = `${y}年，${we}共收到政府信息公开申请${received}件`;
  if (received > 0) text += `（其中自然人${natural}件，法人或其他组织${received - natural}件）`;
  text += carriedIn > 0 ? `，上年结转${carriedIn}件。` : '。';
  const parts = OUTCOME_GROUPS.map((g) => ({ name: g.name, n: groupTotal(report, g.keys) })).filter((p) => p.n > 0);
  text += `本年办结${closed}件`;
  text += parts.length > 0 ? `，其中${parts.map((p) => `${p.name}${p.n}件`).join('，')}` : '';
  text += carriedOut > 0 ? `；结转下年度继续办理${carriedOut}件。` : '。';
  return text;
}

/** Cases of table 四 carried over from the year before (上年结转), per the case register. */
export interface CarriedCases {
  reconsideration: number;
  litigation: number;
}

/** The carried-over cases of the case register's figures (0 where a source does not tell). */
export function carriedCases(cases: CaseFigures): CarriedCases {
  return {
    reconsideration: cases.reconsideration.carriedIn ?? 0,
    litigation: (cases.litigation_direct.carriedIn ?? 0) + (cases.litigation_after_reconsideration.carriedIn ?? 0),
  };
}

/**
 * The 复议/诉讼 remark closing 一（五）. Table 四 also counts the cases still pending on 1 January
 * (lifecycle.md), which were not 「被申请」 in this year: when there are any, the remark gives the
 * totals of table 四 with 「含上年结转N件」 instead of calling them all this year's.
 */
export function draftAppeals(report: AnnualReport, carried?: CarriedCases | null): string {
  const re = total5(report.table4.reconsideration);
  const lit = total5(report.table4.litigation_direct) + total5(report.table4.litigation_after_reconsideration);
  const y = report.year;
  if (re === 0 && lit === 0) return `${y}年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。`;
  const reIn = Math.min(carried?.reconsideration ?? 0, re);
  const litIn = Math.min(carried?.litigation ?? 0, lit);
  if (reIn === 0 && litIn === 0)
    return `${y}年因政府信息公开工作被申请行政复议${re}件、提起行政诉讼${lit}件，详见第四部分。`;
  const part = (n: number, inherited: number) => `${n}件${inherited > 0 ? `（含上年结转${inherited}件）` : ''}`;
  return `${y}年，因政府信息公开工作办理的行政复议${part(re, reIn)}、行政诉讼${part(lit, litIn)}，详见第四部分。`;
}

function total5(c: Cell[] | undefined): number {
  return typeof c?.[4] === 'number' ? c[4] : 0;
}
