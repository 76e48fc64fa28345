/**
 * PDF rendering with pdfkit on the GB/T 9704 page, embedding Noto Serif CJK SC (body, in place
 * of 仿宋) and Noto Sans CJK SC (黑体 headings); see gbt9704.ts for the role → face choices.
 * The PDF carries /Lang zh-CN and its text layer holds the Chinese text (ToUnicode).
 */
import PDFDocument from 'pdfkit';
import { formatChineseDate } from '../../domain/time.ts';
import type { Block, OfficialDocument } from './document.ts';
import {
  LINE_PITCH_PT,
  MARGIN_MM,
  MM,
  PAGE_NUMBER_GAP_MM,
  PDF_FACES,
  SIZE,
  TEXT_WIDTH_MM,
  TITLE_LINE_PITCH_PT,
  type FontRole,
} from './gbt9704.ts';
import { headingTexts } from './numbering.ts';
import { findPdfFonts, type PdfFontFiles } from './pdf-fonts.ts';
import { drawPdfTable, tableLeadHeight, type Frame } from './pdf-table.ts';

const CHAR = SIZE.body;

/** Sets the font of a role and returns the line gap that gives the official line pitch. */
function useRole(pdf: PDFKit.PDFDocument, role: FontRole, size: number, pitch = LINE_PITCH_PT): number {
  pdf.font(PDF_FACES[role]).fontSize(size);
  return Math.max(0, pitch - pdf.currentLineHeight(true));
}

function ensureRoom(pdf: PDFKit.PDFDocument, frame: Frame, height: number): void {
  if (pdf.y + height > frame.bottom) pdf.addPage();
}

/** Options a heading or paragraph is drawn with (also used to measure it). */
function textStyle(pdf: PDFKit.PDFDocument, frame: Frame, block: Extract<Block, { kind: 'heading' | 'paragraph' }>) {
  if (block.kind === 'heading') {
    const role: FontRole =
      block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : block.level === 3 ? 'heading3' : 'body';
    const lineGap = useRole(pdf, role, SIZE.body);
    return { width: frame.width, indent: 2 * CHAR, lineGap };
  }
  const lineGap = useRole(pdf, 'body', SIZE.body);
  if (block.bold) pdf.font('serifBold');
  return {
    width: frame.width,
    indent: block.indent === false ? 0 : 2 * CHAR,
    lineGap,
    align: block.align === 'justify' || !block.align ? ('left' as const) : block.align,
  };
}

/** The height a heading or paragraph takes when drawn. */
function textHeight(
  pdf: PDFKit.PDFDocument,
  frame: Frame,
  block: Extract<Block, { kind: 'heading' | 'paragraph' }>,
  headings: Map<Block, string>,
): number {
  const text = block.kind === 'heading' ? (headings.get(block) ?? block.text) : block.text;
  return pdf.heightOfString(text, textStyle(pdf, frame, block));
}

/**
 * Keeps blocks together across a page break, as Word's "keep with next" does: a heading or
 * paragraph right above a table starts on the page where the table's caption, header and first
 * row fit (a sub-table's title never stays alone at the bottom), and the last paragraph goes
 * with the signature block (落款 never alone on a page: GB/T 9704 §7.3.5).
 */
function keepTogether(
  pdf: PDFKit.PDFDocument,
  frame: Frame,
  blocks: readonly Block[],
  i: number,
  headings: Map<Block, string>,
  signatureFollows: boolean,
): void {
  const block = blocks[i]!;
  if (block.kind !== 'heading' && block.kind !== 'paragraph') return;
  const next = blocks[i + 1];
  const own = textHeight(pdf, frame, block, headings);
  const page = frame.bottom - frame.top;
  let need = 0;
  if (next?.kind === 'table') need = own + tableLeadHeight(pdf, next, frame);
  else if (next === undefined && signatureFollows) need = own + SIGNATURE_HEIGHT;
  if (need > 0 && need <= page) ensureRoom(pdf, frame, need);
}

function drawBlock(pdf: PDFKit.PDFDocument, frame: Frame, block: Block, headings: Map<Block, string>): void {
  const { left } = frame;
  switch (block.kind) {
    case 'heading': {
      // Keep a heading with at least one line of what follows it.
      ensureRoom(pdf, frame, 2 * LINE_PITCH_PT);
      pdf.text(headings.get(block) ?? block.text, left, pdf.y, textStyle(pdf, frame, block));
      return;
    }
    case 'paragraph': {
      ensureRoom(pdf, frame, LINE_PITCH_PT);
      pdf.text(block.text, left, pdf.y, textStyle(pdf, frame, block));
      return;
    }
    case 'table':
      drawPdfTable(pdf, block, frame);
      pdf.y += LINE_PITCH_PT / 2;
      return;
    case 'pageBreak':
      pdf.addPage();
      return;
  }
}

/** The signature block: one blank line, the agency, the date. */
const SIGNATURE_HEIGHT = 3 * LINE_PITCH_PT;

/** 发文机关署名 centred over 成文日期, the date four characters in from the right (GB/T 9704 §7.3.5.2). */
function drawSignature(pdf: PDFKit.PDFDocument, frame: Frame, agency: string, isoDate: string): void {
  ensureRoom(pdf, frame, SIGNATURE_HEIGHT);
  useRole(pdf, 'body', SIZE.body);
  const right = frame.left + frame.width;
  const date = formatChineseDate(isoDate);
  const dateWidth = pdf.widthOfString(date);
  const dateX = right - 4 * CHAR - dateWidth;
  const agencyWidth = pdf.widthOfString(agency);
  const agencyX = Math.max(frame.left, Math.min(right - agencyWidth, dateX + dateWidth / 2 - agencyWidth / 2));
  const y = pdf.y + LINE_PITCH_PT;
  pdf.text(agency, agencyX, y, { lineBreak: false });
  pdf.text(date, dateX, y + LINE_PITCH_PT, { lineBreak: false });
  pdf.x = frame.left;
  pdf.y = y + 2 * LINE_PITCH_PT;
}

/** 「— 5 —」 7 mm under the 版心: odd pages right, even pages left, one character in (§7.5). */
function drawPageNumbers(pdf: PDFKit.PDFDocument, frame: Frame): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing in the bottom margin must not start a new page.
    const margins = pdf.page.margins;
    pdf.page.margins = { ...margins, bottom: 0 };
    useRole(pdf, 'pageNumber', SIZE.pageNumber);
    const label = `— ${i + 1} —`;
    const w = pdf.widthOfString(label);
    const number = i + 1;
    const x = number % 2 === 1 ? frame.left + frame.width - SIZE.pageNumber - w : frame.left + SIZE.pageNumber;
    pdf.text(label, x, frame.bottom + PAGE_NUMBER_GAP_MM * MM, { lineBreak: false });
    pdf.page.margins = margins;
  }
}

/** Renders the document as a PDF with embedded CJK fonts (throws FONTS_MISSING without them). */
export function renderPdf(doc: OfficialDocument, fonts: PdfFontFiles = findPdfFonts()): Promise<Buffer> {
  const margins = {
    top: MARGIN_MM.top * MM,
    bottom: MARGIN_MM.bottom * MM,
    left: MARGIN_MM.left * MM,
    right: MARGIN_MM.right * MM,
  };
  const pdf = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: doc.title.replace(/\n/g, ''),
      Author: doc.properties?.author ?? 'Gongkai',
      Subject: doc.properties?.subject ?? '',
      Keywords: doc.properties?.keywords ?? '',
      Producer: 'Gongkai',
      Creator: 'Gongkai',
    },
  });
  for (const [face, spec] of Object.entries(fonts)) pdf.registerFont(face, spec.file, spec.postscriptName);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const frame: Frame = {
    left: margins.left,
    width: TEXT_WIDTH_MM * MM,
    top: margins.top,
    bottom: pdf.page.height - margins.bottom,
  };
  let lineGap = useRole(pdf, 'title', SIZE.title, TITLE_LINE_PITCH_PT);
  pdf.text(doc.title, frame.left, frame.top, { width: frame.width, align: 'center', lineGap });
  if (doc.subtitle) {
    lineGap = useRole(pdf, 'subtitle', SIZE.body);
    pdf.text(doc.subtitle, frame.left, pdf.y, { width: frame.width, align: 'center', lineGap });
  }
  pdf.y += LINE_PITCH_PT;
  if (doc.recipient) {
    lineGap = useRole(pdf, 'body', SIZE.body);
    pdf.text(doc.recipient, frame.left, pdf.y, { width: frame.width, lineGap });
  }
  const headings = headingTexts(doc.body);
  doc.body.forEach((block, i) => {
    keepTogether(pdf, frame, doc.body, i, headings, doc.signature !== undefined);
    drawBlock(pdf, frame, block, headings);
  });
  if (doc.signature) drawSignature(pdf, frame, doc.signature.agency, doc.signature.date);
  if (doc.pageNumbers !== false) drawPageNumbers(pdf, frame);
  pdf.end();
  return done;
}
