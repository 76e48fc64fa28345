/**
 * Tables in the PDF, drawn cell by cell: merged cells (rowSpan / colSpan) as one box, rows never
 * split, header rows repeated on every page the table runs onto, and a merged cell that crosses
 * a page break drawn as one box per page, its text repeated in each.
 */
import type { Block } from './document.ts';
import { PDF_FACES, SIZE } from './gbt9704.ts';
import { layoutTable, scaleWidths, type PlacedCell } from './table-grid.ts';

export interface Frame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

const PAD_X = 3;
const PAD_Y = 2;
const LINE_GAP = 1.5;

function faceOf(cell: PlacedCell): string {
  return cell.header ? PDF_FACES.tableHead : cell.bold ? 'serifBold' : PDF_FACES.table;
}

interface TableLayout {
  grid: ReturnType<typeof layoutTable>;
  widths: number[];
  heights: number[];
  spanWidth: (c: PlacedCell) => number;
}

function measure(pdf: PDFKit.PDFDocument, block: Extract<Block, { kind: 'table' }>, frame: Frame): TableLayout {
  const grid = layoutTable(block.head, block.rows);
  const widths = scaleWidths(grid.columns, frame.width, block.columnWidths);
  const spanWidth = (c: PlacedCell) => widths.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0);

  const textHeight = (c: PlacedCell) => {
    pdf.font(faceOf(c)).fontSize(SIZE.table);
    return pdf.heightOfString(c.text || ' ', { width: spanWidth(c) - 2 * PAD_X, lineGap: LINE_GAP });
  };
  pdf.font(PDF_FACES.table).fontSize(SIZE.table);
  const minRow = pdf.currentLineHeight(true) + LINE_GAP + 2 * PAD_Y;
  const heights = new Array<number>(grid.rows).fill(minRow);
  for (const c of grid.cells)
    if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, textHeight(c) + 2 * PAD_Y);
  for (const c of grid.cells) {
    if (c.rowSpan === 1) continue;
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((s, h) => s + h, 0);
    const need = textHeight(c) + 2 * PAD_Y;
    if (need > have) heights[c.row + c.rowSpan - 1]! += need - have;
  }
  return { grid, widths, heights, spanWidth };
}

function captionHeight(pdf: PDFKit.PDFDocument, block: Extract<Block, { kind: 'table' }>, frame: Frame): number {
  if (!block.caption) return 0;
  pdf.font(PDF_FACES.heading1).fontSize(SIZE.tableCaption);
  return pdf.heightOfString(block.caption, { width: frame.width }) + 6;
}

/**
 * The height of what must start on one page: the caption, the header rows and the first body
 * row. A title placed just above the table is kept with this much (render-pdf.ts), so a
 * sub-table's title never stays alone at the bottom of a page.
 */
export function tableLeadHeight(
  pdf: PDFKit.PDFDocument,
  block: Extract<Block, { kind: 'table' }>,
  frame: Frame,
): number {
  const { grid, heights } = measure(pdf, block, frame);
  return captionHeight(pdf, block, frame) + heights.slice(0, grid.headRows + 1).reduce((s, h) => s + h, 0);
}

/** Draws a table from the current position, adding pages as needed; leaves `pdf.y` under it. */
export function drawPdfTable(pdf: PDFKit.PDFDocument, block: Extract<Block, { kind: 'table' }>, frame: Frame): void {
  const { grid, widths, heights, spanWidth } = measure(pdf, block, frame);
  const x = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  let y = pdf.y;
  if (block.caption) {
    const caption = captionHeight(pdf, block, frame);
    const firstBlock = caption + heights.slice(0, grid.headRows + 1).reduce((s, h) => s + h, 0);
    if (y + firstBlock > frame.bottom) {
      pdf.addPage();
      y = frame.top;
    }
    pdf.font(PDF_FACES.heading1).fontSize(SIZE.tableCaption);
    pdf.text(block.caption, frame.left, y, { width: frame.width, align: 'center' });
    y += caption;
  }

  const headRows = [...Array(grid.headRows).keys()];
  const headHeight = headRows.reduce((s, r) => s + heights[r]!, 0);
  // Place the rows on pages: each segment is the rows printed on one page, with their y.
  let segment = new Map<number, number>();
  const place = (rows: number[]) => {
    for (const r of rows) {
      segment.set(r, y);
      y += heights[r]!;
    }
  };
  if (y + headHeight + (heights[grid.headRows] ?? 0) > frame.bottom) {
    pdf.addPage();
    y = frame.top;
  }
  place(headRows);
  for (let r = grid.headRows; r < grid.rows; r++) {
    const bodyOnPage = [...segment.keys()].some((k) => k >= grid.headRows);
    if (y + heights[r]! > frame.bottom && bodyOnPage) {
      drawSegment(pdf, grid.cells, segment, heights, x, spanWidth);
      pdf.addPage();
      y = frame.top;
      segment = new Map();
      place(headRows);
    }
    place([r]);
  }
  drawSegment(pdf, grid.cells, segment, heights, x, spanWidth);
  pdf.x = frame.left;
  pdf.y = y;
}

function drawSegment(
  pdf: PDFKit.PDFDocument,
  cells: PlacedCell[],
  segment: Map<number, number>,
  heights: number[],
  x: number[],
  spanWidth: (c: PlacedCell) => number,
): void {
  for (const c of cells) {
    const rows = [...Array(c.rowSpan).keys()].map((i) => c.row + i).filter((r) => segment.has(r));
    if (rows.length === 0) continue;
    const top = segment.get(rows[0]!)!;
    const last = rows[rows.length - 1]!;
    const height = segment.get(last)! + heights[last]! - top;
    const width = spanWidth(c);
    pdf.lineWidth(0.5).rect(x[c.col]!, top, width, height).stroke();
    // A merged cell cut by a page break repeats its text in each part, so every page reads alone.
    if (!c.text) continue;
    pdf.font(faceOf(c)).fontSize(SIZE.table);
    const options = { width: width - 2 * PAD_X, lineGap: LINE_GAP, align: c.align } as const;
    const textHeight = Math.min(pdf.heightOfString(c.text, options), height - 2 * PAD_Y);
    pdf.text(c.text, x[c.col]! + PAD_X, top + (height - textHeight) / 2, { ...options, height: height - PAD_Y });
  }
}
