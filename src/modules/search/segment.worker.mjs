// Segments catalog items for the search index in a worker thread (issue 20: catalog import
// indexing), so that a bulk import segments the next batch while the main thread writes the
// previous one. Plain JavaScript, like report-parse.worker.mjs: a worker thread does not inherit
// the main thread's loader, so in a source checkout it registers tsx itself before importing
// segment.ts; the compiled build imports segment.js directly. The same function as the main
// thread's (itemWords), so the index is the same either way.
import { parentPort, workerData } from 'node:worker_threads';

const { moduleUrl } = workerData;
if (moduleUrl.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { itemWords } = await import(moduleUrl);

parentPort.on('message', ({ id, items }) => {
  try {
    parentPort.postMessage({ id, ok: true, words: items.map((item) => itemWords(item)) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, message: String(err?.message ?? err) });
  }
});
parentPort.postMessage({ ready: true });
