/**
 * The next 索引号 serial of an agency and year is `max(index_serial)` (catalog.repository.ts:
 * nextSerial); without an index on it every submission read all of the agency's items — a cost
 * that grew with the catalog (issue 19: publishing 20,000 items into one agency slowed from 3 to
 * 7 ms per submission within the first 1,500). Portable DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('catalog_item_serial_idx')
    .on('catalog_item')
    .columns(['agency_id', 'index_year', 'index_serial'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalog_item_serial_idx').execute();
}
