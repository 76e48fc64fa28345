/**
 * The three official tables as grids of cells with their merged headers, built from the
 * format data and layout helpers of src/domain/report — one definition drawn by every export
 * (DOCX, PDF, XLSX, HTML), so all of them print the same table as the national format.
 */
import {
  TABLE3_LABEL_COLUMNS,
  table2ColumnSpans,
  table3BodyLayout,
  getFormat,
  type AnnualReport,
  type Cell as ReportCell,
  type ReportFormat,
} from '../../../domain/report/index.ts';
import type { Cell } from '../../documents/document.ts';

export interface ReportTable {
  /** The section heading the table belongs to (二、三、四). */
  section: 'proactive' | 'applications' | 'appeals';
  head: Cell[][];
  rows: Cell[][];
  columnWidths: number[];
}

/** A number as printed: integers plainly, amounts without float noise; a blank stays blank. */
export function cellText(c: ReportCell | undefined): string {
  if (c === null || c === undefined) return '';
  return Number.isInteger(c) ? String(c) : String(Math.round(c * 1e6) / 1e6);
}

/** Table 二: one block per 第二十条 item, each with its full-width header and column row. */
export function table2Grid(format: ReportFormat, report: AnnualReport): ReportTable {
  const t = format.table2;
  const width = t.dataColumns + 1;
  const rows: Cell[][] = [];
  for (const g of t.groups) {
    const spans = table2ColumnSpans(g, t.dataColumns);
    rows.push([{ text: g.header, colSpan: width, bold: true }]);
    rows.push([
      { text: t.firstColumn, bold: true },
      ...g.columns.map((c, i) => ({ text: c.label, colSpan: spans[i] ?? 1, bold: true })),
    ]);
    for (const r of g.rows) {
      const cells = report.table2[r.key] ?? [];
      rows.push([
        { text: r.label, align: 'left' },
        ...g.columns.map((_, i) => ({ text: cellText(cells[i]), colSpan: spans[i] ?? 1 })),
      ]);
    }
  }
  return { section: 'proactive', head: [], rows, columnWidths: [2.2, ...new Array<number>(t.dataColumns).fill(1.6)] };
}

/** Table 三: the 3×3 note cell, 申请人情况 over the seven columns, label cells merged by group. */
export function table3Grid(format: ReportFormat, report: AnnualReport): ReportTable {
  const t = format.table3;
  const head: Cell[][] = t.header.map((row, i) => [
    ...(i === 0 ? [{ text: t.note, rowSpan: t.header.length, colSpan: TABLE3_LABEL_COLUMNS, bold: false }] : []),
    ...row.map((h) => ({ text: h.text, rowSpan: h.rowSpan, colSpan: h.colSpan })),
  ]);
  const rows = table3BodyLayout(format).map((b) => [
    ...b.labelCells.map((l) => ({ text: l.text, rowSpan: l.rowSpan, colSpan: l.colSpan, align: 'left' as const })),
    ...(report.table3[b.key as keyof AnnualReport['table3']] ?? new Array<ReportCell>(7).fill(null)).map((c) =>
      cellText(c),
    ),
  ]);
  return { section: 'applications', head, rows, columnWidths: [1.5, 1.5, 4.2, 1, 1, 1, 1, 1, 1, 1] };
}

/** Table 四: 行政复议 (5) | 行政诉讼 (未经复议直接起诉 5, 复议后起诉 5), one row of 15 numbers. */
export function table4Grid(format: ReportFormat, report: AnnualReport): ReportTable {
  const head: Cell[][] = format.table4.header.map((row) =>
    row.map((h) => ({ text: h.text, rowSpan: h.rowSpan, colSpan: h.colSpan })),
  );
  const row = format.table4.groups.flatMap((g) => (report.table4[g.key] ?? []).map((c) => cellText(c)));
  return { section: 'appeals', head, rows: [row], columnWidths: new Array<number>(15).fill(1) };
}

/** The three tables of a report, in section order. */
export function reportTables(report: AnnualReport): ReportTable[] {
  const format = getFormat(report.format);
  return [table2Grid(format, report), table3Grid(format, report), table4Grid(format, report)];
}
