/**
 * Counting applications for report year Y (lifecycle.md "Counting for report year Y"), at the
 * V2021 grain of table 三 with its seven columns (six applicant kinds and 总计):
 * - `received`: statutory receipt date R (第三十一条) in Y;
 * - `carried_in`: R before 1 January Y and not closed before 1 January Y;
 * - outcome rows: closure date in Y, by outcome; `total` = their sum;
 * - `carried_out`: R on or before 31 December Y and not closed on or before 31 December Y.
 * An application with no R (never confirmed) is counted nowhere. So
 * received + carried_in = total + carried_out holds in every column by construction (R3).
 */
import { OUTCOME_KEYS, type OutcomeKey } from '../clock/outcomes.ts';
import { APPLICANT_KINDS, type ApplicantKind } from './applicant.ts';

/** What counting needs of one application (a disclosure request; 第四十一条 corrections are not counted). */
export interface CountableApplication {
  /** 收到申请之日 R, YYYY-MM-DD, or null while unconfirmed. */
  readonly receivedDate: string | null;
  /** Closure date, YYYY-MM-DD, or null while open. */
  readonly closedDate: string | null;
  readonly outcome: OutcomeKey | null;
  readonly applicantKind: ApplicantKind;
}

/** Table 三 row keys of the V2021 format that carry numbers. */
export type Table3V2021Key = 'received' | 'carried_in' | OutcomeKey | 'total' | 'carried_out';

/** Table 三 at the V2021 grain: every row has 7 cells [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]. */
export type Table3Counts = Record<Table3V2021Key, number[]>;

/** The row keys in report order. */
export const TABLE3_V2021_KEYS: readonly Table3V2021Key[] = [
  'received',
  'carried_in',
  ...OUTCOME_KEYS,
  'total',
  'carried_out',
];

/** A table of zeros. */
export function emptyTable3(): Table3Counts {
  const table = {} as Table3Counts;
  for (const key of TABLE3_V2021_KEYS) table[key] = [0, 0, 0, 0, 0, 0, 0];
  return table;
}

/**
 * Counts one agency's (or several agencies') applications for year Y. Dates compare as
 * strings because they are all YYYY-MM-DD. Throws if a closed application has no outcome:
 * that would break R2 silently.
 */
export function countTable3(applications: Iterable<CountableApplication>, year: number): Table3Counts {
  const table = emptyTable3();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const add = (key: Table3V2021Key, column: number) => {
    table[key][column]! += 1;
    table[key][6]! += 1;
  };
  for (const a of applications) {
    const r = a.receivedDate;
    if (r === null) continue;
    const column = APPLICANT_KINDS.indexOf(a.applicantKind);
    if (column < 0) throw new Error(`unknown applicant kind ${a.applicantKind}`);
    const c = a.closedDate;
    if (r >= start && r <= end) add('received', column);
    if (r < start && (c === null || c >= start)) add('carried_in', column);
    if (c !== null && c >= start && c <= end) {
      if (a.outcome === null) throw new Error('closed application without an outcome');
      add(a.outcome, column);
      add('total', column);
    }
    if (r <= end && (c === null || c > end)) add('carried_out', column);
  }
  return table;
}

/** V2019 folds the three 其他处理 leaves into one `other` row (lifecycle.md "Outcomes"). */
export function v2019Other(table: Table3Counts): number[] {
  return table.other_no_correction.map((n, i) => n + table.other_no_fee[i]! + table.other_other[i]!);
}
