/** The few counts /metrics reads at each scrape: one small aggregate query each. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

/** E-mails waiting for delivery (queued or being sent), per status. */
export async function outboxBacklog(db: DbOrTx): Promise<Array<{ status: string; count: number }>> {
  const rows = await db
    .selectFrom('outbox_message')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('channel', '=', 'email')
    .where('sent_at', 'is', null)
    .where('status', 'in', ['queued', 'sending', 'failed'])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

/**
 * Open applications past their reply deadline on `today` (YYYY-MM-DD, Asia/Shanghai), across all
 * agencies — the figure the dashboards show per agency (第三十三条).
 */
export async function overdueApplications(db: DbOrTx, today: string): Promise<number> {
  const row = await db
    .selectFrom('application')
    .select(sql<number>`count(*)`.as('n'))
    .where('state', '!=', 'closed')
    .where('reply_due', '<', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
