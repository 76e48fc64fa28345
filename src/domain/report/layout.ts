/**
 * Where the label cells of the official tables go, derived from the format data, so that a
 * DOCX / XLSX / HTML renderer draws the same merged cells as the printed format.
 */
import type { HeaderCell, ReportFormat, Table2Group } from './format-types.ts';

/** Label cells of one table 三 body row: only the cells that start on this row. */
export interface Table3BodyRow {
  key: string;
  labelCells: HeaderCell[];
}

/** Width of the label area of table 三 (the note cell spans it). */
export const TABLE3_LABEL_COLUMNS = 3;

/**
 * Label cells for each table 三 row: a group label (三、本年度办理结果, （三）不予公开 …) spans
 * the rows below it; a row whose path is shorter than the label area spans the rest of it.
 */
export function table3BodyLayout(format: ReportFormat): Table3BodyRow[] {
  const rows = format.table3.rows;
  return rows.map((row, i) => {
    const labelCells: HeaderCell[] = [];
    row.path.forEach((text, depth) => {
      const prev = rows[i - 1];
      const continues =
        prev !== undefined &&
        prev.path.length > depth &&
        prev.path.slice(0, depth + 1).join('\u0000') === row.path.slice(0, depth + 1).join('\u0000');
      const isLast = depth === row.path.length - 1;
      if (continues && !isLast) return;
      let rowSpan = 1;
      if (!isLast) {
        const prefix = row.path.slice(0, depth + 1).join('\u0000');
        for (let j = i + 1; j < rows.length; j++) {
          const next = rows[j];
          if (!next || next.path.length <= depth + 1 || next.path.slice(0, depth + 1).join('\u0000') !== prefix) break;
          rowSpan++;
        }
      }
      const colSpan = isLast ? TABLE3_LABEL_COLUMNS - depth : 1;
      labelCells.push({ text, colSpan, rowSpan });
    });
    return { key: row.key, labelCells };
  });
}

/**
 * Column spans of the data cells of a table 二 group: a group with fewer columns than the
 * table merges its last cell over the rest (as in the V2021 「本年处理决定数量」 rows).
 */
export function table2ColumnSpans(group: Table2Group, dataColumns: number): number[] {
  const n = group.columns.length;
  return group.columns.map((_, i) => (i === n - 1 ? dataColumns - n + 1 : 1));
}
