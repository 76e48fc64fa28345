// Extracts the text items of a PDF in a worker thread, so that the importer can stop a PDF
// that takes too long or too much memory (worker.terminate()) without stopping the batch.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the main thread.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
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
  }
  parentPort.postMessage({ ok: true, pages, numPages: doc.numPages });
  await doc.destroy();
} catch (err) {
  parentPort.postMessage({ ok: false, name: err?.name ?? 'Error', message: String(err?.message ?? err) });
}
