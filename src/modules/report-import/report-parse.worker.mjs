// Reads uploaded report files in a worker thread, so that parsing (HTML, DOCX, text and the
// table solver; PDFs have their own worker inside) never holds the server's event loop: health
// checks and other requests are answered while a large or hostile file is read.
// Plain JavaScript, like pdf-text.worker.mjs: a worker thread does not inherit the loader of
// the main thread, so in a source checkout (tests, `npm run dev`) it registers tsx itself
// before importing the TypeScript reader; the compiled build imports read-file.js directly.
import { parentPort, workerData } from 'node:worker_threads';

const { moduleUrl } = workerData;
if (moduleUrl.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { readReportBytes } = await import(moduleUrl);

parentPort.on('message', async ({ id, data, name, options }) => {
  try {
    const result = await readReportBytes(Buffer.from(data.buffer, data.byteOffset, data.byteLength), name, options);
    parentPort.postMessage({ id, ok: true, result });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, message: String(err?.message ?? err) });
  }
});
parentPort.postMessage({ ready: true });
