/**
 * A report printed the way published reports really reach an importer (issue 16): the PDF we
 * render ourselves, extracted again by pdftotext (default, -layout, -raw) and by pdf.js; HTML
 * flattened to text with cells joined by 「 | 」 and merged cells only in the first row they
 * span (optionally annotated 「[rs=2]」「[cs=3]」); text with row labels broken over lines,
 * numbers on the line after their label and header fragments run together; markdown tables
 * whose header and body disagree in column count; and partial copies that end inside table 三.
 * Each variant is chosen and shaped by a seed, so a property test draws them at random.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdfItems, pageLines } from '../../src/modules/report-import/read-pdf.ts';
import { expand, type Grid } from './grid.ts';
import { blocks, type Printable } from './printable.ts';
import { renderPdf } from './render-pdf.ts';

export const HAZARDS = [
  'pdftotext',
  'pdftotext-layout',
  'pdftotext-raw',
  'pdfjs-lines',
  'pdfjs-items',
  'flat-html',
  'flat-html-annotated',
  'broken-labels',
  'markdown-mismatch',
] as const;
export type Hazard = (typeof HAZARDS)[number];

/** A small seeded generator (mulberry32): the same seed gives the same variant. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text of a PDF as pdftotext (poppler-utils) gives it. */
export function pdftotext(pdf: Buffer, mode: '' | '-layout' | '-raw'): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(mode ? [mode] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of a PDF as a pdf.js based converter saves it: one line per baseline, or one line per text item. */
export async function pdfjsText(pdf: Buffer, perItem: boolean): Promise<string> {
  const pages = await extractPdfItems(new Uint8Array(pdf));
  if (perItem) return pages.flatMap((items) => items.map((i) => i.str)).join('\n');
  return pages
    .flatMap(pageLines)
    .map((l) => l.cells.join(' '))
    .join('\n');
}

/** A grid as HTML flattened to text: one line per <tr>, cells joined by 「 | 」, merged cells once. */
function flatRows(grid: Grid, annotate: boolean): string[] {
  return grid.rows.map((row) =>
    row
      .map((c) => {
        let t = c.text;
        if (annotate && c.rowSpan > 1) t += `[rs=${c.rowSpan}]`;
        if (annotate && c.colSpan > 1) t += `[cs=${c.colSpan}]`;
        return t;
      })
      .join(' | '),
  );
}

/** Splits a label at a random point inside it (keeping both parts non-empty). */
function splitLabel(label: string, rand: () => number): [string, string] {
  if (label.length < 4) return [label, ''];
  const at = 2 + Math.floor(rand() * (label.length - 3));
  return [label.slice(0, at), label.slice(at)];
}

/**
 * A table as PDF text with its hazards: cells separated by spaces; a header row's fragments
 * run together; a row label broken over two lines (its numbers after the first part, or on a
 * line of their own after the whole label).
 */
function brokenRows(grid: Grid, rand: () => number): string[] {
  const out: string[] = [];
  expand(grid).forEach((row, r) => {
    const cells = row.filter((c) => c !== '');
    if (!grid.dataRows.has(r)) {
      out.push(rand() < 0.5 ? cells.join('') : cells.join(' '));
      return;
    }
    const firstNumber = cells.findIndex((c) => /^-?\d+(?:\.\d+)?$/.test(c));
    const labels = firstNumber < 0 ? cells : cells.slice(0, firstNumber);
    const numbers = firstNumber < 0 ? [] : cells.slice(firstNumber);
    const label = labels[labels.length - 1] ?? '';
    const groups = labels.slice(0, -1);
    const pick = rand();
    if (pick < 0.35) {
      const [a, b] = splitLabel(label, rand);
      out.push([...groups, a, ...numbers].join(' '));
      if (b) out.push(b);
    } else if (pick < 0.7) {
      const [a, b] = splitLabel(label, rand);
      out.push([...groups, a].join(' '));
      if (b) out.push(b);
      out.push(numbers.join(' '));
    } else {
      out.push([...groups, label].join(' '));
      out.push(numbers.join(' '));
    }
  });
  return out;
}

/** Markdown tables whose header rows keep merged cells once while the body is a full matrix, or the other way round. */
function mismatchedMarkdown(grid: Grid, rand: () => number): string[] {
  const full = expand(grid);
  const headerMerged = rand() < 0.5;
  const lines: string[] = [];
  grid.rows.forEach((row, r) => {
    const isData = grid.dataRows.has(r);
    const cells = isData === headerMerged ? full[r]! : row.map((c) => c.text);
    lines.push(`| ${cells.join(' | ')} |`);
    if (r === 0) lines.push(`|${cells.map(() => ' --- ').join('|')}|`);
  });
  return lines;
}

/** The report printed with one hazard, shaped by `seed`. */
export async function renderHazard(p: Printable, hazard: Hazard, seed: number): Promise<string> {
  const rand = seeded(seed);
  switch (hazard) {
    case 'pdftotext':
      return pdftotext(await renderPdf(p), '');
    case 'pdftotext-layout':
      return pdftotext(await renderPdf(p), '-layout');
    case 'pdftotext-raw':
      return pdftotext(await renderPdf(p), '-raw');
    case 'pdfjs-lines':
      return pdfjsText(await renderPdf(p), false);
    case 'pdfjs-items':
      return pdfjsText(await renderPdf(p), true);
    default:
      break;
  }
  const lines: string[] = [];
  for (const b of blocks(p)) {
    if (b.kind !== 'table') {
      lines.push(b.text);
      continue;
    }
    if (hazard === 'flat-html') lines.push(...flatRows(b.grid, false));
    else if (hazard === 'flat-html-annotated') lines.push(...flatRows(b.grid, true));
    else if (hazard === 'broken-labels') lines.push(...brokenRows(b.grid, rand));
    else lines.push(...mismatchedMarkdown(b.grid, rand));
  }
  return `${lines.join('\n')}\n`;
}

/** Where a partial copy ends: after `rows` data rows of table 三, and `cells` cells into the next. */
export interface Cut {
  rows: number;
  cells: number;
}

/**
 * A partial copy (tab-separated text) that ends inside table 三: the rows before the cut are
 * whole, the row at the cut keeps only its first `cut.cells` cells, nothing follows.
 */
export function partialCopy(text: string, cut: Cut): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  if (start < 0) throw new Error('no table 三 in the text');
  const head = lines.slice(0, start + cut.rows);
  const row = lines[start + cut.rows] ?? '';
  const cells = row.split('\t');
  const firstNumber = cells.findIndex((c) => /^-?\d+(?:\.\d+)?$/.test(c));
  const kept = firstNumber < 0 ? cells : cells.slice(0, firstNumber + cut.cells);
  return `${[...head, kept.join('\t')].join('\n')}\n`;
}
