/**
 * Rules between a report and the same agency's report for the previous year
 * (report-formats.md §5, warnings): R5 carry-over chain, R6 V2021 stock chain of 现行有效件数,
 * R7 V2019 item chain of 上一年项目数量.
 */
import type { AnnualReport, Cell } from './annual-report.ts';
import type { ReportFormat, Table2Key } from './format-types.ts';
import { cellPath, describeCell, finding, table3ColumnName, type Finding } from './findings.ts';
import { show } from './rules-arithmetic.ts';

const known = (...cells: Array<Cell | undefined>): boolean => cells.every((c) => typeof c === 'number');

/** R5–R7 against `previous`, which must be the report for `current.year - 1` (otherwise nothing is checked). */
export function checkAgainstPreviousYear(
  current: AnnualReport,
  previous: AnnualReport,
  format: ReportFormat,
): Finding[] {
  if (previous.year !== current.year - 1) return [];
  return [
    ...checkCarryOver(current, previous, format),
    ...checkStock(current, previous, format),
    ...checkItems(current, previous, format),
  ];
}

/** R5: 二、上年结转[Y] = 四、结转下年度继续办理[Y−1], column by column. */
function checkCarryOver(current: AnnualReport, previous: AnnualReport, format: ReportFormat): Finding[] {
  const out: Finding[] = [];
  for (let c = 0; c < 7; c++) {
    const now = current.table3.carried_in?.[c];
    const before = previous.table3.carried_out?.[c];
    if (!known(now, before) || now === before) continue;
    out.push(
      finding(
        'R5',
        cellPath('table3', 'carried_in', c),
        `表三「二、上年结转政府信息公开申请数量」的「${table3ColumnName(format, c)}」列为${show(now)}，但${previous.year}年报告「四、结转下年度继续办理」为${show(before)}。`,
      ),
    );
  }
  return out;
}

/** R6 (both V2021): 现行有效件数[Y] = 现行有效件数[Y−1] + 本年制发件数[Y] − 本年废止件数[Y]. */
function checkStock(current: AnnualReport, previous: AnnualReport, format: ReportFormat): Finding[] {
  if (current.format !== 'V2021' || previous.format !== 'V2021') return [];
  const out: Finding[] = [];
  for (const key of ['rules', 'normative_docs'] as Table2Key[]) {
    const [issued, repealed, inForce] = current.table2[key] ?? [];
    const before = previous.table2[key]?.[2];
    if (!known(issued, repealed, inForce, before)) continue;
    const expected = (before as number) + (issued as number) - (repealed as number);
    if (expected === inForce) continue;
    out.push(
      finding(
        'R6',
        cellPath('table2', key, 2),
        `${describeCell(format, 'table2', key, 2)}为${show(inForce)}，按${previous.year}年现行有效${before}件、本年制发${issued}件、废止${repealed}件推算应为${expected}（修订、自然失效等另有说明的除外）。`,
      ),
    );
  }
  return out;
}

/** R7 (both V2019): 上一年项目数量[Y] = 上一年项目数量[Y−1] + 本年增/减[Y−1]. */
function checkItems(current: AnnualReport, previous: AnnualReport, format: ReportFormat): Finding[] {
  if (current.format !== 'V2019' || previous.format !== 'V2019') return [];
  const out: Finding[] = [];
  for (const key of ['licensing', 'other_services', 'penalty', 'enforcement', 'fees'] as Table2Key[]) {
    const now = current.table2[key]?.[0];
    const [before, change] = previous.table2[key] ?? [];
    if (!known(now, before, change)) continue;
    const expected = (before as number) + (change as number);
    if (expected === now) continue;
    out.push(
      finding(
        'R7',
        cellPath('table2', key, 0),
        `${describeCell(format, 'table2', key, 0)}为${show(now)}，按${previous.year}年报告（上一年项目数量${before}，本年增/减${change}）应为${expected}。`,
      ),
    );
  }
  return out;
}
