/**
 * SQL of reminder recipients (application_reminder_recipient): what became of each reminder's
 * e-mail to each staff member. Rows become plain objects before they leave.
 */
import type { DbOrTx } from '../../../db/database.ts';

/** queued: in the outbox; no_email: the account has no (valid) address; opted_out: the user turned reminder e-mails off. */
export type RecipientOutcome = 'queued' | 'no_email' | 'opted_out';

export interface RecipientRow {
  applicationId: string;
  key: string;
  userId: string;
  outcome: RecipientOutcome;
  messageId: string | null;
  recordedAt: string;
}

/**
 * Records one recipient of a reminder. Called in the transaction that inserted the reminder
 * row, so the reminder, this row and the outbox message commit together or not at all.
 */
export async function insertRecipient(db: DbOrTx, r: RecipientRow): Promise<void> {
  await db
    .insertInto('application_reminder_recipient')
    .values({
      application_id: r.applicationId,
      key: r.key,
      user_id: r.userId,
      outcome: r.outcome,
      message_id: r.messageId,
      recorded_at: r.recordedAt,
    })
    .execute();
}

/** The recipients of one reminder, by user. */
export async function recipientsOf(db: DbOrTx, applicationId: string, key: string): Promise<RecipientRow[]> {
  const rows = await db
    .selectFrom('application_reminder_recipient')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('key', '=', key)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    key: r.key,
    userId: r.user_id,
    outcome: r.outcome as RecipientOutcome,
    messageId: r.message_id,
    recordedAt: r.recorded_at,
  }));
}

/**
 * Active staff of the agencies whose reminder e-mails were skipped since an instant because
 * they have no address — and still have none (once one is set, the warning goes away).
 */
export async function recipientsStillWithoutEmail(
  db: DbOrTx,
  agencyIds: readonly string[],
  since: string,
): Promise<Array<{ userId: string; displayName: string; skipped: number }>> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('application_reminder_recipient as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['u.id as userId', 'u.display_name as displayName', (eb) => eb.fn.countAll<number>().as('skipped')])
    .where('r.outcome', '=', 'no_email')
    .where('r.recorded_at', '>=', since)
    .where('u.agency_id', 'in', agencyIds as string[])
    .where('u.status', '=', 'active')
    .where('u.email', 'is', null)
    .groupBy(['u.id', 'u.display_name'])
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ userId: r.userId, displayName: r.displayName, skipped: Number(r.skipped) }));
}

/** How the reminders' e-mails since an instant went, for an agency's dashboard. */
export async function outcomeCountsSince(
  db: DbOrTx,
  agencyIds: readonly string[],
  since: string,
): Promise<Record<RecipientOutcome, number>> {
  const out: Record<RecipientOutcome, number> = { queued: 0, no_email: 0, opted_out: 0 };
  if (agencyIds.length === 0) return out;
  const rows = await db
    .selectFrom('application_reminder_recipient as r')
    .innerJoin('application as a', 'a.id', 'r.application_id')
    .select(['r.outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.agency_id', 'in', agencyIds as string[])
    .where('r.recorded_at', '>=', since)
    .groupBy('r.outcome')
    .execute();
  for (const r of rows) if (r.outcome in out) out[r.outcome as RecipientOutcome] = Number(r.n);
  return out;
}

/** How many reminders the sweep recorded for the agencies' applications since an instant. */
export async function countRemindersSince(db: DbOrTx, agencyIds: readonly string[], since: string): Promise<number> {
  if (agencyIds.length === 0) return 0;
  const row = await db
    .selectFrom('application_reminder as r')
    .innerJoin('application as a', 'a.id', 'r.application_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.agency_id', 'in', agencyIds as string[])
    .where('r.sent_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
