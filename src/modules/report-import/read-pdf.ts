/**
 * PDF reports (text layer only; a scanned PDF has none): pdfjs-dist's legacy build in a
 * worker thread with a time and memory limit, then text items grouped into lines by their
 * height on the page and into cells by the gaps between them.
 */
import { Worker } from 'node:worker_threads';
import { isPageMark, type DocLine, type SourceDocument } from './document.ts';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfLimits {
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** Read at most this many pages (a report has a handful). */
  maxPages: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { timeoutMs: 30_000, maxPages: 200 };

/** A PDF that cannot be read, with the Chinese reason. */
export class PdfReadError extends Error {}

/** Text items of every page, extracted in a worker that is stopped at the time limit. */
export function extractPdfItems(data: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfItem[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdf-text.worker.mjs', import.meta.url), {
      workerData: { data, maxPages: limits.maxPages },
      resourceLimits: { maxOldGenerationSizeMb: 768 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new PdfReadError(`PDF 解析超时（超过${limits.timeoutMs / 1000}秒），已放弃。`))),
      limits.timeoutMs,
    );
    worker.on('message', (m: { ok: true; pages: PdfItem[][] } | { ok: false; name: string; message: string }) => {
      if (m.ok) finish(() => resolve(m.pages));
      else if (m.name === 'PasswordException') finish(() => reject(new PdfReadError('PDF 有密码保护，无法读取。')));
      else if (m.name === 'NoText')
        finish(() => reject(new PdfReadError('PDF 中没有文字层（可能是扫描件），无法读取。')));
      else if (m.name === 'NotAReport')
        finish(() =>
          reject(
            new PdfReadError(
              `文件不是政府信息公开工作年度报告：PDF 前3页中没有年度报告的内容（全文共${m.message}页），已停止读取。`,
            ),
          ),
        );
      else finish(() => reject(new PdfReadError(`PDF 文件已损坏或格式无效，无法读取（${m.message}）。`)));
    });
    worker.on('error', (e) => finish(() => reject(new PdfReadError(`PDF 解析失败：${e.message}`))));
    worker.on('exit', (code) =>
      finish(() => reject(new PdfReadError(`PDF 解析中断（代码 ${code}），文件可能过于复杂或已损坏。`))),
    );
  });
}

/** Groups the items of one page into lines (same baseline) and cells (separated by a gap). */
export function pageLines(items: PdfItem[]): DocLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && ref && Math.abs(ref.y - item.y) <= Math.max(ref.h, item.h) * 0.5) row.push(item);
    else rows.push([item]);
  }
  const lines: DocLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const cells: string[] = [];
    const xs: number[] = [];
    let start = 0;
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      if (cells.length === 0 || gap > Math.max(item.h, 4) * 0.8) {
        if (cells.length > 0) xs.push((start + end) / 2);
        cells.push(item.str);
        start = item.x;
      } else {
        cells[cells.length - 1] +=
          (gap > item.h * 0.25 && /[\w.]$/.test(cells[cells.length - 1]!) ? ' ' : '') + item.str;
      }
      end = item.x + item.w;
    }
    xs.push((start + end) / 2);
    const text = cells.join(' ');
    if (isPageMark(text)) continue;
    lines.push({ cells: cells.map((c) => c.trim()), structured: false, xs });
  }
  return lines;
}

/** Reads a PDF report into lines of cells. */
export async function readPdf(data: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<SourceDocument> {
  return pdfDocument(await extractPdfItems(data, limits));
}

/** Lines of cells from the text items of a PDF's pages (extracted by extractPdfItems). */
export function pdfDocument(pages: PdfItem[][]): SourceDocument {
  const lines = pages.flatMap(pageLines);
  if (lines.length === 0) throw new PdfReadError('PDF 中没有文字层（可能是扫描件），无法读取。');
  return { lines };
}
