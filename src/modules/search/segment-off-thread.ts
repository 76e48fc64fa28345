/**
 * itemWords (segment.ts) in a worker thread, for bulk loads (the catalog import): jieba's
 * segmentation is most of an import's CPU, and off the main thread it runs beside the database
 * writes — the import segments batch n+1 while it writes batch n. One worker per process,
 * started on first use and unref'd while idle; should it fail or die, the words are computed
 * on the calling thread instead (the same function, so the index is the same).
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { itemWords } from './segment.ts';

type ItemText = Parameters<typeof itemWords>[0];
type Words = ReturnType<typeof itemWords>;

interface Pending {
  items: ItemText[];
  resolve: (w: Words[]) => void;
}

/** segment.ts beside this file: TypeScript in a source checkout, JavaScript in the build. */
const SEGMENT_URL = new URL(`./segment${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function inThread(items: ItemText[]): Words[] {
  return items.map((i) => itemWords(i));
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./segment.worker.mjs', import.meta.url), { workerData: { moduleUrl: SEGMENT_URL } });
  w.unref();
  w.on('message', (m: { id?: number; ok?: boolean; words?: Words[] }) => {
    if (m.id === undefined) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    p.resolve(m.ok ? m.words! : inThread(p.items));
    if (pending.size === 0) w.unref();
  });
  const gone = () => {
    if (worker === w) worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.resolve(inThread(p.items));
    }
  };
  w.on('error', gone);
  w.on('exit', gone);
  worker = w;
  return w;
}

/** The index words of each item, in order, computed in the worker thread. */
export function itemWordsOffThread(items: readonly ItemText[]): Promise<Words[]> {
  const list = items.map((i) => ({ title: i.title, docNumber: i.docNumber, summary: i.summary, bodyText: i.bodyText }));
  if (list.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, { items: list, resolve });
    const w = getWorker();
    w.ref();
    w.postMessage({ id, items: list });
  });
}
