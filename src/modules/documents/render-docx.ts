/**
 * DOCX rendering with the `docx` package: A4 with the GB/T 9704 margins, the official fonts by
 * role (with fallbacks in the font table), document language zh-CN, tables with merged cells
 * and repeated header rows, the signature block, and 「— 5 —」 page numbers (odd pages right,
 * even pages left). Opens in Microsoft Word and WPS; LibreOffice converts it faithfully.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { formatChineseDate } from '../../domain/time.ts';
import type { Align, Block, OfficialDocument } from './document.ts';
import { fontTableXml } from './font-table.ts';
import {
  DOCX_FONTS,
  LINE_PITCH_PT,
  MARGIN_MM,
  PAGE_MM,
  SIZE,
  TEXT_WIDTH_MM,
  TITLE_LINE_PITCH_PT,
  type FontRole,
} from './gbt9704.ts';
import { headingTexts, widthInChars } from './numbering.ts';
import { layoutTable, scaleWidths } from './table-grid.ts';

/** Millimetres to twentieths of a point (twips), Word's unit of length. */
const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
/** Points to half-points, Word's unit of font size. */
const halfPoints = (pt: number) => Math.round(pt * 2);
/** One character of body text (三号, 16 pt) in twips: indents are written in 字. */
const CHAR = SIZE.body * 20;
const EXACT_LINE = { line: Math.round(LINE_PITCH_PT * 20), lineRule: LineRuleType.EXACT } as const;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
};

function run(text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  const font = DOCX_FONTS[role];
  return new TextRun({
    text,
    size: halfPoints(size),
    bold: font.bold ?? false,
    font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin, cs: font.latin },
    language: { value: 'zh-CN', eastAsia: 'zh-CN' },
    ...extra,
  });
}

function textRuns(text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}): TextRun[] {
  // A line break inside a text becomes a break in the same paragraph.
  return text.split('\n').map((line, i) => run(line, role, size, { ...extra, break: i > 0 ? 1 : 0 }));
}

/**
 * `keep`: the paragraph stays on the page of what follows it (Word's keep with next and keep
 * lines together) — set for a title right above a table and for the last paragraph before the
 * signature, so neither a sub-table's title nor the 落款 is left alone on a page.
 */
function blockParagraphs(block: Block, headings: Map<Block, string>, keep = false): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading': {
      const role: FontRole = block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : 'heading3';
      return [
        new Paragraph({
          children: [run(headings.get(block) ?? block.text, role, SIZE.body, block.level === 4 ? { bold: false } : {})],
          indent: { firstLine: 2 * CHAR },
          spacing: EXACT_LINE,
          keepNext: true,
          keepLines: keep,
          outlineLevel: block.level - 1,
        }),
      ];
    }
    case 'paragraph':
      return [
        new Paragraph({
          children: textRuns(block.text, 'body', SIZE.body, block.bold ? { bold: true } : {}),
          alignment: ALIGN[block.align ?? 'justify'],
          indent: block.indent === false ? undefined : { firstLine: 2 * CHAR },
          spacing: EXACT_LINE,
          ...(keep ? { keepNext: true, keepLines: true } : {}),
        }),
      ];
    case 'table':
      return tableBlock(block);
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

function tableBlock(block: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const grid = layoutTable(block.head, block.rows);
  const widths = scaleWidths(grid.columns, twips(TEXT_WIDTH_MM), block.columnWidths).map(Math.round);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const rows = grid.byRow.map(
    (cells, r) =>
      new TableRow({
        tableHeader: r < grid.headRows,
        cantSplit: true,
        children: cells.map(
          (c) =>
            new TableCell({
              rowSpan: c.rowSpan,
              columnSpan: c.colSpan,
              width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0), type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: { left: 60, right: 60, top: 20, bottom: 20 },
              children: [
                new Paragraph({
                  alignment: ALIGN[c.align],
                  spacing: { line: 240, lineRule: LineRuleType.AUTO },
                  children: textRuns(c.text, c.header ? 'tableHead' : 'table', SIZE.table, {
                    bold: c.bold && !c.header,
                  }),
                }),
              ],
            }),
        ),
      }),
  );
  const out: Array<Paragraph | Table> = [];
  if (block.caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: EXACT_LINE,
        children: [run(block.caption, 'heading1', SIZE.tableCaption)],
      }),
    );
  }
  out.push(
    new Table({
      rows,
      width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
    }),
  );
  // Word needs a paragraph after a table; it also separates two tables.
  out.push(new Paragraph({ spacing: EXACT_LINE, children: [] }));
  return out;
}

/**
 * 发文机关署名 and 成文日期 (GB/T 9704 §7.3.5.2, without a seal): one blank line after the body;
 * the date four characters in from the right; the agency name centred over the date.
 */
function signatureParagraphs(agency: string, isoDate: string): Paragraph[] {
  const date = formatChineseDate(isoDate);
  const dateRight = 4;
  const agencyRight = Math.max(0, dateRight + (widthInChars(date) - widthInChars(agency)) / 2);
  const line = (text: string, rightChars: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR) },
      spacing: EXACT_LINE,
      keepNext: true,
      keepLines: true,
      children: [run(text, 'body', SIZE.body)],
    });
  return [
    new Paragraph({ spacing: EXACT_LINE, keepNext: true, children: [] }),
    line(agency, agencyRight),
    line(date, dateRight),
  ];
}

function pageNumberFooter(side: 'left' | 'right'): Footer {
  const one = SIZE.pageNumber * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: one } : { left: one },
        children: [
          run('— ', 'pageNumber', SIZE.pageNumber),
          run('', 'pageNumber', SIZE.pageNumber, { children: [PageNumber.CURRENT] }),
          run(' —', 'pageNumber', SIZE.pageNumber),
        ],
      }),
    ],
  });
}

/** Renders the document as a .docx file. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const headings = headingTexts(doc.body);
  const children: Array<Paragraph | Table> = [];
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(TITLE_LINE_PITCH_PT * 20), lineRule: LineRuleType.EXACT },
      children: textRuns(doc.title, 'title', SIZE.title),
    }),
  );
  if (doc.subtitle)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: EXACT_LINE,
        children: [run(doc.subtitle, 'subtitle', SIZE.body)],
      }),
    );
  children.push(new Paragraph({ spacing: EXACT_LINE, children: [] }));
  if (doc.recipient)
    children.push(new Paragraph({ spacing: EXACT_LINE, children: [run(doc.recipient, 'body', SIZE.body)] }));
  doc.body.forEach((block, i) => {
    const next = doc.body[i + 1];
    const keep = next ? next.kind === 'table' : doc.signature !== undefined;
    children.push(...blockParagraphs(block, headings, keep));
  });
  if (doc.signature) children.push(...signatureParagraphs(doc.signature.agency, doc.signature.date));

  const numbered = doc.pageNumbers !== false;
  // 一字线 7 mm below the 版心: the footer's baseline region sits that far under the bottom margin.
  const footerDistance = twips(MARGIN_MM.bottom - 7 - 5);
  const file = new Document({
    title: doc.title.replace(/\n/g, ''),
    creator: doc.properties?.author ?? 'Gongkai',
    subject: doc.properties?.subject,
    keywords: doc.properties?.keywords,
    evenAndOddHeaderAndFooters: numbered,
    styles: {
      default: {
        document: {
          run: {
            size: halfPoints(SIZE.body),
            font: {
              eastAsia: DOCX_FONTS.body.eastAsia,
              ascii: DOCX_FONTS.body.latin,
              hAnsi: DOCX_FONTS.body.latin,
              cs: DOCX_FONTS.body.latin,
            },
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: EXACT_LINE },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
            margin: {
              top: twips(MARGIN_MM.top),
              bottom: twips(MARGIN_MM.bottom),
              left: twips(MARGIN_MM.left),
              right: twips(MARGIN_MM.right),
              header: twips(15),
              footer: footerDistance,
            },
          },
          grid: { linePitch: Math.round(LINE_PITCH_PT * 20) },
        },
        footers: numbered ? { default: pageNumberFooter('right'), even: pageNumberFooter('left') } : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(file, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
