/**
 * The audit chain heads, anchored outside the database. Each node appends JSON lines to its own
 * file `<anchorDir>/YYYY-MM-DD.<node>.jsonl` (the periodic and shutdown anchors, and `gongkai
 * audit anchor`, to `<anchorDir>/YYYY-MM-DD.jsonl`); `audit verify` merges every file. Someone who
 * can rewrite the audit table cannot also rewrite what was anchored, so a cut-off tail or a
 * rewritten chain is detected. In a multi-node deployment ship the directory off the nodes with
 * the logs, or keep it on storage the database's administrators cannot write (docs/operations.md).
 *
 * Since issue 15 the server anchors every change before it commits (AnchorWriter, wired to the
 * database by src/db/commit-watch.ts): the head is handed to the operating system (write(2))
 * before the COMMIT is sent, so after kill -9 no committed event is left unanchored — a killed
 * process loses nothing it has written. A COMMIT that fails is withdrawn (a `withdrawn` line);
 * a process killed between its anchor and its COMMIT leaves an anchor one event ahead of the
 * database, which `audit verify` reports rather than hides. The file is fsync'ed at most `syncMs`
 * later (10 ms), so a power cut can lose at most that much, as SQLite's synchronous=NORMAL may
 * lose its last commits too; waiting for the fsync on every commit would serialize SQLite's single
 * connection behind the disk (docs/benchmarks.md "Audit anchors").
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
import type { CommitListener } from '../../db/commit-watch.ts';

export interface Anchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
  /** The COMMIT this anchor announced failed: the line cancels the anchor of the same chain, seq and hash. */
  withdrawn?: true;
}

/** The newest anchored head of a chain; `hashes` holds every hash anchored at that seq and not withdrawn. */
export interface AnchoredHead extends Anchor {
  hashes: string[];
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
 * killed while writing it) is skipped: its COMMIT was never sent. Withdrawn anchors do not count.
 * Several hashes at one seq happen when a node died between an anchor and its COMMIT and the
 * chain went on: the next event took the same seq; the database must hold one of them.
 */
export function readLatestAnchors(dir: string): Map<string, AnchoredHead> {
  const bySeq = new Map<string, Map<number, Map<string, Anchor>>>();
  if (!existsSync(dir)) return new Map();
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
      if (typeof a.chain !== 'string' || typeof a.seq !== 'number' || typeof a.hash !== 'string') continue;
      const seqs = bySeq.get(a.chain) ?? new Map<number, Map<string, Anchor>>();
      bySeq.set(a.chain, seqs);
      const hashes = seqs.get(a.seq) ?? new Map<string, Anchor>();
      seqs.set(a.seq, hashes);
      if (a.withdrawn) hashes.delete(a.hash);
      else hashes.set(a.hash, a);
    }
  }
  const latest = new Map<string, AnchoredHead>();
  for (const [chain, seqs] of bySeq) {
    const top = [...seqs.entries()].filter(([, h]) => h.size > 0).sort((x, y) => y[0] - x[0])[0];
    if (!top) continue;
    const anchors = [...top[1].values()];
    latest.set(chain, { ...anchors.at(-1)!, hashes: anchors.map((a) => a.hash) });
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
      this.#append(newestPerChain(anchors));
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /**
   * Cancels anchors written for a COMMIT that failed. Best effort: if this write fails too, the
   * anchor stays one event ahead of the database and `audit verify` reports it.
   */
  withdraw(anchors: Anchor[]): void {
    if (anchors.length === 0) return;
    try {
      this.#append(newestPerChain(anchors).map((a) => ({ ...a, withdrawn: true as const })));
    } catch {
      // reported by audit verify, see above
    }
  }

  #append(batch: Anchor[]): void {
    const fd = this.#fdFor(batch[0]!.at.slice(0, 10));
    writeSync(fd, batch.map((a) => JSON.stringify(a)).join('\n') + '\n');
    this.#scheduleSync(fd);
    this.onWritten?.(batch);
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

function newestPerChain(anchors: Anchor[]): Anchor[] {
  const newest = new Map<string, Anchor>();
  for (const a of anchors) {
    const seen = newest.get(a.chain);
    if (!seen || a.seq > seen.seq) newest.set(a.chain, a);
  }
  return [...newest.values()];
}

/** The anchors of audit_event rows about to be committed (src/db/commit-watch.ts gives the inserted columns). */
export function anchorsOfRows(rows: Array<Record<string, unknown>>): Anchor[] {
  return rows
    .filter((r) => typeof r.chain === 'string' && r.seq !== undefined && typeof r.hash === 'string')
    .map((r) => ({ chain: r.chain as string, seq: Number(r.seq), hash: r.hash as string, at: String(r.at) }));
}

/** Wires a writer to the database (src/db/commit-watch.ts): anchor before COMMIT, withdraw if it fails. */
export function anchorListener(writer: AnchorWriter): CommitListener {
  return {
    prepared: (rows) => writer.write(anchorsOfRows(rows)),
    withdrawn: (rows) => writer.withdraw(anchorsOfRows(rows)),
  };
}
