/**
 * The audit chain heads, anchored outside the database. Each node appends JSON lines to its own
 * file `<anchorDir>/YYYY-MM-DD.<node>.jsonl` (the periodic and shutdown anchors, and `gongkai
 * audit anchor`, to `<anchorDir>/YYYY-MM-DD.jsonl`); `audit verify` merges every file. Someone who
 * can rewrite the audit table cannot also rewrite what was anchored, so a cut-off tail or a
 * rewritten chain is detected. In a multi-node deployment ship the directory off the nodes with
 * the logs, or keep it on storage the database's administrators cannot write (docs/operations.md).
 *
 * Since issue 15 the server anchors every committed change (AnchorWriter, wired to the database
 * by src/db/commit-watch.ts): the head is handed to the operating system (write(2)) before the
 * change is acknowledged, so kill -9 leaves no acknowledged event unanchored — a killed process
 * loses nothing it has written. The file is fsync'ed at most `syncMs` later (10 ms), so a power
 * cut can lose at most that much, as SQLite's synchronous=NORMAL may lose its last commits too;
 * waiting for the fsync on every commit would serialize SQLite's single connection behind the
 * disk (docs/benchmarks.md "Audit anchors").
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export interface Anchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
}

export function appendAnchors(dir: string, day: string, anchors: Anchor[]): void {
  if (anchors.length === 0) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  appendFileSync(join(dir, `${day}.jsonl`), anchors.map((a) => JSON.stringify(a)).join('\n') + '\n', {
    mode: 0o600,
  });
}

/**
 * The highest anchored head of every chain, over all nodes' files. A torn last line (a node
 * killed while writing it) is skipped: its fsync never returned, so nothing relied on it.
 */
export function readLatestAnchors(dir: string): Map<string, Anchor> {
  const latest = new Map<string, Anchor>();
  if (!existsSync(dir)) return latest;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let a: Anchor;
      try {
        a = JSON.parse(line) as Anchor;
      } catch {
        continue;
      }
      if (typeof a.chain !== 'string' || typeof a.seq !== 'number') continue;
      const seen = latest.get(a.chain);
      if (!seen || a.seq >= seen.seq) latest.set(a.chain, a);
    }
  }
  return latest;
}

/** A node's name for its anchor files: letters, digits, dot and dash only. */
export function nodeFileName(node: string): string {
  return node.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 80) || 'node';
}

/**
 * Appends anchors to this node's file. The write is synchronous (a small append to the page
 * cache: microseconds, and no thread-pool round trip on the commit path); the fsync follows
 * asynchronously within `syncMs`, one for every write in between.
 */
export class AnchorWriter {
  readonly #dir: string;
  readonly #node: string;
  #file: { day: string; fd: number } | null = null;
  #syncTimer: NodeJS.Timeout | null = null;
  #syncing: Promise<void> | null = null;
  /** How long after a write its fsync may wait (ms). */
  syncMs = 10;
  /** Told of every batch written (the server logs it: the second copy, with the logs). */
  onWritten: ((anchors: Anchor[]) => void) | null = null;

  constructor(dir: string, node: string) {
    this.#dir = dir;
    this.#node = nodeFileName(node);
  }

  /** Writes the newest head of each chain among `anchors`; resolves once written to the file. */
  write(anchors: Anchor[]): Promise<void> {
    if (anchors.length === 0) return Promise.resolve();
    try {
      const newest = new Map<string, Anchor>();
      for (const a of anchors) {
        const seen = newest.get(a.chain);
        if (!seen || a.seq > seen.seq) newest.set(a.chain, a);
      }
      const batch = [...newest.values()];
      const fd = this.#fdFor(batch[0]!.at.slice(0, 10));
      writeSync(fd, batch.map((a) => JSON.stringify(a)).join('\n') + '\n');
      this.#scheduleSync(fd);
      this.onWritten?.(batch);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  #scheduleSync(fd: number): void {
    if (this.#syncTimer) return;
    this.#syncTimer = setTimeout(() => {
      this.#syncTimer = null;
      this.#syncing = new Promise<void>((resolve) => fdatasync(fd, () => resolve())).finally(
        () => (this.#syncing = null),
      );
    }, this.syncMs);
    this.#syncTimer.unref();
  }

  /** The day's file (by the anchor's UTC date), opened for appending; the directory fsync'ed when new. */
  #fdFor(day: string): number {
    if (this.#file?.day === day) return this.#file.fd;
    this.#closeFile();
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const path = join(this.#dir, `${day}.${this.#node}.jsonl`);
    const created = !existsSync(path);
    const fd = openSync(path, 'a', 0o600);
    if (created) {
      const dir = openSync(this.#dir, 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    this.#file = { day, fd };
    return fd;
  }

  #closeFile(): void {
    if (!this.#file) return;
    if (this.#syncTimer) clearTimeout(this.#syncTimer);
    this.#syncTimer = null;
    fdatasyncSync(this.#file.fd);
    closeSync(this.#file.fd);
    this.#file = null;
  }

  async close(): Promise<void> {
    await this.#syncing;
    this.#closeFile();
  }
}

/** The anchors of committed audit_event rows (src/db/commit-watch.ts gives the inserted columns). */
export function anchorsOfRows(rows: Array<Record<string, unknown>>): Anchor[] {
  return rows
    .filter((r) => typeof r.chain === 'string' && r.seq !== undefined && typeof r.hash === 'string')
    .map((r) => ({ chain: r.chain as string, seq: Number(r.seq), hash: r.hash as string, at: String(r.at) }));
}
