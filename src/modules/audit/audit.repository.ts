import { sql, type Selectable } from 'kysely';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { AuditEventTable } from '../../db/tables/foundation.ts';
import type { ChainedEvent } from '../../domain/audit-chain.ts';

export interface AuditEventRow extends ChainedEvent {
  id: number;
  hash: string;
}

/**
 * Serializes writers of one chain. On PostgreSQL a transaction-scoped advisory lock keyed by the
 * chain, so several app nodes append safely; SQLite transactions are already serialized by the
 * database lock. The (chain, seq) unique constraint is the last line of defence.
 */
export async function lockChain(tx: DbOrTx, chain: string): Promise<void> {
  if (dialectOf(tx) === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${'audit:' + chain}))`.execute(tx);
  }
}

export async function findChainHead(db: DbOrTx, chain: string): Promise<{ seq: number; hash: string } | null> {
  const row = await db
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertEvent(db: DbOrTx, e: ChainedEvent & { hash: string }): Promise<number> {
  const row = await db
    .insertInto('audit_event')
    .values({
      chain: e.chain,
      seq: e.seq,
      agency_id: e.agencyId,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      summary: e.summary,
      before_json: e.beforeJson,
      after_json: e.afterJson,
      at: e.at,
      client_ip: e.clientIp,
      prev_hash: e.prevHash,
      hash: e.hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An audit_event row as selected. */
type Row = Selectable<AuditEventTable>;

function toEvent(r: Row): AuditEventRow {
  return {
    id: r.id,
    chain: r.chain,
    seq: r.seq,
    agencyId: r.agency_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: r.summary,
    beforeJson: r.before_json,
    afterJson: r.after_json,
    at: r.at,
    clientIp: r.client_ip,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function listChains(db: DbOrTx): Promise<Array<{ chain: string; events: number; headSeq: number }>> {
  const rows = await db
    .selectFrom('audit_event')
    .select(['chain', (eb) => eb.fn.countAll<number>().as('events'), (eb) => eb.fn.max('seq').as('head_seq')])
    .groupBy('chain')
    .orderBy('chain')
    .execute();
  return rows.map((r) => ({ chain: r.chain, events: Number(r.events), headSeq: Number(r.head_seq) }));
}

export async function listChainHeads(db: DbOrTx): Promise<Array<{ chain: string; seq: number; hash: string }>> {
  const rows = await db
    .selectFrom('audit_event as e')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('audit_event')
          .select(['chain', (x) => x.fn.max('seq').as('max_seq')])
          .groupBy('chain')
          .as('h'),
      (join) => join.onRef('h.chain', '=', 'e.chain').onRef('h.max_seq', '=', 'e.seq'),
    )
    .select(['e.chain', 'e.seq', 'e.hash'])
    .orderBy('e.chain')
    .execute();
  return rows;
}

/** One chain in seq order, in pages so a long chain never sits in memory whole. */
export async function* streamChain(db: DbOrTx, chain: string, pageSize = 5000): AsyncGenerator<AuditEventRow> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('chain', '=', chain)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) yield toEvent(r);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export interface AuditFilter {
  agencyIds: readonly string[] | 'all';
  agencyId?: string;
  actor?: string;
  action?: string;
  subjectType?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

export async function searchEvents(
  db: DbOrTx,
  f: AuditFilter,
): Promise<Array<AuditEventRow & { agencyName: string | null }>> {
  let q = db
    .selectFrom('audit_event as e')
    .leftJoin('agency as a', 'a.id', 'e.agency_id')
    .selectAll('e')
    .select('a.name as agency_name');
  if (f.agencyIds !== 'all') q = q.where('e.agency_id', 'in', f.agencyIds.length ? [...f.agencyIds] : ['']);
  if (f.agencyId) q = q.where('e.agency_id', '=', f.agencyId);
  if (f.actor) q = q.where('e.actor_name', 'like', `%${f.actor}%`);
  if (f.action) q = q.where('e.action', 'like', `${f.action}%`);
  if (f.subjectType) q = q.where('e.subject_type', '=', f.subjectType);
  if (f.from) q = q.where('e.at', '>=', f.from);
  if (f.to) q = q.where('e.at', '<', f.to);
  if (f.beforeId) q = q.where('e.id', '<', f.beforeId);
  const rows = await q.orderBy('e.id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ ...toEvent(r), agencyName: r.agency_name }));
}

export async function countEventsSince(db: DbOrTx, agencyId: string | null, since: string): Promise<number> {
  let q = db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>=', since);
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
