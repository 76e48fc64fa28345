/**
 * Plain text reports: text extracted from a PDF with tab-separated cells, markdown tables,
 * cells separated by " | ", by spaces, or crawler text where cells run together.
 */
import { isPageMark, type DocLine, type SourceDocument } from './document.ts';

const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Splits one text line into cells by the separator it uses. */
export function splitLine(line: string): DocLine {
  if (line.includes('\t')) return { cells: line.split('\t').map((c) => c.trim()), structured: true };
  const trimmed = line.trim();
  if (/^[|｜].*[|｜]$/.test(trimmed) && trimmed.length > 1) {
    return {
      cells: trimmed
        .slice(1, -1)
        .split(/[|｜]/)
        .map((c) => c.trim()),
      structured: true,
    };
  }
  if (/\s[|｜]\s/.test(line)) return { cells: line.split(/\s[|｜]\s/).map((c) => c.trim()), structured: true };
  return { cells: trimmed.split(/\s+/).filter((c) => c !== ''), structured: false };
}

/** Reads a text report into lines of cells, dropping page marks and markdown rules. */
export function readText(text: string): SourceDocument {
  const lines: DocLine[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '' || isPageMark(raw) || MARKDOWN_RULE.test(raw)) continue;
    lines.push(splitLine(raw));
  }
  return { lines };
}
