// Extracts the text items of PDFs in a worker thread, so that the importer can stop a PDF
// that takes too long or too much memory (worker.terminate()) without stopping the batch.
// The worker is kept for the next PDF (pdf.js is loaded once, not once per file: issue 16's
// 0.5 s per PDF); it answers one request at a time: { id, data, maxPages } → { id, ok, … }.
// Plain JavaScript, started without the parent's loader (execArgv: []).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// A report says what it is on its first pages (title, 一、总体情况, table 二); a long PDF that
// does not is some other document, and is not read to its end (issue 16: a 200-page PDF took 30 s).
const FIRST_PAGES = 3;
const REPORT_CUES = /政府信息公开|政务公开|信息公开|年度报告|年报|第二十条|本年新收|申请人情况/;
const root = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjsLoading = import('pdfjs-dist/legacy/build/pdf.mjs');

async function extract(data, maxPages) {
  const pdfjs = await pdfjsLoading;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages = [];
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
        if (text === '' || !REPORT_CUES.test(text))
          return { ok: false, name: text === '' ? 'NoText' : 'NotAReport', message: String(doc.numPages) };
      }
    }
    return { ok: true, pages, numPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

parentPort.on('message', async ({ id, data, maxPages }) => {
  let answer;
  try {
    answer = await extract(data, maxPages);
  } catch (err) {
    answer = { ok: false, name: err?.name ?? 'Error', message: String(err?.message ?? err) };
  }
  parentPort.postMessage({ id, ...answer });
});
