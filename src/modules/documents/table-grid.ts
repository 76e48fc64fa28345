/**
 * Places the cells of a table with merged cells (rowSpan / colSpan) on a grid, and checks that
 * the table is rectangular, so both renderers draw the same table and a mistake in a template
 * is reported in Chinese instead of printing a crooked table.
 */
import { DomainError } from '../../domain/errors.ts';
import { resolveCell, type Cell, type ResolvedCell } from './document.ts';

/** A cell with its position on the grid. */
export interface PlacedCell extends ResolvedCell {
  row: number;
  col: number;
  header: boolean;
}

export interface TableGrid {
  columns: number;
  /** Header rows come first; `headRows` of them. */
  headRows: number;
  rows: number;
  /** Cells in reading order, each once (at its top-left corner). */
  cells: PlacedCell[];
  /** The cells that start in each row. */
  byRow: PlacedCell[][];
}

function invalid(message: string): never {
  throw new DomainError('DOCUMENT_INVALID', message);
}

/** Lays out head + rows on a grid; throws DOCUMENT_INVALID when the rows do not line up. */
export function layoutTable(head: readonly Cell[][], rows: readonly Cell[][]): TableGrid {
  const all = [...head.map((r) => ({ cells: r, header: true })), ...rows.map((r) => ({ cells: r, header: false }))];
  if (all.length === 0) invalid('表格没有任何行');
  const occupied: boolean[][] = all.map(() => []);
  const cells: PlacedCell[] = [];
  const byRow: PlacedCell[][] = all.map(() => []);
  let columns = -1;
  all.forEach(({ cells: row, header }, r) => {
    let col = 0;
    for (const raw of row) {
      const cell = resolveCell(raw, header);
      if (!Number.isInteger(cell.rowSpan) || cell.rowSpan < 1 || !Number.isInteger(cell.colSpan) || cell.colSpan < 1) {
        invalid(`表格第${r + 1}行有单元格的合并行数或列数无效`);
      }
      while (occupied[r]![col]) col++;
      if (r + cell.rowSpan > all.length) invalid(`表格第${r + 1}行的单元格向下合并超出了表格`);
      if (header && r + cell.rowSpan > head.length) invalid(`表头第${r + 1}行的单元格不能向下合并到表体`);
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (occupied[r + dr]![col + dc]) invalid(`表格第${r + dr + 1}行第${col + dc + 1}列被两个单元格同时占用`);
          occupied[r + dr]![col + dc] = true;
        }
      }
      const placed: PlacedCell = { ...cell, row: r, col, header };
      cells.push(placed);
      byRow[r]!.push(placed);
      col += cell.colSpan;
    }
  });
  occupied.forEach((cols, r) => {
    const width = cols.length;
    if (columns === -1) columns = width;
    if (width !== columns || cols.some((c) => !c)) invalid(`表格第${r + 1}行的列数与第1行（${columns}列）不一致`);
  });
  return { columns, headRows: head.length, rows: all.length, cells, byRow };
}

/** Column widths scaled to `total`, equal when none are given. */
export function scaleWidths(columns: number, total: number, relative?: readonly number[]): number[] {
  if (relative && relative.length !== columns) invalid(`表格列宽有${relative.length}项，但表格有${columns}列`);
  const weights = relative ?? new Array<number>(columns).fill(1);
  if (weights.some((w) => !(w > 0))) invalid('表格列宽必须大于0');
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (w / sum) * total);
}
