/**
 * The document module: one model of an official document (document.ts), rendered to DOCX
 * (render-docx.ts) and PDF (render-pdf.ts) on the GB/T 9704 page. Reply letters use it now,
 * the annual report later. See docs/documents.md.
 */
import { DomainError } from '../../domain/errors.ts';
import type { OfficialDocument } from './document.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

export type { Align, Block, Cell, HeadingLevel, OfficialDocument, Signature } from './document.ts';
export { chineseNumeral, headingPrefix, headingTexts } from './numbering.ts';
export { layoutTable } from './table-grid.ts';
export { findPdfFonts, type PdfFontFiles } from './pdf-fonts.ts';
export { renderDocx, renderPdf };

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A rendered file, ready to store, send as an attachment or serve. */
export interface RenderedDocument {
  format: DocumentFormat;
  contentType: string;
  /** File name extension with the dot. */
  extension: string;
  data: Buffer;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Renders a document in one of the formats; throws DOCUMENT_INVALID / FONTS_MISSING in Chinese. */
export async function renderDocument(doc: OfficialDocument, format: DocumentFormat): Promise<RenderedDocument> {
  if (!doc.title.trim()) throw new DomainError('DOCUMENT_INVALID', '文书缺少标题');
  const data = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
  return { format, contentType: CONTENT_TYPES[format], extension: `.${format}`, data };
}

/** A file name safe in every browser and mail client: the title without path characters. */
export function documentFileName(title: string, format: DocumentFormat): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\n\r]+/g, '')
      .trim()
      .slice(0, 80) || '文书';
  return `${base}.${format}`;
}
