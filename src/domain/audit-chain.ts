/**
 * The audit trail is hash-chained per agency (one chain per agency, plus 'system'), so app
 * nodes do not serialize on one chain. Each event's hash covers its content and the previous
 * hash; the heads are anchored outside the table, so an edit, a deletion or a cut-off tail
 * is detectable (`gongkai audit verify`).
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  chain: string;
  seq: number;
  agencyId: string | null;
  actorId: string | null;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: string;
  beforeJson: string | null;
  afterJson: string | null;
  at: string;
  clientIp: string | null;
  prevHash: string;
}

/**
 * The chain's hash algorithm for new events: SHA-256 (stored as bare hex), or SM3 on a 国密 install
 * (GONGKAI_CRYPTO=gm; stored as `sm3:<hex>`). The stored form records the algorithm beside each
 * event, so a chain may switch algorithm midway and still verifies. Set once at start-up
 * (src/server/runtime.ts) rather than passed to every recordAudit.
 */
export type ChainAlgorithm = 'sha256' | 'sm3';
let chainAlgorithm: ChainAlgorithm = 'sha256';

export function setChainAlgorithm(algorithm: ChainAlgorithm): void {
  chainAlgorithm = algorithm;
}

/** The algorithm a stored hash was made with. */
export function algorithmOf(storedHash: string): ChainAlgorithm {
  return storedHash.startsWith('sm3:') ? 'sm3' : 'sha256';
}

/** Hash of an event with the current algorithm (new events). */
export function hashEvent(e: ChainedEvent, algorithm: ChainAlgorithm = chainAlgorithm): string {
  const digest = digestEvent(e, algorithm);
  return algorithm === 'sm3' ? `sm3:${digest}` : digest;
}

/** Over a fixed-order JSON array of every field, so no field can change unseen. */
function digestEvent(e: ChainedEvent, algorithm: ChainAlgorithm): string {
  const payload = JSON.stringify([
    e.chain,
    e.seq,
    e.prevHash,
    e.agencyId,
    e.actorId,
    e.actorName,
    e.action,
    e.subjectType,
    e.subjectId,
    e.summary,
    e.beforeJson,
    e.afterJson,
    e.at,
    e.clientIp,
  ]);
  return createHash(algorithm).update(payload).digest('hex');
}

/** "5" or "5–14". */
export function rangeText(r: { from: number; to: number }): string {
  return r.from === r.to ? String(r.from) : `${r.from}–${r.to}`;
}

export interface ChainBreak {
  seq: number;
  reason: string;
  /** For deleted events: the seqs that are missing, first and last. */
  missing?: { from: number; to: number };
}

/**
 * Walks one chain in seq order and returns the first break, or null. `anchor` is the last
 * head recorded outside the table: the chain must still contain it unchanged (one of `hashes`
 * when several were anchored at that seq, see src/modules/audit/audit.anchors.ts).
 */
export function findChainBreak(
  events: Array<ChainedEvent & { hash: string }>,
  anchor: { seq: number; hash: string; hashes?: readonly string[] } | null,
): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) {
      const missing = { from: expectedSeq, to: e.seq - 1 };
      return { seq: expectedSeq, reason: `缺少第 ${rangeText(missing)} 条事件（记录被删除）`, missing };
    }
    if (e.prevHash !== prev) return { seq: e.seq, reason: '前一事件的哈希不符（链被改动）' };
    if (hashEvent(e, algorithmOf(e.hash)) !== e.hash)
      return { seq: e.seq, reason: '事件内容与其哈希不符（记录被修改）' };
    prev = e.hash;
    expectedSeq += 1;
  }
  if (anchor) {
    const anchored = events[anchor.seq - 1];
    if (!anchored) {
      const missing = { from: events.length + 1, to: anchor.seq };
      return {
        seq: missing.from,
        reason: `链尾被截断：第 ${rangeText(missing)} 条事件已不存在（外部锚定到第 ${anchor.seq} 条）`,
        missing,
      };
    }
    if (!(anchor.hashes ?? [anchor.hash]).includes(anchored.hash))
      return { seq: anchor.seq, reason: '与外部锚定的哈希不符（链被重写）' };
  }
  return null;
}
