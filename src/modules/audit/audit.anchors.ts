/**
 * The audit chain heads, anchored outside the database: one JSON line per chain head appended
 * to a daily digest file `<anchorDir>/YYYY-MM-DD.jsonl` (and written to the log). Someone who can
 * rewrite the audit table cannot also rewrite what was anchored, so `audit verify` detects a
 * cut-off tail or a rewritten chain. In a multi-node deployment the directory should be shared
 * storage or shipped off the node with the logs (docs/operations.md).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Anchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
}

export function appendAnchors(dir: string, day: string, anchors: Anchor[]): void {
  if (anchors.length === 0) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${day}.jsonl`), anchors.map((a) => JSON.stringify(a)).join('\n') + '\n');
}

/** The highest anchored head of every chain, over all digest files. */
export function readLatestAnchors(dir: string): Map<string, Anchor> {
  const latest = new Map<string, Anchor>();
  if (!existsSync(dir)) return latest;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as Anchor;
      const seen = latest.get(a.chain);
      if (!seen || a.seq >= seen.seq) latest.set(a.chain, a);
    }
  }
  return latest;
}
