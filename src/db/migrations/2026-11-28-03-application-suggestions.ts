/**
 * 第四十四条 suggestions: what the agency decided about a group of applications for the same
 * information — a catalog draft was started from it, or it was dismissed with a reason. One row
 * per application and decision; `batch_id` ties the rows of one decision together. Portable
 * DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_suggestion')
    .addColumn('application_id', 'text', (c) => c.primaryKey().references('application.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    // drafted | dismissed
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('catalog_item_id', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_suggestion_agency_idx')
    .on('application_suggestion')
    .columns(['agency_id', 'decided_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_suggestion').execute();
}
