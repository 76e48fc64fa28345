/**
 * The common shape every reader produces: lines of cells, in reading order. A table row is
 * one line with one cell per table cell (blank cells kept as ''); a paragraph is a line with
 * one cell. Text files without cell separators give one cell per word.
 */
export interface DocLine {
  cells: string[];
  /** Whether empty cells in this line are real table cells (HTML, DOCX, tab or pipe separated text). */
  structured: boolean;
  /** Horizontal centre of each cell on the page (PDF only): lets blank cells be placed by column. */
  xs?: number[];
}

export interface SourceDocument {
  lines: DocLine[];
  /** The document title where the format has one (HTML <title>). */
  title?: string;
}

/** Page footers and headers that PDF text drops into the middle of tables: — 5 —, 第5页, 5/12. */
const PAGE_MARK = [
  /^\s*[—–\-－_~]+\s*\d{1,4}\s*[—–\-－_~]+\s*$/,
  /^\s*第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?\s*$/,
  /^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/,
];

/** Whether a line is only a page number. */
export function isPageMark(text: string): boolean {
  return PAGE_MARK.some((re) => re.test(text));
}

/** Plain text of the document: cells joined by a space, lines by a newline. */
export function plainText(doc: SourceDocument): string {
  return doc.lines.map((l) => l.cells.join(' ').replace(/\s+/g, ' ').trim()).join('\n');
}
