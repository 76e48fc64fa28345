/**
 * An agency's own public list (the portal's 法定主动公开内容 columns) reads catalog_item newest
 * first by search key: this index serves it without sorting (src/modules/search/search.repository.ts).
 * Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('catalog_item_agency_key_idx')
    .on('catalog_item')
    .columns(['agency_id', 'search_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalog_item_agency_key_idx').execute();
}
