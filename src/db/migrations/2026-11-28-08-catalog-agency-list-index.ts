/**
 * Replaces 2026-11-28-07's (agency_id, search_key) index with one that also holds the columns an
 * agency's public list filters and counts by, so the portal's column counts and its list pages
 * read the index alone and fetch only the twenty rows they show (docs/benchmarks.md, 主动公开).
 * Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalog_item_agency_key_idx').execute();
  await db.schema
    .createIndex('catalog_item_agency_list_idx')
    .on('catalog_item')
    .columns(['agency_id', 'search_key', 'status', 'statutory_item', 'category_id', 'doc_type'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalog_item_agency_list_idx').execute();
  await db.schema
    .createIndex('catalog_item_agency_key_idx')
    .on('catalog_item')
    .columns(['agency_id', 'search_key'])
    .execute();
}
