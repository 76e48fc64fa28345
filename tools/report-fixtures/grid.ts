/**
 * The official tables of a report as grids of merged cells, built from the format data
 * (labels, merged headers, table 三 label layout). The fixture renderers (HTML, DOCX, PDF,
 * text) all draw from these grids, so every variant of a report prints the same cells.
 */
import {
  getFormat,
  table2ColumnSpans,
  table3BodyLayout,
  TABLE3_LABEL_COLUMNS,
  type AnnualReport,
  type Cell,
  type HeaderCell,
  type Table2Key,
  type Table3Key,
  type Table4Key,
} from '../../src/domain/report/index.ts';

export type GridRow = HeaderCell[];
export interface Grid {
  columns: number;
  rows: GridRow[];
  /** Rows that hold numbers (for renderers that style them). */
  dataRows: Set<number>;
}

/**
 * How to print particular rows instead of their values: e.g. `table2.normative_docs` →
 * "693665" prints the three cells run together in one merged cell, as a crawler saved it.
 */
export type RowOverrides = Partial<Record<string, string>>;

const c = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });
/** How a cell value prints: blanks as empty cells, amounts as given. */
export const show = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v));

export function table2Grid(report: AnnualReport, overrides: RowOverrides = {}): Grid {
  const def = getFormat(report.format).table2;
  const rows: GridRow[] = [];
  const dataRows = new Set<number>();
  for (const g of def.groups) {
    const spans = table2ColumnSpans(g, def.dataColumns);
    rows.push([c(g.header, def.dataColumns + 1)]);
    rows.push([c(def.firstColumn), ...g.columns.map((col, i) => c(col.label, spans[i]))]);
    for (const r of g.rows) {
      dataRows.add(rows.length);
      const override = overrides[`table2.${r.key}`];
      const values = report.table2[r.key as Table2Key] ?? [];
      rows.push(
        override !== undefined
          ? [c(r.label), c(override, def.dataColumns)]
          : [c(r.label), ...g.columns.map((_, i) => c(show(values[i]), spans[i]))],
      );
    }
  }
  return { columns: def.dataColumns + 1, rows, dataRows };
}

export function table3Grid(report: AnnualReport, overrides: RowOverrides = {}): Grid {
  const format = getFormat(report.format);
  const def = format.table3;
  const rows: GridRow[] = [[c(def.note, TABLE3_LABEL_COLUMNS, 3), ...def.header[0]!], ...def.header.slice(1)];
  const dataRows = new Set<number>();
  for (const body of table3BodyLayout(format)) {
    dataRows.add(rows.length);
    const override = overrides[`table3.${body.key}`];
    const values = report.table3[body.key as Table3Key] ?? [];
    rows.push([...body.labelCells, ...(override !== undefined ? [c(override, 7)] : values.map((v) => c(show(v))))]);
  }
  return { columns: TABLE3_LABEL_COLUMNS + 7, rows, dataRows };
}

export function table4Grid(report: AnnualReport, overrides: RowOverrides = {}): Grid {
  const def = getFormat(report.format).table4;
  const values = def.groups.flatMap((g) => report.table4[g.key as Table4Key] ?? []);
  const override = overrides['table4'];
  const data = override !== undefined ? [c(override, 15)] : values.map((v) => c(show(v)));
  return { columns: 15, rows: [...def.header, data], dataRows: new Set([def.header.length]) };
}

/**
 * The grid as a full matrix: each cell's text at its top-left position, '' where a merged
 * cell covers the position (as a table copied out of a PDF or Word lays it out).
 */
export function expand(grid: Grid): string[][] {
  const matrix: Array<Array<string | undefined>> = grid.rows.map(() =>
    new Array<string | undefined>(grid.columns).fill(undefined),
  );
  grid.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (matrix[r]![col] !== undefined) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const target = matrix[r + dr];
          if (target) target[col + dc] = dr === 0 && dc === 0 ? cell.text : '';
        }
      }
      col += cell.colSpan;
    }
  });
  return matrix.map((row) => row.map((x) => x ?? ''));
}

/** Left edge (in columns) of each cell of each grid row, for renderers that position text. */
export function cellColumns(grid: Grid): number[][] {
  const taken: boolean[][] = grid.rows.map(() => new Array<boolean>(grid.columns).fill(false));
  return grid.rows.map((row, r) => {
    let col = 0;
    return row.map((cell) => {
      while (taken[r]![col]) col++;
      const start = col;
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) if (taken[r + dr]) taken[r + dr]![start + dc] = true;
      col += cell.colSpan;
      return start;
    });
  });
}
