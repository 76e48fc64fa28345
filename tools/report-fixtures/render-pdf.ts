/**
 * PDF rendering of a report with pdfkit and Noto Sans CJK: tables drawn cell by cell with
 * grid lines, long labels wrapping inside their cells (labels broken over lines), page
 * numbers 「— n —」 at the foot of each page (so they fall inside tables that cross a page).
 */
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { cellColumns, type Grid } from './grid.ts';
import { blocks, type Printable } from './printable.ts';

export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const WIDTHS: Record<string, number[]> = {
  table2: [155, 120, 120, 120],
  table3: [40, 60, 135, ...new Array<number>(7).fill(40)],
  table4: new Array<number>(15).fill(34),
};
const TABLE_FONT = 8;

function drawTable(doc: PDFKit.PDFDocument, grid: Grid, widths: number[]): void {
  const starts = cellColumns(grid);
  const colX = widths.map((_, i) => PAGE.margin + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((s, w) => s + w, 0);
  doc.fontSize(TABLE_FONT);
  let y = doc.y;
  grid.rows.forEach((row, r) => {
    const heights = row.map((cell, i) =>
      cell.rowSpan === 1
        ? doc.heightOfString(cell.text || ' ', { width: spanWidth(starts[r]![i]!, cell.colSpan) - 4 })
        : TABLE_FONT * 1.4,
    );
    const height = Math.max(...heights, TABLE_FONT * 1.4) + 4;
    if (y + height > PAGE.height - PAGE.margin) {
      doc.addPage();
      y = PAGE.margin;
    }
    row.forEach((cell, i) => {
      const col = starts[r]![i]!;
      const w = spanWidth(col, cell.colSpan);
      doc.rect(colX[col]!, y, w, height).lineWidth(0.5).stroke();
      if (cell.text) doc.text(cell.text, colX[col]! + 2, y + 2, { width: w - 4, align: 'center' });
    });
    y += height;
  });
  doc.x = PAGE.margin;
  doc.y = y + 6;
}

/** The report as a PDF (needs Noto Sans CJK: Debian's fonts-noto-cjk). */
export function renderPdf(p: Printable): Promise<Buffer> {
  if (!existsSync(CJK_FONT)) throw new Error(`缺少字体 ${CJK_FONT}：请安装 fonts-noto-cjk`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: 'report fixture', Producer: 'gongkai' },
  });
  doc.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular');
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = PAGE.width - 2 * PAGE.margin;
  for (const b of blocks(p)) {
    if (b.kind === 'title') doc.fontSize(15).text(b.text, { width, align: 'center' }).moveDown(0.5);
    else if (b.kind === 'heading') doc.fontSize(11).text(b.text, PAGE.margin, doc.y, { width }).moveDown(0.3);
    else if (b.kind === 'paragraph') doc.fontSize(10).text(b.text, PAGE.margin, doc.y, { width }).moveDown(0.3);
    else drawTable(doc, b.grid, WIDTHS[b.name]!);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`— ${i + 1} —`, PAGE.margin, PAGE.height - 28, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
