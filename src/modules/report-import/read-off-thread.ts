/**
 * Reading report files off the event loop (issue 16: a 200-page PDF uploaded in the console
 * stalled the server's health checks): the console upload hands each file to a worker thread
 * that runs the same reader as the CLI (read-file.ts). One worker per process, started on the
 * first upload and kept (unref'd) for the next; a worker that dies is replaced, and its file
 * answered with a Chinese error rather than an exception.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { detectKind, type ReadOptions } from './read-file.ts';
import { DEFAULT_PDF_LIMITS, extractPdfItems, stopPdfThread, type PdfItem } from './read-pdf.ts';
import { notAReport, type ReadResult } from './read-report.ts';

interface Pending {
  resolve: (r: ReadResult) => void;
}

/** The reader module beside this file, as TypeScript in a source checkout or JavaScript in the build. */
const READER_URL = new URL(`./read-file${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const [id, p] of pending) {
    pending.delete(id);
    p.resolve(notAReport(message));
  }
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./report-parse.worker.mjs', import.meta.url), {
    workerData: { moduleUrl: READER_URL },
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  w.unref();
  w.on('message', (m: { id?: number; ok?: boolean; result?: ReadResult; message?: string; ready?: boolean }) => {
    if (m.ready || m.id === undefined) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    p.resolve(m.ok ? m.result! : notAReport(`读取文件时出错：${m.message ?? '未知原因'}`));
    if (pending.size === 0) w.unref();
  });
  const gone = (why: string) => {
    if (worker === w) worker = null;
    failAll(why);
  };
  w.on('error', (e) => gone(`读取文件的后台线程出错（${e.message}），请重试。`));
  w.on('exit', (code) => gone(`读取文件的后台线程意外退出（代码 ${code}），文件可能过大或过于复杂。`));
  worker = w;
  return w;
}

/**
 * Reads report bytes off the event loop; resolves with the same result as readReportBytes. A
 * PDF's text is extracted first by the PDF worker (started from this thread, with its time
 * limit), and its items handed to the reader thread with the bytes.
 */
export async function readReportBytesOffThread(
  data: Buffer,
  file: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  let pdfPages: PdfItem[][] | undefined;
  if ((await detectKind(data).catch(() => null)) === 'pdf') {
    try {
      pdfPages = await extractPdfItems(new Uint8Array(data), options.pdf ?? DEFAULT_PDF_LIMITS);
    } catch (err) {
      return notAReport(err instanceof Error ? err.message : String(err));
    }
  }
  return inWorker(data, file, { ...options, ...(pdfPages ? { pdfPages } : {}) });
}

function inWorker(data: Buffer, file: string, options: ReadOptions): Promise<ReadResult> {
  const w = getWorker();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    // Keep the process alive while a file is being read; unref'd again when none is.
    w.ref();
    w.postMessage({ id, data: new Uint8Array(data), name: file, options });
  });
}

/** Stops the worker (tests, shutdown); a later read starts a new one. */
export async function stopReaderThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
  await stopPdfThread();
}
