/**
 * The job leases (STYLE.md rule 14). Each statement is one portable upsert or update, the same
 * SQL on SQLite and PostgreSQL; a claim is decided by the row's lease_until, so of two nodes
 * claiming at once exactly one wins (the row lock on PostgreSQL, the write lock on SQLite).
 * Times are ISO strings (UTC), which compare in order as text.
 */
import type { DbOrTx } from '../../db/database.ts';

/**
 * Claims the job for `holder` until `leaseUntil` if no one holds it (`lease_until <= now`).
 * Returns true when this holder now has it.
 */
export async function claimLease(
  db: DbOrTx,
  name: string,
  holder: string,
  now: string,
  leaseUntil: string,
): Promise<boolean> {
  await db
    .insertInto('job_lease')
    .values({ name, holder, lease_until: leaseUntil, last_started_at: now })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, lease_until: leaseUntil, last_started_at: now })
        .where('job_lease.lease_until', '<=', now),
    )
    .execute();
  const row = await db
    .selectFrom('job_lease')
    .select(['holder', 'last_started_at'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.holder === holder && row.last_started_at === now;
}

/** Extends a running job's lease; false when the lease is no longer this holder's. */
export async function renewLease(db: DbOrTx, name: string, holder: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('job_lease')
    .set({ lease_until: leaseUntil })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Ends a run: the lease is kept until the job is next due (`nextDue`). */
export async function finishLease(
  db: DbOrTx,
  name: string,
  holder: string,
  finishedAt: string,
  nextDue: string,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('job_lease')
    .set({ lease_until: nextDue, last_finished_at: finishedAt, last_error: error })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

export interface LeaseRow {
  name: string;
  holder: string;
  leaseUntil: string;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
}

export async function listLeases(db: DbOrTx): Promise<LeaseRow[]> {
  const rows = await db.selectFrom('job_lease').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    holder: r.holder,
    leaseUntil: r.lease_until,
    lastStartedAt: r.last_started_at,
    lastFinishedAt: r.last_finished_at,
    lastError: r.last_error,
  }));
}
