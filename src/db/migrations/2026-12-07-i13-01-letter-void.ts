/**
 * A notice made void without being deleted (lifecycle.md "Facts entered late"): when a correction
 * or payment dated within its period is registered after the sweep recorded the lapse, the
 * 视为放弃申请告知书 stays in the file, marked void with when and why. Portable DDL. Frozen once
 * landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('application_letter').addColumn('voided_at', 'text').execute();
  await db.schema.alterTable('application_letter').addColumn('void_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('application_letter').dropColumn('void_reason').execute();
  await db.schema.alterTable('application_letter').dropColumn('voided_at').execute();
}
