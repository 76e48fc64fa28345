/**
 * Rules that a single report must satisfy on its own (report-formats.md §5):
 * R1 row totals, R2 outcome totals, R3 the printed 勾稽关系, R4 table 四 totals (errors);
 * R9 blank cells and R11 value kinds (warnings).
 * A blank cell counts as 0 for the arithmetic; a cell the importer could not read is
 * `unreadable`, and any equation that involves one is skipped (the importer already said so).
 */
import type { AnnualReport, Cell } from './annual-report.ts';
import type { ReportFormat, Table2Key, Table3Key, Table4Key } from './format-types.ts';
import {
  cellPath,
  describeCell,
  finding,
  table2CellName,
  table3ColumnName,
  table4GroupName,
  type Finding,
} from './findings.ts';
import { TABLE3_TOTAL_COLUMN } from './table3-rows.ts';

export interface ArithmeticContext {
  /** Cell paths the importer could not read one way only (left null with an "ambiguous" finding). */
  unreadable?: ReadonlySet<string>;
}

const v = (c: Cell | undefined): number => (typeof c === 'number' ? c : 0);

/** Shows a cell value in a message: blanks as 空白. */
export function show(c: Cell | undefined): string {
  return typeof c === 'number' ? String(c) : '空白';
}

/** Integer sum, rounded to defeat float noise from amounts. */
function sum(cells: Array<Cell | undefined>): number {
  return Math.round(cells.reduce<number>((s, c) => s + v(c), 0) * 1e6) / 1e6;
}

/** R1: in each table 三 row, 总计 = the six applicant columns. */
export function checkRowTotals(report: AnnualReport, format: ReportFormat, ctx: ArithmeticContext): Finding[] {
  const out: Finding[] = [];
  for (const row of format.table3.rows) {
    const cells = report.table3[row.key];
    if (!cells || touches(ctx, 'table3', row.key, [0, 1, 2, 3, 4, 5, 6])) continue;
    const parts = sum(cells.slice(0, TABLE3_TOTAL_COLUMN));
    const total = cells[TABLE3_TOTAL_COLUMN];
    if (parts !== v(total)) {
      out.push(
        finding(
          'R1',
          cellPath('table3', row.key, TABLE3_TOTAL_COLUMN),
          `表三「${row.label}」行的总计为${show(total)}，但自然人与五类法人或其他组织之和为${parts}。`,
        ),
      );
    }
  }
  return out;
}

/** R2: for every column, （七）总计 = the sum of the leaf outcome rows (each closed application counted once). */
export function checkOutcomeTotals(report: AnnualReport, format: ReportFormat, ctx: ArithmeticContext): Finding[] {
  const out: Finding[] = [];
  const leaves = format.table3.rows.filter((r) => r.outcome).map((r) => r.key);
  const total = report.table3.total;
  if (!total) return out;
  for (let c = 0; c < 7; c++) {
    if (touches(ctx, 'table3', 'total', [c]) || leaves.some((k) => touches(ctx, 'table3', k, [c]))) continue;
    const s = sum(leaves.map((k) => report.table3[k]?.[c]));
    if (s !== v(total[c])) {
      out.push(
        finding(
          'R2',
          cellPath('table3', 'total', c),
          `表三「（七）总计」的「${table3ColumnName(format, c)}」列为${show(total[c])}，但各项办理结果之和为${s}。`,
        ),
      );
    }
  }
  return out;
}

/** R3: for every column, 一 + 二 = （七）总计 + 四 — the printed 勾稽关系. */
export function checkFlow(report: AnnualReport, format: ReportFormat, ctx: ArithmeticContext): Finding[] {
  const out: Finding[] = [];
  const rows: Table3Key[] = ['received', 'carried_in', 'total', 'carried_out'];
  const t = report.table3;
  for (let c = 0; c < 7; c++) {
    if (rows.some((k) => !t[k] || touches(ctx, 'table3', k, [c]))) continue;
    const inflow = v(t.received?.[c]) + v(t.carried_in?.[c]);
    const outflow = v(t.total?.[c]) + v(t.carried_out?.[c]);
    if (inflow !== outflow) {
      out.push(
        finding(
          'R3',
          cellPath('table3', 'carried_out', c),
          `表三「${table3ColumnName(format, c)}」列勾稽关系不成立：本年新收${show(t.received?.[c])}加上年结转${show(t.carried_in?.[c])}为${inflow}，` +
            `而办理结果总计${show(t.total?.[c])}加结转下年度${show(t.carried_out?.[c])}为${outflow}。`,
        ),
      );
    }
  }
  return out;
}

/** R4: in table 四, each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function checkAppealTotals(report: AnnualReport, format: ReportFormat, ctx: ArithmeticContext): Finding[] {
  const out: Finding[] = [];
  for (const g of format.table4.groups) {
    const cells = report.table4[g.key];
    if (!cells || touches(ctx, 'table4', g.key, [0, 1, 2, 3, 4])) continue;
    const parts = sum(cells.slice(0, 4));
    if (parts !== v(cells[4])) {
      out.push(
        finding(
          'R4',
          cellPath('table4', g.key, 4),
          `${describeCell(format, 'table4', g.key, 4)}为${show(cells[4])}，但结果维持、结果纠正、其他结果、尚未审结之和为${parts}。`,
        ),
      );
    }
  }
  return out;
}

/**
 * R9: blank cells (report-formats.md §5: count as 0, flag "incomplete"). One finding per table,
 * listing the rows and their blank columns (沭阳 2023 leaves 125 cells blank: one finding, not
 * 125); a table with a single blank cell points at that cell.
 */
export function checkBlanks(report: AnnualReport, format: ReportFormat, ctx: ArithmeticContext): Finding[] {
  const out: Finding[] = [];
  const visit = (table: 'table2' | 'table3' | 'table4', rows: Array<{ key: string; cells: Cell[] | undefined }>) => {
    const blanks: Array<{ row: string; columns: number[] }> = [];
    for (const { key, cells } of rows) {
      const columns: number[] = [];
      cells?.forEach((c, i) => {
        if (c === null && !ctx.unreadable?.has(cellPath(table, key, i))) columns.push(i);
      });
      if (columns.length > 0) blanks.push({ row: key, columns });
    }
    const cells = blanks.flatMap((b) => b.columns.map((c) => cellPath(table, b.row, c)));
    if (cells.length === 0) return;
    if (cells.length === 1) {
      const b = blanks[0]!;
      out.push(
        finding(
          'R9',
          cells[0]!,
          `${describeCell(format, table, b.row, b.columns[0]!)}为空白，按0计算；应填写数字（没有的填0）。`,
        ),
      );
      return;
    }
    out.push({
      ...finding(
        'R9',
        table,
        `${TABLE_NAMES[table]}有${cells.length}个空白单元格，按0计算；应填写数字（没有的填0）：${describeBlankGroups(format, table, blanks)}。`,
      ),
      cells,
    });
  };
  visit(
    'table2',
    format.table2.groups.flatMap((g) => g.rows.map((r) => ({ key: r.key, cells: report.table2[r.key] }))),
  );
  visit(
    'table3',
    format.table3.rows.map((r) => ({ key: r.key, cells: report.table3[r.key] })),
  );
  visit(
    'table4',
    format.table4.groups.map((g) => ({ key: g.key, cells: report.table4[g.key] })),
  );
  return out;
}

const TABLE_NAMES = { table2: '表二', table3: '表三', table4: '表四' } as const;

/**
 * 「「一、本年新收…」至「四、结转下年度继续办理」共25行的「商业企业」「科研机构」列；…」: runs of
 * consecutive rows with the same blank columns are named once.
 */
function describeBlankGroups(
  format: ReportFormat,
  table: 'table2' | 'table3' | 'table4',
  blanks: Array<{ row: string; columns: number[] }>,
): string {
  const runs: Array<{ first: string; last: string; count: number; columns: number[] }> = [];
  for (const b of blanks) {
    const run = runs[runs.length - 1];
    if (run && run.columns.join() === b.columns.join()) {
      run.last = b.row;
      run.count++;
    } else runs.push({ first: b.row, last: b.row, count: 1, columns: b.columns });
  }
  const rowName = (row: string) => rowLabel(format, table, row);
  const columnName = (row: string, c: number) => columnLabel(format, table, row, c);
  return runs
    .map((run) => {
      const rows = run.count === 1 ? rowName(run.first) : `${rowName(run.first)}至${rowName(run.last)}共${run.count}行`;
      return `${rows}的${run.columns.map((c) => columnName(run.first, c)).join('')}`;
    })
    .join('；');
}

function rowLabel(format: ReportFormat, table: 'table2' | 'table3' | 'table4', row: string): string {
  if (table === 'table3') return `「${format.table3.rows.find((r) => r.key === row)?.label ?? row}」`;
  if (table === 'table2') return `「${table2CellName(format, row as Table2Key, 0).row}」`;
  return `「${table4GroupName(format, row as Table4Key)}」`;
}

function columnLabel(format: ReportFormat, table: 'table2' | 'table3' | 'table4', row: string, c: number): string {
  if (table === 'table3') return `「${table3ColumnName(format, c)}」列`;
  if (table === 'table2') return `「${table2CellName(format, row as Table2Key, c).column}」列`;
  return `「${format.table4.columns[c] ?? c + 1}」`;
}

/**
 * R11: counts are non-negative integers; V2019 本年增/减 may be negative; amounts
 * (采购总金额, 本年收费金额) are non-negative decimals.
 */
export function checkValueKinds(report: AnnualReport, format: ReportFormat): Finding[] {
  const out: Finding[] = [];
  const count = (table: 'table2' | 'table3' | 'table4', row: string, i: number, c: Cell | undefined) => {
    if (typeof c !== 'number') return;
    if (!Number.isInteger(c) || c < 0) {
      out.push(
        finding('R11', cellPath(table, row, i), `${describeCell(format, table, row, i)}为${c}，件数应为非负整数。`),
      );
    }
  };
  for (const g of format.table2.groups) {
    for (const r of g.rows) {
      const cells = report.table2[r.key as Table2Key];
      g.columns.forEach((col, i) => {
        const c = cells?.[i];
        if (typeof c !== 'number') return;
        if (col.kind === 'count') count('table2', r.key, i, c);
        else if (col.kind === 'change' && !Number.isInteger(c)) {
          out.push(
            finding(
              'R11',
              cellPath('table2', r.key, i),
              `${describeCell(format, 'table2', r.key, i)}为${c}，增减数应为整数。`,
            ),
          );
        } else if (col.kind === 'amount' && c < 0) {
          out.push(
            finding(
              'R11',
              cellPath('table2', r.key, i),
              `${describeCell(format, 'table2', r.key, i)}为${c}，金额不能为负数。`,
            ),
          );
        }
      });
    }
  }
  for (const r of format.table3.rows) report.table3[r.key]?.forEach((c, i) => count('table3', r.key, i, c));
  for (const g of format.table4.groups)
    report.table4[g.key as Table4Key]?.forEach((c, i) => count('table4', g.key, i, c));
  return out;
}

function touches(ctx: ArithmeticContext, table: string, row: string, columns: number[]): boolean {
  return !!ctx.unreadable && columns.some((c) => ctx.unreadable!.has(cellPath(table as 'table3', row, c)));
}
