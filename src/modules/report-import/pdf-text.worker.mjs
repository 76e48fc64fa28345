// Extracts the text items of a PDF in a worker thread, so that the importer can stop a PDF
// that takes too long or too much memory (worker.terminate()) without stopping the batch.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the main thread.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// A report says what it is on its first pages (title, 一、总体情况, table 二); a long PDF that
// does not is some other document, and is not read to its end (issue 16: a 200-page PDF took 30 s).
const FIRST_PAGES = 3;
const REPORT_CUES = /政府信息公开|政务公开|信息公开|年度报告|年报|第二十条|本年新收|申请人情况/;
const root = dirname(require.resolve('pdfjs-dist/package.json'));

try {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { data, maxPages } = workerData;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages = [];
  let stopped = null;
  const count = Math.min(doc.numPages, maxPages);
  for (let p = 1; p <= count; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .filter((i) => typeof i.str === 'string' && i.str.trim() !== '')
        .map((i) => ({
          str: i.str,
          x: i.transform[4],
          y: i.transform[5],
          w: i.width,
          h: i.height || Math.abs(i.transform[3]) || 10,
        })),
    );
    page.cleanup();
    if (p === FIRST_PAGES && doc.numPages > FIRST_PAGES) {
      const text = pages
        .flat()
        .map((i) => i.str)
        .join('')
        .replace(/\s+/g, '');
      if (text === '' || !REPORT_CUES.test(text)) {
        stopped = text === '' ? 'NoText' : 'NotAReport';
        break;
      }
    }
  }
  if (stopped) parentPort.postMessage({ ok: false, name: stopped, message: String(doc.numPages) });
  else parentPort.postMessage({ ok: true, pages, numPages: doc.numPages });
  await doc.destroy();
} catch (err) {
  parentPort.postMessage({ ok: false, name: err?.name ?? 'Error', message: String(err?.message ?? err) });
}
