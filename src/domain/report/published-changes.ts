/**
 * "Changed since publication": publishing freezes the figures (第四十九条 — the report is
 * published as it was); records of that year may still change later (a late-registered
 * application, a corrected catalog item). Comparing the frozen tables with freshly computed
 * ones shows every cell that moved, so the office can issue a new version with a reason.
 */
import type { AnnualReport, Cell } from './annual-report.ts';
import { describeCell, type TableName } from './findings.ts';
import { getFormat } from './formats.ts';

export interface CellChange {
  /** `table3.granted[6]` */
  where: string;
  /** 表三「（一）予以公开」行「总计」列 */
  label: string;
  published: Cell;
  current: Cell;
}

function diffTable(
  table: TableName,
  a: Record<string, Cell[] | undefined>,
  b: Record<string, Cell[] | undefined>,
  label: (row: string, col: number) => string,
): CellChange[] {
  const out: CellChange[] = [];
  const rows = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const row of rows) {
    const x = a[row] ?? [];
    const y = b[row] ?? [];
    for (let c = 0; c < Math.max(x.length, y.length); c++) {
      const p = x[c] ?? null;
      const q = y[c] ?? null;
      if (p !== q) out.push({ where: `${table}.${row}[${c}]`, label: label(row, c), published: p, current: q });
    }
  }
  return out;
}

/**
 * The cells whose value differs between the published (frozen) report and the current one.
 * Reports of different formats differ as a whole: one entry at `format`.
 */
export function changesSincePublication(published: AnnualReport, current: AnnualReport): CellChange[] {
  if (published.format !== current.format) {
    return [{ where: 'format', label: '报告格式', published: null, current: null }];
  }
  const format = getFormat(published.format);
  const label = (t: TableName) => (row: string, col: number) => describeCell(format, t, row, col);
  return [
    ...diffTable('table2', published.table2, current.table2, label('table2')),
    ...diffTable('table3', published.table3, current.table3, label('table3')),
    ...diffTable('table4', published.table4, current.table4, label('table4')),
  ];
}
