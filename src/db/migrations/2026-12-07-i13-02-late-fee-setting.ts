/**
 * The agency's [INTERPRETATION] setting whether a payment dated after its period may be accepted
 * with a recorded reason (lifecycle.md "Facts entered late"; 109号 has no 正当理由 exception, so
 * it is off unless the agency turns it on). One row per agency that changed it. Portable DDL.
 * Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_clock_setting')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agency.id').onDelete('cascade'))
    .addColumn('late_fee_payment_acceptable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_clock_setting').execute();
}
