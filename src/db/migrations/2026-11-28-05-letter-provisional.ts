/**
 * Provisional notices (暂定): the calendar years not loaded that the dates a notice states depend
 * on (comma-separated, e.g. `2027`), or null. Such a notice is not sent until those years are
 * loaded and its dates are checked again (docs/letters.md). Portable DDL. Frozen once landed
 * (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('application_letter').addColumn('provisional_years', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('application_letter').dropColumn('provisional_years').execute();
}
