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

type PdfAnswer =
  { id: number; ok: true; pages: PdfItem[][] } | { id: number; ok: false; name: string; message: string };

/**
 * The PDF worker, kept between files (pdf.js is loaded once per process, not once per PDF) and
 * replaced when it is stopped at a time limit or dies. It is started without the parent's
 * execArgv: it is plain JavaScript, and under tsx the inherited loader would transform pdf.js
 * on every start. Requests are queued: one PDF at a time, each with its own time limit.
 */
let pdfWorker: Worker | null = null;
let nextPdfId = 1;
const waiting = new Map<number, (m: PdfAnswer | Error) => void>();
let queue: Promise<unknown> = Promise.resolve();

function pdfThread(): Worker {
  if (pdfWorker) return pdfWorker;
  const w = new Worker(new URL('./pdf-text.worker.mjs', import.meta.url), {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 768 },
    stdout: true,
    stderr: true,
  });
  w.unref();
  w.on('message', (m: PdfAnswer) => {
    const done = waiting.get(m.id);
    waiting.delete(m.id);
    done?.(m);
  });
  const gone = (e: Error) => {
    if (pdfWorker === w) pdfWorker = null;
    for (const [id, done] of waiting) {
      waiting.delete(id);
      done(e);
    }
  };
  w.on('error', (e) => gone(new PdfReadError(`PDF 解析失败：${e.message}`)));
  w.on('exit', (code) => gone(new PdfReadError(`PDF 解析中断（代码 ${code}），文件可能过于复杂或已损坏。`)));
  pdfWorker = w;
  return w;
}

/** Stops the PDF worker (tests, shutdown); the next PDF starts a new one. */
export async function stopPdfThread(): Promise<void> {
  const w = pdfWorker;
  pdfWorker = null;
  if (w) await w.terminate();
}

function toResult(m: PdfAnswer): PdfItem[][] {
  if (m.ok) return m.pages;
  if (m.name === 'PasswordException') throw new PdfReadError('PDF 有密码保护，无法读取。');
  if (m.name === 'NoText') throw new PdfReadError('PDF 中没有文字层（可能是扫描件），无法读取。');
  if (m.name === 'NotAReport')
    throw new PdfReadError(
      `文件不是政府信息公开工作年度报告：PDF 前3页中没有年度报告的内容（全文共${m.message}页），已停止读取。`,
    );
  throw new PdfReadError(`PDF 文件已损坏或格式无效，无法读取（${m.message}）。`);
}

/** One PDF in the worker, stopped (and the worker replaced) at the time limit. */
function extractOne(data: Uint8Array, limits: PdfLimits): Promise<PdfItem[][]> {
  return new Promise((resolve, reject) => {
    const w = pdfThread();
    const id = nextPdfId++;
    const timer = setTimeout(() => {
      waiting.delete(id);
      if (pdfWorker === w) pdfWorker = null;
      void w.terminate();
      reject(new PdfReadError(`PDF 解析超时（超过${limits.timeoutMs / 1000}秒），已放弃。`));
    }, limits.timeoutMs);
    waiting.set(id, (m) => {
      clearTimeout(timer);
      if (waiting.size === 0) w.unref();
      if (m instanceof Error) reject(m);
      else {
        try {
          resolve(toResult(m));
        } catch (e) {
          reject(e as Error);
        }
      }
    });
    // Keep the process alive while a PDF is read; unref'd again when none is.
    w.ref();
    w.postMessage({ id, data, maxPages: limits.maxPages });
  });
}

/** Text items of every page, extracted in the PDF worker with a time and memory limit. */
export function extractPdfItems(data: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfItem[][]> {
  const run = queue.then(() => extractOne(data, limits));
  queue = run.catch(() => undefined);
  return run;
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
