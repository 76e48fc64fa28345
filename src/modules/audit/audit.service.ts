/**
 * The audit trail: every state change writes one append-only, hash-chained event in the same
 * transaction as the change (DESIGN.md non-negotiable 4). Nothing in the app updates or
 * deletes an event.
 */
import type { DbOrTx } from '../../db/database.ts';
import { findChainBreak, GENESIS_HASH, hashEvent, rangeText, type ChainedEvent } from '../../domain/audit-chain.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { appendAnchors, readLatestAnchors, type Anchor, type AnchoredHead } from './audit.anchors.ts';
import * as repo from './audit.repository.ts';

export interface AuditEntry {
  agencyId: string | null;
  /** Dotted verb, e.g. `user.create`, `auth.login_failed`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** One line in Chinese a person can read in the audit viewer. */
  summary: string;
  /** The record's fields before and after the change (an object, shown field by field). */
  before?: object;
  after?: object;
}

/**
 * Appends one event to the chain of its agency ('system' when none). Call it inside the
 * transaction that makes the change, so the change and its record commit together.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry, clock: Clock): Promise<void> {
  const chain = entry.agencyId ?? 'system';
  await repo.lockChain(tx, chain);
  const head = await repo.findChainHead(tx, chain);
  const event: ChainedEvent = {
    chain,
    seq: (head?.seq ?? 0) + 1,
    agencyId: entry.agencyId,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    summary: entry.summary,
    beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
    afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
    at: clock.now().toISOString(),
    clientIp: actor.clientIp,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await repo.insertEvent(tx, { ...event, hash: hashEvent(event) });
}

export interface ChainReport {
  chain: string;
  events: number;
  headHash: string | null;
  ok: boolean;
  firstBrokenSeq: number | null;
  reason: string | null;
  /** Deleted events, first and last seq (a cut-off tail: up to the anchored head). */
  missing: { from: number; to: number } | null;
}

/**
 * Verifies every chain: consecutive seqs, each prev-hash link, each event's own hash, and that
 * the chain still contains the heads anchored outside the table. A chain that was anchored but
 * has vanished entirely is reported too.
 */
export async function verifyAudit(db: DbOrTx, anchorDir: string): Promise<{ ok: boolean; chains: ChainReport[] }> {
  // The anchors first, the table after: on a live system an anchor is written just before its
  // COMMIT (src/db/commit-watch.ts), so reading the table first could miss a row whose anchor
  // is already there.
  const anchors = readLatestAnchors(anchorDir);
  const chains = await repo.listChains(db);
  const reports: ChainReport[] = [];
  for (const { chain } of chains) {
    const anchor = anchors.get(chain) ?? null;
    let report = await verifyChain(db, chain, anchor);
    // A tail just short of its anchor may be a COMMIT still on its way: read the chain once more.
    if (report.missing && report.missing.to === anchor?.seq) report = await verifyChain(db, chain, anchor);
    reports.push(report);
  }
  // Likewise a new chain whose first COMMIT was on its way when the table was listed.
  const vanished = [...anchors].filter(([chain]) => !chains.some((c) => c.chain === chain));
  const relisted = vanished.length ? await repo.listChains(db) : chains;
  for (const [chain, anchor] of vanished) {
    if (relisted.some((c) => c.chain === chain)) {
      reports.push(await verifyChain(db, chain, anchor));
    } else {
      reports.push({
        chain,
        events: 0,
        headHash: null,
        ok: false,
        firstBrokenSeq: 1,
        reason: `整条链已被删除：第 ${rangeText({ from: 1, to: anchor.seq })} 条事件已不存在（外部锚定到第 ${anchor.seq} 条）`,
        missing: { from: 1, to: anchor.seq },
      });
    }
  }
  return { ok: reports.every((r) => r.ok), chains: reports };
}

async function verifyChain(db: DbOrTx, chain: string, anchor: AnchoredHead | null): Promise<ChainReport> {
  const events = [];
  for await (const e of repo.streamChain(db, chain)) events.push(e);
  const broken = findChainBreak(events, anchor);
  return {
    chain,
    events: events.length,
    headHash: events.at(-1)?.hash ?? null,
    ok: broken === null,
    firstBrokenSeq: broken?.seq ?? null,
    reason: broken?.reason ?? null,
    missing: broken?.missing ?? null,
  };
}

/**
 * Writes every chain's current head to today's digest file (only heads that moved since the last
 * anchor). Run by the periodic job, at shutdown and by `gongkai audit anchor`.
 */
export async function anchorAuditHeads(db: DbOrTx, anchorDir: string, clock: Clock): Promise<Anchor[]> {
  const known = readLatestAnchors(anchorDir);
  const now = clock.now();
  const fresh = (await repo.listChainHeads(db))
    .filter((h) => known.get(h.chain)?.seq !== h.seq)
    .map((h) => ({ chain: h.chain, seq: h.seq, hash: h.hash, at: now.toISOString() }));
  appendAnchors(anchorDir, shanghaiDate(now), fresh);
  return fresh;
}

export interface AuditQuery {
  agencyId?: string;
  actor?: string;
  action?: string;
  subjectType?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** The audit viewer's query: the audit administrator's reach, newest first, paged by cursor. */
export async function searchAudit(db: DbOrTx, actor: Actor, q: AuditQuery) {
  authorize(actor, 'audit.read', q.agencyId ? { agencyId: q.agencyId } : {});
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const beforeId = q.cursor ? Number(q.cursor) : undefined;
  const rows = await repo.searchEvents(db, {
    agencyIds: actor.visibleAgencies === 'all' ? 'all' : [...actor.visibleAgencies],
    agencyId: q.agencyId,
    actor: q.actor,
    action: q.action,
    subjectType: q.subjectType,
    from: q.from,
    to: q.to,
    beforeId: Number.isFinite(beforeId) ? beforeId : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
}
